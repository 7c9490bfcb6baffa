import Foundation

/// TOLK703: an article whose English originals differ from the newest English of the
/// same article in another locale folder of the checked set.
public struct OutdatedTranslation: SetRule {
    public static let id = "TOLK703"
    public static let name = "outdated-translation"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "An article carries older English than the same article in another locale folder."
    public static let explanation = """
        When the checked paths hold the same article (the same path below its locale folder) in two or \
        more locale folders, each copy carries the English it was translated from. Where that English \
        differs between copies, the copy with the latest `ms.lasthandoff` (then `ms.date`) holds the \
        newest English; ties go to the English most copies hold, then to the first locale by name. Every \
        other copy is reported once, at its first unit whose English differs, naming those units: its \
        readers get a translation of an older article, with steps or names that may have changed since. \
        Units are compared by their number (the part after the dash of the unit ID, which differs per \
        locale) and without regard to spacing, line breaks and the locale of a link \
        (`/zh-CN/`, which the localization rewrites); a unit one copy has and the other lacks counts as \
        different, but English only split into other units (a `p` unit for several sentences) is the same. Update the translation from the newest English, or hand the article off for \
        translation again. Only the checked paths are compared: check whole locale folders.
        """

    public init() {}

    /// One unit's English, by the unit's number (the ID without its per-locale prefix).
    public struct Unit: Sendable, Codable, Equatable {
        /// The ID as written in this copy (`c67ba-103`).
        public var id: String
        /// A hash of the English original, normalised (`OutdatedTranslation.englishHash`).
        public var english: UInt64
        /// Where the unit is in this copy.
        public var location: SourceLocation
    }

    /// An article's English, as hashes, and how new it is; empty outside a locale folder.
    /// Every article of a locale folder gives these, so they are small: no text is kept.
    public struct Facts: Sendable, Codable {
        /// The article's units.
        public var units: [Unit] = []
        /// All the English in file order, one space between units: copies split into other
        /// units (a `p` unit for several sentences) have the same.
        public var whole: UInt64 = 0
        /// `ms.lasthandoff` as written.
        public var handoff: String?
        /// `ms.date` as written.
        public var date: String?
    }

    public func facts(_ article: Article, _ context: CheckContext) -> Facts {
        guard context.comparesLocaleFolders, LocaleFolder(path: article.path) != nil else { return Facts() }
        return Self.english(of: article)
    }

    /// The article's English as the rule compares it, wherever the article lies.
    static func english(of article: Article) -> Facts {
        var whole = EnglishHash()
        var units: [Unit] = []
        units.reserveCapacity(article.units.count)
        for (k, unit) in article.units.enumerated() {
            if k > 0 { whole.add(0x20) }
            var one = EnglishHash()
            Self.normalize(unit.source) { byte in
                one.add(byte)
                whole.add(byte)
            }
            units.append(Unit(id: unit.id, english: one.value, location: unit.location))
        }
        let frontMatter = article.frontMatter
        return Facts(
            units: units, whole: whole.value, handoff: frontMatter?.metadataEntry("ms.lasthandoff")?.value.text,
            date: frontMatter?.metadataEntry("ms.date")?.value.text)
    }

    /// FNV-1a over bytes.
    struct EnglishHash {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ byte: UInt8) { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }

    /// One copy of an article in one locale folder.
    private struct Copy {
        var path: String
        var locale: String
        var key: String
        var facts: Facts
        var units: [Unit] { facts.units }
        var whole: UInt64 { facts.whole }
        /// `ms.lasthandoff`, then `ms.date`, as `yyyymmdd`; -1 when it cannot be read (the
        /// oldest). Read only for articles whose copies differ.
        var age: (handoff: Int, date: Int) {
            FrontMatter.englishAge(handoff: facts.handoff, date: facts.date)
        }

        init(path: String, folder: LocaleFolder, facts: Facts) {
            self.path = path
            locale = folder.name
            key = folder.key
            self.facts = facts
        }

        /// English by unit number; the first unit of a number wins.
        var english: [String: UInt64] {
            var english: [String: UInt64] = [:]
            for unit in units where english[OutdatedTranslation.number(unit.id)] == nil {
                english[OutdatedTranslation.number(unit.id)] = unit.english
            }
            return english
        }
    }

    public func judge(_ facts: [(path: String, facts: Facts)], _ context: CheckContext) -> [Finding] {
        struct Group: Hashable {
            var root: String
            var relativePath: String
        }
        // Grouped by path below the locale folder first; only articles in two or more locale
        // folders are compared (a check of one locale compares nothing).
        var groups: [Group: [(path: String, folder: LocaleFolder, facts: Facts)]] = [:]
        for (path, fact) in facts where !fact.units.isEmpty {
            guard let folder = LocaleFolder(path: path) else { continue }
            groups[Group(root: folder.root, relativePath: folder.relativePath), default: []].append((path, folder, fact))
        }
        var findings: [Finding] = []
        for (_, members) in groups where members.count > 1 {
            let copies = members.map { Copy(path: $0.path, folder: $0.folder, facts: $0.facts) }
                .sorted { $0.key != $1.key ? $0.key < $1.key : $0.path < $1.path }
            guard copies.contains(where: { $0.whole != copies[0].whole }) else { continue }
            let newest = Self.newest(copies)
            for copy in copies where copy.whole != newest.whole {
                findings.append(finding(copy, newest: newest))
            }
        }
        return findings.sorted(by: Finding.ordered)
    }

