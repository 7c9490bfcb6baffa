/// Counts for `tolk stats` and coverage gating, like pocount for this format.
public struct ArticleStatistics: Hashable, Sendable, Codable {
    /// The article's path.
    public var path: String
    /// All translation units.
    public var units: Int
    /// Units whose target has text that differs from the source.
    public var translated: Int
    /// Units whose target equals the source.
    public var untranslated: Int
    /// Units with an empty target.
    public var empty: Int
    /// Words of the originals and of the translations; 0 when made with `countingWords: false`.
    public var sourceWords: Int
    /// Words of the translations; 0 when made with `countingWords: false`.
    public var targetWords: Int
    /// The `ms.translationtype` code (`MT`, `HT`), if the article has one.
    public var translationType: String?
    /// The article's `ms.contentlocale`, if it has one.
    public var locale: String?
    /// The article's language: the locale folder it sits in (`…/sv-SE/…`), else its `ms.contentlocale`.
    public var language: String? { LocaleFolder(path: path)?.name ?? locale }

    /// The unit and word counts of one article.
    /// - Parameters:
    ///   - article: the parsed article.
    ///   - countingWords: count words too (`tolk stats`); the checks need only the units.
    public init(_ article: Article, countingWords: Bool = true) {
        path = article.path
        units = article.units.count
        var translated = 0
        var untranslated = 0
        var empty = 0
        var sourceWords = 0
        var targetWords = 0
        for unit in article.units {
            if unit.isTargetEmpty {
                empty += 1
            } else if unit.target.trimmingSpaces == unit.source.trimmingSpaces {
                untranslated += 1
            } else {
                translated += 1
            }
            if countingWords {
                sourceWords += Self.words(unit.source)
                targetWords += Self.words(unit.target)
            }
        }
        self.translated = translated
        self.untranslated = untranslated
        self.empty = empty
        self.sourceWords = sourceWords
        self.targetWords = targetWords
        translationType = article.translationType?.code
        locale = article.targetLocale
    }

    /// Words as pocount counts them: runs of letters or digits; each CJK or Thai
    /// character run counts per character, since those scripts have no spaces.
    static func words(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                // ASCII, most of every article: letters and digits are word characters.
                let lower = v | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    if !inWord { count += 1 }
                    inWord = true
                } else if v != 0x2D && v != 0x27 {
                    inWord = false
                }
                continue
            }
            let isIdeographic =
                (0x3040...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xAC00...0xD7AF).contains(v)
                || (0x0E00...0x0E7F).contains(v)
            if isIdeographic {
                count += 1
                inWord = false
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if !inWord { count += 1 }
                inWord = true
            } else if scalar != "-" && scalar != "'" && scalar != "’" {
                inWord = false
            }
        }
        return count
    }

    /// The share of units with a translation, 0–100.
    public var coverage: Double { units == 0 ? 100 : Double(translated) * 100 / Double(units) }
}
