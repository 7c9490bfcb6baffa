import Testing
@testable import TolkKit

@Suite("Rules: typography")
struct TypographyRulesTests {
    @Test("Byte-word searches find pairs and bytes at every position")
    func byteWords() {
        for k in 0..<20 {
            let text = String(repeating: "a", count: k) + "  b" + String(repeating: "c", count: 9)
            #expect(text.containsBytes("  "), "\(k)")
            #expect(!text.replacingOccurrences(of: "  ", with: " ").containsBytes("  "))
            #expect(text.containsAnyByte([0x62]))
            #expect(!text.containsAnyByte([0x7B, 0x25]))
            #expect(text.replacingOccurrences(of: "b", with: "{").containsAnyByte([0x7B, 0x25]))
        }
        #expect(!"".containsBytes("  "))
        #expect(!" ".containsBytes("  "))
        #expect("a](b".containsBytes("]("))
    }

    @Test("TOLK503's quick test finds a control or suspect character at every position")
    func mayHaveSuspicious() {
        #expect(!SuspiciousCharacter.mayHaveSuspicious("Vælg Gem, og luk\tså vinduet\r\npå skærmen."))
        for k in 0..<20 {
            let pad = String(repeating: "a", count: k)
            for odd in ["\u{0007}", "\u{007F}", "\u{00A0}", "\u{200B}", "\u{FFFD}"] {
                #expect(SuspiciousCharacter.mayHaveSuspicious(pad + odd + "bbbbbbbbbbbb"), "\(k)")
            }
        }
    }

    @Test("TOLK502's quick test finds a space before a mark at every position, across eight-byte words")
    func mayHaveSpacedMark() {
        #expect(!SpaceBeforePunctuation.mayHaveSpacedMark(""))
        #expect(!SpaceBeforePunctuation.mayHaveSpacedMark("Vælg Gem. Luk derefter vinduet, og start igen!"))
        for mark in [".", ",", ":", ";", "!", "?"] {
            for k in 0..<20 {
                let text = String(repeating: "a", count: k) + " " + mark + " bbbbbbbbbbbbbbbb"
                #expect(SpaceBeforePunctuation.mayHaveSpacedMark(text), "\(k) \(mark)")
                #expect(!SpaceBeforePunctuation.mayHaveSpacedMark(text.replacingOccurrences(of: " " + mark, with: mark + " ")))
            }
        }
    }

    /// The column of `needle` in the target of a unit written by `RuleTesting.article(units:)`.
    static func column(of needle: String, in target: String) -> Int {
        LiteralRulesTests.column(of: needle, in: target)
    }

    // MARK: - TOLK501 missing-space-after-bold

    @Test("TOLK501 missing-space-after-bold: `**blokerede afsendere og domæner**skal`")
    func missingSpaceAfterBoldHit() throws {
        let findings = try RuleTesting.findings(MissingSpaceAfterBold.self, fixture: "checks/outlook-com-block-or-unblock-senders.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK501")
        #expect(f.severity == .warning)
        #expect(f.unitID == "49ff7-108")
        #expect(f.location.line == 37 && f.location.column == 74)
        #expect(f.message.contains("\"**blokerede afsendere og domæner**\" runs into \"skal\""))
    }

    @Test("TOLK501 near miss: bold followed by spaces and punctuation (case 9), opening markers, Japanese particles")
    func missingSpaceAfterBoldNearMiss() throws {
        #expect(try RuleTesting.findings(MissingSpaceAfterBold.self, fixture: "cases/09-password-sync.md").isEmpty)
        #expect(try RuleTesting.findings(MissingSpaceAfterBold.self, fixture: "cases/10-ja-password-sync.md").isEmpty)
        let units = [
            ("Vælg **Gem**, og luk **Indstillinger**.", "Select **Save**, and close **Settings**."),
            ("Klik på **Gem**knappen.", "Click the **Save**button."),  // the English runs into the word too
        ]
        #expect(try RuleTesting.findings(MissingSpaceAfterBold.self, units: units).isEmpty)
        let japanese = [("**[DirSync の状態]**を選択します。", "Select **DirSync Status**.")]
        #expect(try RuleTesting.findings(MissingSpaceAfterBold.self, units: japanese, locale: "ja-JP").isEmpty)
    }

    @Test("TOLK501: German, with the column of the word after the bold text")
    func missingSpaceAfterBoldGerman() throws {
        let target = "Wählen Sie **Speichern**und dann **OK**."
        let findings = try RuleTesting.findings(
            MissingSpaceAfterBold.self, units: [(target, "Select **Save** and then **OK**.")], locale: "de-DE")
        #expect(findings.count == 1)
        #expect(findings.first?.location.column == Self.column(of: "und", in: target))
    }

    // MARK: - TOLK502 space-before-punctuation

    @Test("TOLK502 space-before-punctuation: `**overvågningslogfil** .`")
    func spaceBeforePunctuationHit() throws {
        let findings = try RuleTesting.findings(
            SpaceBeforePunctuation.self, fixture: "checks/identify-inbox-rule-activity-in-audit-logs.md")
        #expect(findings.count == 3)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK502")
        #expect(f.unitID == "9eb67-105")
        #expect(f.location.line == 29 && f.location.column == 87)
        #expect(f.message.contains("\"**overvågningslogfil** .\""))
    }

