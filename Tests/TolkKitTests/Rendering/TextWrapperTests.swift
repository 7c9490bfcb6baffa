import Testing
import TolkKit

@Suite("Text wrapping")
struct TextWrapperTests {
    let wrapper = TextWrapper()

    private func plainLines(
        _ text: StyledText, width: Int, first: StyledText = "", rest: StyledText = ""
    ) -> [String] {
        wrapper.wrap(text, width: width, firstPrefix: first, restPrefix: rest).map(\.plain)
    }

    @Test("Danish paragraph in a numbered list with a hanging indent")
    func danishHangingIndent() {
        let text: StyledText =
            "Vælg Indstillinger > Privatliv og sikkerhed, og slå derefter Placeringstjenester til eller fra for hver app."
        let lines = wrapper.wrap(text, width: 30, firstPrefix: "1.  ", restPrefix: "    ")
        #expect(
            lines.map(\.plain) == [
                "1.  Vælg Indstillinger >",
                "    Privatliv og sikkerhed, og",
                "    slå derefter",
                "    Placeringstjenester til",
                "    eller fra for hver app.",
            ])
        for line in lines {
            #expect(line.displayWidth <= 30)
        }
    }

    @Test("Japanese breaks between characters but never before closing punctuation")
    func japanese() {
        let paragraph = "日本語の文章を折り返すテストです。句読点、特に「かぎかっこ」や（括弧）は行頭に来てはいけません。"
        let lines = plainLines(StyledText(paragraph), width: 20)
        #expect(
            lines == [
                "日本語の文章を折り返",
                "すテストです。句読",
                "点、特に「かぎかっ",
                "こ」や（括弧）は行頭",
                "に来てはいけません。",
            ])
        #expect(lines.joined() == paragraph)
        for line in lines {
            #expect(DisplayWidth.of(line) <= 20)
            #expect(
                !line.hasPrefix("。") && !line.hasPrefix("、") && !line.hasPrefix("」")
                    && !line.hasPrefix("）"))
            #expect(!line.hasSuffix("「") && !line.hasSuffix("（"))
        }
    }

    @Test("Japanese never starts a line with 。 at any width")
    func japaneseAllWidths() {
        let paragraph = "設定を開きます。次に、「一般」を選びます。最後に、保存します。これで完了です。"
        for width in 20...40 {
            for line in plainLines(StyledText(paragraph), width: width) {
                #expect(
                    !line.hasPrefix("。") && !line.hasPrefix("、") && !line.hasPrefix("」"),
                    "width \(width)")
                #expect(DisplayWidth.of(line) <= width)
            }
        }
    }

    @Test("A long Thai paragraph breaks between clusters and joins back exactly")
    func thai() {
        let paragraph = String(
            repeating: "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำดังนั้นการตัดบรรทัดจึงต้องทำที่ขอบเขตของกลุ่มอักขระ", count: 4
        )
        let lines = plainLines(StyledText(paragraph), width: 30)
        #expect(lines.count > 4)
        #expect(lines.joined() == paragraph)
        for line in lines {
            #expect(DisplayWidth.of(line) <= 30)
            let first = line.unicodeScalars.first!
            let category = first.properties.generalCategory
            #expect(![.nonspacingMark, .spacingMark, .enclosingMark].contains(category), "\(line)")
            // Following vowels stay with their consonant, leading vowels with theirs.
            #expect(!"ะาำๅฯๆ".unicodeScalars.contains(first), "\(line)")
            #expect(!"เแโใไ".unicodeScalars.contains(line.unicodeScalars.last!), "\(line)")
        }
    }

    @Test("Hebrew stays in logical order")
    func hebrew() {
        let paragraph = "כדי לשנות את ההגדרות, פתחו את חלון ההעדפות ובחרו בכרטיסייה כללי."
        let lines = plainLines(StyledText(paragraph), width: 20)
        #expect(
            lines == ["כדי לשנות את", "ההגדרות, פתחו את", "חלון ההעדפות ובחרו", "בכרטיסייה כללי."])
        #expect(lines.joined(separator: " ") == paragraph)
    }

    @Test("A URL longer than the line starts on its own line and is cut at the width")
    func longURL() {
        let url = "https://support.example.com/guide/mac-help/settings/privacy/location.html"
        let lines = plainLines(
            StyledText("See " + url + " for details"), width: 24, first: "  ", rest: "  ")
        #expect(
            lines == [
                "  See",
                "  https://support.exampl",
                "  e.com/guide/mac-",
                "  help/settings/privacy/",
                "  location.html for",
                "  details",
            ])
        #expect(lines.map { $0.dropFirst(2) }.joined().contains(url))
    }

    @Test("A word with no break opportunity is cut exactly at the width")
    func longWord() {
        let word = String(repeating: "abcdefghij", count: 5)
        let lines = plainLines(StyledText(word), width: 20)
        #expect(lines == ["abcdefghijabcdefghij", "abcdefghijabcdefghij", "abcdefghij"])
    }

    @Test("Styles and links carry over to every line a run spans")
    func stylesAcrossBreaks() {
        let url = "https://example.com/guide"
        var text = StyledText("Open ")
        text.append("System Settings and choose Privacy", style: .bold)
        text.append(" then read ")
        text.append("the support guide", style: .link, link: url)
        text.append(".")
        #expect(
            wrapper.wrap(text, width: 20) == [
                StyledText("Open ") + StyledText("System Settings", style: .bold),
                StyledText("and choose Privacy", style: .bold),
                StyledText("then read ") + StyledText("the", style: .link, link: url),
                StyledText("support guide", style: .link, link: url) + StyledText("."),
            ])
    }

    @Test("Explicit newlines are hard breaks; indentation after them is kept")
    func hardBreaks() {
        let lines = plainLines(
            "First line\n\n  indented   twice\nlast  ", width: 30, first: "- ", rest: "  ")
        #expect(lines == ["- First line", "", "    indented   twice", "  last"])
    }

    @Test("Spaces at a soft break vanish: no leading or trailing spaces")
    func spacesAtBreaks() {
        let lines = plainLines("aaaa bbbb cccc dddd     eeee ffff gggg hhhh", width: 20)
        #expect(lines == ["aaaa bbbb cccc dddd", "eeee ffff gggg hhhh"])
    }

    @Test("Widths below 20 are treated as 20")
    func minimumWidth() {
        let text: StyledText = "one two three four five six seven"
        #expect(plainLines(text, width: 5) == plainLines(text, width: 20))
        #expect(plainLines(text, width: 5) == ["one two three four", "five six seven"])
    }

    @Test("Hyphenated words and zero-width spaces may break")
    func hyphensAndZeroWidthSpace() {
        #expect(
            plainLines("a well-known state-of-the-art option --color=never", width: 20)
                == ["a well-known state-", "of-the-art option", "--color=never"])
        let zwsp = "Indstillinger\u{200B}Privatliv\u{200B}Sikkerhed"
        #expect(
            plainLines(StyledText(zwsp), width: 24) == [
                "Indstillinger\u{200B}Privatliv\u{200B}", "Sikkerhed",
            ])
    }

    @Test("Emoji sequences are never split")
    func emoji() {
        let text = StyledText("Tap " + String(repeating: "👩‍💻", count: 10) + " to go on")
        let lines = plainLines(text, width: 20)
        // Four cells each, as a terminal that counts code points shows them.
        #expect(lines == ["Tap 👩‍💻👩‍💻👩‍💻👩‍💻", "👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻", "👩‍💻 to go on"])
        #expect(lines.joined().withoutSpaces() == text.plain.withoutSpaces())
    }

    @Test("Empty text gives one line: the prefix without trailing spaces")
    func empty() {
        #expect(plainLines("", width: 40, first: "1.  ", rest: "    ") == ["1."])
    }

    @Test("Every line fits for mixed scripts at many widths")
    func mixedScriptsFit() {
        let text: StyledText =
            "Vælg Indstillinger 日本語のテキストです。 ภาษาไทยไม่มีการเว้นวรรค 한국어 텍스트 👩‍💻 https://example.com/a/long/path"
        for width in 20...60 {
            let lines = wrapper.wrap(text, width: width, firstPrefix: "•  ", restPrefix: "   ")
            for line in lines {
                #expect(line.displayWidth <= width, "width \(width): \(line.plain)")
                #expect(!line.plain.hasSuffix(" "))
            }
            let joined = lines.map { String($0.plain.dropFirst(3)) }.joined()
            #expect(joined.withoutSpaces() == text.plain.withoutSpaces(), "width \(width)")
        }
    }
}

extension String {
    fileprivate func withoutSpaces() -> String { filter { $0 != " " } }
}
