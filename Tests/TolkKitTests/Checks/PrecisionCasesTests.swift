import Testing
import TolkKit

/// False findings a reading of random findings per rule and locale turned up (issue 11, item 5),
/// each next to the true finding the rule must keep.
@Suite("Rules: precision in every language")
struct PrecisionCasesTests {
    // MARK: - TOLK202/203: originals that are not English

    static let spanish: [(String, String)] = [
        ("Han pirateado mi cuenta de Outlook.com", "Han pirateado mi cuenta de Outlook.com"),
        (
            "Si su cuenta se ha pirateado, alguien robó la contraseña y está usando la cuenta para obtener acceso a su información.",
            "Si su cuenta se ha pirateado, alguien robó la contraseña y está usando la cuenta para obtener acceso a su información."
        ),
        (
            "Hvis du ikke kan logge på, puede iniciar sesión en su cuenta de correo electrónico.",
            "Si no puede iniciar sesión en su cuenta de correo electrónico de Outlook.com, lea esto."
        ),
    ]

    @Test("TOLK202: Spanish originals are reported once, at the article's first unit, not unit by unit")
    func spanishOriginalsOnce() throws {
        let findings = try RuleTesting.findings(Untranslated.self, units: Self.spanish)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("not English: they read as Spanish") == true)
        #expect(findings.first?.unitID == "abcde-102")
        #expect(try RuleTesting.findings(SourceLeak.self, units: Self.spanish).isEmpty)
    }

    @Test("TOLK203: reports the Spanish originals itself when no unit is left unchanged")
    func spanishOriginalsBySourceLeak() throws {
        let findings = try RuleTesting.findings(SourceLeak.self, units: Array(Self.spanish.dropFirst(2)) + [Self.spanish[2]])
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("Spanish") == true)
    }

    @Test("TOLK202/203 near miss: English originals quoting Spanish stay English")
    func englishOriginalsStayEnglish() throws {
        let units = [
            ("Here are some things you can try to fix the problem.", "Here are some things you can try to fix the problem."),
            (
                "Skriv \"Para cerrar su cuenta de correo\" i feltet.",
                "Type \"Para cerrar su cuenta de correo\" in the box, and then select the account."
            ),
        ]
        let findings = try RuleTesting.findings(Untranslated.self, units: units)
        #expect(findings.count == 1)
        #expect(findings.first?.unitID == "abcde-103")
    }

    // MARK: - TOLK202: short units

    @Test("TOLK202: short English units in a translation written in another script")
    func shortUnitsOtherScript() throws {
        let units = [
            ("site collection", "site collection"), ("b.", "b."), ("Search-Mailbox cmdlet", "Search-Mailbox cmdlet"), ("Mover", "Mover"),
        ]
        let findings = try RuleTesting.findings(Untranslated.self, units: units, locale: "zh-CN")
        #expect(findings.map(\.unitID) == ["abcde-103"])
    }

    @Test("TOLK202 near miss: short units that read the same in Danish")
    func shortUnitsDanish() throws {
        let units = [("Global administrator", "Global administrator"), ("**Symptom**", "**Symptom**"), ("Internet", "Internet")]
        #expect(try RuleTesting.findings(Untranslated.self, units: units).isEmpty)
    }

    // MARK: - TOLK203: an English title with its translation in parentheses

    @Test("TOLK203 near miss: an English link title followed by its Japanese translation")
    func glossedTitle() throws {
        let units = [
            (
                "詳細については、[Set up your new email account in the app (アプリで新しいメール アカウントを設定する)](https://example.com) を参照してください。",
                "For more information, see [Set up your new email account in the app](https://example.com)."
            )
        ]
        #expect(try RuleTesting.findings(SourceLeak.self, units: units, locale: "ja-JP").isEmpty)
        let leaked = [
            ("詳細については、set up your new email account in the app を参照してください。", "For details, set up your new email account in the app.")
        ]
        #expect(try RuleTesting.findings(SourceLeak.self, units: leaked, locale: "ja-JP").count == 1)
    }

    // MARK: - TOLK504: grammatical repeats

    @Test("TOLK504 near miss: grammatical repeats in German, Swedish, Danish, French, Dutch and Vietnamese")
    func grammaticalRepeats() throws {
        let english = "Select the option that you want."
        #expect(
            try RuleTesting.findings(
                DoubledWord.self, units: [("Wählen Sie die Option, die Sie sie verwenden möchten.", english)], locale: "de-DE"
            ).isEmpty)
        #expect(
            try RuleTesting.findings(
                DoubledWord.self, units: [("Uppdateringen kan skjutas upp upp till 30 dagar.", english)], locale: "sv-SE"
            ).isEmpty)
        #expect(try RuleTesting.findings(DoubledWord.self, units: [("Markér **Forbliv logget** på på logonsiden.", english)]).isEmpty)
        #expect(
            try RuleTesting.findings(
                DoubledWord.self, units: [("Lorsque vous vous connectez, sélectionnez l'option.", english)], locale: "fr-FR"
            ).isEmpty)
        #expect(
            try RuleTesting.findings(DoubledWord.self, units: [("Selecteer de optie die die u wilt gebruiken.", english)], locale: "nl-NL")
                .isEmpty)
        #expect(try RuleTesting.findings(DoubledWord.self, units: [("Thiết bị bị xóa khỏi danh mục.", english)], locale: "vi-VN").isEmpty)
        #expect(
            try RuleTesting.findings(DoubledWord.self, units: [("Vælg skabelonen på rullelisten Søg i i dialogboksen.", english)]).isEmpty)
    }

    @Test("TOLK504: a slip is still reported in Swedish and German")
    func slipsStillReported() throws {
        let english = "Select the option that you want."
        #expect(
            try RuleTesting.findings(DoubledWord.self, units: [("Välj det alternativ alternativ du vill ha.", english)], locale: "sv-SE")
                .count == 1)
        #expect(
            try RuleTesting.findings(DoubledWord.self, units: [("Wählen Sie die Option Option aus.", english)], locale: "de-DE").count == 1)
    }

    // MARK: - TOLK505

    @Test("TOLK505 near miss: Japanese headings, German quotes, Khmer full stop, etc., lead-in colons")
    func endPunctuationNearMisses() throws {
        let heading = try Fixtures.article(
            text: "---\nms.contentlocale: ja-JP\n---\n# <a name=\"t\"></a>"
                + Fixtures.unit("abcde-102", "パスワードをリセットする方法", "How do I reset my password?")
                + "\n")
        #expect(try RuleTesting.findings(EndPunctuation.self, heading).isEmpty)
        #expect(
            try RuleTesting.findings(EndPunctuation.self, units: [("Wählen Sie „Speichern.“", "Select \"Save.\"")], locale: "de-DE").isEmpty
        )
        #expect(try RuleTesting.findings(EndPunctuation.self, units: [("ចុច រក្សាទុក។", "Select Save.")], locale: "km-KH").isEmpty)
        #expect(
            try RuleTesting.findings(
                EndPunctuation.self,
                units: [("Filgrænser (ugyldige tegn, filstørrelse osv)", "File limits (invalid characters, file size, etc.)")]
            ).isEmpty)
        #expect(
            try RuleTesting.findings(
                EndPunctuation.self, units: [("Gör så här om du vill ändra namnet:", "To change the name, use the following steps.")],
                locale: "sv-SE"
            ).isEmpty)
    }

    @Test("TOLK505 near miss: the English ends with the period of an abbreviation")
    func abbreviationPeriod() throws {
        let units = [("Filbegränsningar (ogiltiga tecken etc.)", "File limits (invalid characters, etc..)")]
        #expect(try RuleTesting.findings(EndPunctuation.self, units: units, locale: "sv-SE").isEmpty)
    }

    @Test("TOLK505: a lost question mark in a Swedish paragraph and a lost colon are still reported")
    func endPunctuationHits() throws {
        #expect(
            try RuleTesting.findings(EndPunctuation.self, units: [("Vill du fortsätta.", "Do you want to continue?")], locale: "sv-SE")
                .count == 1)
        #expect(try RuleTesting.findings(EndPunctuation.self, units: [("Begränsningar", "Limitations:")], locale: "sv-SE").count == 1)
    }

    // MARK: - TOLK506

    @Test("TOLK506: U+200B separates Khmer and Thai words, but not Chinese ones")
    func zeroWidthSpace() throws {
        #expect(try RuleTesting.findings(SuspiciousCharacter.self, units: [("ចុច\u{200B}រក្សាទុក។", "Select Save.")], locale: "km-KH").isEmpty)
        #expect(try RuleTesting.findings(SuspiciousCharacter.self, units: [("คลิก\u{200B}บันทึก", "Click Save")], locale: "th-TH").isEmpty)
        #expect(try RuleTesting.findings(SuspiciousCharacter.self, units: [("选择\u{200B}保存。", "Select Save.")], locale: "zh-CN").count == 1)
    }

    // MARK: - TOLK305/306/301: CJK house styles

    @Test("TOLK305 near miss: CJK paths with quoted labels, 、 joins and の順に")
    func cjkPaths() throws {
        let english = "Go to **Billing** \\> **Your products** \\> **Licenses**."
        let quoted = [("转到“**账单**”\\>“**你的产品**”\\>“**许可证**”页面。", english)]
        #expect(try RuleTesting.findings(UIPathBroken.self, units: quoted, locale: "zh-CN").isEmpty)
        let spacedQuotes = [("访问 \" **账单**\" \\> \"**你的产品** \" \\> **许可证**。", english)]
        #expect(try RuleTesting.findings(UIPathBroken.self, units: spacedQuotes, locale: "zh-CN").isEmpty)
        let joined = [("**[課金情報]**、**[お使いの製品]**、**[ライセンス]** の順に移動します。", english)]
        #expect(try RuleTesting.findings(UIPathBroken.self, units: joined, locale: "ja-JP").isEmpty)
        let spaced = [("**[課金情報]** **[お使いの製品]** **[ライセンス]** の順に移動します。", english)]
        #expect(try RuleTesting.findings(UIPathBroken.self, units: spaced, locale: "ja-JP").isEmpty)
        #expect(try RuleTesting.findings(UILabelSplit.self, units: spaced, locale: "ja-JP").isEmpty)
        let broken = [("**[課金情報]** に移動して \\> を選択します。", english)]
        #expect(try RuleTesting.findings(UIPathBroken.self, units: broken, locale: "ja-JP").count == 1)
    }

    @Test("TOLK306: a comma moved inside the bold of a list is no split; a real split still is")
    func commaInsideBold() throws {
        let list = [("Vælg **Start,** **Fakturering** og **Licenser**.", "Select **Home**, **Billing** and **Licenses**.")]
        #expect(try RuleTesting.findings(UILabelSplit.self, units: list).isEmpty)
        let split = [("Vælg **Aktive** **brugere**.", "Select **Active users**.")]
        #expect(try RuleTesting.findings(UILabelSplit.self, units: split).count == 1)
    }

    @Test("TOLK301 near miss: Chinese quotes a label the English bolds; stray escaped markers still count")
    func quotedLabels() throws {
        #expect(try RuleTesting.findings(EmphasisMismatch.self, units: [("选择“保存”。", "Select **Save**.")], locale: "zh-CN").isEmpty)
        #expect(
            try RuleTesting.findings(EmphasisMismatch.self, units: [("选择“保存”\\*\\*\\*\\*。", "Select **Save**.")], locale: "zh-CN").count
                == 1)
        #expect(try RuleTesting.findings(EmphasisMismatch.self, units: [("Vælg Gem.", "Select **Save**.")]).count == 1)
    }
}
