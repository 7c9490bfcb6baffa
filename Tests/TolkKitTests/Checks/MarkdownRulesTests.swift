import Testing
import TolkKit

@Suite("Rules: Markdown damage")
struct MarkdownRulesTests {
    /// Synthetic units start at line 7, column 31 (after `<span data-ttu-id="abcde-103">`).
    private let firstUnitColumn = 31

    @Test("No rule of the Missing or Markdown group reports a unit whose only difference is a translated word")
    func translatedWordNearMiss() throws {
        let units = [
            (
                "Choose **Users** \\> **Active users**, then run `Get-Mailbox` on [the admin page](https://admin.microsoft.com/en-us/users).",
                "Select **Users** \\> **Active users**, then run `Get-Mailbox` on [the admin page](https://admin.microsoft.com/en-us/users)."
            ),
            ("Vælg **Brugere** \\> **Aktive brugere**.", "Select **Users** \\> **Active users**."),
        ]
        for rule in MissingRules.all + MarkdownRules.all {
            #expect(try RuleTesting.findings(rule, units: units).isEmpty, "\(rule.id)")
        }
    }

    // MARK: TOLK301 emphasis-mismatch

    @Test("TOLK301 emphasis-mismatch: MT dropped the bold of **Save**")
    func emphasisCountHit() throws {
        let findings = try RuleTesting.findings(EmphasisMismatch.self, fixture: "checks/associate-hub-sites-as-site-owner.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK301")
        #expect(f.severity == .warning)
        #expect(f.location.line == 35)
        #expect(f.location.column == 34)
        #expect(f.message.contains("0 `**` bold markers where the English has 2"))
    }

    @Test("TOLK301: `:**https` — a closing `**` between punctuation and a letter no longer pairs up")
    func emphasisUnpairedHit() throws {
        let findings = try RuleTesting.findings(EmphasisMismatch.self, fixture: "checks/error-this-site-cant-be-reached.md")
        #expect(findings.map(\.location.line) == [31, 35])
        #expect(findings.allSatisfy { $0.location.column == 31 })
        #expect(findings.last?.message.contains("\"**Eksempel på direkte URL-adresse:**\"") == true)
    }

    @Test("TOLK301: a backtick lost from inline code")
    func emphasisBacktickHit() throws {
        let findings = try RuleTesting.findings(EmphasisMismatch.self, units: [("Kør Get-Mailbox` igen.", "Run `Get-Mailbox` again.")])
        #expect(findings.count == 1)
        #expect(findings.first?.location.column == firstUnitColumn + "Kør Get-Mailbox".count)
        #expect(findings.first?.message.contains("1 backticks where the English has 2") == true)
    }

