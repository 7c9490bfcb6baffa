/// Finds, in one side's blocks, the block that holds given units: how a
/// paragraph of the translation finds its English original even where the two
/// projections differ in structure.
struct CounterpartIndex {
    private var inlineOwners: [Int: [Inline]] = [:]
    private var blockOwners: [Int: (block: Block, depth: Int)] = [:]

    init(_ blocks: [Block]) {
        index(blocks)
    }

    /// Indexes blocks and returns the first unit each holds, walking every block once.
    @discardableResult
    private mutating func index(_ blocks: [Block], depth: Int = 0) -> Int? {
        var firstOfAll: Int?
        for block in blocks {
            var first: Int?
            switch block {
            case .paragraph(let p): first = own(p.content)
            case .heading(let h): first = own(h.content)
            case .list(let l):
                for item in l.items {
                    let f = index(item.blocks, depth: depth + 1)
                    if first == nil { first = f }
                }
            case .note(let n): first = index(n.blocks, depth: depth + 1)
            case .quote(let q): first = index(q.blocks, depth: depth + 1)
            case .table(let t):
                for cell in t.header + t.rows.flatMap({ $0 }) {
                    let f = own(cell)
                    if first == nil { first = f }
                }
            default: break
            }
            // The outermost block that starts with a unit owns it; among siblings, the first.
            if let first, (blockOwners[first]?.depth ?? Int.max) > depth { blockOwners[first] = (block, depth) }
            if firstOfAll == nil { firstOfAll = first }
        }
        return firstOfAll
    }

    /// Records `inlines` as the owner of its units; returns the first.
    private mutating func own(_ inlines: [Inline]) -> Int? {
        let units = inlines.unitIndices
        for unit in units where inlineOwners[unit] == nil { inlineOwners[unit] = inlines }
        return units.first
    }

    /// The inline content (paragraph, heading, cell) holding the first unit of `inlines`.
    func inlines(for inlines: [Inline]) -> [Inline]? {
        let units = inlines.unitIndices
        guard let first = units.first else { return nil }
        return inlineOwners[first]
    }

    func note(for note: Note) -> Note? {
        guard let first = Block.note(note).unitIndices.first, case .note(let n)? = blockOwners[first]?.block else { return nil }
        return n
    }

    func blocks(for blocks: [Block]) -> [Block]? {
        var out: [Block] = []
        for block in blocks {
            guard let first = block.unitIndices.first, let match = blockOwners[first]?.block else { return nil }
            out.append(match)
        }
        return out
    }
}

extension Block {
    /// The units this block holds, in document order.
    public var unitIndices: [Int] {
        switch self {
        case .paragraph(let p): p.content.unitIndices
        case .heading(let h): h.content.unitIndices
        case .list(let l): l.items.flatMap { $0.blocks.flatMap(\.unitIndices) }
        case .note(let n): n.blocks.flatMap(\.unitIndices)
        case .quote(let q): q.blocks.flatMap(\.unitIndices)
        case .table(let t): (t.header + t.rows.flatMap { $0 }).flatMap(\.unitIndices)
        case .code, .html, .thematicBreak: []
        }
    }
}
