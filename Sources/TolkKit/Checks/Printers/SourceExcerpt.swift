/// One source line made fit for a terminal, with the display column of a caret
/// under a given scalar column.
///
/// Tabs are expanded (to stops of four, as CommonMark counts them), control and
/// bidirectional formatting characters are dropped (they would move or hide text
/// and so misplace the caret), and a line wider than `maxWidth` display columns is
/// cut to a window around the caret with `…` on each cut side. Widths come from
/// ``DisplayWidth``, so wide characters such as CJK take two columns.
struct SourceExcerpt: Equatable {
    /// The text to print, without trailing spaces.
    var text: String
    /// Display columns before the caret (0-based), counted in ``text``.
    var caretOffset: Int

    /// Columns between tab stops.
    static let tabWidth = 4
    /// The widest excerpt, in display columns, when none is given.
    static let defaultWidth = 100

    /// One character of the line as it will be shown.
    private struct Cell {
        var text: String
        var width: Int
        /// Display column where the cell starts in the whole expanded line.
        var start: Int
    }

    /// The excerpt of `line` around `column` (1-based, in Unicode scalars; a column
    /// past the end puts the caret just after the last character).
    init(line: String, column: Int, maxWidth: Int = defaultWidth) {
        var cells: [Cell] = []
        cells.reserveCapacity(line.utf8.count)
        var display = 0
        var scalars = 0
        var caretCell: Int?
        let wanted = max(column, 1) - 1
        for character in line {
            let count = character.unicodeScalars.count
            if caretCell == nil && wanted < scalars + count { caretCell = cells.count }
            scalars += count
            let text: String
            let width: Int
            if character == "\t" {
                width = Self.tabWidth - display % Self.tabWidth
                text = String(repeating: " ", count: width)
            } else if Self.isHidden(character) {
                (text, width) = ("", 0)
            } else {
                (text, width) = (String(character), DisplayWidth.of(character))
            }
            cells.append(Cell(text: text, width: width, start: display))
            display += width
        }
        let caret = caretCell ?? cells.count
        let (low, high) = Self.window(cells, caret: caret, total: display, maxWidth: max(maxWidth, 3))
        let cutLeft = low > 0
        let cutRight = high < cells.count
        var text = cutLeft ? "…" : ""
        for cell in cells[low..<high] { text += cell.text }
        if cutRight { text += "…" }
        while let last = text.last, last == " " { text.removeLast() }
        self.text = text
        let windowStart = low < cells.count ? cells[low].start : display
        let caretColumn = caret < cells.count ? cells[caret].start : display
        self.caretOffset = (cutLeft ? 1 : 0) + caretColumn - windowStart
    }

    /// The caret line: spaces, then `^`.
    var caretLine: String { String(repeating: " ", count: caretOffset) + "^" }

    /// The range of cells to show: all when they fit, otherwise about half the room
    /// before the caret and the rest after it (more before when the line ends soon).
    private static func window(_ cells: [Cell], caret: Int, total: Int, maxWidth: Int) -> (Int, Int) {
        guard total > maxWidth else { return (0, cells.count) }
        let budget = maxWidth - 2  // one `…` on each side
        var low = caret
        var high = caret
        var used = 0
        if high < cells.count {
            used = cells[high].width
            high += 1
        }
        while low > 0, used + cells[low - 1].width <= budget / 2 {
            low -= 1
            used += cells[low].width
        }
        while high < cells.count, used + cells[high].width <= budget {
            used += cells[high].width
            high += 1
        }
        while low > 0, used + cells[low - 1].width <= budget {
            low -= 1
            used += cells[low].width
        }
        // Invisible cells at either end show nothing, so an ellipsis for them would mislead.
        while low > 0, cells[low - 1].width == 0 { low -= 1 }
        while high < cells.count, cells[high].width == 0 { high += 1 }
        return (low, high)
    }

    /// Characters that are not drawn: C0 and C1 controls, DEL, and the bidirectional
    /// embeddings, overrides and isolates that would reorder the line on screen.
    private static func isHidden(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return true }
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
