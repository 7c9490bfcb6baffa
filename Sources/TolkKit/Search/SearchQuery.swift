/// A reader's query as search words: each word of the query (or run of Chinese, Japanese
/// or Thai characters) a term that must occur, a trailing `*` making its last word a prefix.
struct SearchQuery: Sendable {
    struct Term: Hashable, Sendable {
        /// One search word, or several that must follow each other (`e-mail`, `同步密码`).
        var words: [String]
        var isPrefix: Bool
        /// True for a run of characters of a script written without spaces.
        var isUnspaced = false
    }

    var terms: [Term]

    init(_ text: String, language: String) {
        var tokenizer = SearchTokenizer(language: language)
        terms = []
        for piece in text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace) {
            let isPrefix = piece.hasSuffix("*")
            // A piece of mixed words and unspaced runs becomes a term each (`DirSync状态`).
            var run: [String] = []
            var terms: [Term] = []
            tokenizer.scan(String(piece)) { word in
                if word.isUnspaced {
                    run.append(word.text)
                } else {
                    if !run.isEmpty { terms.append(Term(words: run, isPrefix: false, isUnspaced: true)) }
                    run = []
                    terms.append(Term(words: [word.text], isPrefix: false))
                }
            }
            if !run.isEmpty { terms.append(Term(words: run, isPrefix: false, isUnspaced: true)) }
            if isPrefix, !terms.isEmpty { terms[terms.count - 1].isPrefix = !terms[terms.count - 1].isUnspaced }
            for term in terms where !self.terms.contains(term) { self.terms.append(term) }
        }
    }

    var isEmpty: Bool { terms.isEmpty }

    /// The FTS5 query: every term (`all`) or any term, in the given columns (nil: all of
    /// them). Any term of an unspaced run is any pair of its characters, so that a run
    /// with its words in another order still finds the text.
    func fts(all: Bool, columns: [String]? = nil) -> String {
        let phrases = terms.flatMap { term -> [String] in
            if !all && term.isUnspaced && term.words.count > 2 {
                return (0..<term.words.count - 1).map { "\"" + term.words[$0] + " " + term.words[$0 + 1] + "\"" }
            }
            return ["\"" + term.words.joined(separator: " ") + "\"" + (term.isPrefix ? "*" : "")]
        }
        let expression = phrases.joined(separator: all ? " AND " : " OR ")
        guard let columns else { return expression }
        return "{" + columns.joined(separator: " ") + "} : (" + expression + ")"
    }

    /// The places in `words` (a line's words, as the tokenizer gives them) where a term
    /// occurs, with the index of the term.
    func occurrences(in words: [SearchTokenizer.Word]) -> [(term: Int, words: Range<Int>)] {
        var out: [(Int, Range<Int>)] = []
        for start in words.indices {
            for (t, term) in terms.enumerated() where start + term.words.count <= words.count {
                var matched = true
                for (k, word) in term.words.enumerated() {
                    let candidate = words[start + k].text
                    let last = k == term.words.count - 1
                    if !(candidate == word || (last && term.isPrefix && candidate.hasPrefix(word))) {
                        matched = false
                        break
                    }
                }
                if matched {
                    out.append((t, start..<start + term.words.count))
                    break
                }
            }
        }
        return out
    }
}
