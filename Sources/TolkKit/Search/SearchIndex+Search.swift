import Foundation

/// One article found: the copy shown, in the reader's language where the article has one.
public struct SearchHit: Hashable, Sendable {
    /// The name to pass to `tolk show`: the file name without `.md`.
    public var slug: String
    /// The article's path.
    public var path: String
    /// The locale of the copy shown (`da-DK`).
    public var locale: String
    /// The title in the reader's language (the English title for an English reader, or
    /// where the article is not in the reader's language).
    public var title: String
    /// The article's English title.
    public var englishTitle: String
    /// Every locale the article exists in, sorted.
    public var locales: [String]
    /// A line of the article around the words found.
    public var snippet: SearchSnippet
    /// BM25 relevance: higher is better.
    public var score: Double
}

/// A line of an article's text around the words found, with those words marked.
public struct SearchSnippet: Hashable, Sendable {
    /// The line's text.
    public var text: String
    /// The found words, as ranges of Unicode scalars of `text`.
    public var highlights: [Range<Int>]
}

/// An article as `tolk list` shows it.
public struct ListedArticle: Hashable, Sendable {
    /// The name to pass to `tolk show`: the file name without `.md`.
    public var slug: String
    /// The article's path.
    public var path: String
    /// The article's title.
    public var title: String
    /// The article's English title.
    public var englishTitle: String
    /// Every locale the article exists in, sorted.
    public var locales: [String]
}

extension SearchIndex {
    /// The weight of a word in the title, the English title, the body and the English body:
    /// words of the title count more than words of the body, and the reader's own language
    /// more than the English originals.
    static let weights = [10.0, 6.0, 1.0, 0.6]

    /// The indexed locale a reader's `wanted` locale (`da`, `da-DK`, `da_DK.UTF-8`) names:
    /// the same tag, else the first of the same language; `en` for English (the originals).
    public func locale(for wanted: String) -> String? {
        let tag = LanguageChoice.tag(wanted)
        guard let language = LanguageChoice.language(of: tag) else { return nil }
        if language == "en" { return "en" }
        let copies = locales.map { LocaleCopy(locale: $0, path: "") }
        return ArticleLocator.copy(for: tag, in: copies)?.locale
    }

    /// The articles that match `query`, best first. `locale` is the reader's (from
    /// ``locale(for:)``): its copies are searched in both languages, articles it lacks by
    /// their English; `en` searches the English of every article; nil searches every copy.
    /// Every word must occur; when no article has them all, articles with any are found.
    public func search(_ text: String, locale reader: String?, limit: Int) throws(SQLiteError) -> [SearchHit] {
        let english = reader == "en"
        let language = english ? "en" : reader.flatMap(LanguageChoice.language(of:))
        var found: [(hit: SearchHit, copy: Copy)] = []
        for all in [true, false] {
            found = try candidates(text, reader: reader, english: english, all: all, limit: limit)
            if !found.isEmpty { break }
        }
        var hits: [SearchHit] = []
        for (hit, copy) in found.prefix(limit) {
            var hit = hit
            hit.locales = try locales(of: copy.identity)
            let query = SearchQuery(text, language: language ?? LanguageChoice.language(of: copy.locale) ?? "und")
            hit.snippet = try snippet(of: copy, query: query, english: english || copy.locale != (reader ?? copy.locale))
            hits.append(hit)
        }
        return hits
    }

    private func candidates(_ text: String, reader: String?, english: Bool, all: Bool, limit: Int) throws(SQLiteError) -> [(
        hit: SearchHit, copy: Copy
    )] {
        var best: [String: (hit: SearchHit, copy: Copy)] = [:]
        for locale in locales {
            let own = !english && (reader == nil || locale == reader)
            let query = SearchQuery(text, language: LanguageChoice.language(of: locale) ?? "und")
            guard !query.isEmpty else { continue }
            // Another locale's copies stand in, by their English, for articles the reader's locale lacks.
            let expression = own ? query.fts(all: all) : query.fts(all: all, columns: ["english_title", "english_body"])
            for (id, score) in try match(expression, locale: locale, weights: Self.weights, limit: limit * 3) {
                guard let copy = try copy(id) else { continue }
                if let known = best[copy.identity], known.hit.score >= score { continue }
                if !own && !english, let reader, try locales(of: copy.identity).contains(reader) { continue }
                let showsEnglish = english || !own
                let hit = SearchHit(
                    slug: copy.slug, path: shown(copy.path), locale: copy.locale,
                    title: showsEnglish ? copy.englishTitle : copy.title, englishTitle: copy.englishTitle, locales: [],
                    snippet: SearchSnippet(text: "", highlights: []), score: score)
                best[copy.identity] = (hit, copy)
            }
        }
        return best.values.sorted { $0.hit.score != $1.hit.score ? $0.hit.score > $1.hit.score : $0.hit.path < $1.hit.path }
    }

