import Foundation
import Testing
import TolkKit

@Suite("Rules: missing translations")
struct MissingRulesTests {
    @Test("A message's excerpt: lines joined by a space, trimmed, cut at 57 characters past 60")
    func excerpt() {
        // What the excerpt is defined to be, on every combination of the pieces below.
        func expected(_ text: String) -> String {
            let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
            return flat.count <= 60 ? flat : String(flat.prefix(57)) + "…"
        }
        let pieces = ["", " ", "  ", "\n", "\r\n", "\n\n", "\t", "ø", "👍🏽", "e\u{301}", String(repeating: "a", count: 28), "\u{00A0}"]
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = a + String(repeating: "x", count: 20) + b + String(repeating: "y", count: 20) + c + "z" + a + b
                    #expect(text.excerpt == expected(text), "\(text.debugDescription)")
                    #expect((a + b + c).excerpt == expected(a + b + c))
                }
            }
        }
        #expect("Vælg **Gem**.".excerpt == "Vælg **Gem**.")
        #expect(String(repeating: "å", count: 61).excerpt == String(repeating: "å", count: 57) + "…")
        #expect(String(repeating: "å", count: 60).excerpt == String(repeating: "å", count: 60))
    }

    @Test("TOLK201 empty-target: the empty link text in the Edge deployment article (case 6)")
    func emptyTargetHit() throws {
        let findings = try RuleTesting.findings(
            EmptyTarget.self, fixture: "cases/06-deploy-microsoft-edge-for-mobile-for-ios-ipados-or-android.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.unitID == "d090a-113")
        #expect(f.ruleID == "TOLK201")
        #expect(f.severity == .error)
        #expect(f.location.line == 38)
    }

    @Test("TOLK201 near miss: a short but present translation")
    func emptyTargetNearMiss() throws {
        #expect(try RuleTesting.findings(EmptyTarget.self, units: [("Ja", "Yes"), ("1", "1")]).isEmpty)
    }

    // MARK: TOLK202 untranslated

    @Test("TOLK202 untranslated: \"Do site discovery.\" left in English")
    func untranslatedHit() throws {
        let findings = try RuleTesting.findings(Untranslated.self, fixture: "checks/plan-your-deployment-of-microsoft-edge.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK202")
        #expect(f.severity == .warning)
        #expect(f.unitID == "0199f-108")
        #expect(f.location.line == 30)
        #expect(f.location.column == 34)
        #expect(f.message.contains("\"Do site discovery.\""))
    }

    @Test("TOLK202 near miss: a cmdlet with a pseudo-tag, the same in both languages")
    func untranslatedCmdletNearMiss() throws {
        #expect(try RuleTesting.findings(Untranslated.self, fixture: "checks/cannot-access-public-folders.md").isEmpty)
    }

    @Test("TOLK202 near miss: the 22 dates that are the same in both languages in the includes file (case 7)")
    func untranslatedDatesNearMiss() throws {
        #expect(try RuleTesting.findings(Untranslated.self, fixture: "cases/07-alchemyinsights-content-updates.md").isEmpty)
    }

    @Test("TOLK202 near miss: dates, product names, code, URLs and short terms equal in both languages")
    func untranslatedNamesNearMiss() throws {
        let units = [
            ("23. juni 2021", "23. juni 2021"), ("June 23, 2021", "June 23, 2021"),
            ("Microsoft 365 Business Premium", "Microsoft 365 Business Premium"),
            ("**Azure Active Directory**", "**Azure Active Directory**"),
            ("`Get-Mailbox -Identity \"Jane Dow\"`", "`Get-Mailbox -Identity \"Jane Dow\"`"),
            ("https://admin.microsoft.com", "https://admin.microsoft.com"), ("Global administrator", "Global administrator"),
            ("Set-Mailbox -Identity \"Jane Dow\" -AuditEnabled $true", "Set-Mailbox -Identity \"Jane Dow\" -AuditEnabled $true"),
            ("Service diagnostics tool for Windows Virtual Desktop", "Service diagnostics tool for Windows Virtual Desktop"),
        ]
        #expect(try RuleTesting.findings(Untranslated.self, units: units).isEmpty)
    }

    @Test("TOLK202: a doNotTranslate term keeps an otherwise reported unit quiet")
    func untranslatedDoNotTranslate() throws {
        let units = [("keep the sync agent running on hybrid servers", "keep the sync agent running on hybrid servers")]
        let unconfigured = try RuleTesting.findings(Untranslated.self, units: units)
        #expect(unconfigured.count == 1)
        #expect(unconfigured.first?.location.line == 7)
        #expect(unconfigured.first?.location.column == 31)
        var configuration = CheckConfiguration()
        configuration.doNotTranslate = ["keep the sync agent running on hybrid servers"]
        #expect(try RuleTesting.findings(Untranslated.self, units: units, configuration: configuration).isEmpty)
    }

    // MARK: TOLK203 source-leak

    @Test("TOLK203 source-leak: \"agree to the license terms …\" left in English inside a Danish sentence")
    func sourceLeakHit() throws {
        let findings = try RuleTesting.findings(SourceLeak.self, fixture: "checks/install-power-bi-report-server.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK203")
        #expect(f.severity == .warning)
        #expect(f.location.line == 30)
        #expect(f.location.column == 954)
        #expect(f.message.contains("\"agree to the license terms and conditions, and then selec"))
        #expect(f.message.contains("11 words"))
    }

    @Test("TOLK203 near miss: a capitalised product name (\"Security and Compliance Center Powershell\") kept in English")
    func sourceLeakNameNearMiss() throws {
        #expect(try RuleTesting.findings(SourceLeak.self, fixture: "checks/content-search-no-results.md").isEmpty)
    }

    @Test("TOLK203 near miss: quoted error messages, code, URLs and numbers")
    func sourceLeakSyntheticNearMiss() throws {
        let units = [
            (
                "Du får fejlen \"Access denied, your organization does not allow external forwarding\".",
                "You get the error \"Access denied, your organization does not allow external forwarding\"."
            ),
            (
                "Kør `Get-Mailbox -ResultSize unlimited -Filter on all of the mailboxes` igen.",
                "Run `Get-Mailbox -ResultSize unlimited -Filter on all of the mailboxes` again."
            ),
            ("Vælg **Brugere** \\> **Aktive brugere**, og vælg brugeren.", "Select **Users** \\> **Active users**, and select the user."),
        ]
        #expect(try RuleTesting.findings(SourceLeak.self, units: units).isEmpty)
    }

    @Test("TOLK203: the key is the leaked words, so two leaks in one unit have distinct fingerprints")
    func sourceLeakTwoRuns() throws {
        let findings = try RuleTesting.findings(
            SourceLeak.self,
            units: [
                (
                    "Klik her: select the user you want to edit. Derefter: save the changes to the user account.",
                    "Click here: select the user you want to edit. Then: save the changes to the user account."
                )
            ])
        #expect(findings.count == 2)
        #expect(Set(findings.map(\.fingerprint)).count == 2)
        #expect(
            findings.map(\.location.column) == [
                31 + "Klik her: ".utf8.count, 31 + "Klik her: select the user you want to edit. Derefter: ".count,
            ])
    }

    // MARK: TOLK204 glossary-term

    private func glossary(_ entries: [String: [String]]) -> CheckConfiguration {
        var configuration = CheckConfiguration()
        configuration.glossary = entries
        return configuration
    }

    @Test("TOLK204 glossary-term: \"Active Users\" translated without the agreed \"aktive brugere\"")
    func glossaryTermHit() throws {
        let findings = try RuleTesting.findings(
            GlossaryTerm.self, fixture: "checks/change-a-user-s-name-and-email-address.md",
            configuration: glossary(["Active users": ["aktive brugere"]]))
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK204")
        #expect(f.unitID == "9be6f-104")
        #expect(f.location.line == 25)
        #expect(f.location.column == 272)
        #expect(f.message.contains("\"Active users\"") && f.message.contains("\"aktive brugere\""))
    }

    @Test("TOLK204: a term left in English is pointed at exactly (\"Exchange Admin Center\")")
    func glossaryTermLeftInEnglish() throws {
        let findings = try RuleTesting.findings(
            GlossaryTerm.self, fixture: "checks/block-access-to-email.md", configuration: glossary(["admin center": ["Administration"]]))
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.location.line == 27)
        #expect(f.location.column == 51)
        #expect(f.message.contains("left in English"))
    }

    @Test("TOLK204 near miss: the agreed form split by bold markers (\"**til Aktive** brugere\") still counts")
    func glossaryTermNearMiss() throws {
        let configuration = glossary(["Active users": ["aktive brugere"]])
        #expect(
            try RuleTesting.findings(
                GlossaryTerm.self, fixture: "checks/solving-smtp-authentication-issues.md", configuration: configuration
            ).isEmpty)
        #expect(try RuleTesting.findings(GlossaryTerm.self, fixture: "checks/change-a-user-s-name-and-email-address.md").isEmpty)
        let units = [("Gå til Aktive brugere.", "Go to Active users."), ("Vælg brugerne.", "Select the inactive users.")]
        #expect(try RuleTesting.findings(GlossaryTerm.self, units: units, configuration: configuration).isEmpty)
    }
}
