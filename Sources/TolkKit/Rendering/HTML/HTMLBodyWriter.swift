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
    }

    mutating func blocks(_ blocks: [Block], tight: Bool = false) -> String {
        blocks.map { block($0, tight: tight) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    mutating func block(_ block: Block, tight: Bool = false) -> String {
        switch block {
        case .heading(let h):
            let level = min(max(h.level, 1), 6)
            let id = h.anchor.flatMap { inline.uniqueID($0) }.map { HTMLEscaping.attribute("id", $0) } ?? ""
            return "<h\(level)\(id)>" + inline.render(h.content) + "</h\(level)>"
        case .paragraph(let p):
            let content = inline.render(p.content)
            if let status, let english = statusFields[p.location] {
                let now = status.stepMarkup(forEnglishLabel: english)
                if !now.isEmpty { return "<p>" + content + "</p>\n" + now }
            }
            return tight ? content : "<p>" + content + "</p>"
        case .list(let list):
            return self.list(list)
        case .note(let note):
            return self.note(note)
        case .quote(let q):
            return "<blockquote>\n" + blocks(q.blocks) + "\n</blockquote>"
        case .code(let code):
            let language = code.info.split(separator: " ").first.map {
                String($0.unicodeScalars.filter(Self.isClassCharacter).map(Character.init))
            }
            let `class` = language.flatMap { $0.isEmpty ? nil : HTMLEscaping.attribute("class", "language-" + $0) } ?? ""
            return "<pre><code\(`class`)>" + HTMLEscaping.escape(code.text) + "</code></pre>"
        case .table(let table):
            return self.table(table)
        case .html(let html):
            let content = inline.render(HTMLBlockReader.inlines(html.html))
            return content.isEmpty ? "" : "<div class=\"tolk-html\">" + content + "</div>"
        case .thematicBreak:
            return "<hr>"
        }
    }

    private mutating func list(_ list: ListBlock) -> String {
        var out: String
        if let start = list.start {
            let steps = procedureLists.contains(list.location) ? " class=\"tolk-steps\"" : ""
            out = "<ol\(steps) start=\"\(start)\">\n"
        } else {
            out = "<ul>\n"
        }
        for item in list.items {
            out += "<li>" + blocks(item.blocks, tight: list.isTight) + "</li>\n"
        }
        return out + (list.isOrdered ? "</ol>" : "</ul>")
    }

    private mutating func note(_ note: Note) -> String {
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
        var out =
            "<div class=\"tolk-note tolk-note-\(kind)\" role=\"note\">\n<p class=\"tolk-note-title\">"
            + HTMLEscaping.escape(words.noteTitle(note.kind))
            + "</p>"
        if case .video(let url) = note.kind, let href = SafeURL.link(url), href.lowercased().hasPrefix("http") {
            out += "\n<p><a" + HTMLEscaping.attribute("href", href) + ">" + HTMLEscaping.escape(href) + "</a></p>"
        }
        let body = blocks(note.blocks)
        return out + (body.isEmpty ? "" : "\n" + body) + "\n</div>"
    }

    private mutating func table(_ table: Table) -> String {
        func align(_ column: Int) -> String {
            guard table.alignments.indices.contains(column), table.alignments[column] != .none else { return "" }
            return " class=\"tolk-align-\(table.alignments[column].rawValue)\""
        }
        var out = "<div class=\"tolk-table\"><table>\n<thead>\n<tr>"
        for (column, cell) in table.header.enumerated() { out += "<th\(align(column))>" + inline.render(cell) + "</th>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (column, cell) in row.enumerated() { out += "<td\(align(column))>" + inline.render(cell) + "</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>"
    }

    private static func isClassCharacter(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_" || s == "+"
    }
}
