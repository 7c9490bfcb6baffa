/// Per translation unit: its English original (from the source document) and
/// how many pieces it has on the page, so the original goes after the last one.
struct UnitOriginals {
    /// The inlines of each unit's source text, by index into `Article.units` (empty for
    /// a unit the source does not show), inside the emphasis, strong text and links that
    /// surround them in the English.
    private(set) var originals: [[Inline]] = []
    /// How many `Inline.unit` pieces each unit has in the rendered document.
    private(set) var pieceCounts: [Int] = []

    init(source: Document, page: Document, unitCount: Int) {
        originals = Array(repeating: [], count: unitCount)
        pieceCounts = Array(repeating: 0, count: unitCount)
        for run in Self.inlineRuns(source.blocks) { collect(run, around: []) }
        for run in Self.inlineRuns(page.blocks) { count(run) }
    }

    init() {}

    private mutating func collect(_ inlines: [Inline], around: [Inline]) {
        for inline in inlines {
            switch inline {
            case .unit(let u): if originals.indices.contains(u.unit) { originals[u.unit] += Self.wrap(u.children, in: around) }
            case .emphasis(let c): collect(c, around: around + [.emphasis([])])
            case .strong(let c): collect(c, around: around + [.strong([])])
            case .strikethrough(let c): collect(c, around: around + [.strikethrough([])])
            case .link(var l):
                let children = l.children
                l.children = []
                collect(children, around: around + [.link(l)])
            default: break
            }
        }
    }

    /// `inlines` inside copies of the (empty) wrappers, outermost first.
    private static func wrap(_ inlines: [Inline], in wrappers: [Inline]) -> [Inline] {
        var out = inlines
        for wrapper in wrappers.reversed() {
            switch wrapper {
            case .emphasis: out = [.emphasis(out)]
            case .strong: out = [.strong(out)]
            case .strikethrough: out = [.strikethrough(out)]
            case .link(var l):
                l.children = out
                out = [.link(l)]
            default: break
            }
        }
        return out
    }

    /// Counts pieces the way `HTMLInlineWriter` visits them (image alt text is an attribute, not pieces).
    private mutating func count(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .unit(let u):
                if pieceCounts.indices.contains(u.unit) { pieceCounts[u.unit] += 1 }
                count(u.children)
            case .emphasis(let c), .strong(let c), .strikethrough(let c): count(c)
            case .link(let l): count(l.children)
            default: break
            }
        }
    }

    /// The inline content of every paragraph, heading and table cell, in document order.
    static func inlineRuns(_ blocks: [Block]) -> [[Inline]] {
        var out: [[Inline]] = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let p): out.append(p.content)
                case .heading(let h): out.append(h.content)
                case .list(let l): l.items.forEach { walk($0.blocks) }
                case .note(let n): walk(n.blocks)
                case .quote(let q): walk(q.blocks)
                case .table(let t): out += t.header + t.rows.flatMap { $0 }
                case .code, .html, .thematicBreak: break
                }
            }
        }
        walk(blocks)
        return out
    }
}
