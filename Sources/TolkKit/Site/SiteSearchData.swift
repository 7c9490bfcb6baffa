import CICUSearch
import Foundation

/// The search documents of the copies the article pass renders, collected from its
/// threads: the site's full-text search is made from them, and the search cache keeps them.
final class SiteSearchCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: SearchIndex.Parsed] = [:]

    /// Keeps what search needs of a copy, by its path below the content folder.
    func add(_ relativePath: String, _ item: SearchIndex.Parsed) {
        lock.lock()
        parsed[relativePath] = item
        lock.unlock()
    }

    var all: [String: SearchIndex.Parsed] {
        lock.lock()
        defer { lock.unlock() }
        return parsed
    }
}

/// The site's full-text search data, per page language (`search/da/`, `search/en/` …), made
/// at build time from the articles' search words and read by the index page's script:
///
/// - `meta.json`: the number of documents, the first word of each piece of the word list,
///   how the language folds letters (`{"é": "e", "å": "å"}`), and the characters of scripts
///   written without spaces (each a word; a pair of neighbours is a word too, so a run of
///   them is found in order).
/// - `w/N.json`: a piece of the word list, in UTF-16 order: each word with the documents it
///   occurs in and its BM25 score in each (title words weigh more than body words),
///   `[doc, score, doc - previous doc, score, …]`.
///   A one-word query downloads one piece.
/// - `d/N.json`: documents `32·N` to `32·N + 31`: `[url, title, English title]`, the URL
///   relative to the language's index page.
struct SiteSearchData {
    /// One page a search can find.
    struct Page {
        var url: String
        var title: String
        /// The English title where the page's title is in another language; empty otherwise.
        var englishTitle: String
        /// The document's search words and their weights.
        var fields: [(words: String, weight: Double)]
        /// The text the words came from (for the folding table).
        var text: [String]
        /// The language whose folding made the words.
        var language: String
    }

    static let documentsPerPiece = 32
    /// BM25's term-frequency saturation and length normalisation, as SQLite's FTS5 uses them.
    static let k1 = 1.2
    static let b = 0.75

    /// The pages of one page language: its own copies (their text in the language; the
    /// English originals are the English index's), and the English page of articles the
    /// language lacks.
    static func pages(language: String, catalog: SiteCatalog, documents: [String: SearchDocument]) -> [Page] {
        var pages: [Page] = []
        for entry in catalog.entries {
            if language != "en", let copy = SiteCatalog.copy(entry, in: language), let document = documents[copy.path] {
                let words = document.words
                pages.append(
                    Page(
                        url: entry.slug + "/index.html", title: copy.title,
                        englishTitle: copy.englishTitle == copy.title ? "" : copy.englishTitle,
                        fields: [(words[0], SearchIndex.weights[0]), (words[2], SearchIndex.weights[2])],
                        text: [document.title, document.body],
                        language: LanguageChoice.language(of: copy.locale) ?? "und"))
            } else if let english = entry.english, let document = documents[english.path] {
                let words = document.words
                pages.append(
                    Page(
                        url: (language == "en" ? "" : "../en/") + entry.slug + "/index.html", title: english.englishTitle, englishTitle: "",
                        fields: [(words[1], SearchIndex.weights[0]), (words[3], SearchIndex.weights[2])],
                        text: [document.englishTitle, document.englishBody], language: LanguageChoice.language(of: english.locale) ?? "und")
                )
            }
        }
        return pages
    }

    let pages: [Page]
    /// Piece files of the word list are about this size (smaller for a small site).
    let pieceSize: Int

    init(pages: [Page]) {
        self.pages = pages
        let textBytes = pages.reduce(0) { $0 + $1.text.reduce(0) { $0 + $1.utf8.count } }
        pieceSize = max(2_000, min(48_000, textBytes / 20))
    }

    /// The files of one language's search data, by path below its `search/` folder.
    func files() -> [(path: String, bytes: [UInt8])] {
        let index = postings()
        var out: [(String, [UInt8])] = []
        // The word list in pieces, in UTF-16 order (the script compares words as JavaScript does).
        let order = index.terms.indices.sorted { index.terms[$0].utf16.lexicographicallyPrecedes(index.terms[$1].utf16) }
        var firsts: [String] = []
        var piece: [UInt8] = []
        piece.reserveCapacity(pieceSize + 4096)
        func flush() {
            guard !piece.isEmpty else { return }
            piece.append(UInt8(ascii: "}"))
            out.append(("w/\(firsts.count - 1).json", piece))
            piece.removeAll(keepingCapacity: true)
        }
        for term in order {
            piece.append(piece.isEmpty ? UInt8(ascii: "{") : UInt8(ascii: ","))
            if piece.count == 1 { firsts.append(index.terms[term]) }
            // Search words are letters, marks and digits: nothing in them needs escaping.
            piece.append(UInt8(ascii: "\""))
            piece.append(contentsOf: index.terms[term].utf8)
            piece.append(contentsOf: "\":[".utf8)
            var previous = 0
            for (n, posting) in index.postings[term].enumerated() {
                if n > 0 { piece.append(UInt8(ascii: ",")) }
                Self.appendNumber(posting.doc - previous, to: &piece)
                piece.append(UInt8(ascii: ","))
                Self.appendNumber(posting.score, to: &piece)
                previous = posting.doc
            }
            piece.append(UInt8(ascii: "]"))
            if piece.count >= pieceSize { flush() }
        }
        flush()
        // The documents in pieces.
        for start in stride(from: 0, to: pages.count, by: Self.documentsPerPiece) {
            let slice = pages[start..<min(pages.count, start + Self.documentsPerPiece)]
            let list = JSONValue.array(slice.map { .array([.string($0.url), .string($0.title), .string($0.englishTitle)]) })
            out.append(("d/\(start / Self.documentsPerPiece).json", Array(list.serialized(indent: 0).utf8)))
        }
        let (fold, unspaced) = foldingTable()
        let meta = JSONValue.object([
            ("v", .int(1)), ("docs", .int(pages.count)), ("docsPerPiece", .int(Self.documentsPerPiece)),
            ("pieces", .array(firsts.map(JSONValue.string))),
            ("fold", .object(fold.map { ($0.key, .string($0.value)) }.sorted { $0.0 < $1.0 })), ("unspaced", .string(unspaced)),
        ])
        out.append(("meta.json", Array(meta.serialized(indent: 0).utf8)))
        return out
    }

