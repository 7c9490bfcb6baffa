import CICUSearch

/// Splits text into the words search compares, the same way for the index and for a
/// query: runs of letters, marks and digits, in lower case, each letter folded as the
/// language's readers fold it when they search (CLDR's search collation: `é` = `e`
/// everywhere, `ư` = `u` in Vietnamese, while Danish `æ`, `ø`, `å` stay letters of their
/// own). A character of a script written without spaces (Chinese, Japanese, Thai, Lao,
/// Khmer, Burmese) is a word of its own, so any run of them is found as a phrase.
///
/// Not for sharing between threads: each keeps its own memory of folded letters.
public struct SearchTokenizer {
    /// A word of the text: where it lies (in Unicode scalars of the text) and how search sees it.
    public struct Word: Hashable, Sendable {
        /// Where the word lies, in Unicode scalars of the text.
        public var range: Range<Int>
        /// The word as search compares it: lower case, letters folded.
        public var text: String
        /// True for a character of a script written without spaces.
        public var isUnspaced: Bool
    }

    /// The language whose folding applies (`da`, `vi`, `en`).
    public let language: String
    private var folded: [UInt32: Unicode.Scalar] = [:]
    private var unspaced: [UInt32: Bool] = [:]

    /// A tokenizer that folds letters as readers of `language` do.
    public init(language: String) {
        self.language = language
    }

    /// The words of `text`, as search compares them.
    public mutating func words(_ text: String) -> [String] {
        var out: [String] = []
        scan(text) { word in out.append(word.text) }
        return out
    }

    /// The words of `text` separated by single spaces: what the index stores. The same
    /// words as ``scan(_:_:)`` finds, written byte by byte (no string per word).
    public mutating func indexText(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var inWord = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let lower = v >= 0x41 && v <= 0x5A ? v + 0x20 : v
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if !inWord && !out.isEmpty { out.append(0x20) }
                    out.append(UInt8(lower))
                    inWord = true
                } else {
                    inWord = false
                }
                continue
            }
            if isUnspaced(scalar) {
                if !out.isEmpty { out.append(0x20) }
                out.append(contentsOf: String(fold(scalar)).utf8)
                inWord = false
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                if !inWord && !out.isEmpty { out.append(0x20) }
                let folded = fold(scalar)
                if folded.value < 0x80 { out.append(UInt8(folded.value)) } else { out.append(contentsOf: String(folded).utf8) }
                inWord = true
            default:
                inWord = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every word of `text` with its place.
    public mutating func scan(_ text: String, _ body: (Word) -> Void) {
        var current = String.UnicodeScalarView()
        var start = 0
        var index = 0
        for scalar in text.unicodeScalars {
            defer { index += 1 }
            if scalar.value < 0x80 {
                let v = scalar.value
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    if current.isEmpty { start = index }
                    current.append(scalar)
                } else if v >= 0x41 && v <= 0x5A {
                    if current.isEmpty { start = index }
                    current.append(Unicode.Scalar(v + 0x20)!)
                } else if !current.isEmpty {
                    body(Word(range: start..<index, text: String(current), isUnspaced: false))
                    current = String.UnicodeScalarView()
                }
                continue
            }
            if isUnspaced(scalar) {
                if !current.isEmpty {
                    body(Word(range: start..<index, text: String(current), isUnspaced: false))
                    current = String.UnicodeScalarView()
                }
                body(Word(range: index..<index + 1, text: String(fold(scalar)), isUnspaced: true))
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                if current.isEmpty { start = index }
                current.append(fold(scalar))
            default:
                if !current.isEmpty {
                    body(Word(range: start..<index, text: String(current), isUnspaced: false))
                    current = String.UnicodeScalarView()
                }
            }
        }
        if !current.isEmpty { body(Word(range: start..<index, text: String(current), isUnspaced: false)) }
    }

    private mutating func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if let known = folded[scalar.value] { return known }
        let value = language.withCString { tolk_search_fold($0, Int32(bitPattern: scalar.value)) }
        let result = Unicode.Scalar(UInt32(bitPattern: value)) ?? scalar
        folded[scalar.value] = result
        return result
    }

    private mutating func isUnspaced(_ scalar: Unicode.Scalar) -> Bool {
        if let known = unspaced[scalar.value] { return known }
        let result = tolk_search_is_unspaced(Int32(bitPattern: scalar.value)) != 0
        unspaced[scalar.value] = result
        return result
    }
}
