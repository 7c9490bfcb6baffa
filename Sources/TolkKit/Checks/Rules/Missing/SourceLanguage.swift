/// Which language the originals (`data-stu-id` spans) of an article are written in, when it is
/// plainly not English: the corpus holds Spanish, Portuguese and French articles whose "English"
/// side is the article's own language, so that TOLK202 and TOLK203 would blame every unit of the
/// translation for what is a wrong original.
///
/// The test is a stop-word count over the words of the originals' running text: each language
/// has a short list of its most frequent function words, chosen so that no word is on two lists
/// (`de`, `a`, `in`, `que`, `para` are left out). The originals are not English when at least 5 words
/// are counted, a language other than English has at least three times as many hits as English,
/// and at least 4 of them (short articles have two or three units). An English article quoting a French sentence stays English.
enum SourceLanguage {
    struct Verdict {
        /// The language's English name ("Spanish").
        var name: String
        /// The most frequent of its function words in the originals, for the message.
        var evidence: [String]
    }

    private static let lists: [(name: String, words: [String])] = [
        (
            "English",
            ["the", "and", "you", "your", "to", "of", "is", "for", "with", "that", "this", "are", "can", "on", "it", "be", "if", "or"]
        ),
        ("Spanish", ["el", "los", "las", "del", "con", "una", "por", "su", "sus", "puede", "cuenta", "correo", "está", "más", "usted"]),
        ("Portuguese", ["os", "das", "dos", "não", "você", "seu", "sua", "com", "uma", "em", "ao", "até", "pagar", "após"]),
        ("French", ["le", "les", "des", "du", "et", "vous", "votre", "vos", "pour", "pas", "une", "est", "sur", "dans", "avec", "ne"]),
        ("German", ["der", "das", "und", "nicht", "sie", "ist", "mit", "ein", "eine", "zu", "auf", "für", "von", "den", "dem", "wenn"]),
        ("Italian", ["il", "della", "che", "gli", "delle", "sono", "questo", "nel", "alla", "di"]),
        ("Dutch", ["het", "een", "van", "niet", "voor", "zijn", "op", "met", "dat", "wordt", "u"]),
    ]

    private static let index: [String: Int] = {
        var index: [String: Int] = [:]
        for (i, list) in lists.enumerated() {
            for word in list.words { index[word] = i }
        }
        return index
    }()

    /// The originals' language when it is not English, or nil (English, or too little text to tell).
    static func nonEnglish(_ article: Article) -> Verdict? {
        var hits = [Int](repeating: 0, count: lists.count)
        var words: [[String: Int]] = Array(repeating: [:], count: lists.count)
        var counted = 0
        for unit in article.units where unit.area == .body {
            let syntax = article.syntax(.source, unit)
            var word: [UInt8] = []
            func flush() {
                defer { word.removeAll(keepingCapacity: true) }
                guard !word.isEmpty else { return }
                let text = String(decoding: word, as: UTF8.self).lowercased()
                if let i = index[text] {
                    hits[i] += 1
                    words[i][text, default: 0] += 1
                    counted += 1
                }
            }
            for (i, byte) in syntax.bytes.enumerated() {
                let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x80
                if isLetter && syntax.regions[i] == .prose {
                    word.append(byte)
                } else {
                    flush()
                }
            }
            flush()
        }
        guard counted >= 5 else { return nil }
        let english = hits[0]
        guard let best = (1..<lists.count).max(by: { hits[$0] < hits[$1] }), hits[best] >= 4, hits[best] >= 3 * english else {
            return nil
        }
        let evidence = words[best].sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(4).map(\.key)
        return Verdict(name: lists[best].name, evidence: evidence)
    }

    /// The one finding for an article whose originals are not English, at its first body unit.
    static func report(_ verdict: Verdict, in article: Article, _ report: inout FindingReport) {
        guard let unit = article.units.first(where: { $0.area == .body }) ?? article.units.first else { return }
        let words = verdict.evidence.map { "\"\($0)\"" }.joined(separator: ", ")
        report.add(
            "the originals of this article are not English: they read as \(verdict.name) (\(words)), so units that repeat them "
                + "are not reported one by one; translate the article from its English version",
            at: unit.location(.target, utf8Offset: article.syntax(.target, unit).firstVisibleOffset), unit: unit,
            key: "source-language")
    }
}