    private static func appendNumber(_ value: Int, to bytes: inout [UInt8]) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[k]) }
        }
    }

    /// The word list: every word once, and for each the documents it occurs in with its BM25
    /// score in each (× 100, rounded), in document order.
    struct Postings {
        var terms: [String] = []
        var postings: [[(doc: Int, score: Int)]] = []
    }

    func postings() -> Postings {
        // Words get numbers as they are first seen; each page's words are counted by number.
        var ids: [Substring: Int32] = [:]
        var terms: [String] = []
        var pageTerms: [[(id: Int32, tf: Double)]] = []
        var lengths: [Double] = []
        var unspaced: [Unicode.Scalar: Bool] = [:]
        var counts: [Int32: Double] = [:]
        func id(_ word: Substring) -> Int32 {
            if let known = ids[word] { return known }
            let new = Int32(terms.count)
            ids[word] = new
            terms.append(String(word))
            return new
        }
        for page in pages {
            counts.removeAll(keepingCapacity: true)
            var length = 0.0
            for (words, weight) in page.fields {
                var run: Substring?
                for word in words.split(separator: " ") {
                    counts[id(word), default: 0] += weight
                    length += weight
                    // A pair of neighbouring characters of a script without spaces is a word too.
                    if word.utf8.count <= 4, word.unicodeScalars.count == 1, let scalar = word.unicodeScalars.first {
                        let isUnspaced =
                            unspaced[scalar]
                            ?? {
                                let value = tolk_search_is_unspaced(Int32(bitPattern: scalar.value)) != 0
                                unspaced[scalar] = value
                                return value
                            }()
                        if isUnspaced {
                            if let before = run { counts[id(Substring(String(before) + String(word))), default: 0] += weight }
                            run = word
                            continue
                        }
                    }
                    run = nil
                }
            }
            pageTerms.append(counts.map { ($0.key, $0.value) })
            lengths.append(length)
        }
        let average = max(1, lengths.reduce(0, +) / Double(max(1, lengths.count)))
        var documentCount = [Int](repeating: 0, count: terms.count)
        for list in pageTerms { for (term, _) in list { documentCount[Int(term)] += 1 } }
        let total = Double(pages.count)
        let idf = documentCount.map { df in log(1 + (total - Double(df) + 0.5) / (Double(df) + 0.5)) }
        var postings = documentCount.map { df -> [(doc: Int, score: Int)] in
            var list: [(doc: Int, score: Int)] = []
            list.reserveCapacity(df)
            return list
        }
        for (doc, list) in pageTerms.enumerated() {
            let norm = Self.k1 * (1 - Self.b + Self.b * lengths[doc] / average)
            for (term, tf) in list {
                let score = idf[Int(term)] * tf * (Self.k1 + 1) / (tf + norm)
                postings[Int(term)].append((doc, max(1, Int((score * 100).rounded()))))
            }
        }
        return Postings(terms: terms, postings: postings)
    }

    /// How the pages' languages fold each letter their text has (`é` → `e`; Danish `å`
    /// stays `å`), by the lower-case letter, and the characters of scripts without spaces.
    func foldingTable() -> (fold: [String: String], unspaced: String) {
        var seen: [String: Set<UInt32>] = [:]
        for page in pages {
            var letters = seen[page.language] ?? []
            for text in page.text {
                for scalar in text.unicodeScalars where scalar.value >= 0x80 { letters.insert(scalar.value) }
            }
            seen[page.language] = letters
        }
        var fold: [String: String] = [:]
        var unspaced = Set<Unicode.Scalar>()
        for (language, letters) in seen {
            var tokenizer = SearchTokenizer(language: language)
            for value in letters {
                guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                    continue
                }
                let lower = scalar.properties.lowercaseMapping
                guard lower.unicodeScalars.count == 1 else { continue }
                tokenizer.scan(String(scalar)) { word in
                    if word.isUnspaced {
                        unspaced.insert(scalar)
                    } else if word.text != lower {
                        fold[lower] = word.text
                    } else if fold[lower] == nil, lower.unicodeScalars.first!.value >= 0x80 {
                        fold[lower] = lower
                    }
                }
            }
        }
        // Letters that keep their marks are listed as themselves, so the script does not strip them.
        return (fold, String(String.UnicodeScalarView(unspaced.sorted { $0.value < $1.value })))
    }
}
