/// Finds procedures (ordered lists) in one side's blocks and reads each item as
/// a step, pairing every paragraph with its counterpart in the other language
/// through the units they share. What a paragraph *is* (an alternative, a status
/// field) is decided on the English side, which stays stable across locales.
struct StepBuilder {
    let side: Side
    let other: CounterpartIndex

    func procedures(in blocks: [Block]) -> [Procedure] {
        var procedures: [Procedure] = []
        var title: Bilingual<[Inline]> = Bilingual(target: nil, source: nil)
        var pendingBetween: [Block] = []
        var lastWasProcedure = false
        for block in blocks {
            switch block {
            case .heading(let h):
                title = pair(h.content)
                lastWasProcedure = false
                pendingBetween = []
            case .list(let list) where list.isOrdered:
                let steps = self.steps(list, depth: 0)
                // A list interrupted by a fence or paragraph at column 0 resumes
                // numbering (a fence or paragraph at column 0 restarts an ordered list): keep it one procedure.
                // (Only then is the last one taken off: a list that starts again at 1 is a procedure of its own.)
                if lastWasProcedure, let first = steps.first, let previous = procedures.last?.steps.last,
                    first.number == previous.number + 1, var last = procedures.popLast()
                {
                    if !pendingBetween.isEmpty {
                        last.steps[last.steps.count - 1].parts.append(.detail(pairBlocks(pendingBetween)))
                    }
                    last.steps.append(contentsOf: steps)
                    last.lastListLocation = list.location
                    procedures.append(last)
                } else {
                    procedures.append(Procedure(title: title, steps: steps, location: list.location, lastListLocation: list.location))
                }
                lastWasProcedure = true
                pendingBetween = []
            default:
                if lastWasProcedure { pendingBetween.append(block) }
            }
        }
        return procedures
    }

    private func steps(_ list: ListBlock, depth: Int) -> [Step] {
        list.items.enumerated().map { offset, item in
            step(item, number: (list.start ?? 1) + offset, depth: depth)
        }
    }

    private func step(_ item: ListItem, number: Int, depth: Int) -> Step {
        var blocks = item.blocks[...]
        var instruction: [Inline] = []
        if case .paragraph(let p)? = blocks.first {
            instruction = p.content
            blocks = blocks.dropFirst()
        }
        let pairedInstruction = pair(instruction)
        var parts: [Step.Part] = []
        var paths = UIPathFinder.paths(pairedInstruction, location: item.location)
        for block in blocks {
            switch block {
            case .paragraph(let p):
                let paired = pair(p.content)
                let english = paired.source ?? p.content
                if Self.isAlternative(english) || (paired.source == nil && Self.isAlternative(p.content)) {
                    parts.append(.alternative(paired))
                    paths += UIPathFinder.paths(paired, location: p.location)
                } else if let field = StatusFieldReader.field(paired, location: p.location) {
                    parts.append(.statusField(field))
                } else {
                    parts.append(.detail(pairBlocks([block])))
                }
            case .note(let note):
                let counterpart = other.note(for: note)
                parts.append(
                    .note(side == .target ? Bilingual(target: note, source: counterpart) : Bilingual(target: counterpart, source: note)))
            case .list(let list) where list.isOrdered && depth < 8:
                parts.append(.substeps(steps(list, depth: depth + 1)))
            default:
                parts.append(.detail(pairBlocks([block])))
            }
        }
        return Step(number: number, instruction: pairedInstruction, parts: parts, uiPaths: paths, location: item.location)
    }

    /// This side's inlines with the other side's paragraph that holds the same units.
    func pair(_ inlines: [Inline]) -> Bilingual<[Inline]> {
        let counterpart = other.inlines(for: inlines)
        return side == .target ? Bilingual(target: inlines, source: counterpart) : Bilingual(target: counterpart, source: inlines)
    }

    private func pairBlocks(_ blocks: [Block]) -> Bilingual<[Block]> {
        let counterpart = other.blocks(for: blocks)
        return side == .target ? Bilingual(target: blocks, source: counterpart) : Bilingual(target: counterpart, source: blocks)
    }

    static let alternativeOpenings = ["alternately", "alternatively", "alternativt", "alternativ,", "or,", "you can also"]

    /// "Alternately, you can go to …" — usually in italics, decided on the English text.
    static func isAlternative(_ inlines: [Inline]) -> Bool {
        var text = ""
        for inline in inlines {
            text += inline.plainText
            if text.count > 24 { break }
        }
        let opening = text.trimmingSpaces.prefix(24).lowercased()
        return alternativeOpenings.contains { opening.hasPrefix($0) }
    }
}
