/// Finds, in one side's blocks, the block that holds given units: how a
/// paragraph of the translation finds its English original even where the two
/// projections differ in structure.
struct CounterpartIndex {
    private var inlineOwners: [Int: [Inline]] = [:]
    private var blockOwners: [Int: Block] = [:]

    init(_ blocks: [Block]) {
        index(blocks)
    }

    private mutating func index(_ blocks: [Block]) {
        for block in blocks {
            if let first = block.unitIndices.first, blockOwners[first] == nil { blockOwners[first] = block }
            switch block {
            case .paragraph(let p): own(p.content)
            case .heading(let h): own(h.content)
            case .list(let l): l.items.forEach { index($0.blocks) }
            case .note(let n): index(n.blocks)
            case .quote(let q): index(q.blocks)
            case .table(let t):
                t.header.forEach { own($0) }
                t.rows.forEach { $0.forEach { own($0) } }
            default: break
            }
        }
    }

    private mutating func own(_ inlines: [Inline]) {
        for unit in inlines.unitIndices where inlineOwners[unit] == nil { inlineOwners[unit] = inlines }
    }

    /// The inline content (paragraph, heading, cell) holding the first unit of `inlines`.
    func inlines(for inlines: [Inline]) -> [Inline]? {
        let units = inlines.unitIndices
        guard let first = units.first else { return nil }
        return inlineOwners[first]
    }

    func note(for note: Note) -> Note? {
        guard let first = Block.note(note).unitIndices.first, case .note(let n)? = blockOwners[first] else { return nil }
        return n
    }

    func blocks(for blocks: [Block]) -> [Block]? {
        var out: [Block] = []
        for block in blocks {
            guard let first = block.unitIndices.first, let match = blockOwners[first] else { return nil }
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
