/// The whole model as JSON (format documented in the README, "JSON output").
/// Version 1: fields are only ever added; renamed or removed fields bump `tolkJSON`.
public struct JSONRenderer: ArticleRenderer {
    /// The version of the JSON format, written as `tolkJSON`.
    public static let formatVersion = 1
    /// Spaces per level of indentation.
    public var indent: Int

    /// A renderer that indents by `indent` spaces.
    public init(indent: Int = 2) { self.indent = indent }

    /// The article as JSON text, ending in a newline.
    public func render(_ article: Article) -> String {
        json(article).serialized(indent: indent) + "\n"
    }

    /// The article as a JSON value.
    public func json(_ article: Article) -> JSONValue {
        .object([
            ("tolkJSON", .int(Self.formatVersion)),
            ("path", .string(article.path)),
            ("slug", .string(article.slug)),
            ("targetLocale", article.targetLocale.map(JSONValue.string) ?? .null),
            ("sourceLocale", .string(article.sourceLocale)),
            ("translationType", article.translationType.map { .string($0.code) } ?? .null),
            ("title", .object([("target", .string(article.title(.target))), ("source", .string(article.title(.source)))])),
            ("frontMatter", article.frontMatter.map(frontMatter) ?? .null),
            ("units", .array(article.units.map(unit))),
            ("target", document(article.target, article)),
            ("source", document(article.source, article)),
            ("diagnostics", .array(article.diagnostics.map(diagnostic))),
        ])
    }

    private func position(_ l: SourceLocation) -> [(String, JSONValue)] {
        [("line", .int(l.line)), ("column", .int(l.column))]
    }

