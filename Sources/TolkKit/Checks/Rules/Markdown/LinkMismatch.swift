/// TOLK302: links that the translation lost, added, re-pointed or broke.
public struct LinkMismatch: Rule {
    public static let id = "TOLK302"
    public static let name = "link-mismatch"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "A unit's translation has other links, or other link destinations, than the English."
    public static let explanation = """
        Inside a unit the translation must link to exactly the places the English links to: on the \
        Danish corpus the destinations are identical in every unit that machine translation did not \
        break. A link whose destination changed, that is missing, or whose syntax MT damaged (a space \
        between `]` and `(`, or spaces inside the parentheses as in `[her]( https://…141) .`) sends the \
        reader nowhere or shows raw Markdown. Only a locale segment such as `/en-us/` → `/da-dk/` may \
        differ, and a space in a destination equals `%20`. A link the English itself breaks (`[text] \
        (url)`, a missing `)`) is not held against a translation that writes it as a link. Copy the link syntax and destination from the English and translate only the link text.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units where !unit.isTargetEmpty {
            let target = article.syntax(.target, unit)
            let source = article.syntax(.source, unit)
            guard !(target.links.isEmpty && source.links.isEmpty) else { continue }
            // Each destination made comparable once: a link is compared with every link of the other side.
            var unmatchedSource = source.links.map { Keyed(link: $0, key: Self.comparable($0.destination)) }
            var unmatchedTarget: [Keyed] = []
            for link in target.links {
                let key = Self.comparable(link.destination)
                if let k = unmatchedSource.firstIndex(where: {
                    $0.key == key && $0.link.isImage == link.isImage && $0.link.isAutolink == link.isAutolink
                }) {
                    unmatchedSource.remove(at: k)
                } else {
                    unmatchedTarget.append(Keyed(link: link, key: key))
                }
            }
            // Where the English broke its own link (`[text] (url)`, `[text](url` or a destination with a
            // space) and the translation wrote it properly, the translation is not to blame.
            unmatchedTarget.removeAll { t in
                guard !t.link.isAutolink, !t.link.isImage else { return false }
                if let k = unmatchedSource.firstIndex(where: { $0.link.isAutolink && $0.key == t.key }) {
                    unmatchedSource.remove(at: k)
                    return true
                }
                return Self.writesOutside(t.link.destination, in: source)
            }
            // `[text] (url)`: the brackets are text and the address became a bare URL.
            unmatchedSource.removeAll { s in
                guard !s.link.isAutolink, let k = unmatchedTarget.firstIndex(where: { $0.link.isAutolink && $0.key == s.key }) else {
                    return false
                }
                let offset = linkStart(before: unmatchedTarget[k].link.range.lowerBound, in: target)
                report.add(
                    "the link \(quote(s.link, in: source)) of the English is no longer a link in the translation: "
                        + "\"\(target.text(offset..<target.count).excerpt)\"; restore the syntax `[text](\(Self.writtenDestination(s.link, in: source)))`",
                    at: unit.location(.target, utf8Offset: offset), unit: unit, key: "missing:" + s.key)
                unmatchedTarget.remove(at: k)
                return true
            }
            for (t, s) in zip(unmatchedTarget.map(\.link), unmatchedSource) {
                report.add(
                    "the link \(quote(t, in: target)) points to `\(t.destination)` where the English \(quote(s.link, in: source)) points to "
                        + "`\(s.link.destination)`; use the English destination",
                    at: unit.location(.target, utf8Offset: t.range.lowerBound), unit: unit, key: "changed:" + s.key
                )
            }
            for t in unmatchedTarget.dropFirst(unmatchedSource.count) {
                report.add(
                    "the translation has a link \(quote(t.link, in: target)) that the English does not have (\"\(unit.source.excerpt)\"); remove it",
                    at: unit.location(.target, utf8Offset: t.link.range.lowerBound), unit: unit, key: "extra:" + t.key)
            }
            for (s, key) in unmatchedSource.dropFirst(unmatchedTarget.count).map({ ($0.link, $0.key) }) {
                let english = quote(s, in: source)
                let written = source.isProse(s.range.lowerBound) ? s.destination : Self.writtenDestination(s, in: source)
                if let found = target.offset(of: written, outside: target.links.map(\.range)) {
                    let offset = linkStart(before: found, in: target)
                    report.add(
                        "the link \(english) of the English is no longer a link in the translation: "
                            + "\"\(target.text(offset..<target.count).excerpt)\"; restore the syntax `[text](\(written))`",
                        at: unit.location(.target, utf8Offset: offset), unit: unit, key: "missing:" + key)
                } else {
                    report.add(
                        "the translation lacks the link \(english) of the English; the translation is \"\(unit.target.excerpt)\"",
                        at: unit.location(.target, utf8Offset: target.firstVisibleOffset), unit: unit,
                        key: "missing:" + key)
                }
            }
        }
    }

    /// True when `destination` (or its `%20` spelled as spaces) is written in the prose of `syntax`
    /// outside any link: a link the side's author broke, so it is no link there.
    static func writesOutside(_ destination: String, in syntax: UnitSyntax) -> Bool {
        guard destination.utf8.count >= 4 else { return false }
        let ranges = syntax.links.map(\.range)
        if syntax.offset(of: destination, outside: ranges) != nil { return true }
        let spaced = destination.replacingOccurrences(of: "%20", with: " ")
        return spaced != destination && syntax.offset(of: spaced, outside: ranges) != nil
    }

    /// The destination as the English writes it (cmark's is decoded and may have gained `http://` or `mailto:`).
    static func writtenDestination(_ link: UnitSyntax.Link, in syntax: UnitSyntax) -> String {
        if link.isAutolink { return syntax.text(link.text) }
        var start = link.text.upperBound + 2
        while start < link.range.upperBound, syntax.bytes[start] == 0x20 || syntax.bytes[start] == 0x0A { start += 1 }
        // `(<https://a b>)`: a destination in angle brackets may hold spaces.
        if start < link.range.upperBound, syntax.bytes[start] == UInt8(ascii: "<"),
            let close = syntax.bytes[start..<link.range.upperBound].firstIndex(of: UInt8(ascii: ">"))
        {
            return syntax.text(start..<close + 1)
        }
        var end = start
        while end < link.range.upperBound - 1, syntax.bytes[end] != 0x20, syntax.bytes[end] != 0x0A { end += 1 }
        return end > start ? syntax.text(start..<end) : link.destination
    }

    /// The `[` of `[text] (url)` when a destination at `offset` follows such broken syntax, else `offset`.
    private func linkStart(before offset: Int, in syntax: UnitSyntax) -> Int {
        let bytes = syntax.bytes
        guard offset > 0, bytes[offset - 1] == UInt8(ascii: "(") else { return offset }
        let close = syntax.skippingSpaces(backFrom: offset - 1)
        guard close > 0, bytes[close - 1] == UInt8(ascii: "]"), let open = bytes[..<(close - 1)].lastIndex(of: UInt8(ascii: "[")) else {
            return offset
        }
        return open
    }

    private func quote(_ link: UnitSyntax.Link, in syntax: UnitSyntax) -> String {
        "\"" + syntax.quote(link.range) + "\""
    }

    /// A destination with its locale path segment (`/en-us/`, `/da-dk/`, any `xx-xx`)
    /// neutralised, since localizing that segment is allowed.
    static func comparable(_ url: String) -> String {
        // `<https://a b>` and `https://a%20b` are one address.
        if url.withBytes({ $0.contains(0x20) }) { return comparable(url.replacingOccurrences(of: " ", with: "%20")) }
        // Most destinations have no locale segment: told from the bytes in place.
        let hasLocale = url.withBytes { b in
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == UInt8(ascii: "/") {
                if start > 0, i - start >= 5, i - start <= 7, b[start + 2] == UInt8(ascii: "-"),
                    isLocaleSegment(Array(b[start..<i])[...])
                {
                    return true
                }
                start = i + 1
            }
            return false
        }
        guard hasLocale else { return url }
        let bytes = Array(url.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var start = 0
        var changed = false
        for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "/") {
            let segment = bytes[start..<i]
            if start > 0, isLocaleSegment(segment) {
                out += Array("xx-xx".utf8)
                changed = true
            } else {
                out += segment
            }
            if i < bytes.count { out.append(UInt8(ascii: "/")) }
            start = i + 1
        }
        return changed ? String(decoding: out, as: UTF8.self) : url
    }

    /// `da-dk`, `en-US`, `zh-Hant`: two letters, a hyphen, two to four letters.
    static func isLocaleSegment(_ segment: ArraySlice<UInt8>) -> Bool {
        let start = segment.startIndex
        guard (5...7).contains(segment.count), segment[start + 2] == UInt8(ascii: "-") else { return false }
        let isLetter = { (c: UInt8) in (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c | 0x20) }
        return segment.indices.allSatisfy { $0 == start + 2 || isLetter(segment[$0]) }
    }

    /// A link with its destination made comparable.
    private struct Keyed {
        var link: UnitSyntax.Link
        var key: String
    }
}
