import Foundation

/// `.tolk-site` at the root of a built site: what an incremental build needs to
/// know of the previous one without reading its articles again — the
/// fingerprint of everything that affects every page (`settings`: Tolk, the
/// templates, the options, the status document, the check configuration, the
/// set of articles and their slugs) and, per article, its content hash and what
/// the indexes, the status page and the sitemap show of it. Its presence also
/// marks a folder as a site Tolk built, which a build may replace.
///
/// A line per article, fields separated by tabs (tab, line feed and backslash
/// escaped as `\t`, `\n`, `\\`), after a first line `tolk-site FORMAT SETTINGS`:
/// read and written in a few milliseconds for thousands of articles, where
/// JSON through Foundation's Codable took a quarter of an incremental build.
struct SiteManifest: Sendable {
    static let currentFormat = 3
    static let fieldCount = 22

    var settings: String
    var articles: [SiteArticle]

    init(settings: String, articles: [SiteArticle]) {
        self.settings = settings
        self.articles = articles
    }

    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(articles.count * 300)
        out += "tolk-site \(Self.currentFormat) \(settings)\n".utf8
        for a in articles {
            let fields = [
                a.path, a.slug, a.hash, a.language, a.locale, a.title, a.englishTitle, a.type ?? "", String(a.units), String(a.translated),
                String(a.untranslated), String(a.empty), String(a.findings.errors), String(a.findings.warnings), String(a.findings.notes),
                String(a.crossFindings.errors), String(a.crossFindings.warnings), String(a.crossFindings.notes),
                (a.hasStatus ? "S" : "-") + (a.checked ? "C" : "-") + (a.translation ? "T" : "-") + (a.english ? "E" : "-")
                    + (a.outdated ? "O" : "-"), a.media.joined(separator: "\u{0}"), a.robots ?? "", a.lastModified ?? "",
            ]
            for (i, field) in fields.enumerated() {
                if i > 0 { out.append(0x09) }
                for byte in field.utf8 {
                    switch byte {
                    case 0x09: out += [0x5C, 0x74]
                    case 0x0A: out += [0x5C, 0x6E]
                    case 0x5C: out += [0x5C, 0x5C]
                    case 0x00: out += [0x5C, 0x30]
                    default: out.append(byte)
                    }
                }
            }
            out.append(0x0A)
        }
        return out
    }

    /// The manifest at `path`, or nil when there is none or it is not one this Tolk writes.
    static func read(_ path: String) -> SiteManifest? {
        guard let bytes = try? FileBytes.read(path, limit: 256 << 20) else { return nil }
        return bytes.withUnsafeBufferPointer { decode($0) }
    }

    /// The manifest in `bytes`; lines and fields are found byte by byte (the generic
    /// `split` took most of the time of reading a large manifest).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> SiteManifest? {
        var lines: [Range<Int>] = []
        var start = 0
        for i in 0..<bytes.count where bytes[i] == 0x0A {
            if i > start { lines.append(start..<i) }
            start = i + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        guard let header = lines.first else { return nil }
        let head = String(decoding: UnsafeBufferPointer(rebasing: bytes[header]), as: UTF8.self).split(separator: " ")
        guard head.count == 3, head[0] == "tolk-site", head[1] == "\(currentFormat)" else { return nil }
        var articles: [SiteArticle] = []
        articles.reserveCapacity(lines.count - 1)
        var fields: [String] = []
        fields.reserveCapacity(fieldCount)
        for line in lines.dropFirst() {
            fields.removeAll(keepingCapacity: true)
            var fieldStart = line.lowerBound
            for i in line where bytes[i] == 0x09 {
                fields.append(unescape(UnsafeBufferPointer(rebasing: bytes[fieldStart..<i])))
                fieldStart = i + 1
            }
            fields.append(unescape(UnsafeBufferPointer(rebasing: bytes[fieldStart..<line.upperBound])))
            guard fields.count == fieldCount, let article = article(fields) else { return nil }
            articles.append(article)
        }
        return SiteManifest(settings: String(head[2]), articles: articles)
    }

    private static func article(_ f: [String]) -> SiteArticle? {
        let numbers = f[8...17].compactMap { Int($0) }
        let flags = Array(f[18].utf8)
        guard numbers.count == 10, flags.count == 5 else { return nil }
        let media = f[19].split(separator: "\u{0}").map(String.init)
        guard SiteSlug.isSafe(f[1]), SitePlan.isLanguageFolder(f[3]), media.allSatisfy(SiteFileWriter.isSafe) else { return nil }
        return SiteArticle(
            path: f[0], slug: f[1], hash: f[2], language: f[3], locale: f[4], title: f[5], englishTitle: f[6],
            type: f[7].isEmpty ? nil : f[7],
            units: numbers[0], translated: numbers[1], untranslated: numbers[2], empty: numbers[3],
            findings: FindingCounts(errors: numbers[4], warnings: numbers[5], notes: numbers[6]),
            crossFindings: FindingCounts(errors: numbers[7], warnings: numbers[8], notes: numbers[9]), media: media,
            hasStatus: flags[0] == UInt8(ascii: "S"), checked: flags[1] == UInt8(ascii: "C"), translation: flags[2] == UInt8(ascii: "T"),
            english: flags[3] == UInt8(ascii: "E"), outdated: flags[4] == UInt8(ascii: "O"), robots: f[20].isEmpty ? nil : f[20],
            lastModified: f[21].isEmpty ? nil : f[21])
    }

    private static func unescape(_ field: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = field.baseAddress, memchr(base, 0x5C, field.count) != nil else { return String(decoding: field, as: UTF8.self) }
        var out: [UInt8] = []
        var escaped = false
        for byte in field {
            if escaped {
                switch byte {
                case 0x74: out.append(0x09)
                case 0x6E: out.append(0x0A)
                case 0x30: out.append(0x00)
                default: out.append(byte)
                }
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