    private func frontMatter(_ fm: FrontMatter) -> JSONValue {
        let loc = fm.localization
        func opt(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        return .object(
            position(fm.range.start) + [
                ("validYAML", .bool(fm.isValidYAML)),
                (
                    "entries",
                    .array(
                        fm.entries.map {
                            .object([("key", .string($0.key)), ("value", metadata($0.value)), ("line", .int($0.location.line))])
                        })
                ),
                (
                    "localization",
                    .object([
                        ("openLocFileHash", opt(loc.openLocFileHash)),
                        ("sourceGitCommit", opt(loc.sourceGitCommit)),
                        ("translationType", opt(loc.translationType?.code)),
                        ("contentLocale", opt(loc.contentLocale)),
                        ("lastHandoff", opt(loc.lastHandoff)),
                        (
                            "lastHandoffDate",
                            opt(
                                loc.lastHandoffDate.map { c in
                                    zeroPadded(c.year ?? 0, 4) + "-" + zeroPadded(c.month ?? 0, 2) + "-" + zeroPadded(c.day ?? 0, 2)
                                })
                        ),
                        ("locFileID", opt(loc.locFileID)),
                    ])
                ),
            ])
    }

    private func metadata(_ value: MetadataValue) -> JSONValue {
        switch value {
        case .string(let s): .string(s)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .bool(let b): .bool(b)
        case .null: .null
        case .list(let items): .array(items.map(metadata))
        case .mapping(let entries): .object(entries.map { ($0.key, metadata($0.value)) })
        }
    }

    private func unit(_ u: TranslationUnit) -> JSONValue {
        .object([
            ("index", .int(u.index)),
            ("id", .string(u.id)),
            ("prefix", u.prefix.map(JSONValue.string) ?? .null),
            ("number", u.number.map(JSONValue.int) ?? .null),
            ("paragraph", .bool(u.isParagraph)),
            ("area", .string(u.area.rawValue)),
            ("target", .string(u.target)),
            ("source", .string(u.source)),
            ("line", .int(u.location.line)),
            ("column", .int(u.location.column)),
            ("targetStart", .object(position(u.targetRange.start))),
            ("sourceStart", .object(position(u.sourceRange.start))),
        ])
    }

    private func diagnostic(_ d: Diagnostic) -> JSONValue {
        .object(
            [("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("message", .string(d.message))] + position(d.location))
    }

    private func document(_ doc: Document, _ article: Article) -> JSONValue {
        .object([
            ("blocks", .array(doc.blocks.map { block($0, article) })),
            ("procedures", .array(doc.procedures.map { procedure($0, article) })),
        ])
    }

    private func procedure(_ p: Procedure, _ article: Article) -> JSONValue {
        .object(position(p.location) + [("title", bilingualText(p.title)), ("steps", .array(p.steps.map { step($0, article) }))])
    }

    private func step(_ s: Step, _ article: Article) -> JSONValue {
        .object(
            [("number", .int(s.number))] + position(s.location) + [
                ("instruction", bilingualInlines(s.instruction, article)),
                ("parts", .array(s.parts.map { part($0, article) })),
                ("uiPaths", .array(s.uiPaths.map(uiPath))),
            ])
    }

    private func part(_ part: Step.Part, _ article: Article) -> JSONValue {
        switch part {
        case .detail(let d):
            return .object([
                ("type", .string("detail")),
                ("target", d.target.map { .array($0.map { block($0, article) }) } ?? .null),
                ("source", d.source.map { .array($0.map { block($0, article) }) } ?? .null),
            ])
        case .alternative(let a):
            return .object([("type", .string("alternative"))] + bilingualMembers(a, article))
        case .note(let n):
            return .object([
                ("type", .string("note")),
                ("target", n.target.map { block(.note($0), article) } ?? .null),
                ("source", n.source.map { block(.note($0), article) } ?? .null),
            ])
        case .statusField(let f):
            return .object(
                [("type", .string("statusField"))] + position(f.location) + [
                    (
                        "label",
                        .object([
                            ("target", f.label.target.map(JSONValue.string) ?? .null),
                            ("source", f.label.source.map(JSONValue.string) ?? .null),
                        ])
                    ),
                    (
                        "valueDescription",
                        .object([
                            ("target", f.valueDescription.target.map(JSONValue.string) ?? .null),
                            ("source", f.valueDescription.source.map(JSONValue.string) ?? .null),
                        ])
                    ),
                    ("paragraph", bilingualInlines(f.paragraph, article)),
                ])
        case .substeps(let steps):
            return .object([("type", .string("substeps")), ("steps", .array(steps.map { step($0, article) }))])
        }
    }

    private func uiPath(_ p: UIPath) -> JSONValue {
        .object(
            [
                ("source", .array(p.source.map(JSONValue.string))),
                ("target", p.target.map { .array($0.map(JSONValue.string)) } ?? .null),
            ] + position(p.location))
    }

    private func bilingualText(_ b: Bilingual<[Inline]>) -> JSONValue {
        .object([
            ("target", b.target.map { .string($0.plainText.trimmingSpaces) } ?? .null),
            ("source", b.source.map { .string($0.plainText.trimmingSpaces) } ?? .null),
        ])
    }

    private func bilingualMembers(_ b: Bilingual<[Inline]>, _ article: Article) -> [(String, JSONValue)] {
        [
            ("target", b.target.map { .array($0.map { inline($0, article) }) } ?? .null),
            ("source", b.source.map { .array($0.map { inline($0, article) }) } ?? .null),
            ("text", bilingualText(b)),
        ]
    }

    private func bilingualInlines(_ b: Bilingual<[Inline]>, _ article: Article) -> JSONValue {
        .object(bilingualMembers(b, article))
    }

    func block(_ b: Block, _ article: Article) -> JSONValue {
        func obj(_ type: String, _ l: SourceLocation, _ members: [(String, JSONValue)]) -> JSONValue {
            .object([("type", .string(type))] + position(l) + members)
        }
        let inlines = { (c: [Inline]) in JSONValue.array(c.map { self.inline($0, article) }) }
        switch b {
        case .heading(let h):
            return obj(
                "heading", h.location,
                [("level", .int(h.level)), ("anchor", h.anchor.map(JSONValue.string) ?? .null), ("content", inlines(h.content))])
        case .paragraph(let p):
            return obj("paragraph", p.location, [("content", inlines(p.content))])
        case .list(let l):
            return obj(
                "list", l.location,
                [
                    ("ordered", .bool(l.isOrdered)), ("start", l.start.map(JSONValue.int) ?? .null), ("tight", .bool(l.isTight)),
                    (
                        "items",
                        .array(l.items.map { .object(position($0.location) + [("blocks", .array($0.blocks.map { block($0, article) }))]) })
                    ),
                ])
        case .note(let n):
            var members: [(String, JSONValue)] = [("kind", .string(n.kind.keyword))]
            if case .video(let url) = n.kind { members.append(("url", .string(url))) }
            return obj("note", n.location, members + [("blocks", .array(n.blocks.map { block($0, article) }))])
        case .quote(let q):
            return obj("quote", q.location, [("blocks", .array(q.blocks.map { block($0, article) }))])
        case .code(let c):
            return obj("code", c.location, [("info", .string(c.info)), ("text", .string(c.text))])
        case .table(let t):
            return obj(
                "table", t.location,
                [
                    ("alignments", .array(t.alignments.map { .string($0.rawValue) })),
                    ("header", .array(t.header.map(inlines))),
                    ("rows", .array(t.rows.map { .array($0.map(inlines)) })),
                ])
        case .html(let h):
            return obj("html", h.location, [("html", .string(h.html))])
        case .thematicBreak(let l):
            return obj("thematicBreak", l, [])
        }
    }

    func inline(_ i: Inline, _ article: Article) -> JSONValue {
        func obj(_ type: String, _ members: [(String, JSONValue)]) -> JSONValue { .object([("type", .string(type))] + members) }
        let children = { (c: [Inline]) in JSONValue.array(c.map { self.inline($0, article) }) }
        switch i {
        case .text(let s): return obj("text", [("text", .string(s))])
        case .code(let s): return obj("code", [("text", .string(s))])
        case .emphasis(let c): return obj("emphasis", [("children", children(c))])
        case .strong(let c): return obj("strong", [("children", children(c))])
        case .strikethrough(let c): return obj("strikethrough", [("children", children(c))])
        case .link(let l):
            return obj(
                "link",
                [
                    ("destination", .string(l.destination)), ("title", .string(l.title)), ("autolink", .bool(l.isAutolink)),
                    ("children", children(l.children)),
                ])
        case .image(let img):
            return obj("image", [("source", .string(img.source)), ("title", .string(img.title)), ("alt", children(img.alt))])
        case .html(let h):
            switch h.kind {
            case .literal: return obj("pseudoTag", [("text", .string(h.raw))])
            case .comment: return obj("comment", [("html", .string(h.raw))])
            case .element(let name, let attributes, let closing):
                return obj(
                    "html",
                    [
                        ("html", .string(h.raw)), ("element", .string(name)), ("closing", .bool(closing)),
                        ("attributes", .object(attributes.map { ($0.name, .string($0.value)) })),
                    ])
            }
        case .softBreak: return obj("softBreak", [])
        case .lineBreak: return obj("lineBreak", [])
        case .unit(let u):
            let id = u.unit < article.units.count ? article.units[u.unit].id : ""
            return obj("unit", [("unit", .int(u.unit)), ("id", .string(id)), ("children", children(u.children))])
        }
    }
}

/// Zero-padded decimal digits.
func zeroPadded(_ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
