import Foundation

/// Reads a side-by-side article into the model: units by their delimiters,
/// front matter with Yams, each side's projection through cmark-gfm, then steps.
public struct ArticleParser: Sendable {
    /// Files larger than this are refused rather than parsed (the largest real
    /// article is under 1 MB).
    public var maximumSize: Int

    public init(maximumSize: Int = 64 << 20) {
        self.maximumSize = maximumSize
    }

    /// Reads and parses the file at `path`.
    public func parse(contentsOf path: String) throws(ArticleError) -> Article {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ArticleError(.unreadable, path: path, "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ArticleError(.unreadable, path: path, "is a directory; give an article file (.md)")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int, size > maximumSize {
            throw ArticleError(.tooLarge, path: path, "file is \(size) bytes; articles larger than \(maximumSize) bytes are not read")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ArticleError(.unreadable, path: path, "cannot be read (check its permissions)")
        }
        return try parse(bytes: [UInt8](data), path: path)
    }

    /// Parses article bytes; `path` is used for messages and the slug.
    public func parse(bytes: [UInt8], path: String) throws(ArticleError) -> Article {
        guard bytes.count <= maximumSize else {
            throw ArticleError(.tooLarge, path: path, "article is \(bytes.count) bytes; the limit is \(maximumSize)")
        }
        let lines = LineTable(bytes)
        if let nul = bytes.firstIndex(of: 0) {
            throw ArticleError(.binary, path: path, at: lines.location(of: nul), "binary file (NUL byte); expected a UTF-8 Markdown article")
        }
        if let bad = Self.firstInvalidUTF8(bytes) {
            throw ArticleError(.invalidUTF8, path: path, at: lines.location(of: bad), "invalid UTF-8 byte 0x\(String(bytes[bad], radix: 16, uppercase: true)); articles must be UTF-8")
        }

        var diagnostics: [Diagnostic] = []
        let scan = UnitScanner.scan(bytes)
        let fmBounds = FrontMatterParser.bounds(in: bytes)
        let units = Self.units(scan, bytes: bytes, lines: lines, frontMatter: fmBounds?.whole, diagnostics: &diagnostics)
        guard !units.isEmpty else {
            throw ArticleError(.noUnits, path: path, "no translation units (`<span data-ttu-id=\"…\">`); this is not a side-by-side bilingual article")
        }

        var frontMatter: FrontMatter?
        if let fm = fmBounds {
            let text = String(decoding: bytes[fm.yaml], as: UTF8.self)
            frontMatter = FrontMatterParser.parse(text, bounds: fm, lines: lines, diagnostics: &diagnostics)
        }

        var blocks: [Side: [Block]] = [:]
        for side in Side.allCases {
            let projection = Projection.marked(bytes, units: units, side: side, frontMatter: fmBounds?.whole)
            var reader = MarkdownReader(projection: projection, originalLines: lines, unitCount: units.count)
            if let doc = CmarkDocument(projection.bytes) {
                blocks[side] = reader.blocks(of: CmarkNode(pointer: doc.root))
            }
        }
        let target = blocks[.target] ?? []
        let source = blocks[.source] ?? []
        let targetSteps = StepBuilder(side: .target, other: CounterpartIndex(source)).procedures(in: target)
        let sourceSteps = StepBuilder(side: .source, other: CounterpartIndex(target)).procedures(in: source)

        let name = (path as NSString).lastPathComponent
        let slug = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        return Article(
            path: path, slug: slug, frontMatter: frontMatter, units: units,
            target: Document(side: .target, blocks: target, procedures: targetSteps),
            source: Document(side: .source, blocks: source, procedures: sourceSteps),
            diagnostics: diagnostics.sorted { $0.location < $1.location }, bytes: bytes)
    }

    private static func units(
        _ scan: UnitScanner.Result, bytes: [UInt8], lines: LineTable, frontMatter: Range<Int>?, diagnostics: inout [Diagnostic]
    ) -> [TranslationUnit] {
        for offset in scan.strayOpenings {
            diagnostics.append(
                Diagnostic(.warning, code: "unpaired-target-span", "`<span data-ttu-id=` starts no complete unit (no matching sxs-lookup span)", at: lines.location(of: offset)))
        }
        var units: [TranslationUnit] = []
        units.reserveCapacity(scan.matches.count)
        for (index, m) in scan.matches.enumerated() {
            let id = String(decoding: bytes[m.id], as: UTF8.self)
            let sourceID = String(decoding: bytes[m.sourceID], as: UTF8.self)
            let parsed = UnitID(id)
            let location = lines.location(of: m.whole.lowerBound)
            if sourceID != id {
                diagnostics.append(Diagnostic(.warning, code: "unit-id-mismatch", "unit \(id) has source ID \(sourceID)", at: location))
            }
            units.append(
                TranslationUnit(
                    index: index, id: id, sourceID: sourceID, prefix: parsed?.prefix, number: parsed?.number,
                    isParagraph: parsed?.isParagraph ?? false,
                    target: String(decoding: bytes[m.target], as: UTF8.self),
                    source: String(decoding: bytes[m.source], as: UTF8.self),
                    area: frontMatter.map { $0.contains(m.whole.lowerBound) } == true ? .frontMatter : .body,
                    range: SourceRange(start: location, end: lines.location(of: m.whole.upperBound)),
                    targetRange: lines.range(m.target), sourceRange: lines.range(m.source)))
        }
        return units
    }

    /// The offset of the first byte that is not valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

/// `PREFIX-NUM` or `PREFIX-pNUM` (FORMAT.md §3).
struct UnitID {
    var prefix: String
    var number: Int
    var isParagraph: Bool

    init?(_ id: String) {
        let parts = id.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return nil }
        var digits = parts[1]
        isParagraph = digits.first == "p"
        if isParagraph { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = Int(digits) else { return nil }
        prefix = String(parts[0])
        number = n
    }
}
