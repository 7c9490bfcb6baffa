import Foundation

/// A folder in an article's path named like a locale: `xx-XX` (`da-DK`, `ja-JP`), or
/// another tag with a script or region that Foundation knows (`zh-Hans`, `es-419`), so
/// that a folder named `ios`, `it` or `wt-scripts` deep in a path is not taken for one.
/// The localization repositories keep one tree per locale, so the folder says which
/// language the article must be in.
struct LocaleFolder: Hashable {
    /// The folder name as written.
    var name: String
    /// The path up to the folder, without it.
    var root: String
    /// The path below the folder, such as `AlchemyInsights/password-sync.md`.
    var relativePath: String

    /// The folder nearest the file whose name is a locale tag (`LocaleFolder.isTag`).
    init?(path: String) {
        // The folders from the file back, by their bytes: a path has few slashes, but this
        // runs for every article in several rules.
        let bytes = Array(path.utf8)
        guard var end = bytes.lastIndex(of: 0x2F) else { return nil }
        while true {
            var start = end
            while start > 0, bytes[start - 1] != 0x2F { start -= 1 }
            // `da-DK`, the usual shape, at once (this runs for every article in several rules); other
            // tags (`zh-Hans`, `es-419`) only when Foundation knows their parts.
            if end - start == 5
                ? Self.isLocale(bytes[start..<end])
                : end - start >= 4 && Self.isTag(bytes[start..<end], needsSubtag: true)
                    && Self.isKnownLocale(String(decoding: bytes[start..<end], as: UTF8.self))
            {
                name = String(decoding: bytes[start..<end], as: UTF8.self)
                root = String(decoding: bytes[..<max(0, start - 1)], as: UTF8.self)
                relativePath = String(decoding: bytes[(end + 1)...], as: UTF8.self)
                return
            }
            guard start > 0 else { return nil }
            end = start - 1
        }
    }

    /// The locale in a form for comparing (`da-dk`).
    var key: String { name.lowercased() }

    /// A BCP 47 tag as locale folders are named: a language of two or three ASCII letters,
    /// then up to three subtags of two to eight ASCII letters or digits (`da-DK`, `zh-Hans`,
    /// `sr-Latn-RS`, `es-419`); with `needsSubtag`, at least one.
    static func isTag<Bytes: Collection<UInt8>>(_ b: Bytes, needsSubtag: Bool) -> Bool {
        var parts = 0
        var length = 0
        var lettersOnly = true
        func partEnds() -> Bool {
            defer {
                parts += 1
                length = 0
                lettersOnly = true
            }
            return parts == 0 ? (2...3).contains(length) && lettersOnly : (2...8).contains(length)
        }
        for c in b {
            if c == UInt8(ascii: "-") {
                guard partEnds() else { return false }
            } else if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A {
                length += 1
            } else if c >= 0x30 && c <= 0x39 {
                length += 1
                lettersOnly = false
            } else {
                return false
            }
        }
        guard partEnds() else { return false }
        return parts <= 4 && (!needsSubtag || parts >= 2)
    }

    /// True when `name` is a locale whose parts Foundation knows: an ISO 639 language, then
    /// an ISO 15924 script, an ISO 3166 or UN M.49 region, or both, in that order (`da`,
    /// `da-DK`, `zh-Hans`, `sr-Latn-RS`, `es-419`; not `wt-scripts`, `my-docs`).
    /// Folder names repeat: each is judged once.
    static func isKnownLocale(_ name: String) -> Bool {
        knownLocales.value(for: name) {
            let parts = name.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard (1...3).contains(parts.count), Locale.LanguageCode(parts[0].lowercased()).isISOLanguage else { return false }
            var rest = parts.dropFirst()
            if let script = rest.first, script.count == 4, script.allSatisfy(\.isLetter) {
                guard Locale.Script(script.prefix(1).uppercased() + script.dropFirst().lowercased()).isISOScript else { return false }
                rest = rest.dropFirst()
            }
            if let region = rest.first {
                guard region.count == 2 || region.count == 3, Locale.Region(region.uppercased()).isISORegion else { return false }
                rest = rest.dropFirst()
            }
            return rest.isEmpty
        }
    }

    private static let knownLocales = OnceEach<String, Bool>()

    /// `xx-XX`: two letters, a hyphen, two letters (any case).
    static func isLocale<Bytes: RandomAccessCollection<UInt8>>(_ b: Bytes) -> Bool where Bytes.Index == Int {
        let letter = { (c: UInt8) in (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        let s = b.startIndex
        return b.count == 5 && letter(b[s]) && letter(b[s + 1]) && b[s + 2] == 0x2D && letter(b[s + 3]) && letter(b[s + 4])
    }
}

extension FrontMatter {
    /// The entry for `key`, if the front matter has it.
    func metadataEntry(_ key: String) -> MetadataEntry? { entries.first { $0.key == key } }

    /// Where the value of `entry` starts in the file (after `key:` and spaces), for
    /// pointing at a wrong value; the entry's own location when it cannot be found.
    static func valueLocation(_ entry: MetadataEntry, in bytes: [UInt8]) -> SourceLocation {
        var lineStart = min(entry.location.offset, bytes.count)
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var i = lineStart
        let keyBytes = Array(entry.key.utf8)
        guard bytes.count - i >= keyBytes.count, bytes[i..<(i + keyBytes.count)].elementsEqual(keyBytes) else { return entry.location }
        i += keyBytes.count
        guard i < bytes.count, bytes[i] == 0x3A else { return entry.location }
        i += 1
        while i < bytes.count, bytes[i] == 0x20 { i += 1 }
        guard i < bytes.count, bytes[i] != 0x0A else { return entry.location }
        let column = 1 + bytes[lineStart..<i].filter { $0 & 0xC0 != 0x80 }.count
        return SourceLocation(line: entry.location.line, column: column, offset: i)
    }
}
