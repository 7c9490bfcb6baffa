import Foundation

/// Reads a side-by-side article into the model: units by their delimiters,
/// front matter with Yams, each side's projection through cmark-gfm, then steps.
public struct ArticleParser: Sendable {
    /// Files larger than this are refused rather than parsed (the largest real
    /// article is under 1 MB).
    public var maximumSize: Int
    /// Also record, from the same cmark-gfm parse, the syntax of every unit side
    /// (`Article.analysis`), which the check rules read. Off for readers that only render.
    public var analyzesUnits: Bool
    /// Build each side's blocks and steps (`Article.target`, `.source`). Off only for
    /// readers that need just the units and their analysis (the check rules): the tree
    /// cmark-gfm parsed is then walked for the analysis alone.
    public var buildsDocuments: Bool

    /// A parser with a size limit that builds the documents, the unit analysis or both.
    public init(maximumSize: Int = 64 << 20, analyzesUnits: Bool = false, buildsDocuments: Bool = true) {
        self.maximumSize = maximumSize
        self.analyzesUnits = analyzesUnits
        self.buildsDocuments = buildsDocuments || !analyzesUnits
    }

    /// Reads and parses the file at `path`.
    public func parse(contentsOf path: String) throws(ArticleError) -> Article {
        let bytes = try FileBytes.read(path, limit: maximumSize)
        return try parse(bytes: bytes, path: path)
    }

    /// Parses article bytes; `path` is used for messages and the slug.
    public func parse(bytes: [UInt8], path: String) throws(ArticleError) -> Article {
        guard bytes.count <= maximumSize else {
            throw ArticleError(.tooLarge, path: path, "article is \(bytes.count) bytes; the limit is \(maximumSize)")
        }
        let lines = LineTable(bytes)
        if let nul = Self.firstNUL(bytes) {
            throw ArticleError(
                .binary, path: path, at: lines.location(of: nul), "binary file (NUL byte); expected a UTF-8 Markdown article")
        }
        if let bad = Self.firstInvalidUTF8(bytes) {
            throw ArticleError(
                .invalidUTF8, path: path, at: lines.location(of: bad),
                "invalid UTF-8 byte 0x\(String(bytes[bad], radix: 16, uppercase: true)); articles must be UTF-8")
        }

        var diagnostics: [Diagnostic] = []
        let scan = UnitScanner.scan(bytes)
        let fmBounds = FrontMatterParser.bounds(in: bytes)
        let units = Self.units(scan, bytes: bytes, lines: lines, frontMatter: fmBounds?.whole, diagnostics: &diagnostics)
        guard !units.isEmpty else {
            throw ArticleError(
                .noUnits, path: path, "no translation units (`<span data-ttu-id=\"…\">`); this is not a side-by-side bilingual article")
        }

        var frontMatter: FrontMatter?
        if let fm = fmBounds {
            frontMatter = FrontMatterParser.parse(bytes, bounds: fm, lines: lines, diagnostics: &diagnostics)
        }

        var blocks: [Side: [Block]] = [:]
        var syntax: [Side: [UnitSyntax]] = [:]
        var html = InlineHTMLReader()
        for side in Side.allCases {
            let projection = Projection.marked(bytes, units: units, side: side, frontMatter: fmBounds?.whole)
            var reader = MarkdownReader(projection: projection, originalLines: lines, unitCount: units.count, html: html)
            if analyzesUnits { reader.startRecording() }
            if let doc = CmarkDocument(projection.bytes) {
                if buildsDocuments {
                    blocks[side] = reader.blocks(of: CmarkNode(pointer: doc.root))
                } else {
                    reader.recordOnly(CmarkNode(pointer: doc.root))
                }
            }
            html = reader.html
            if let recorder = reader.recorder {
                syntax[side] = UnitAnalyzer(file: bytes, units: units, side: side).analyses(recorder)
            }
        }
        let target = blocks[.target] ?? []
        let source = blocks[.source] ?? []
        let targetSteps = StepBuilder(side: .target, other: CounterpartIndex(source)).procedures(in: target)
        let sourceSteps = StepBuilder(side: .source, other: CounterpartIndex(target)).procedures(in: source)

        // The file name; Foundation's `lastPathComponent` (kept for paths ending in a slash) costs more.
        let name = path.hasSuffix("/") ? (path as NSString).lastPathComponent : PathName.fileName(path)
        let slug = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        return Article(
            path: path, slug: slug, frontMatter: frontMatter, units: units,
            target: Document(side: .target, blocks: target, procedures: targetSteps),
            source: Document(side: .source, blocks: source, procedures: sourceSteps),
            diagnostics: diagnostics.sorted { $0.location < $1.location }, bytes: bytes,
            analysis: analyzesUnits ? ArticleAnalysis(target: syntax[.target] ?? [], source: syntax[.source] ?? []) : nil)
    }

