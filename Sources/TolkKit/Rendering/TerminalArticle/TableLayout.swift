/// Lays a GFM table out with box-drawing rules when it fits the width, and as
/// one record per row ("Header: value") when it does not.
struct TableLayout {
    let writer: TerminalWriter

    func render(_ table: Table, first: StyledText, rest: StyledText, into lines: inout [StyledText]) {
        let header = table.header.map { cell($0, bold: true) }
        let rows = table.rows.map { $0.map { cell($0, bold: false) } }
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        var widths = [Int](repeating: 1, count: columns)
        for row in [header] + rows {
            for (i, c) in row.enumerated() where !c.plain.contains("\n") { widths[i] = max(widths[i], c.displayWidth) }
        }
        let available = writer.width - rest.displayWidth
        let total = widths.reduce(0, +) + 3 * (columns - 1)
        let multiline = ([header] + rows).contains { $0.contains { $0.plain.contains("\n") } }
        if total <= available && !multiline {
            var prefix = first
            func emit(_ row: [StyledText]) {
                var line = prefix
                for i in 0..<columns {
                    let c = i < row.count ? row[i] : StyledText()
                    line += c + StyledText(String(repeating: " ", count: widths[i] - c.displayWidth))
                    if i + 1 < columns { line += StyledText(" │ ", style: .dim) }
                }
                lines.append(trimTrailing(line))
                prefix = rest
            }
            if !header.isEmpty {
                emit(header)
                lines.append(rest + StyledText(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"), style: .dim))
            }
            rows.forEach(emit)
        } else {
            let wrapper = TextWrapper()
            var prefix = first
            for (r, row) in rows.enumerated() {
                if r > 0 { lines.append(rest) }
                for (i, c) in row.enumerated() {
                    let label = i < header.count ? header[i] + StyledText(": ", style: .bold) : StyledText()
                    lines += wrapper.wrap(writer.prepare(label + c), width: writer.width, firstPrefix: prefix, restPrefix: rest + "  ")
                    prefix = rest
                }
            }
        }
    }

    private func cell(_ inlines: [Inline], bold: Bool) -> StyledText {
        var text = trimTrailing(writer.styled(inlines, base: bold ? .bold : []))
        if writer.renderer.mode == .both, let source = writer.originals?.inlines(for: inlines), source != inlines,
            source.plainText.trimmingSpaces != inlines.plainText.trimmingSpaces
        {
            text += StyledText(" / ", style: .dim) + trimTrailing(writer.styled(source, base: [.dim, .italic]))
        }
        return writer.prepare(trimTrailing(text))
    }

    private func trimTrailing(_ text: StyledText) -> StyledText {
        var runs = text.runs
        while let last = runs.last {
            let trimmed = String(last.text.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
            if trimmed.isEmpty {
                runs.removeLast()
            } else {
                runs[runs.count - 1] = StyledRun(trimmed, style: last.style, link: last.link)
                break
            }
        }
        return StyledText(runs)
    }
}