    @Test("TOLK301 near miss: escaped \\*, `*` in code and URLs, bullets, `*` between spaces, intraword `_`")
    func emphasisNearMiss() throws {
        let units = [
            (
                "* Skriv `*.pst` i feltet \\*Navn\\* og vælg REG_DWORD, 5 * 3.",
                "* Type `*.pst` in the field \\*Name\\* and choose REG_DWORD, 5 * 3."
            ),
            ("Se https://contoso.com/a_b_c/*x* og **Gem**.", "See https://contoso.com/a_b_c/*x* and **Save**."),
            ("***Bemærk:*** vælg *Gem*.", "***Note:*** choose *Save*."),
        ]
        #expect(try RuleTesting.findings(EmphasisMismatch.self, units: units).isEmpty)
        // The code span `name` that MT moved out of its pseudo-tag (`<`name`>`) keeps its backticks.
        #expect(
            try RuleTesting.findings(EmphasisMismatch.self, fixture: "checks/how-users-can-search-their-online-archive-for-messages.md")
                .isEmpty)
        // Markers moved but not lost (the seed's `**Aktive** **brugere**` unit): counts equal, all paired.
        #expect(try RuleTesting.findings(EmphasisMismatch.self, fixture: "articles/password-sync.md").isEmpty)
    }

    // MARK: TOLK302 link-mismatch

    @Test("TOLK302 near miss: `[her]( https://…141) .` is still a link to CommonMark (case 23)")
    func linkMismatchSpacesNearMiss() throws {
        // A space after `(` is allowed in a link destination: the Danish page links where the English does.
        let findings = try RuleTesting.findings(LinkMismatch.self, fixture: "cases/23-monitoring-conditional-access.md")
        #expect(findings.isEmpty)
    }

    @Test("TOLK302 near miss: a link the English itself never closes")
    func linkMismatchBrokenEnglishNearMiss() throws {
        // `[Import information into Outlook](https://…` has no `)`: no link in either language.
        let findings = try RuleTesting.findings(
            LinkMismatch.self, fixture: "checks/import-a-pst-file-from-outlook-for-mac-from-outlook-for-windows.md")
        #expect(findings.isEmpty)
    }

    @Test("TOLK302: `[text] (url)` is no longer a link")
    func linkMismatchBrokenHit() throws {
        let findings = try RuleTesting.findings(
            LinkMismatch.self,
            units: [("Se [artiklen] (https://contoso.com/a) for mere.", "See [the article](https://contoso.com/a) for more.")])
        #expect(findings.count == 1)
        #expect(findings.first?.location.column == firstUnitColumn + "Se ".count)
        #expect(findings.first?.message.contains("no longer a link") == true)
        #expect(findings.first?.message.contains("\"[artiklen] (https://contoso.com/a) for mere.\"") == true)
        #expect(findings.first?.message.contains("`[text](https://contoso.com/a)`") == true)
    }

    @Test("TOLK302: a changed destination and a lost link")
    func linkMismatchSyntheticHit() throws {
        let findings = try RuleTesting.findings(
            LinkMismatch.self,
            units: [
                ("Se [artiklen](https://contoso.com/b).", "See [the article](https://contoso.com/a)."),
                ("Se artiklen.", "See [the article](https://contoso.com/a)."),
            ])
        #expect(findings.count == 2)
        #expect(findings[0].location.column == firstUnitColumn + "Se ".count)
        #expect(findings[0].message.contains("`https://contoso.com/b`") && findings[0].message.contains("`https://contoso.com/a`"))
        #expect(findings[1].location.line == 9)
        #expect(findings[1].message.contains("lacks the link"))
    }

    @Test("TOLK302 near miss: a localized `/en-us/` segment, a translated title, an autolink")
    func linkMismatchNearMiss() throws {
        let units = [
            (
                "Se [artiklen](https://support.microsoft.com/da-dk/office/x \"Dansk titel\").",
                "See [the article](https://support.microsoft.com/en-us/office/x \"English title\")."
            ),
            ("Gå til <https://teams.microsoft.com/>.", "Go to <https://teams.microsoft.com/>."),
        ]
        #expect(try RuleTesting.findings(LinkMismatch.self, units: units).isEmpty)
    }

    @Test("TOLK302 near miss: the English breaks its own link and the translation writes it properly")
    func linkMismatchEnglishBrokeNearMiss() throws {
        let units = [
            // The English `[text] (url)` is text and a bare URL; the translation's link is no fault of its own.
            ("Se [artiklen](https://contoso.com/a) for mere.", "See [the article] (https://contoso.com/a) for more."),
            // The English never closes `(`.
            ("Se [artiklen](https://contoso.com/b).", "See [the article](https://contoso.com/b"),
            // A relative destination the English broke with a space before `(`.
            ("Se [artiklen](/office/c).", "See [the article] (/office/c)."),
        ]
        #expect(try RuleTesting.findings(LinkMismatch.self, units: units).isEmpty)
    }

    @Test("TOLK302: a destination holding a space equals its `%20` spelling, and is quoted whole")
    func linkMismatchSpaceInDestination() throws {
        let kept = [("Se [artiklen](https://contoso.com/a%20b).", "See [the article](<https://contoso.com/a b>).")]
        #expect(try RuleTesting.findings(LinkMismatch.self, units: kept).isEmpty)
        // The translation dropped the angle brackets, so its `(https://contoso.com/a b)` is no link.
        let broken = "Se [artiklen](https://contoso.com/a b)."
        let findings = try RuleTesting.findings(LinkMismatch.self, units: [(broken, "See [the article](<https://contoso.com/a b>).")])
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("<https://contoso.com/a b>") == true)
    }

    // MARK: TOLK303 empty-link-text

    @Test("TOLK303 empty-link-text: `**[](…842054)**` in the Power BI licence article (case 19)")
    func emptyLinkTextHit() throws {
        let findings = try RuleTesting.findings(EmptyLinkText.self, fixture: "cases/19-power-bi-license-management.md")
        #expect(findings.map(\.location.line) == [27, 28])
        #expect(findings.map(\.location.column) == [113, 229])
        #expect(findings.allSatisfy { $0.ruleID == "TOLK303" && $0.severity == .error })
        #expect(findings.last?.message.contains("\"[](https://go.microsoft.com/fwlink/p/?linkid=842054)\"") == true)
        #expect(findings.last?.message.contains("\"Your products\"") == true)
    }

    @Test("TOLK303 near miss: the empty target inside a wrapping link (case 6) is TOLK201's, images and empty English links are fine")
    func emptyLinkTextNearMiss() throws {
        #expect(
            try RuleTesting.findings(EmptyLinkText.self, fixture: "cases/06-deploy-microsoft-edge-for-mobile-for-ios-ipados-or-android.md")
                .isEmpty)
        let units = [("Se ![](media/a.png) her.", "See ![](media/a.png) here."), ("Anker [](#top).", "Anchor [](#top).")]
        #expect(try RuleTesting.findings(EmptyLinkText.self, units: units).isEmpty)
    }

    // MARK: TOLK304 inline-code-changed

    @Test("TOLK304 inline-code-changed: a translated cmdlet and a cmdlet that lost its backticks")
    func inlineCodeHit() throws {
        let findings = try RuleTesting.findings(
            InlineCodeChanged.self,
            units: [("Kør `Hent-Postkasse`.", "Run `Get-Mailbox`."), ("Kør Get-Mailbox igen.", "Run `Get-Mailbox` again.")])
        #expect(findings.count == 2)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK304")
        #expect(f.severity == .error)
        #expect(f.location.line == 7)
        #expect(f.location.column == firstUnitColumn + "Kør ".count)
        #expect(f.message.contains("\"`Hent-Postkasse`\"") && f.message.contains("\"`Get-Mailbox`\""))
        #expect(findings[1].location.line == 9)
        #expect(findings[1].location.column == firstUnitColumn + "Kør ".count)
        #expect(findings[1].message.contains("lost its backticks"))
    }

    @Test("TOLK304 near miss: a cmdlet kept in code, triple-backtick inline code (case 5), a moved code span")
    func inlineCodeNearMiss() throws {
        let units = [("Kør `Get-Mailbox -Identity \"Jane Dow\"` i PowerShell.", "Run `Get-Mailbox -Identity \"Jane Dow\"` in PowerShell.")]
        #expect(try RuleTesting.findings(InlineCodeChanged.self, units: units).isEmpty)
        #expect(try RuleTesting.findings(InlineCodeChanged.self, fixture: "cases/05-using-the-office-deployment-tool.md").isEmpty)
        #expect(
            try RuleTesting.findings(InlineCodeChanged.self, fixture: "checks/how-users-can-search-their-online-archive-for-messages.md")
                .isEmpty)
    }

    // MARK: TOLK305 ui-path-broken

    @Test("TOLK305 ui-path-broken: the seed's unit 4d25d-104 has two broken paths, pointed at exactly")
    func uiPathBrokenAcceptance() throws {
        let findings = try RuleTesting.findings(UIPathBroken.self, fixture: "articles/password-sync.md")
        #expect(findings.count == 2)
        let first = try #require(findings.first)
        let second = try #require(findings.last)
        #expect(findings.allSatisfy { $0.ruleID == "TOLK305" && $0.severity == .error && $0.unitID == "4d25d-104" })
        #expect(first.location.line == 28)
        #expect(first.location.column == 63)
        #expect(first.message.contains(#""**Aktive** **brugere** \> ,""#))
        #expect(first.message.contains(#""**Users** \> **Active users**""#))
        #expect(second.location.line == 28)
        #expect(second.location.column == 118)
        #expect(second.message.contains(#""**skal** \> du vælge""#))
        #expect(second.message.contains(#""**More** \> **Directory synchronization.**""#))
        #expect(first.fingerprint != second.fingerprint)
    }

    @Test("TOLK305 near miss: a path whose labels stay bold on both sides of `\\>`, and a `\\>` that is no path in the English")
    func uiPathBrokenNearMiss() throws {
        #expect(try RuleTesting.findings(UIPathBroken.self, fixture: "checks/outlook-for-mac-in-app-support.md").isEmpty)
        let units = [
            ("Gå til Indstillinger \\> Mail.", "Go to Settings \\> Mail."),
            ("Gå til **Fakturering** \\> [Dine produkter](https://x.com).", "Go to **Billing** \\> [Your products](https://x.com)."),
        ]
        #expect(try RuleTesting.findings(UIPathBroken.self, units: units).isEmpty)
    }

    @Test("TOLK305: a lost `\\>` separator")
    func uiPathCountHit() throws {
        let findings = try RuleTesting.findings(
            UIPathBroken.self, units: [("Vælg **Brugere** **Aktive brugere**.", "Select **Users** \\> **Active users**.")])
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("0 `\\>` UI-path separators where the English has 1") == true)
    }

    // MARK: TOLK306 ui-label-split

    @Test("TOLK306 ui-label-split: `**Billede eller** **Slideshow**` for `**Picture** or **Slideshow**`")
    func uiLabelSplitHit() throws {
        let findings = try RuleTesting.findings(UILabelSplit.self, fixture: "checks/personalize-lock-screen.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK306")
        #expect(f.severity == .warning)
        #expect(f.location.line == 29)
        #expect(f.location.column == 45)
        #expect(f.message.contains("\"**Billede eller** **Slideshow**\""))
        let seed = try RuleTesting.findings(UILabelSplit.self, fixture: "articles/password-sync.md")
        #expect(seed.count == 1)
        #expect(seed.first?.location.line == 28)
        #expect(seed.first?.location.column == 63)
        #expect(seed.first?.message.contains("\"**Aktive** **brugere**\"") == true)
    }

    @Test("TOLK306: the English labels `**Start** **Settings**` merged into one bold run")
    func uiLabelMergedHit() throws {
        let findings = try RuleTesting.findings(UILabelSplit.self, fixture: "checks/activate-a-new-device.md")
        #expect(findings.count == 1)
        #expect(findings.first?.location.line == 26)
        #expect(findings.first?.location.column == 74)
        #expect(findings.first?.message.contains("\"**Start** **Settings**\"") == true)
    }

    @Test("TOLK306 near miss: adjacent bold runs on both sides, and bold labels apart")
    func uiLabelSplitNearMiss() throws {
        #expect(try RuleTesting.findings(UILabelSplit.self, fixture: "checks/understand-billing-amount.md").isEmpty)
        let units = [("Vælg **Aktive brugere**, og **Gem**.", "Select **Active users**, and **Save**.")]
        #expect(try RuleTesting.findings(UILabelSplit.self, units: units).isEmpty)
    }
}
