import Foundation

/// What a site tells search engines about its pages: each article's own robots
/// directive (front matter `ROBOTS: NOINDEX, NOFOLLOW`), the day it was last changed
/// (`ms.date`) for the sitemap's `<lastmod>`, and URLs escaped as sitemaps and
/// `hreflang` links need them.
enum SiteSearchEngines {
    /// The article's robots directive as its front matter writes it, for `<meta
    /// name="robots">`: the comma-separated directives in their order, lowercased
    /// (search engines read them in any case), `NOINDEX,NOFOLLOW` → `noindex, nofollow`.
    /// Nil when the front matter has no `ROBOTS` key (in any case) or it is empty.
    static func robots(of article: Article) -> String? {
        // Keys of another length are passed over without lowercasing them (thousands of pages).
        guard
            let entry = article.frontMatter?.entries.first(where: { $0.key.utf8.count == 6 && $0.key.lowercased() == "robots" })
        else { return nil }
        return directive(entry.value.text)
    }

    /// `NOINDEX,  NOFOLLOW` → `noindex, nofollow`; nil when nothing is left. Byte by byte
    /// (ASCII case and blanks), as it runs for every page of a site.
    static func directive(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for token in tokens(text) {
            if !out.isEmpty { out += [0x2C, 0x20] }
            out += token
        }
        return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
    }

    /// True when a directive keeps the page out of search results (`noindex` or `none`).
    static func isNoindex(_ directive: String?) -> Bool {
        guard let directive else { return false }
        return tokens(directive).contains { $0 == Array("noindex".utf8) || $0 == Array("none".utf8) }
    }

    /// The comma-separated parts of a directive, without blanks around them, ASCII lowercased; no empty ones.
    private static func tokens(_ text: String) -> [[UInt8]] {
        var tokens: [[UInt8]] = []
        for part in text.utf8.split(separator: 0x2C, omittingEmptySubsequences: true) {
            let isBlank = { (b: UInt8) in b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
            guard let first = part.firstIndex(where: { !isBlank($0) }), let last = part.lastIndex(where: { !isBlank($0) }) else { continue }
            tokens.append(part[first...last].map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 })
        }
        return tokens
    }

    /// The article's `ms.date` as a W3C date for `<lastmod>` (`05/19/2021` → `2021-05-19`);
    /// nil when it has none or it is not a day of the calendar.
    static func lastModified(of article: Article) -> String? {
        guard let text = article.frontMatter?["ms.date"]?.text, let day = FrontMatter.day(text) else { return nil }
        let (year, month, date) = (day / 10000, day / 100 % 100, day % 100)
        // The days of the month by hand: a Foundation calendar per copy is costly over thousands.
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard date <= days else { return nil }
        return PageDate.iso(day: day)
    }

    /// The URL with what may not stand in one percent-encoded (UTF-8): spaces, non-ASCII,
    /// `"<>\^`{|}`, and a `%` that starts no escape. Escapes already there are kept, so
    /// escaping twice changes nothing.
    static func escaped(_ url: String) -> String {
        SafeURL.percentEncoded(url) { byte in
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39: true
            default: byte < 0x80 && "-._~:/?#[]@!$&'()*+,;=".utf8.contains(byte)
            }
        }
    }
}
