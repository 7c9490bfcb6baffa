import Foundation
import Testing

@testable import TolkKit

@Suite("HTML templates")
struct HTMLTemplatesTests {
    /// A fresh folder under the temporary directory, removed by the caller.
    static func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir.path
    }

    @Test("a folder with a minimal page.mustache overrides the page; values are escaped, the body is not")
    func override() throws {
        let dir = try Self.folder([
            "page.mustache":
                "<!DOCTYPE html><html lang=\"{{lang}}\"><title>{{title}}</title>{{> extra}}<main>{{{body}}}</main>{{#toggle}}[{{label}}]{{/toggle}}</html>\n",
            "extra.mustache": "<p>{{words.notTranslated}}</p>",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let templates = try HTMLTemplates(directory: dir)
        #expect(templates.stylesheet == "" && templates.script == nil)
        let body = "# <a name=\"t\"></a>" + Fixtures.unit("abcde-102", "Tom &amp; Jerry", "Tom &amp; Jerry <b>x</b>") + "\n"
        let article = try HTMLTesting.article(body)
        let page = HTMLPageRenderer(side: .target, templates: templates).render(article)
        #expect(page.hasPrefix("<!DOCTYPE html><html lang=\"da-DK\"><title>Tom &amp; Jerry</title><p>ikke oversat</p><main><h1 id=\"t\">"))
        HTMLTesting.expect(page, lacks: "<script")  // no tolk.js in the folder: no script
        #expect(page.hasSuffix("</main>[Vis engelske originaler]</html>\n"))
    }

    @Test("a missing page.mustache and a broken template are errors with a place")
    func errors() throws {
        let empty = try Self.folder(["other.mustache": "x"])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(throws: HTMLTemplateError.self) { try HTMLTemplates(directory: empty) }
        do {
            _ = try HTMLTemplates(directory: empty)
        } catch {
            #expect(error.description.hasSuffix("page.mustache:1:1: error: the templates folder has no page.mustache"))
        }

        let broken = try Self.folder(["page.mustache": "line one\n{{#open}} never closed\n"])
        defer { try? FileManager.default.removeItem(atPath: broken) }
        do {
            _ = try HTMLTemplates(directory: broken)
            Issue.record("a broken template loaded")
        } catch {
            #expect(error.path.hasSuffix("page.mustache"))
            #expect(error.line >= 1)
            #expect(error.description.contains("error: the template does not parse"))
        }
        #expect(throws: HTMLTemplateError.self) { try HTMLTemplates(directory: "/nonexistent/tolk-templates") }
    }

    @Test("the templates a command uses: --templates DIR, else TOLK_TEMPLATES, else the built-in ones")
    func defaultFolder() throws {
        #expect(HTMLTemplates.folder(explicit: "/a/b", environment: ["TOLK_TEMPLATES": "/x/y"]) == "/a/b")
        #expect(HTMLTemplates.folder(explicit: nil, environment: ["TOLK_TEMPLATES": "/x/y"]) == "/x/y")
        #expect(HTMLTemplates.folder(explicit: nil, environment: ["TOLK_TEMPLATES": ""]) == nil)
        #expect(try HTMLTemplates.load(explicit: nil, environment: [:]).directory == HTMLTemplates.builtInName)
    }

    @Test("a linked stylesheet replaces the inlined one")
    func linkedStylesheet() throws {
        let article = try HTMLTesting.article("# <a name=\"t\"></a>" + Fixtures.unit("abcde-102", "A", "B") + "\n")
        let page = HTMLPageRenderer(side: .target, templates: try HTMLTesting.templates(), stylesheet: .linked(href: "../tolk.css"))
            .render(article)
        HTMLTesting.expect(page, contains: #"<link rel="stylesheet" href="../tolk.css">"#)
        HTMLTesting.expect(page, lacks: "<style>")
        HTMLTesting.expectWellFormed(page)
    }

    @Test("the stylesheet mirrors on a right-to-left page: nothing placed on the left or right")
    func stylesheetMirrors() throws {
        let css = try HTMLTesting.templates().stylesheet
        #expect(!css.isEmpty)
        let declarations = css.split(whereSeparator: { ";{}\n".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        for declaration in declarations {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, !parts[0].contains(" "), !parts[0].hasPrefix("--") else { continue }
            let property = parts[0]
            let values = parts[1].split(separator: " ")
            #expect(!["left", "right", "float", "clear"].contains(property), "\(declaration)")
            #expect(!property.hasSuffix("-left") && !property.hasSuffix("-right") && !property.contains("-left-"), "\(declaration)")
            #expect(!property.contains("-right-"), "\(declaration)")
            if property == "text-align" { #expect(values != ["left"] && values != ["right"], "\(declaration)") }
            // top right bottom left: the same on both sides; a radius the same at every corner.
            if ["margin", "padding", "inset", "border-width", "border-color", "border-style"].contains(property), values.count == 4 {
                #expect(values[1] == values[3], "\(declaration)")
            }
            if property == "border-radius" { #expect(values.count == 1, "\(declaration)") }
        }
    }

    @Test(
        "the stylesheet gives each script fonts that cover it",
        arguments: [
            ("zh", "Noto Sans CJK SC"), ("zh-Hant", "Noto Sans CJK TC"), ("zh-HK", "Noto Sans CJK HK"), ("ja", "Noto Sans CJK JP"),
            ("ko", "Noto Sans CJK KR"), ("ar", "Noto Sans Arabic"), ("he", "Noto Sans Hebrew"), ("th", "Noto Sans Thai"),
            ("vi", "Noto Sans"),
        ])
    func stylesheetScripts(_ language: String, _ font: String) throws {
        let css = try HTMLTesting.templates().stylesheet
        // The rule that sets the language's stack: its selector list names the language.
        let rule = try #require(css.components(separatedBy: "}").first { $0.contains(":lang(\(language))") && $0.contains("--tolk-sans:") })
        #expect(rule.contains("\"\(font)\""), "\(rule)")
        HTMLTesting.expect(css, contains: "[lang] {\n  font-family: var(--tolk-sans);\n}")
    }

    @Test("a page filled into a cached skeleton is what Mustache renders, for every shape and value")
    func skeletonsMatchMustache() throws {
        let dir = try Self.folder([
            "page.mustache": """
            <html lang="{{lang}}"><title>{{title}}</title>{{#banner}}<p>{{text}} <a href="{{href}}">{{linkText}}</a></p>{{/banner}}\
            {{^banner}}<p>no banner</p>{{/banner}}<ul>{{#languages}}<li{{#current}} class="c"{{/current}}>{{name}}={{count}}</li>{{/languages}}</ul>\
            <main>{{{body}}}</main>{{#toggle}}[{{label}}]{{/toggle}}<i>{{words.notTranslated}}</i>
            """
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let templates = try HTMLTemplates(directory: dir)
        func page(_ title: String, banner: Bool, languages: Int, body: String, toggle: Bool) -> TemplateObject {
            var object = TemplateObject(strings: [("lang", "da-DK"), ("title", title)])
            if banner {
                object.append(
                    "banner",
                    .object(TemplateObject(strings: [("text", title + " <b>"), ("href", "../en/x/?a=1&b='2'"), ("linkText", "Læs")])))
            }
            object.append(
                "languages",
                .list(
                    (0..<languages).map { i in
                        var entry = TemplateObject(strings: [("name", "Dansk \"\(i)\"")])
                        entry.append("count", .number(i * 7))
                        entry.append("current", .bool(i == 0))
                        return .object(entry)
                    }))
            object.append("body", .string(body))
            if toggle { object.append("toggle", .object(TemplateObject(strings: [("label", "Vis & skjul")]))) }
            object.append("words", HTMLWords(locale: "da-DK").templateValue)
            return object
        }
        let pages = [
            page("Tom & Jerry", banner: true, languages: 2, body: "<p>a</p>", toggle: true),
            page("<script>alert(1)</script>", banner: true, languages: 2, body: "<p>b & c</p>", toggle: true),  // same shape, other values
            page("'quotes' \"here\"", banner: false, languages: 0, body: "", toggle: false),
            page("Ærø ✓ 日本", banner: false, languages: 3, body: "<h1>x</h1>", toggle: true),
            page("marker \u{1}&0\u{2} bytes", banner: true, languages: 1, body: "\u{1}&1\u{2}", toggle: false),  // Mustache alone
            page("Tom & Jerry", banner: true, languages: 2, body: "<p>again</p>", toggle: true),
        ]
        for object in pages {
            let direct = try #require(templates.renderDirectly(object.dictionary, template: "page"))
            #expect(templates.renderPage(object) == direct)
        }
        // The escaping Mustache does is the skeleton's too.
        #expect(templates.renderPage(pages[1]).contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(templates.renderPage(pages[0]).contains("href=\"../en/x/?a=1&amp;b=&#39;2&#39;\""))
    }
}
