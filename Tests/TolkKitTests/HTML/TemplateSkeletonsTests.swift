import Foundation
import Testing

@testable import TolkKit

/// User templates (`--templates DIR`) that use swift-mustache's transforms, a
/// dynamic partial, an indented partial or other delimiters: their pages must be
/// what Mustache renders, page after page, although the skeleton cache serves
/// every later context of a shape from the first one's output.
@Suite("Template skeletons: user templates with transforms")
struct TemplateSkeletonsTests {
    /// A copy of the repository's templates in a new temporary folder with each
    /// `(file, old, new)` edit made (`old` must be in the file); the caller removes it.
    static func userTemplates(_ edits: [(file: String, old: String, new: String)]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-user-templates-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: HTMLTesting.templatesDirectory, toPath: dir)
        for edit in edits {
            let path = dir + "/" + edit.file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard text.contains(edit.old) else { throw EditMissing(file: edit.file, text: edit.old) }
            try text.replacingOccurrences(of: edit.old, with: edit.new).write(toFile: path, atomically: true, encoding: .utf8)
        }
        return dir
    }

    struct EditMissing: Error {
        var file: String
        var text: String
    }

    /// An object of the given values, in their order.
    static func object(_ fields: [(String, TemplateValue)]) -> TemplateObject {
        var object = TemplateObject(capacity: fields.count)
        for (key, value) in fields { object.append(key, value) }
        return object
    }

    @Test("a page.mustache with transforms: every page is Mustache's, the title upper-cased on each")
    func pageWithTransforms() throws {
        let dir = try Self.userTemplates([
            ("page.mustache", "<title>{{title}}</title>", "<title>{{uppercased(title)}}</title>"),
            (
                "page.mustache", "<body class=\"tolk-page tolk-{{side}}\">",
                "<body class=\"tolk-page tolk-{{side}}\" data-slug=\"{{capitalized(slug)}}\">"
            ),
            (
                "page.mustache", "<main id=\"tolk-main\">",
                """
                <main id="tolk-main">
                <p class="x-meta">{{lowercased(title)}} · {{count(alternates)}}{{#empty(alternates)}} (no other language){{/empty(alternates)}}</p>
                """
            ),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let templates = try HTMLTemplates(directory: dir)
        let renderer = HTMLPageRenderer(side: .target, templates: templates)
        // Same body, other titles: contexts of one shape, each rendered after the first.
        let body = "# <a name=\"t\"></a>" + Fixtures.unit("abcde-102", "Overskrift", "Heading") + "\n"
        let titles = ["Tom & Jerry", "Ærø og æbler", "Q&A om 'citat' <b>", "Tom & Jerry"]
        var articles = try titles.map { try HTMLTesting.article(body, title: $0) }
        articles += [try Fixtures.article("articles/password-sync.md"), try Fixtures.article("articles/error-code-0x15.md")]
        var seen: [String] = []
        for article in articles {
            let page = renderer.render(article)
            let direct = try #require(templates.renderDirectly(renderer.pageContext(article).dictionary, template: "page"))
            #expect(page == direct, "\(article.title(.target))")
            let title = article.title(.target)
            HTMLTesting.expect(
                page, contains: "<title>\(HTMLEscaping.escape(title.uppercased()))</title>",
                "<p class=\"x-meta\">\(HTMLEscaping.escape(title.lowercased())) · 0 (no other language)</p>",
                "data-slug=\"\(HTMLEscaping.escape(article.slug.capitalized))\"")
            seen.append(page)
        }
        #expect(seen[0] == seen[3], "the same article renders the same page again")
        #expect(seen[4].contains("<title>AKTIVER SYNKRONISERING AF ADGANGSKODE</title>"))
    }

    @Test("index-entry, translation-status-row and -cell with transforms, through tolk site --templates")
    func siteWithTransforms() throws {
        let dir = try Self.userTemplates([
            ("index-entry.mustache", "{{title}}</a>", "{{uppercased(title)}}</a>"),
            (
                "translation-status-row.mustache", "<a href=\"{{.}}\" lang=\"en\" dir=\"ltr\">{{title}}</a>",
                "<a href=\"{{.}}\" lang=\"en\" dir=\"ltr\">{{lowercased(title)}}</a>"
            ),
            (
                "translation-status-cell.mustache", "<span class=\"tolk-muted\">{{translated}}/{{units}}</span>",
                "<span class=\"tolk-muted\">{{translated}}/{{units}}</span> <span class=\"x-next\">{{plusone(units)}}</span>"
            ),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        let out = root + "/site"
        let run = try TolkProcess.run(["site", content, "--out", out, "--templates", dir, "--quiet", "--no-cache", "--jobs", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        let index = try SiteTesting.read(out + "/da/index.html")
        for title in [
            "Aktiver synkronisering af adgangskode", "Fejl under aktivering af Office 2013 på Fjernskrivebord-tjenester",
            "Kontakt os ved at klikke på knappen til hovedtelefoner",
        ] {
            HTMLTesting.expect(index, contains: ">\(title.uppercased())</a>")
            HTMLTesting.expect(index, lacks: ">\(title)</a>")
        }
        let status = try SiteTesting.read(out + "/translation-status/index.html")
        for title in [
            "Enable Password Sync", "Error while activation Office 2013 on Remote Desktop Services",
            "Contact us by clicking the headphone button",
        ] {
            HTMLTesting.expect(status, contains: " lang=\"en\" dir=\"ltr\">\(title.lowercased())</a>")
        }
        // Each article's Danish cell shows its units, then one more: `plusone` of that cell's number.
        let rows = status.components(separatedBy: "<tr data-problems=").dropFirst()
        #expect(rows.count == 3)
        for row in rows {
            let units = row.components(separatedBy: "<span class=\"tolk-muted\">").dropFirst().first?.components(separatedBy: "</span>")
                .first?.components(separatedBy: "/").last.flatMap { Int($0) }
            let next = row.components(separatedBy: "<span class=\"x-next\">").dropFirst().first?.components(separatedBy: "</span>").first
            #expect(units != nil && next == units.map { String($0 + 1) }, "\(row)")
        }
    }

    @Test("entries and cells with transforms equal Mustache's, one shape, other values")
    func entriesAndCells() throws {
        let dir = try Self.userTemplates([
            ("index-entry.mustache", "{{title}}</a>", "{{uppercased(title)}}</a>{{#machineTranslated}} (MT){{/machineTranslated}}"),
            (
                "translation-status-cell.mustache", "{{type}}{{#outdated}}",
                "{{lowercased(type)}}{{#equalzero(units)}} (empty){{/equalzero(units)}}{{#outdated}}"
            ),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let templates = try HTMLTemplates(directory: dir)
        let entries = [("a/index.html", "Fejlkode 0x15", true), ("b/index.html", "Ærø & Co", false), ("c/index.html", "zzz", true)].map {
            Self.object([("href", .string($0.0)), ("title", .string($0.1)), ("machineTranslated", .bool($0.2))])
        }
        let expected = [
            "<li><a href=\"a/index.html\">FEJLKODE 0X15</a> (MT)</li>\n", "<li><a href=\"b/index.html\">ÆRØ &amp; CO</a></li>\n",
            "<li><a href=\"c/index.html\">ZZZ</a> (MT)</li>\n",
        ]
        for (entry, text) in zip(entries, expected) {
            #expect(templates.render(entry, template: "index-entry") == text)
            #expect(templates.render(entry, template: "index-entry") == templates.renderDirectly(entry.dictionary, template: "index-entry"))
        }
        let cells = [("MT", 0), ("HT", 12), ("—", 0)].map { type, units in
            Self.object([("type", .string(type)), ("missing", .bool(false)), ("units", .number(units)), ("outdated", .bool(false))])
        }
        for (cell, type) in zip(cells, ["</span> mt (empty)<br>", "</span> ht<br>", "</span> — (empty)<br>"]) {
            let html = try #require(templates.render(cell, template: "translation-status-cell"))
            #expect(html.contains(type), "\(html)")
            #expect(html == templates.renderDirectly(cell.dictionary, template: "translation-status-cell"))
        }
    }

    /// A page template, its partials and contexts of one shape, with what Mustache shows for each.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String]
        var contexts: [[(String, TemplateValue)]]
        var expected: [String]
        /// True when the skeletons may serve it (the others are rendered by Mustache page by page).
        var cached = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "uppercased, capitalized, lowercased",
            files: [
                "page.mustache": "<h1>{{uppercased(title)}}</h1>{{#banner}}<p>{{capitalized(text)}}|{{lowercased(text)}}</p>{{/banner}}"
            ],
            contexts: [
                [("title", .string("Tom & Jerry")), ("banner", .object(object([("text", .string("hej VERDEN"))])))],
                [("title", .string("ærø")), ("banner", .object(object([("text", .string("to ORD"))])))],
            ],
            expected: ["<h1>TOM &amp; JERRY</h1><p>Hej Verden|hej verden</p>", "<h1>ÆRØ</h1><p>To Ord|to ord</p>"]),
        Case(
            name: "empty() of a string",
            files: ["page.mustache": "{{#empty(note)}}(no note){{/empty(note)}}{{^empty(note)}}[{{note}}]{{/empty(note)}}"],
            contexts: [[("note", .string("hi"))], [("note", .string(""))], [("note", .string("x"))]],
            expected: ["[hi]", "(no note)", "[x]"]),
        Case(
            name: "number transforms",
            files: ["page.mustache": "{{n}}+1={{plusone(n)}}{{#even(n)}} even{{/even(n)}}{{#equalzero(n)}} zero{{/equalzero(n)}}"],
            contexts: [[("n", .number(2))], [("n", .number(5))], [("n", .number(0))]], expected: ["2+1=3 even", "5+1=6", "0+1=1 even zero"]),
        Case(
            name: "reversed() of a string", files: ["page.mustache": "<p>{{reversed(word)}}</p>"],
            contexts: [[("word", .string("abc"))], [("word", .string("Ærø"))]], expected: ["<p>cba</p>", "<p>ørÆ</p>"]),
        Case(
            name: "list transforms",
            files: [
                "page.mustache":
                    "{{count(items)}}:{{#reversed(items)}} {{name}}{{/reversed(items)}}{{#first(items)}} first={{name}}{{/first(items)}}"
            ],
            contexts: [
                [("items", .list([.object(object([("name", .string("a"))])), .object(object([("name", .string("b"))]))]))],
                [("items", .list([.object(object([("name", .string("c"))])), .object(object([("name", .string("d"))]))]))],
            ],
            expected: ["2: b a first=a", "2: d c first=c"]),
        Case(
            name: "a transform in a partial", files: ["page.mustache": "<p>{{> name}}</p>", "name.mustache": "{{lowercased(title)}}"],
            contexts: [[("title", .string("ABC"))], [("title", .string("DEF"))]], expected: ["<p>abc</p>", "<p>def</p>"]),
        Case(
            name: "a dynamic partial",
            files: ["page.mustache": "<p>{{>*kind}}</p>", "a.mustache": "A:{{title}}", "b.mustache": "B:{{title}}"],
            contexts: [[("kind", .string("a")), ("title", .string("x"))], [("kind", .string("b")), ("title", .string("y"))]],
            expected: ["<p>A:x</p>", "<p>B:y</p>"]),
        Case(
            name: "an indented partial and a value ending in a newline",
            files: ["page.mustache": "<div>\n  {{> inner}}\n</div>\n", "inner.mustache": "{{{html}}}<p>{{title}}</p>\n"],
            contexts: [
                [("html", .string("<h1>x</h1>")), ("title", .string("a"))], [("html", .string("<h1>y</h1>\n")), ("title", .string("b"))],
            ],
            expected: ["<div>\n  <h1>x</h1><p>a</p>\n</div>\n", "<div>\n  <h1>y</h1>\n  <p>b</p>\n</div>\n"]),
        Case(
            name: "other delimiters", files: ["page.mustache": "{{=<% %>=}}<h1><% uppercased(title) %></h1>"],
            contexts: [[("title", .string("ab"))], [("title", .string("cd"))]], expected: ["<h1>AB</h1>", "<h1>CD</h1>"]),
        Case(
            name: "parentheses in a comment (cacheable)", files: ["page.mustache": "{{! not uppercased(title) }}<h1>{{title}}</h1>"],
            contexts: [[("title", .string("ab"))], [("title", .string("Cd"))]], expected: ["<h1>ab</h1>", "<h1>Cd</h1>"], cached: true),
        Case(
            name: "sequence transforms and a section over an empty string (cacheable)",
            files: [
                "page.mustache": "{{#items}}{{name}}{{^last()}}, {{/last()}}{{/items}}|{{#note}}[{{.}}]{{/note}}{{^note}}none{{/note}}"
            ],
            contexts: [
                [
                    ("items", .list([.object(object([("name", .string("a"))])), .object(object([("name", .string("b"))]))])),
                    ("note", .string("n")),
                ],
                [
                    ("items", .list([.object(object([("name", .string("c"))])), .object(object([("name", .string("d"))]))])),
                    ("note", .string("")),
                ],
            ],
            expected: ["a, b|[n]", "c, d|[]"], cached: true),
    ]

    @Test("each page is what Mustache renders, for every context of the shape", arguments: cases)
    func smallTemplates(_ test: Case) throws {
        let dir = try HTMLTemplatesTests.folder(test.files)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let templates = try HTMLTemplates(directory: dir)
        #expect(templates.skeletonTemplates.contains("page") == test.cached)
        for (fields, expected) in zip(test.contexts, test.expected) {
            let context = Self.object(fields)
            #expect(templates.renderDirectly(context.dictionary, template: "page") == expected, "Mustache itself")
            #expect(templates.renderPage(context) == expected)
            // The [String: Any] way in, as the site's own pages use it.
            #expect(templates.render(context.dictionary, template: "page") == expected)
        }
    }

    @Test("the repository's own templates all keep the skeleton cache; a transform in a partial sends its users to Mustache")
    func whichTemplatesAreCached() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: HTMLTesting.templatesDirectory).filter { $0.hasSuffix(".mustache") }
            .map { String($0.dropLast(".mustache".count)) }
        #expect(names.count >= 10)
        #expect(try HTMLTesting.templates().skeletonTemplates == Set(names))
        let dir = try Self.userTemplates([("banner.mustache", "<p>{{text}}", "<p>{{uppercased(text)}}")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // page.mustache reaches banner.mustache; the index and the rows do not.
        #expect(try HTMLTemplates(directory: dir).skeletonTemplates == Set(names).subtracting(["page", "banner"]))
    }
}