    @Test("TOLK502 near miss: the English has the same space (`**FALSE** ,`)")
    func spaceBeforePunctuationNearMiss() throws {
        let findings = try RuleTesting.findings(SpaceBeforePunctuation.self, fixture: "checks/using-giphys-in-teams-conversations.md")
        #expect(!findings.contains { $0.unitID == "2edff-110" })
        #expect(findings.map(\.unitID) == ["2edff-109"])
    }

    @Test("TOLK502 near miss: file extensions, ellipses, code, French")
    func spaceBeforePunctuationSynthetic() throws {
        let units = [
            ("Åbn filen .pst med .NET.", "Open the .pst file with .NET."),
            ("Vent ...", "Wait..."),
            ("Kør `dir /s ,` nu.", "Run `dir /s ,` now."),
        ]
        #expect(try RuleTesting.findings(SpaceBeforePunctuation.self, units: units).isEmpty)
        #expect(
            try RuleTesting.findings(
                SpaceBeforePunctuation.self, units: [("Remarque : voir ci-dessous !", "Note: see below!")], locale: "fr-FR"
            ).isEmpty)
        let target = "Vælg **Gem** ; luk derefter."
        let findings = try RuleTesting.findings(SpaceBeforePunctuation.self, units: [(target, "Select **Save**; then close.")])
        #expect(findings.count == 1)
        #expect(findings.first?.location.column == Self.column(of: " ;", in: target))
    }

    // MARK: - TOLK503 double-space

    @Test("TOLK503 double-space: `og  klik` in the archive mailbox article")
    func doubleSpaceHit() throws {
        let findings = try RuleTesting.findings(DoubleSpace.self, fixture: "checks/enable-an-archive-mailbox.md")
        #expect(findings.count == 2)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK503")
        #expect(f.severity == .note)
        #expect(f.unitID == "21274-108")
        #expect(f.location.line == 28 && f.location.column == 90)
        #expect(f.message.contains("between \"og\" and \"klik\""))
    }

    @Test("TOLK503 near miss: the English has the same double space; UI paths and hard breaks")
    func doubleSpaceNearMiss() throws {
        #expect(try RuleTesting.findings(DoubleSpace.self, fixture: "checks/upload-microsoft-teams-meeting-recording-to-stream.md").isEmpty)
        let units = [
            ("Gå til **Indstillinger**  >  **Mail**.", "Go to **Settings** > **Mail**."),
            ("Første linje  \nanden linje.", "First line  \nsecond line."),
            ("Første linje  \nanden linje.", "First line\nsecond line."),
            ("  Indrykket tekst. ", "Indented text."),
            ("Kør `a  b`.", "Run `a  b`."),
        ]
        #expect(try RuleTesting.findings(DoubleSpace.self, units: units).isEmpty)
    }

    // MARK: - TOLK504 doubled-word

    @Test("TOLK504 doubled-word: `socialt socialt`")
    func doubledWordHit() throws {
        let findings = try RuleTesting.findings(DoubledWord.self, fixture: "checks/get-started-with-yammer.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK504")
        #expect(f.unitID == "7d50b-103")
        #expect(f.location.line == 25 && f.location.column == 77)
        #expect(f.message.contains("\"socialt socialt\""))
    }

    @Test("TOLK504 near miss: Danish `for for mange`, a quoted label `til TIL`")
    func doubledWordNearMiss() throws {
        #expect(try RuleTesting.findings(DoubledWord.self, fixture: "checks/too-many-licenses.md").isEmpty)
        #expect(try RuleTesting.findings(DoubledWord.self, fixture: "checks/trouble-with-the-apple-watch.md").isEmpty)
        let german = [("Die Dateien, die die Benutzer freigeben, sind hier.", "The files that the users share are here.")]
        #expect(try RuleTesting.findings(DoubledWord.self, units: german, locale: "de-DE").isEmpty)
        let others = [
            ("Slå til/fra-knappen til til/fra.", "Switch the toggle."),
            ("Gruppe-ID'er er ikke tilgængelige.", "Group IDs are not available."),
            ("Fejl i Microsoft Microsoft 365-apps", "Error in Microsoft Microsoft 365 apps"),
        ]
        #expect(try RuleTesting.findings(DoubledWord.self, units: others).isEmpty)
    }

    // MARK: - TOLK505 end-punctuation

    @Test("TOLK505 end-punctuation: `**Prerequisites:**` became `**Forudsætninger**`")
    func endPunctuationHit() throws {
        let findings = try RuleTesting.findings(EndPunctuation.self, fixture: "checks/device-in-pending-state.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK505")
        #expect(f.severity == .note)
        #expect(f.unitID == "82178-103")
        #expect(f.location.line == 24 && f.location.column == 47)
        #expect(f.message.contains("where the English ends with \":\""))
    }

    @Test("TOLK505 near miss: the period moved inside bold (`.**`)")
    func endPunctuationNearMiss() throws {
        #expect(try RuleTesting.findings(EndPunctuation.self, fixture: "checks/need-help-with-email-sending-limits.md").isEmpty)
    }

    @Test("TOLK505: CJK and Arabic marks, Thai, links")
    func endPunctuationLocales() throws {
        #expect(try RuleTesting.findings(EndPunctuation.self, units: [("設定を開きます。", "Open the settings.")], locale: "ja-JP").isEmpty)
        #expect(try RuleTesting.findings(EndPunctuation.self, units: [("次の手順：", "Do the following:")], locale: "ja-JP").isEmpty)
        #expect(try RuleTesting.findings(EndPunctuation.self, units: [("次の手順を実行します。", "Do the following:")], locale: "ja-JP").isEmpty)
        #expect(
            try RuleTesting.findings(EndPunctuation.self, units: [("كيف يتم حساب الضريبة؟", "How is tax calculated?")], locale: "ar-SA")
                .isEmpty)
        #expect(try RuleTesting.findings(EndPunctuation.self, units: [("เปิดการตั้งค่า", "Open the settings.")], locale: "th-TH").isEmpty)
        let ends = [
            ("Se [artiklen.](https://aka.ms/x)", "See [the article](https://aka.ms/x)."),
            ("(Se noten.)", "(See the note.)"),
            ("Vælg **Gem.**", "Select **Save**."),
        ]
        #expect(try RuleTesting.findings(EndPunctuation.self, units: ends).isEmpty)
        let question = "Hvordan beregnes skat."
        let findings = try RuleTesting.findings(EndPunctuation.self, units: [(question, "How is tax calculated?")])
        #expect(findings.count == 1)
        #expect(findings.first?.location.column == Self.column(of: ".", in: question))
    }

    @Test("TOLK505's quick test: a full-width mark of the same kind ends alike, another kind does not")
    func endPunctuationQuickTest() throws {
        func alike(_ target: String, _ source: String) throws -> Bool {
            EndPunctuation.endsAlike(try #require(RuleTesting.article(units: [(target, source)], locale: "zh-CN").units.last))
        }
        #expect(try alike("选择 **DirSync 状态**。", "Choose **DirSync Status**."))
        #expect(try alike("执行以下操作：", "Do the following:"))
        #expect(try alike("如何计算税款？", "How is tax calculated?"))
        #expect(try !alike("如何计算税款。", "How is tax calculated?"))
        #expect(try !alike("请稍候……", "Please wait..."))
        #expect(try !alike("选择", "Choose."))
        // The slow path still reports what the quick test lets through.
        let findings = try RuleTesting.findings(EndPunctuation.self, units: [("如何计算税款！", "How is tax calculated?")], locale: "zh-CN")
        #expect(findings.count == 1)
    }

    // MARK: - TOLK506 suspicious-character

    @Test("TOLK506 suspicious-character: a zero-width space and a replacement character")
    func suspiciousCharacterHit() throws {
        let target = "Vælg\u{200B} **Gem** og \u{FFFD}bn filen."
        let findings = try RuleTesting.findings(SuspiciousCharacter.self, units: [(target, "Select **Save** and open the file.")])
        #expect(findings.count == 2)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK506")
        #expect(f.location.column == Self.column(of: "\u{200B}", in: target))
        #expect(f.message.contains("U+200B ZERO WIDTH SPACE"))
        #expect(findings.last?.message.contains("U+FFFD") == true)
        #expect(findings.first?.fingerprint != findings.last?.fingerprint)
    }

    @Test("TOLK506 near miss: U+FFFD only in the English, U+200E on both sides, RTL marks in Hebrew")
    func suspiciousCharacterNearMiss() throws {
        #expect(try RuleTesting.findings(SuspiciousCharacter.self, fixture: "checks/send-encrypted-email-using-outlook.md").isEmpty)
        #expect(try RuleTesting.findings(SuspiciousCharacter.self, fixture: "checks/issues-office-scripts.md").isEmpty)
        #expect(
            try RuleTesting.findings(
                SuspiciousCharacter.self, units: [("בחר Outlook\u{200F}, ולאחר מכן שמור.", "Select Outlook, then save.")], locale: "he-IL"
            ).isEmpty)
        let danish = try RuleTesting.findings(
            SuspiciousCharacter.self, units: [("Vælg Outlook\u{200F}, og gem.", "Select Outlook, then save.")])
        #expect(danish.count == 1)
    }

    // MARK: - All typography rules

    @Test("Near miss for every typography rule: a unit whose only difference is a translated word")
    func translatedWordOnly() throws {
        let source = "Select **Save**, then close the **Settings** pane: see https://aka.ms/settings."
        let target = "Vælg **Save**, then close the **Settings** pane: see https://aka.ms/settings."
        for locale in ["da-DK", "de-DE", "ja-JP", "ar-SA", "he-IL", "th-TH"] {
            for rule in TypographyRules.all {
                #expect(try RuleTesting.findings(rule, units: [(target, source)], locale: locale).isEmpty, "\(rule.id) \(locale)")
            }
        }
    }
}
