/// A value in both languages of an article. Either side may be missing when a
/// block exists in one projection only (projecting one side can change the block structure).
public struct Bilingual<Value: Hashable & Sendable>: Hashable, Sendable {
    /// The value in the translation.
    public var target: Value?
    /// The value in the English original.
    public var source: Value?

    /// A value in the translation and in the English original.
    public init(target: Value?, source: Value?) {
        self.target = target
        self.source = source
    }

    /// The value on `side`.
    public subscript(side: Side) -> Value? { side == .target ? target : source }
}

/// An ordered list read as a procedure: the steps an administrator follows.
public struct Procedure: Hashable, Sendable {
    /// The text of the nearest heading above the list, in both languages.
    public var title: Bilingual<[Inline]>
    /// The procedure's steps, in order.
    public var steps: [Step]
    /// Where the procedure's first list starts.
    public var location: SourceLocation
    /// Where its last list starts: a list that resumes the numbering after a
    /// code block or paragraph at column 0 continues the same procedure.
    public var lastListLocation: SourceLocation
}

/// One numbered step of a procedure.
public struct Step: Hashable, Sendable {
    /// What follows the instruction inside the step, in document order.
    public enum Part: Hashable, Sendable {
        /// An ordinary paragraph or block that explains the step.
        case detail(Bilingual<[Block]>)
        /// Another way to do the step ("Alternately, you can go to …").
        case alternative(Bilingual<[Inline]>)
        /// A note or alert inside the step.
        case note(Bilingual<Note>)
        /// A status field the step tells the reader to look at.
        case statusField(StatusField)
        /// A nested ordered list.
        case substeps([Step])
    }

    /// The number the reader sees.
    public var number: Int
    /// The step's instruction: its first paragraph.
    public var instruction: Bilingual<[Inline]>
    /// What follows the instruction, in document order.
    public var parts: [Part]
    /// UI paths in the instruction and its alternatives, such as Users › Active users.
    public var uiPaths: [UIPath]
    /// Where the step starts in the article file.
    public var location: SourceLocation

    /// The step's alternatives, in order.
    public var alternatives: [Bilingual<[Inline]>] {
        parts.compactMap { if case .alternative(let a) = $0 { a } else { nil } }
    }
    /// The step's notes, in order.
    public var notes: [Bilingual<Note>] {
        parts.compactMap { if case .note(let n) = $0 { n } else { nil } }
    }
    /// The status fields the step points to, in order.
    public var statusFields: [StatusField] {
        parts.compactMap { if case .statusField(let f) = $0 { f } else { nil } }
    }
    /// The steps of the step's nested lists, in order.
    public var substeps: [Step] {
        parts.flatMap { part -> [Step] in
            if case .substeps(let s) = part { return s }
            return []
        }
    }
    /// The step's explaining paragraphs and blocks, in order.
    public var details: [Bilingual<[Block]>] {
        parts.compactMap { if case .detail(let d) = $0 { d } else { nil } }
    }
}

/// A path through an application's UI, written as bold labels joined by `\>`:
/// `**Users** \> **Active users**`.
public struct UIPath: Hashable, Sendable {
    /// Labels in the English original.
    public var source: [String]
    /// Labels in the translation, matched by position; nil when the translation
    /// no longer has a path of this shape (machine translation breaks some).
    public var target: [String]?
    /// Where the path starts in the article file.
    public var location: SourceLocation

    /// The path's labels on `side`.
    public subscript(side: Side) -> [String]? { side == .target ? target : source }
}

/// A status field an article describes: `**Password sync enabled:** (True or False).`
public struct StatusField: Hashable, Sendable {
    /// The bold label without its colon, in both languages.
    public var label: Bilingual<String>
    /// The parenthesised description of the value, such as "True or False".
    public var valueDescription: Bilingual<String>
    /// The whole paragraph, for rendering.
    public var paragraph: Bilingual<[Inline]>
    /// Where the field's paragraph starts in the article file.
    public var location: SourceLocation
}