    /// The copy holding the newest English: the latest date; among copies of that date, the
    /// English most copies hold; then the first locale by name (`copies` is in that order).
    private static func newest(_ copies: [Copy]) -> Copy {
        copies[newest(copies.map(\.facts))]
    }

    /// Which of the copies' English (in locale order) is the newest, by the rule above:
    /// the site renders an article's English page from it.
    static func newest(_ copies: [Facts]) -> Int {
        let ages = copies.map { FrontMatter.englishAge(handoff: $0.handoff, date: $0.date) }
        let latest = ages.max { $0 < $1 }!
        let holders = { (i: Int) in copies.filter { $0.whole == copies[i].whole }.count }
        var best = -1
        for i in copies.indices where ages[i] == latest && (best < 0 || holders(i) > holders(best)) { best = i }
        return best
    }

    private func finding(_ copy: Copy, newest: Copy) -> Finding {
        // This copy's units in file order, then the numbers only the newest English has.
        let newestEnglish = newest.english
        var differing: [(id: String, location: SourceLocation?)] = []
        var seen: Set<String> = []
        for unit in copy.units where seen.insert(Self.number(unit.id)).inserted {
            if newestEnglish[Self.number(unit.id)] != unit.english { differing.append((unit.id, unit.location)) }
        }
        for unit in newest.units where seen.insert(Self.number(unit.id)).inserted {
            differing.append((unit.id, nil))
        }
        // The same units in another order: name none, point at the first unit.
        let named = differing.prefix(5).map { $0.location == nil ? "\($0.id) (only in \(newest.locale))" : $0.id }
        let more = differing.count > 5 ? " and \(differing.count - 5) more" : ""
        let units = differing.count == 1 ? "unit" : "units"
        let location = differing.first?.location ?? copy.units[0].location
        let unitID = differing.first?.location == nil ? nil : differing.first?.id
        let which = differing.isEmpty ? "the units are in another order" : named.joined(separator: ", ") + more
        // With the same date, which English is newer is only the majority's word: say so.
        let newer =
            copy.age == newest.age
            ? "the English most copies of this article carry, in \(newest.locale) (\(Self.display(newest.age)), as this copy)"
            : "the newest English of this article, in \(newest.locale) (\(Self.display(newest.age)))"
        let message =
            "the English of \(differing.isEmpty ? "this article" : "\(differing.count) \(units)") differs from \(newer): \(which); "
            + "update the translation from that English (\(newest.locale)/\(LocaleFolder(path: newest.path)?.relativePath ?? newest.path)), "
            + "or hand the article off for translation again"
        return Finding(
            rule: Self.self, message: message, path: copy.path, location: location, unitID: unitID, key: "outdated:" + newest.key)
    }

    /// How a copy's date reads in a message.
    private static func display(_ age: (handoff: Int, date: Int)) -> String {
        let iso = { (day: Int) in
            String(format: "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100)
        }
        if age.handoff >= 0 { return "ms.lasthandoff \(iso(age.handoff))" }
        if age.date >= 0 { return "ms.date \(iso(age.date))" }
        return "undated"
    }

    /// A unit ID without its per-locale prefix (`c67ba-103` → `103`, `b748c-p101` → `p101`).
    static func number(_ id: String) -> String {
        guard let dash = id.lastIndex(of: "-") else { return id }
        return String(id[id.index(after: dash)...])
    }

    /// Passes `text` to `body` a byte at a time with every run of whitespace (ASCII and no-break
    /// spaces) made one space, none at the ends, and the locale of a link (`/zh-CN/` in
    /// `https://support.microsoft.com/zh-CN/office/…`) made `/xx-xx/`: the localization
    /// pipeline rewrites it in the English of each locale.
    static func normalize(_ text: String, _ body: (UInt8) -> Void) {
        text.withBytes { b in
            var i = 0
            var space = false
            var started = false
            while i < b.count {
                let byte = b[i]
                let width = byte == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0 ? 2 : 1
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || width == 2 {
                    space = started
                    i += width
                    continue
                }
                if space { body(0x20) }
                space = false
                started = true
                if byte == 0x2F, i + 6 < b.count, b[i + 6] == 0x2F, LocaleFolder.isLocale(b[(i + 1)..<(i + 6)]) {
                    for c in "/xx-xx".utf8 { body(c) }
                    i += 6
                    continue
                }
                body(byte)
                i += 1
            }
        }
    }

}
