/// What search keeps of one copy of an article: its titles and the text of its body in
/// both languages, as a reader sees them (for snippets), and the same as search words.
struct SearchDocument: Sendable {
    var title: String
    var englishTitle: String
    /// The body's text below the title, one line per paragraph, list item, table row or code line.
    var body: String
    var englishBody: String
    /// The four fields above as search words, separated by spaces.
    var words: [String]

    init(title: String, englishTitle: String, body: String, englishBody: String, words: [String]) {
        self.title = title
        self.englishTitle = englishTitle
        self.body = body
        self.englishBody = englishBody
        self.words = words
    }

    init(_ article: Article, language: String) {
        title = article.title(.target)
        englishTitle = article.title(.source)
        body = Self.text(of: article.target)
        englishBody = Self.text(of: article.source)
        var tokenizer = SearchTokenizer(language: language)
        words = [title, englishTitle, body, englishBody].map { tokenizer.indexText($0) }
    }

    /// The visible text of one side's body without its title heading, one line per block.
    static func text(of document: Document) -> String {
        var lines: [String] = []
        var blocks = document.blocks[...]
        if case .heading = blocks.first { blocks = blocks.dropFirst() }
        for block in blocks { collect(block, into: &lines) }
        return lines.joined(separator: "\n")
    }

    private static func collect(_ block: Block, into lines: inout [String]) {
        func add(_ text: String) {
            let line = collapsingSpaces(text)
            if !line.isEmpty { lines.append(line) }
        }
        switch block {
        case .heading(let h): add(h.content.plainText)
        case .paragraph(let p): add(p.content.plainText)
        case .list(let l): for item in l.items { for b in item.blocks { collect(b, into: &lines) } }
        case .note(let n): for b in n.blocks { collect(b, into: &lines) }
        case .quote(let q): for b in q.blocks { collect(b, into: &lines) }
        case .code(let c): for line in c.text.split(whereSeparator: \.isNewline) { add(String(line)) }
        case .table(let t):
            for row in [t.header] + t.rows { add(row.map(\.plainText).joined(separator: " · ")) }
        case .html, .thematicBreak: break
        }
    }

    /// `text` with each run of ASCII spaces, tabs and line breaks made one space, none at
    /// either end: byte by byte (a Character's `isWhitespace` costs a property lookup each).
    static func collapsingSpaces(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
