/// Lays one article out into styled lines for `TerminalRenderer`.
struct TerminalWriter {
    let renderer: TerminalRenderer
    let article: Article
    let document: Document
    /// Finds the English original of a translated paragraph (`both` mode).
    let originals: CounterpartIndex?
    let procedures: [SourceLocation: Procedure]
    let links: LinkResolver
    var lines: [StyledText] = []
    /// False while an English original is laid out: only the translation carries repair marks.
    private var marksRepairs = true
    private let wrapper = TextWrapper()

    init(renderer: TerminalRenderer, article: Article) {
        self.renderer = renderer
        self.article = article
        self.document = article[renderer.mode.primary]
        self.originals = renderer.mode == .both ? CounterpartIndex(article.source.blocks) : nil
        var byLocation: [SourceLocation: Procedure] = [:]
        for p in document.procedures { byLocation[p.location] = p }
        self.procedures = byLocation
        let locale = renderer.mode.primary == .target ? (article.targetLocale ?? article.sourceLocale) : article.sourceLocale
        self.links = LinkResolver(locale: locale)
    }

    mutating func finish() -> [StyledText] {
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    mutating func renderDocument() {
        var skipThrough: SourceLocation?
        for block in document.blocks {
            if let end = skipThrough, block.location <= end { continue }
            skipThrough = nil
            if case .list(let list) = block, let procedure = procedures[list.location] {
                for (i, step) in procedure.steps.enumerated() {
                    if i > 0 { blank() }
                    self.step(step, indent: "", numberWidth: numberWidth(procedure.steps))
                }
                blank()
                skipThrough = procedure.lastListLocation
                continue
            }
            self.block(block, first: "", rest: "")
            blank()
        }
    }

    // MARK: Blocks

    mutating func block(_ block: Block, first: StyledText, rest: StyledText) {
        switch block {
        case .heading(let h):
            let text = styled(h.content, base: .heading)
            lines += wrapper.wrap(prepare(text), width: width, firstPrefix: first, restPrefix: rest)
            if h.level == 1 {
                let w = min(width - rest.displayWidth, lines.last.map { $0.displayWidth - first.displayWidth } ?? 0)
                lines.append(rest + StyledText(String(repeating: "─", count: max(w, 3)), style: .heading))
            }
            original(h.content, rest: rest)
        case .paragraph(let p):
            paragraph(p.content, first: first, rest: rest)
        case .list(let list):
            self.list(list, first: first, rest: rest)
        case .note(let note):
            self.note(note, first: first, rest: rest)
        case .quote(let q):
            let bar = StyledText("▌ ", style: .dim)
            blocks(q.blocks, first: first + bar, rest: rest + bar)
        case .code(let code):
            var prefix = first
            for line in code.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(code.text.hasSuffix("\n") ? 1 : 0) {
                lines.append(prefix + StyledText("  ") + StyledText(String(line), style: .code))
                prefix = rest
            }
        case .table(let table):
            TableLayout(writer: self).render(table, first: first, rest: rest, into: &lines)
        case .html(let html):
            let text = HTMLText.visibleText(html.html, imageWord: TerminalWords.image(renderer.uiLanguage))
            if !text.isEmpty { lines += wrapper.wrap(StyledText(text, style: .dim), width: width, firstPrefix: first, restPrefix: rest) }
        case .thematicBreak:
            lines.append(first + StyledText(String(repeating: "─", count: max(3, min(width - first.displayWidth, 40))), style: .dim))
        }
    }

    /// Blocks of a container, separated by blank lines.
    mutating func blocks(_ blocks: [Block], first: StyledText, rest: StyledText, tight: Bool = false) {
        for (i, block) in blocks.enumerated() {
            if i > 0 && !tight { blank(rest) }
            self.block(block, first: i == 0 ? first : rest, rest: rest)
        }
    }

    mutating func paragraph(_ inlines: [Inline], first: StyledText, rest: StyledText, base: TextStyle = []) {
        lines += wrapper.wrap(prepare(styled(inlines, base: base)), width: width, firstPrefix: first, restPrefix: rest)
        original(inlines, rest: rest)
        published(inlines, rest: rest)
    }

    /// In `both` mode, the text as published of each repaired unit of a paragraph, under it.
    mutating func published(_ inlines: [Inline], rest: StyledText) {
        guard originals != nil, !article.repaired.isEmpty else { return }
        for index in inlines.unitIndices {
            guard let repaired = article.repaired[index] else { continue }
            var text = StyledText(TerminalWords.asPublished(renderer.uiLanguage) + " ", style: .dim)
            text += styled(repaired.published, base: [.dim])
            lines += wrapper.wrap(
                prepare(text), width: width, firstPrefix: rest + StyledText(TerminalWords.repairMark + " ", style: .dim),
                restPrefix: rest + "  ")
        }
    }

    /// The last line of an article with repairs: what the mark means.
    mutating func repairNote() {
        guard !article.repaired.isEmpty, renderer.mode.primary == .target else { return }
        blank()
        let text = StyledText(TerminalWords.repairMark + " " + TerminalWords.repairNote(renderer.uiLanguage), style: .dim)
        lines += wrapper.wrap(prepare(text), width: width, firstPrefix: "", restPrefix: "  ")
    }

    /// In `both` mode, the English original of a translated paragraph, under it.
    mutating func original(_ inlines: [Inline], rest: StyledText) {
        guard let originals, let source = originals.inlines(for: inlines),
            source.plainText.trimmingSpaces != inlines.plainText.trimmingSpaces
        else { return }
        marksRepairs = false
        defer { marksRepairs = true }
        let text = prepare(styled(source, base: [.dim, .italic]))
        lines += wrapper.wrap(text, width: width, firstPrefix: rest + StyledText("↳ ", style: .dim), restPrefix: rest + "  ")
    }

    private mutating func list(_ list: ListBlock, first: StyledText, rest: StyledText) {
        let numbers = list.items.indices.map { (list.start ?? 1) + $0 }
        let markerWidth = list.isOrdered ? max(4, String(numbers.last ?? 1).count + 2) : 2
        for (i, item) in list.items.enumerated() {
            if i > 0 && !list.isTight { blank(rest) }
            let marker = list.isOrdered ? pad("\(numbers[i]).", markerWidth) : "• "
            let hang = StyledText(String(repeating: " ", count: markerWidth))
            blocks(
                item.blocks, first: (i == 0 ? first : rest) + StyledText(marker, style: list.isOrdered ? .bold : []), rest: rest + hang,
                tight: list.isTight)
            if item.blocks.isEmpty { lines.append((i == 0 ? first : rest) + StyledText(marker)) }
        }
    }

    mutating func note(_ note: Note, first: StyledText, rest: StyledText) {
        let style: TextStyle = {
            switch note.kind {
            case .warning, .caution: return .warning
            case .important: return [.warning, .bold]
            default: return .note
            }
        }()
        let bar = StyledText("│ ", style: style)
        var title = StyledText(TerminalWords.noteTitle(note.kind, renderer.uiLanguage), style: [style, .bold])
        if case .video(let url) = note.kind { title += StyledText(" ") + StyledText(url, style: .link, link: url) }
        lines += wrapper.wrap(prepare(title), width: width, firstPrefix: first + bar, restPrefix: rest + bar)
        blocks(note.blocks, first: rest + bar, rest: rest + bar)
    }

    // MARK: Steps

    private func numberWidth(_ steps: [Step]) -> Int { max(4, String(steps.map(\.number).max() ?? 1).count + 2) }

    mutating func step(_ step: Step, indent: StyledText, numberWidth: Int) {
        let marker = StyledText(pad("\(step.number).", numberWidth), style: .bold)
        let hang = indent + StyledText(String(repeating: " ", count: numberWidth))
        let side = renderer.mode.primary
        paragraph(step.instruction[side] ?? [], first: indent + marker, rest: hang)
        for part in step.parts {
            switch part {
            case .alternative(let alt):
                blank(hang)
                paragraph(alt[side] ?? [], first: hang, rest: hang)
            case .statusField(let field):
                blank(hang)
                let bullet = StyledText("◆ ", style: .uiLabel)
                paragraph(field.paragraph[side] ?? [], first: hang + bullet, rest: hang + "  ")
                if let status = renderer.status, let english = field.label.source,
                    let live = status.fields.first(where: { StatusBinding.sameLabel($0.result.field.label, english) })
                {
                    lines += TerminalStatusPanel(width: width, styler: renderer.styler).stepLines(
                        live, words: status.words, prefix: hang + "  ")
                }
            case .note(let note):
                blank(hang)
                if let n = note[side] { self.note(n, first: hang, rest: hang) }
            case .detail(let detail):
                blank(hang)
                blocks(detail[side] ?? [], first: hang, rest: hang)
            case .substeps(let steps):
                blank(hang)
                let w = self.numberWidth(steps)
                for (i, s) in steps.enumerated() {
                    if i > 0 { blank(hang) }
                    self.step(s, indent: hang, numberWidth: w)
                }
            }
        }
    }

    // MARK: Inlines

    var width: Int { renderer.width }

    func prepare(_ text: StyledText) -> StyledText { renderer.styler.prepareForLayout(text) }

    mutating func blank(_ prefix: StyledText = "") {
        if lines.last.map({ $0.plain.allSatisfy(\.isWhitespace) || $0.plain.hasSuffix("│ ") && $0.plain == prefix.plain }) == true {
            return
        }
        if lines.isEmpty { return }
        let trimmed = StyledText(prefix.runs.map { StyledRun(String($0.text.reversed().drop { $0 == " " }.reversed()), style: $0.style) })
        lines.append(trimmed)
    }

    private func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(1, width - s.count)) }

    func styled(_ inlines: [Inline], base: TextStyle) -> StyledText {
        var out = StyledText()
        append(inlines, base: base, link: nil, to: &out)
        return out
    }

    private func append(_ inlines: [Inline], base: TextStyle, link: String?, to out: inout StyledText) {
        for inline in inlines {
            switch inline {
            case .text(let s): out.append(s, style: base, link: link)
            case .code(let s): out.append(s, style: base.union(.code), link: link)
            case .emphasis(let c): append(c, base: base.union(.italic), link: link, to: &out)
            case .strong(let c): append(c, base: base.union(.uiLabel), link: link, to: &out)
            case .strikethrough(let c): append(c, base: base.union(.dim), link: link, to: &out)
            case .link(let l):
                let destination = l.destination.isEmpty ? nil : links.resolve(l.destination)
                let before = out.runs.count
                append(l.children, base: base.union(.link), link: destination, to: &out)
                if out.runs.count == before, let destination { out.append(destination, style: base.union(.link), link: destination) }
            case .image(let img):
                let alt = img.alt.plainText.trimmingSpaces
                let word = TerminalWords.image(renderer.uiLanguage)
                let target = img.source.hasPrefix("data:") ? nil : img.source
                out.append("[\(word)\(alt.isEmpty ? "" : ": " + alt)]", style: base.union(.dim), link: target)
            case .html(let h):
                switch h.kind {
                case .literal: out.append(h.raw, style: base, link: link)
                case .comment: break
                case .element(let name, _, let closing):
                    if name == "br" && !closing { out.append("\n", style: base) }
                    if name == "img" && !closing {
                        let alt = h.attribute("alt") ?? ""
                        out.append("[\(TerminalWords.image(renderer.uiLanguage))\(alt.isEmpty ? "" : ": " + alt)]", style: base.union(.dim))
                    }
                }
            case .softBreak: out.append(" ", style: base, link: link)
            case .lineBreak: out.append("\n", style: base)
            case .unit(let u):
                append(u.children, base: base, link: link, to: &out)
                // A repaired unit ends with a faint dagger; the article's last line says what it means.
                if marksRepairs, article.repaired[u.unit] != nil { out.append(TerminalWords.repairMark, style: base.union(.dim)) }
            }
        }
    }
}
