import Testing

@testable import TolkKit

@Suite("URLs and text on HTML pages")
struct HTMLSafeURLTests {
    @Test(
        "links: http, https, mailto, relative paths and fragments only",
        arguments: [
            ("https://learn.microsoft.com/da-dk/x", "https://learn.microsoft.com/da-dk/x"), ("HTTP://a.example", "HTTP://a.example"),
            ("mailto:a@b.example", "mailto:a@b.example"), ("#section", "#section"), ("media/x.png", "media/x.png"),
            ("/AlchemyInsights/x", "/AlchemyInsights/x"), ("?q=1", "?q=1"), ("  https://a.example/  ", "https://a.example/"),
            ("https://a.example/\tb", "https://a.example/b"),
        ])
    func allowedLinks(_ input: String, _ expected: String) {
        #expect(SafeURL.link(input) == expected)
    }

    @Test(
        "links: every other scheme, however it is disguised, is refused",
        arguments: [
            "javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)", " \u{1}javascript:alert(1)",
            "jav\u{0}ascript:x", "vbscript:x", "data:text/html,x", "data:image/png;base64,AAAA", "file:///etc/passwd", "ftp://a.example",
            "//evil.example/x", "\\\\evil.example", "/\\evil.example", "&#106;avascript:alert(1)", "\u{A0}javascript:alert(1)", "", "   ",
            "javascript&colon;alert(1)", "a b:c",
        ])
    func refusedLinks(_ input: String) {
        #expect(SafeURL.link(input) == nil)
    }

    @Test(
        "links: characters a URL may not hold are percent-encoded, escapes and non-ASCII stay",
        arguments: [
            ("https://login.microsoftonline.com/{TenantId_or_Name}", "https://login.microsoftonline.com/%7BTenantId_or_Name%7D"),
            ("https://a.example/outlook%", "https://a.example/outlook%25"), ("https://a.example/?a=1|2", "https://a.example/?a=1%7C2"),
            ("https://a.example/x[]", "https://a.example/x%5B%5D"), ("https://a.example/#/home\">x", "https://a.example/#/home%22%3Ex"),
            ("https://a.example/a%20b%2F", "https://a.example/a%20b%2F"), ("https://a.example/%zz", "https://a.example/%25zz"),
            ("https://bücher.example/æble", "https://bücher.example/æble"), ("https://a.example/a b", "https://a.example/a%20b"),
            ("mailto:a@b.example?subject=Hej", "mailto:a@b.example?subject=Hej"), ("#x-y_z", "#x-y_z"),
        ])
    func encodedLinks(_ input: String, _ expected: String) {
        #expect(SafeURL.link(input) == expected)
    }

    @Test("image sources: relative paths and base64 raster data URLs only")
    func images() {
        #expect(SafeURL.imageSource("media/shot.png") == "media/shot.png")
        #expect(SafeURL.imageSource("data:image/png;base64,iVBORw0KGgo=") == "data:image/png;base64,iVBORw0KGgo=")
        #expect(SafeURL.imageSource("DATA:IMAGE/JPEG;BASE64,/9j/4AAQ") != nil)
        for bad in [
            "data:image/svg+xml;base64,PHN2Zz4=", "data:image/png,<svg>", "data:image/png;base64,AA\"onerror=x", "https://a.example/x.png",
            "//a.example/x.png", "javascript:x", "data:text/html;base64,AAAA", "",
        ] {
            #expect(SafeURL.imageSource(bad) == nil, "\(bad)")
        }
    }

    @Test("escaping: the five characters, and characters HTML forbids are dropped")
    func escaping() {
        #expect(HTMLEscaping.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        let nonCharacter = Unicode.Scalar(0xFDD0).map { String(Character($0)) } ?? ""
        #expect(HTMLEscaping.escape("a\u{0}b\u{1}c\u{7F}d\u{85}e\u{FFFE}f" + nonCharacter + "g\th\ni") == "abcdefg\th\ni")
        #expect(HTMLEscaping.escape("Vælg 日本語 🙂") == "Vælg 日本語 🙂")
        // Allowed characters that share a lead byte with forbidden ones stay, around escapes and drops.
        #expect(
            HTMLEscaping.escape("Microsoft®\u{A0}365 © «x» ＡＢ\u{FEFF}'\u{9F}\u{10FFFF}\u{1F600}&\u{1FFFE}z")
                == "Microsoft®\u{A0}365 © «x» ＡＢ\u{FEFF}&#39;\u{1F600}&amp;z")
        var out = "<p>"
        HTMLEscaping.escape("a < b", into: &out)
        HTMLEscaping.escape("plain", into: &out)
        #expect(out == "<p>a &lt; bplain")
    }

    @Test("HTML blocks: character references decoded, then escaped again; tags through the allowlist")
    func htmlBlocks() {
        #expect(
            CharacterReferences.decode("a &amp; b &lt;c&gt; &#228;&#xE6; &bogus; & &#0; &#xD800;")
                == "a & b <c> äæ &bogus; & \u{FFFD} \u{FFFD}")
        let inlines = HTMLBlockReader.inlines("<p>One<br>two</p><!-- hidden --><div>&lt;b&gt;</div><email address>")
        #expect(inlines.plainText == "One\ntwo\n<b>\n<email address>")
        var writer = HTMLTagFilter()
        #expect(writer.markup(for: InlineHTML(raw: "<b>", kind: .element(name: "b", attributes: [], isClosing: false))) == "<b>")
        #expect(writer.markup(for: InlineHTML(raw: "<i>", kind: .element(name: "i", attributes: [], isClosing: false))) == "<i>")
        #expect(writer.markup(for: InlineHTML(raw: "</b>", kind: .element(name: "b", attributes: [], isClosing: true))) == "</i></b>")
        #expect(writer.markup(for: InlineHTML(raw: "</b>", kind: .element(name: "b", attributes: [], isClosing: true))) == "")
        #expect(writer.markup(for: InlineHTML(raw: "<kbd>", kind: .element(name: "kbd", attributes: [], isClosing: false))) == "<kbd>")
        #expect(writer.closeAll() == "</kbd>")
    }

    @Test("article anchors become IDs only in DocFX's slug form")
    func anchors() {
        for good in ["enable-password-sync", "failed_to_auto_discover_domain", "step-1.2", "2fa", "Overview"] {
            #expect(HTMLTagFilter.pageID(good) == good)
        }
        for bad in ["__tolkPwned", "_x", "$x", "a b", "x\"y", "tolk-show-originals", "Tolk-Main", "", "-x", "a/b", "<x>"] {
            #expect(HTMLTagFilter.pageID(bad) == "", "\(bad)")
        }
    }
}
