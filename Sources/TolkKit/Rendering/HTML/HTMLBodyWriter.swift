/// Writes the blocks of one side of an article as the HTML of the page's
/// `<article>`: headings with the article's anchors, lists (procedures marked
/// `tolk-steps`), notes as callouts, tables, code, HTML blocks through the allowlist.
struct HTMLBodyWriter {
    var inline: HTMLInlineWriter
    let words: HTMLWords
    /// Where the lists that make up procedures start.
    private let procedureLists: Set<SourceLocation>
    /// The live-status panel whose values are shown again beside the steps.
    private let status: HTMLStatusPanel?
    /// The English label of each status-field paragraph, by where the paragraph starts.
    private let statusFields: [SourceLocation: String]
    /// ` lang="en" dir="ltr"` for Tolk's words (the note titles) on a page in another
    /// language, so they are read and laid out as English also on a right-to-left page;
    /// empty on a page in the words' own language.
    private let wordsAttributes: String

    init(inline: HTMLInlineWriter, document: Document, words: HTMLWords, status: HTMLStatusPanel? = nil) {
        self.inline = inline
        self.words = words
        self.procedureLists = Set(document.procedures.flatMap { [$0.location, $0.lastListLocation] })
        self.status = status
        var fields: [SourceLocation: String] = [:]
        if status != nil {
            for field in document.statusFields { if let english = field.label.source { fields[field.location] = english } }
        }
        self.statusFields = fields
        self.wordsAttributes =
            PageLanguage.code(inline.pageLanguage) == words.language
            ? "" : HTMLEscaping.attribute("lang", words.language) + HTMLEscaping.attribute("dir", PageLanguage.direction(words.language))
    }

    mutating func blocks(_ blocks: [Block], tight: Bool = false) -> String {
        var out = ""
        write(blocks, tight: tight, into: &out)
        return out
    }

    mutating func block(_ block: Block, tight: Bool = false) -> String {
        var out = ""
        write(block, tight: tight, into: &out)
        return out
    }

    /// Appends the blocks to `out`, a line apart; blocks that come out empty leave no line.
    mutating func write(_ blocks: [Block], tight: Bool = false, into out: inout String) {
        var wrote = false
        for block in blocks {
            if wrote { out += "\n" }
            let start = out.utf8.count
            write(block, tight: tight, into: &out)
            if out.utf8.count != start {
                wrote = true
            } else if wrote {
                out.unicodeScalars.removeLast()  // the separator just added
            }
        }
    }

    /// Appends one block to `out` (nothing for a block with nothing to show).
    mutating func write(_ block: Block, tight: Bool = false, into out: inout String) {
        switch block {
        case .heading(let h):
            let level = min(max(h.level, 1), 6)
            let id = h.anchor.flatMap { inline.uniqueID($0) }.map { HTMLEscaping.attribute("id", $0) } ?? ""
            out += "<h\(level)\(id)>"
            inline.write(h.content, into: &out)
            out += "</h\(level)>"
        case .paragraph(let p):
            if let status, let english = statusFields[p.location] {
                let now = status.stepMarkup(forEnglishLabel: english)
                if !now.isEmpty {
                    out += "<p>"
                    inline.write(p.content, into: &out)
                    out += "</p>\n" + now
                    return
                }
            }
            if !tight { out += "<p>" }
            inline.write(p.content, into: &out)
            if !tight { out += "</p>" }
        case .list(let list):
            self.list(list, into: &out)
        case .note(let note):
            self.note(note, into: &out)
        case .quote(let q):
            out += "<blockquote>\n"
            write(q.blocks, into: &out)
            out += "\n</blockquote>"
        case .code(let code):
            let language = code.info.split(separator: " ").first.map {
                String($0.unicodeScalars.filter(Self.isClassCharacter).map(Character.init))
            }
            let `class` = language.flatMap { $0.isEmpty ? nil : HTMLEscaping.attribute("class", "language-" + $0) } ?? ""
            out += "<pre><code\(`class`)>"
            out += HTMLEscaping.escape(code.text)
            out += "</code></pre>"
        case .table(let table):
            self.table(table, into: &out)
        case .html(let html):
            let content = inline.render(HTMLBlockReader.inlines(html.html))
            if !content.isEmpty { out += "<div class=\"tolk-html\">" + content + "</div>" }
        case .thematicBreak:
            out += "<hr>"
        }
    }

    private mutating func list(_ list: ListBlock, into out: inout String) {
        if let start = list.start {
            let steps = procedureLists.contains(list.location) ? " class=\"tolk-steps\"" : ""
            out += "<ol\(steps) start=\"\(start)\">\n"
        } else {
            out += "<ul>\n"
        }
        for item in list.items {
            out += "<li>"
            write(item.blocks, tight: list.isTight, into: &out)
            out += "</li>\n"
        }
        out += list.isOrdered ? "</ol>" : "</ul>"
    }

    private mutating func note(_ note: Note, into out: inout String) {
        let kind: String
        switch note.kind {
        case .note: kind = "note"
        case .tip: kind = "tip"
        case .important: kind = "important"
        case .warning: kind = "warning"
        case .caution: kind = "caution"
        case .video: kind = "video"
        case .other: kind = "other"
        }
        out += "<div class=\"tolk-note tolk-note-\(kind)\" role=\"note\">\n<p class=\"tolk-note-title\">"
        // The title in a span: it stays on the note's side of a right-to-left page.
        if wordsAttributes.isEmpty {
            out += HTMLEscaping.escape(words.noteTitle(note.kind))
        } else {
            out += "<span" + wordsAttributes + ">" + HTMLEscaping.escape(words.noteTitle(note.kind)) + "</span>"
        }
        out += "</p>"
        if case .video(let url) = note.kind, let href = SafeURL.link(url), href.lowercased().hasPrefix("http") {
            out += "\n<p><a" + HTMLEscaping.attribute("href", href) + ">" + HTMLEscaping.escape(href) + "</a></p>"
        }
        out += "\n"
        let start = out.utf8.count
        write(note.blocks, into: &out)
        if out.utf8.count == start { out.unicodeScalars.removeLast() }  // no body: no empty line
        out += "\n</div>"
    }

    private mutating func table(_ table: Table, into out: inout String) {
        func align(_ column: Int) -> String {
            guard table.alignments.indices.contains(column), table.alignments[column] != .none else { return "" }
            return " class=\"tolk-align-\(table.alignments[column].rawValue)\""
        }
        out += "<div class=\"tolk-table\"><table>\n<thead>\n<tr>"
        for (column, cell) in table.header.enumerated() {
            out += "<th\(align(column))>"
            inline.write(cell, into: &out)
            out += "</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (column, cell) in row.enumerated() {
                out += "<td\(align(column))>"
                inline.write(cell, into: &out)
                out += "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>"
    }

    private static func isClassCharacter(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_" || s == "+"
    }
}