    private static func units(
        _ scan: UnitScanner.Result, bytes: [UInt8], lines: LineTable, frontMatter: Range<Int>?, diagnostics: inout [Diagnostic]
    ) -> [TranslationUnit] {
        for offset in scan.strayOpenings {
            diagnostics.append(
                Diagnostic(
                    .warning, code: "unpaired-target-span", "`<span data-ttu-id=` starts no complete unit (no matching sxs-lookup span)",
                    at: lines.location(of: offset)))
        }
        var units: [TranslationUnit] = []
        units.reserveCapacity(scan.matches.count)
        let offsets = scan.matches.flatMap {
            [
                $0.whole.lowerBound, $0.target.lowerBound, $0.target.upperBound, $0.source.lowerBound, $0.source.upperBound,
                $0.whole.upperBound,
            ]
        }
        let locations = lines.locations(ascending: offsets)
        for (index, m) in scan.matches.enumerated() {
            let id = String(decoding: bytes[m.id], as: UTF8.self)
            let sourceID = String(decoding: bytes[m.sourceID], as: UTF8.self)
            let parsed = UnitID(id)
            let l = locations[(index * 6)..<(index * 6 + 6)].map { $0 }
            if sourceID != id {
                diagnostics.append(Diagnostic(.warning, code: "unit-id-mismatch", "unit \(id) has source ID \(sourceID)", at: l[0]))
            }
            units.append(
                TranslationUnit(
                    index: index, id: id, sourceID: sourceID, prefix: parsed?.prefix, number: parsed?.number,
                    isParagraph: parsed?.isParagraph ?? false,
                    target: String(decoding: bytes[m.target], as: UTF8.self),
                    source: String(decoding: bytes[m.source], as: UTF8.self),
                    area: frontMatter.map { $0.contains(m.whole.lowerBound) } == true ? .frontMatter : .body,
                    range: SourceRange(start: l[0], end: l[5]),
                    targetRange: SourceRange(start: l[1], end: l[2]), sourceRange: SourceRange(start: l[3], end: l[4])))
        }
        return units
    }

    /// The offset of the first NUL byte (binary files have them; text never does).
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, let hit = memchr(base, 0, b.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The offset of the first byte that is not valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        // Validation without copying the bytes; only a failure needs the slow walk below.
        if (try? UTF8Span(validating: bytes.span)) != nil { return nil }
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

/// `PREFIX-NUM` or `PREFIX-pNUM`: a five-hex build nonce and a counter, `p` for paragraph units.
struct UnitID {
    var prefix: String
    var number: Int
    var isParagraph: Bool

    init?(_ id: String) {
        let bytes = Array(id.utf8)
        guard let dash = bytes.firstIndex(of: 0x2D), dash > 0 else { return nil }
        var i = dash + 1
        isParagraph = i < bytes.count && bytes[i] == 0x70  // p
        if isParagraph { i += 1 }
        guard i < bytes.count, bytes.count - i <= 18 else { return nil }
        var n = 0
        while i < bytes.count {
            guard bytes[i] >= 0x30 && bytes[i] <= 0x39 else { return nil }
            n = n * 10 + Int(bytes[i] - 0x30)
            i += 1
        }
        prefix = String(decoding: bytes[..<dash], as: UTF8.self)
        number = n
    }
}
