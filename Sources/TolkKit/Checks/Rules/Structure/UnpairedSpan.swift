/// TOLK101: span markup that does not pair up into units: a unit opening with no
/// lookup span, a lookup span outside every unit, another unit's markup inside a
/// unit, or a stray `</span>`/`<span>` inside one side of a unit.
public struct UnpairedSpan: Rule {
    public static let id = "TOLK101"
    public static let name = "unpaired-span"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Span markup that does not pair up into translation units."
    public static let explanation = """
        Every unit is exactly `<span data-ttu-id="ID">translation</span><span class="sxs-lookup">\
        <span data-stu-id="ID">English</span></span>`, and the `<span`/`</span` tags inside each side \
        must pair up. A unit opening with no lookup span after it, a lookup span outside any unit, or a \
        stray `</span>` inside a translation (as in `…instruktionerne </span> i denne [artikel](…)`) makes \
        the published page show or hide the wrong text. Remove the stray tag, or restore the delimiters \
        exactly as the localization pipeline writes them.
        """

    public init() {}

    private static let lookupMarkers = ["sxs-lookup", "data-stu-id"]
    private static let lookupMarkerBytes = lookupMarkers.map { Array($0.utf8) }
    private static let shortestMarker = lookupMarkerBytes.map(\.count).min() ?? 0

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for diagnostic in article.diagnostics where diagnostic.code == "unpaired-target-span" {
            let id = Self.attributeValue(after: diagnostic.location.offset + 19, in: article.bytes)
            report.add(
                "`<span data-ttu-id=\"\(id)\">` starts no complete unit: no `</span><span class=\"sxs-lookup\"><span data-stu-id=\"…\">` "
                    + "follows it; restore the English lookup span after the translation or remove the opening tag",
                at: diagnostic.location, key: "open:" + id)
        }
        reportLookupOutsideUnits(article, &report)
        for unit in article.units
        where unit.target.containsBytes("span") || unit.source.containsBytes("span") || unit.source.containsBytes("stu-id") {
            let target = article.syntax(.target, unit)
            let source = article.syntax(.source, unit)
            if reportForeignUnitMarkup(unit, .target, target, &report) || reportForeignUnitMarkup(unit, .source, source, &report) {
                continue
            }
            if reportStraySpan(unit, .target, target, other: source, &report) { continue }
            _ = reportStraySpan(unit, .source, source, other: target, &report)
        }
    }

    /// `sxs-lookup` or `data-stu-id` in bytes no unit covers; a `data-stu-id` right after a
    /// reported `sxs-lookup` is the same damage and is not reported again.
    private func reportLookupOutsideUnits(_ article: Article, _ report: inout FindingReport) {
        // Only the bytes between units can hold one: search those.
        var hits: [Int] = []
        var gaps: [Range<Int>] = []
        var position = 0
        for unit in article.units {
            if unit.range.start.offset > position { gaps.append(position..<unit.range.start.offset) }
            position = max(position, unit.range.end.offset)
        }
        if position < article.bytes.count { gaps.append(position..<article.bytes.count) }
        article.bytes.withUnsafeBufferPointer { bytes in
            for gap in gaps where gap.count >= Self.shortestMarker {
                for needle in Self.lookupMarkerBytes {
                    var from = gap.lowerBound
                    while let at = UnitScanner.find(needle, in: UnsafeBufferPointer(rebasing: bytes[..<gap.upperBound]), from: from) {
                        hits.append(at)
                        from = at + needle.count
                    }
                }
            }
        }
        guard !hits.isEmpty else { return }
        hits.sort()
        let covered = article.units.map(\.range.byteRange)
        var unit = 0
        var lastReported = -1000
        var lines: LineTable?
        for (ordinal, at) in hits.enumerated() {
            // Hits and units are both in file order: walk them together.
            while unit < covered.count, covered[unit].upperBound <= at { unit += 1 }
            if unit < covered.count, covered[unit].contains(at) { continue }
            if at - lastReported < 64 { continue }
            lastReported = at
            let table = lines ?? LineTable(article.bytes)
            lines = table
            // Point at the `<` of the tag that holds the marker.
            let tagStart = article.bytes[max(0, at - 20)..<at].lastIndex(of: 0x3C) ?? at
            let text = String(decoding: article.bytes[max(0, at - 40)..<min(article.bytes.count, at + 60)], as: UTF8.self)
            let stuID = UnitScanner.find(Array("data-stu-id=\"".utf8), in: article.bytes, from: at).flatMap { stu in
                stu - at < 64 ? Self.attributeValue(after: stu + 12, in: article.bytes) : nil
            }
            report.add(
                "English lookup span outside any unit (\"\(text.excerpt)\"): no `<span data-ttu-id=…>` translation precedes it; "
                    + "restore the unit's translation span or remove the lookup span",
                at: table.location(of: tagStart), key: "lookup:" + (stuID ?? String(ordinal)))
        }
    }

    /// Another unit's delimiters inside one side: a unit swallowed the next one because its own
    /// delimiters are damaged. Lookup markup inside a translation is TOLK106's; here it is only
    /// reported in the English side, or as a `data-ttu-id` opening in the translation.
    private func reportForeignUnitMarkup(_ unit: TranslationUnit, _ side: Side, _ syntax: UnitSyntax, _ report: inout FindingReport) -> Bool
    {
        let opening = syntax.offset(of: "<span data-ttu-id=\"")
        if side == .target {
            guard let opening else { return false }
            if Self.lookupMarkers.contains(where: { syntax.offset(of: $0).map { $0 < opening } ?? false }) { return true }
            report.add(
                "unit \(unit.id)'s translation runs into another unit at \"\(syntax.snippet(opening..<(opening + 19)))\": "
                    + "unit \(unit.id) has no English lookup span of its own; restore `</span><span class=\"sxs-lookup\">…` after its translation",
                at: unit.location(.target, utf8Offset: opening), unit: unit, key: "target:unit")
            return true
        }
        let markers = ([opening] + Self.lookupMarkers.map { syntax.offset(of: $0) }).compactMap { $0 }
        guard let first = markers.min() else { return false }
        report.add(
            "unit \(unit.id)'s English lookup span runs into another unit at \"\(syntax.snippet(first..<(first + 10)))\": "
                + "its closing `</span></span>` is missing or damaged; restore it after the English text",
            at: unit.location(.source, utf8Offset: first), unit: unit, key: "source:unit")
        return true
    }

    /// A `</span>` with no `<span` before it, or a `<span` never closed, inside one side.
    private func reportStraySpan(
        _ unit: TranslationUnit, _ side: Side, _ syntax: UnitSyntax, other: UnitSyntax, _ report: inout FindingReport
    ) -> Bool {
        guard let stray = syntax.unmatchedTags(named: ["span"]).first else { return false }
        let raw = syntax.text(stray.range)
        let quoted = syntax.snippet(stray.range)
        let kind = stray.isClosing ? "a stray `\(raw)` with no `<span>` before it" : "`\(raw)` that is never closed"
        var message: String
        if side == .target {
            let english = other.unmatchedTags(named: ["span"])
            message = "unit \(unit.id)'s translation has \(kind): \"\(quoted)\"; it ends the translation span early on the published page"
            message +=
                english.isEmpty
                ? " (the English has no such tag); remove it" : " (the English has the same stray tag); remove it from the translation"
        } else {
            message = "unit \(unit.id)'s English lookup span has \(kind): \"\(quoted)\"; remove it or report it to the source authors"
        }
        report.add(
            message, at: unit.location(side, utf8Offset: stray.range.lowerBound), unit: unit, key: "\(side.rawValue):\(raw.lowercased())")
        return true
    }

    /// The text up to the next `"` after `offset`, such as a unit ID.
    static func attributeValue(after offset: Int, in bytes: [UInt8]) -> String {
        guard offset < bytes.count else { return "" }
        let end = bytes[offset...].prefix(40).firstIndex(of: 0x22) ?? offset
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }
}