    /// The line of the copy's body with the most of the query's terms: in the reader's
    /// language first (unless `english`), then in English; else the body's first line.
    func snippet(of copy: Copy, query: SearchQuery, english: Bool, length: Int = 200) throws(SQLiteError) -> SearchSnippet {
        let (body, englishBody) = try bodies(of: copy.id)
        var tokenizer = SearchTokenizer(language: LanguageChoice.language(of: copy.locale) ?? "und")
        for text in english ? [englishBody] : [body, englishBody] {
            var bestLine: (line: Substring, found: [Range<Int>], distinct: Int)?
            for line in text.split(separator: "\n") {
                var words: [SearchTokenizer.Word] = []
                tokenizer.scan(String(line)) { words.append($0) }
                let occurrences = query.occurrences(in: words)
                let distinct = Set(occurrences.map(\.term)).count
                guard distinct > (bestLine?.distinct ?? 0) else { continue }
                let ranges = occurrences.map {
                    words[$0.words.lowerBound].range.lowerBound..<words[$0.words.upperBound - 1].range.upperBound
                }
                bestLine = (line, ranges, distinct)
                if distinct == query.terms.count { break }
            }
            if let bestLine { return Self.excerpt(String(bestLine.line), highlights: bestLine.found, length: length) }
        }
        let first = (english ? englishBody : body).split(separator: "\n").first.map(String.init) ?? ""
        return Self.excerpt(first, highlights: [], length: length)
    }

    /// At most `length` scalars of `line` around its first highlight, cut at spaces, with
    /// `…` where text was left out.
    static func excerpt(_ line: String, highlights: [Range<Int>], length: Int) -> SearchSnippet {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > length else { return SearchSnippet(text: line, highlights: highlights) }
        var start = max(0, (highlights.first?.lowerBound ?? 0) - length / 4)
        if start > 0 {
            // Begin at a word: after the nearest space before `start`, when one is near.
            if let space = scalars[max(0, start - 20)..<start].lastIndex(of: " ") { start = space + 1 }
        }
        var end = min(scalars.count, start + length)
        if end < scalars.count, let space = scalars[max(start, end - 30)..<end].lastIndex(of: " ") { end = space }
        var text = String.UnicodeScalarView()
        let lead = start > 0 ? 1 : 0
        if lead == 1 { text.append("…") }
        text.append(contentsOf: scalars[start..<end])
        if end < scalars.count { text.append("…") }
        let shifted = highlights.compactMap { range -> Range<Int>? in
            guard range.lowerBound >= start, range.upperBound <= end else { return nil }
            return range.lowerBound - start + lead..<range.upperBound - start + lead
        }
        return SearchSnippet(text: String(text), highlights: shifted)
    }

    /// Every article once, in the reader's language where it has a copy in it (else the
    /// English of its first copy), sorted by title as the reader's language sorts.
    public func articles(locale reader: String?) throws(SQLiteError) -> [ListedArticle] {
        var byIdentity: [String: [Copy]] = [:]
        for copy in try copies() { byIdentity[copy.identity, default: []].append(copy) }
        var listed: [ListedArticle] = []
        for (_, copies) in byIdentity {
            let own = copies.first { $0.locale == reader } ?? (reader == nil ? copies.first : nil)
            let shown = own ?? copies[0]
            listed.append(
                ListedArticle(
                    slug: shown.slug, path: self.shown(shown.path), title: own?.title ?? shown.englishTitle,
                    englishTitle: shown.englishTitle,
                    locales: copies.map(\.locale).sorted()))
        }
        let collation = TitleCollation(language: reader.map(LanguageChoice.tag) ?? "en")
        return collation.sorted(listed, by: \.title) { $0.path < $1.path }
    }
}

extension SearchIndex {
    /// The slugs nearest to a name that matches none (a typo, a word left out): at most
    /// `limit`, by edit distance, each within a third of the name's length.
    public func closestSlugs(to name: String, limit: Int = 3) throws(SQLiteError) -> [String] {
        let wanted = Array(name.lowercased().unicodeScalars)
        let bound = max(2, wanted.count / 3)
        var scored: [(distance: Int, slug: String)] = []
        for slug in Set(try copies().map(\.slug)) {
            let candidate = Array(slug.lowercased().unicodeScalars)
            guard abs(candidate.count - wanted.count) <= bound else { continue }
            let distance = Self.editDistance(wanted, candidate, bound: bound)
            if distance <= bound { scored.append((distance, slug)) }
        }
        return scored.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.slug < $1.slug }.prefix(limit).map(\.slug)
    }

    /// Levenshtein distance, giving up (returning more than `bound`) once every path costs more.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int) -> Int {
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > bound { return bound + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
