import CICUSearch
import Foundation

/// The site's full-text search data, per page language (`search/da/`, `search/en/` …), made
/// at build time from the articles' search words and read by the index page's script:
///
/// - `meta.json`: the number of documents, the first word of each piece of the word list,
///   how the language folds letters (`{"é": "e", "å": "å"}`), and the characters of scripts
///   written without spaces (each a word; a pair of neighbours is a word too, so a run of
///   them is found in order).
/// - `w/N.json`: a piece of the word list, in code point order: each word with the documents it
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
        // The word list in pieces, in code point order (UTF-8 byte order; the script compares so too).
        let order = index.terms.indices.sorted { index.terms[$0].utf8.lexicographicallyPrecedes(index.terms[$1].utf8) }
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
        // Words get numbers as they are first seen, by their UTF-8 bytes (they are normalized
        // already, so a String's Unicode hashing would only cost); each page's words are counted
        // by number in one array, reset for the next page.
        var words = WordInterner()
        var pageTerms: [[(id: Int32, tf: Double)]] = []
        var lengths: [Double] = []
        var unspaced: [UInt32: Bool] = [:]
        var counts: [Double] = []
        var touched: [Int32] = []
        var pair: [UInt8] = []
        func count(_ id: Int32, _ weight: Double) {
            while counts.count <= Int(id) { counts.append(0) }
            if counts[Int(id)] == 0 { touched.append(id) }
            counts[Int(id)] += weight
        }
        for page in pages {
            var length = 0.0
            for (text, weight) in page.fields {
                var text = text
                text.withUTF8 { bytes in
                    var run: Range<Int>?
                    var start = 0
                    while start < bytes.count {
                        var end = start
                        while end < bytes.count && bytes[end] != 0x20 { end += 1 }
                        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                        count(words.id(word), weight)
                        length += weight
                        // A pair of neighbouring characters of a script without spaces is a word too.
                        if let scalar = Self.singleScalar(word) {
                            let isUnspaced =
                                unspaced[scalar]
                                ?? {
                                    let value = tolk_search_is_unspaced(Int32(bitPattern: scalar)) != 0
                                    unspaced[scalar] = value
                                    return value
                                }()
                            if isUnspaced {
                                if let before = run {
                                    pair.removeAll(keepingCapacity: true)
                                    pair.append(contentsOf: bytes[before])
                                    pair.append(contentsOf: word)
                                    pair.withUnsafeBufferPointer { count(words.id($0), weight) }
                                }
                                run = start..<end
                                start = end + 1
                                continue
                            }
                        }
                        run = nil
                        start = end + 1
                    }
                }
            }
            pageTerms.append(touched.map { ($0, counts[Int($0)]) })
            for id in touched { counts[Int(id)] = 0 }
            touched.removeAll(keepingCapacity: true)
            lengths.append(length)
        }
        let terms = words.strings()
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

    /// The scalar a word of 2 to 4 UTF-8 bytes is, when it is exactly one (ASCII is never unspaced).
    private static func singleScalar(_ word: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard word.count >= 2, word.count <= 4 else { return nil }
        let lead = word[0]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length == word.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(word[k] & 0x3F) }
        return value
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

/// Numbers for words by their UTF-8 bytes: open addressing on an FNV-1a hash, bytes compared
/// as bytes. For search words, which are normalized when they are made.
struct WordInterner {
    private var slots = [Int32](repeating: -1, count: 1 << 16)
    private var storage: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []

    /// The number of `word`, a new one when it is new.
    mutating func id(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && equals(Int(id), word) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        hashes.append(hash)
        storage.append(contentsOf: word)
        starts.append(storage.count)
        slots[slot] = id
        if hashes.count * 2 > slots.count {
            // Grow: half full at most, so that probes stay short.
            slots = [Int32](repeating: -1, count: slots.count * 2)
            mask = slots.count - 1
            for (k, h) in hashes.enumerated() {
                var s = Int(truncatingIfNeeded: h) & mask
                while slots[s] >= 0 { s = (s + 1) & mask }
                slots[s] = Int32(k)
            }
        }
        return id
    }

    private func equals(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, end) = (starts[id], starts[id + 1])
        guard end - start == word.count else { return false }
        for k in 0..<word.count where storage[start + k] != word[k] { return false }
        return true
    }

    /// Every word, by number.
    func strings() -> [String] {
        (0..<hashes.count).map { String(decoding: storage[starts[$0]..<starts[$0 + 1]], as: UTF8.self) }
    }
}
