import Testing
import TolkKit

@Suite("Terminal styling")
struct TerminalStylerTests {
    let esc = "\u{1B}"
    let url = "https://example.com/guide"

    private var sample: StyledText {
        var text = StyledText("Choose ")
        text.append("Settings", style: .uiLabel)
        text.append(", run ")
        text.append("tolk show", style: .code)
        text.append(" and read ")
        text.append("the guide", style: .link, link: url)
        text.append(".")
        return text
    }

    @Test("Without colour there is no escape byte at all; links show their target")
    func noColor() {
        let styler = TerminalStyler(color: false, hyperlinks: true)
        let output = styler.render(sample)
        #expect(output == "Choose Settings, run tolk show and read the guide <\(url)>.")
        #expect(!output.utf8.contains(0x1B))
    }

    @Test("With colour each styled run is wrapped in SGR and followed by a reset")
    func color() {
        let styler = TerminalStyler(color: true, hyperlinks: false)
        #expect(
            styler.render(sample)
                == "Choose \(esc)[1;36mSettings\(esc)[0m, run \(esc)[33mtolk show\(esc)[0m and read "
                + "\(esc)[4;34mthe guide\(esc)[0m\(esc)[2m <\(url)>\(esc)[0m.")
    }

    @Test("OSC 8 hyperlinks have the exact bytes ESC ] 8 ; ; URL ESC \\")
    func hyperlink() {
        let styler = TerminalStyler(color: true, hyperlinks: true)
        let line = StyledText("the guide", link: url)
        #expect(styler.render(line) == "\(esc)]8;;\(url)\(esc)\\the guide\(esc)]8;;\(esc)\\")
        let bytes = Array(styler.render(line).utf8.prefix(5))
        #expect(bytes == [0x1B, 0x5D, 0x38, 0x3B, 0x3B])
    }

    @Test("A styled link nests SGR inside the hyperlink and prints no target")
    func styledHyperlink() {
        let styler = TerminalStyler(color: true, hyperlinks: true)
        let line = StyledText("guide", style: .link, link: url)
        #expect(
            styler.render(line)
                == "\(esc)]8;;\(url)\(esc)\\\(esc)[4;34mguide\(esc)[0m\(esc)]8;;\(esc)\\")
    }

    @Test("Hyperlinks need colour: with colour off they are plain text")
    func hyperlinksNeedColor() {
        let styler = TerminalStyler(color: false, hyperlinks: true)
        #expect(styler.render(StyledText("guide", link: url)) == "guide <\(url)>")
    }

    @Test("No target is printed when the text is the URL, or when showURLs is off")
    func urlNotRepeated() {
        #expect(TerminalStyler.plain.render(StyledText(url, link: url)) == url)
        #expect(
            TerminalStyler.plain.render(StyledText("a@b.dk", link: "mailto:a@b.dk")) == "a@b.dk")
        let quiet = TerminalStyler(color: false, hyperlinks: false, showURLs: false)
        #expect(quiet.render(StyledText("guide", link: url)) == "guide")
    }

    @Test("Control characters in the text cannot inject escape sequences")
    func controlCharactersStripped() {
        let hostile = StyledText(
            "safe\u{1B}[2J\u{1B}]8;;http://evil\u{7} \u{9B}31mred\u{7F}\r\u{0}end\nnext")
        for styler in [TerminalStyler.plain, TerminalStyler(color: true, hyperlinks: true)] {
            #expect(styler.render(hostile) == "safe[2J]8;;http://evil 31mredend\nnext")
        }
        let sneakyLink = StyledText("x", link: "http://a\u{1B}\\b c\u{7}é")
        let output = TerminalStyler(color: true, hyperlinks: true).render(sneakyLink)
        #expect(output == "\(esc)]8;;http://a\\b%20c%C3%A9\(esc)\\x\(esc)]8;;\(esc)\\")
        #expect(TerminalStyler.plain.render(sneakyLink) == "x <http://a\\b cé>")
    }

    @Test("Prepared for layout, a link cut over two lines shows its target once")
    func prepareForLayout() {
        let text =
            StyledText("Read ") + StyledText("the long support guide", style: .link, link: url)
        let styler = TerminalStyler.plain
        let lines = TextWrapper().wrap(styler.prepareForLayout(text), width: 20)
        let output = styler.render(lines: lines)
        #expect(output == "Read the long\nsupport guide\n<https://example.com\n/guide>\n")
        #expect(lines.allSatisfy { $0.displayWidth <= 20 })
        let hyperlinked = TerminalStyler(color: true, hyperlinks: true)
        #expect(hyperlinked.prepareForLayout(text) == text)
    }

    @Test("Semantic styles map to their SGR parameters")
    func sgrMapping() {
        #expect(TextStyle().sgrParameters == [])
        #expect(TextStyle.uiLabel.sgrParameters == [1, 36])
        #expect(TextStyle.code.sgrParameters == [33])
        #expect(TextStyle.link.sgrParameters == [4, 34])
        #expect(TextStyle.dim.sgrParameters == [2])
        #expect(TextStyle.heading.sgrParameters == [1])
        #expect(TextStyle.warning.sgrParameters == [33])
        #expect(TextStyle.error.sgrParameters == [31])
        #expect(TextStyle.success.sgrParameters == [32])
        #expect(TextStyle.note.sgrParameters == [1, 34])
        #expect(TextStyle([.italic, .underline, .inverse]).sgrParameters == [3, 4, 7])
        #expect(TextStyle([.code, .error, .bold]).sgrParameters == [1, 31])
        #expect(TextStyle([.bold, .italic]).sgrSequence == "\(esc)[1;3m")
    }

    @Test("Unstyled text gets no escape codes even with colour on")
    func plainTextStaysPlain() {
        #expect(TerminalStyler(color: true, hyperlinks: true).render("just text") == "just text")
    }
}
