import Testing
import TolkKit

@Suite("Rules: structure")
struct StructureRulesTests {
    /// An article written in the test: front matter, then `body` as is.
    private func findings(_ rule: any Rule.Type, body: String) throws -> [Finding] {
        let text = "---\nms.contentlocale: da-DK\nms.translationtype: MT\n---\n" + body
        return RuleTesting.findings(rule, try Fixtures.article(text: text, path: "test.md"))
    }

    // MARK: TOLK101 unpaired-span

    @Test("TOLK101: the stray </span> in TU 1a4d6-112 of outlook-com-setting-changes.md (docs/format.md hard case 1)")
    func unpairedSpanStrayClose() throws {
        let findings = try RuleTesting.findings(UnpairedSpan.self, fixture: "checks/outlook-com-setting-changes.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK101")
        #expect(f.severity == .error)
        #expect(f.unitID == "1a4d6-112")
        #expect(f.location.line == 36)
        #expect(f.location.column == 117)
        #expect(f.message.contains("instruktionerne </span> i denne"))
        #expect(f.message.contains("the English has the same stray tag"))
    }

    @Test("TOLK101 near miss: the balanced inner <span>https:</span> of workflow-email-not-being-sent.md (case 2)")
    func unpairedSpanBalancedInnerSpan() throws {
        #expect(try RuleTesting.findings(UnpairedSpan.self, fixture: "checks/workflow-email-not-being-sent.md").isEmpty)
    }

    @Test("TOLK101: a unit opening with no lookup span, and a lookup span outside any unit")
    func unpairedSpanDelimiters() throws {
        let body = """
            # <a name="t"></a>\(Fixtures.unit("abcde-102", "Titel", "Title"))

            Tekst</span><span class="sxs-lookup"><span data-stu-id="abcde-104">Lost English.</span></span>

            <span data-ttu-id="abcde-103">Ingen opslag her.</span>

            """
        let findings = try self.findings(UnpairedSpan.self, body: body).sorted(by: Finding.ordered)
        #expect(findings.map(\.location.line) == [7, 9])
        #expect(findings.map(\.location.column) == [13, 1])
        #expect(findings[0].message.contains("outside any unit"))
        #expect(findings[1].message.contains("abcde-103"))
        #expect(Set(findings.map(\.fingerprint)).count == 2)
    }

    @Test("TOLK101: a stray </span> only in the translation, and a <span> never closed")
    func unpairedSpanSynthetic() throws {
        let findings = try RuleTesting.findings(
            UnpairedSpan.self, units: [("Klik på </span> Gem.", "Click Save."), ("Se <span class=\"x\">her.", "See here.")])
        #expect(findings.count == 2)
        #expect(findings[0].unitID == "abcde-103")
        #expect(findings[0].message.contains("the English has no such tag"))
        #expect(findings[0].location.column == 39)
        #expect(findings[1].message.contains("never closed"))
    }

    @Test("TOLK101 near miss: pseudo-tags, code and an escaped tag that mention span")
    func unpairedSpanNearMiss() throws {
        let units = [
            ("Skriv `</span>` i koden.", "Type `</span>` in the code."),
            // `<span-name>` is no element HTML knows: literal text. (`<span name>` would be a real span.)
            ("Erstat \\</span> med <span-name>.", "Replace \\</span> with <span-name>."),
        ]
        #expect(try RuleTesting.findings(UnpairedSpan.self, units: units).isEmpty)
    }

    // MARK: TOLK102 duplicate-unit-id

    @Test("TOLK102: the second unit with the same ID is reported")
    func duplicateUnitID() throws {
        let body = """
            # <a name="t"></a>\(Fixtures.unit("abcde-102", "Titel", "Title"))

            \(Fixtures.unit("abcde-103", "Første.", "First."))

            \(Fixtures.unit("abcde-103", "Anden.", "Second."))

            """
        let findings = try self.findings(DuplicateUnitID.self, body: body)
        let f = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(f.location.line == 9)
        #expect(f.location.column == 1)
        #expect(f.message.contains("first at line 7"))
    }

    @Test("TOLK102 near miss: prefix collisions across files and a real article")
    func duplicateUnitIDNearMiss() throws {
        #expect(try RuleTesting.findings(DuplicateUnitID.self, fixture: "checks/set-up-insider-risk-management.md").isEmpty)
        let body =
            "# <a name=\"t\"></a>\(Fixtures.unit("abcde-102", "Titel", "Title")) \(Fixtures.unit("abcde-p102", "Afsnit.", "Paragraph."))\n"
        #expect(try findings(DuplicateUnitID.self, body: body).isEmpty)
    }

    // MARK: TOLK103 mixed-id-prefix

    @Test("TOLK103: one unit pasted from another build")
    func mixedIDPrefix() throws {
        let findings = try RuleTesting.findings(MixedIDPrefix.self, units: [("En.", "One."), ("To.", "Two.")])
        #expect(findings.isEmpty)
        let body = """
            # <a name="t"></a>\(Fixtures.unit("abcde-102", "Titel", "Title"))

            \(Fixtures.unit("abcde-103", "En.", "One.")) \(Fixtures.unit("12345-104", "To.", "Two."))

            """
        let hit = try self.findings(MixedIDPrefix.self, body: body)
        #expect(hit.count == 1)
        #expect(hit.first?.unitID == "12345-104")
        #expect(hit.first?.location.line == 7)
        #expect(hit.first?.message.contains("2 units of this article use abcde") == true)
    }

    // MARK: TOLK104 unit-id-order

    @Test("TOLK104: a unit number lower than the one before it")
    func unitIDOrder() throws {
        let body = """
            # <a name="t"></a>\(Fixtures.unit("abcde-102", "Titel", "Title"))

            \(Fixtures.unit("abcde-105", "En.", "One."))

            \(Fixtures.unit("abcde-104", "To.", "Two."))

            """
        let findings = try self.findings(UnitIDOrder.self, body: body)
        #expect(findings.count == 1)
        #expect(findings.first?.unitID == "abcde-104")
        #expect(findings.first?.location.line == 9)
    }

    @Test("TOLK104 near miss: gaps (set-up-insider-risk-management.md skips 107) and p IDs on their own counter")
    func unitIDOrderNearMiss() throws {
        #expect(try RuleTesting.findings(UnitIDOrder.self, fixture: "checks/set-up-insider-risk-management.md").isEmpty)
        let body = """
            # <a name="t"></a>\(Fixtures.unit("b748c-102", "Titel", "Title"))

            \(Fixtures.unit("b748c-p101", "To sætninger.", "Two sentences.")) \(Fixtures.unit("b748c-105", "En.", "One."))

            \(Fixtures.unit("b748c-p102", "Igen to.", "Two again.")) \(Fixtures.unit("b748c-108", "Tre.", "Three."))

            """
        #expect(try findings(UnitIDOrder.self, body: body).isEmpty)
    }

    // MARK: TOLK105 unbalanced-inline-html

    @Test("TOLK105: the translation lost a </b> the English has")
    func unbalancedInlineHTML() throws {
        let findings = try RuleTesting.findings(
            UnbalancedInlineHTML.self,
            units: [
                ("Klik på <b>Gem og luk.", "Click <b>Save</b> and close."),
                ("Se <a href=\"x\">her</a></i>.", "See <a href=\"x\">here</a>."),
            ])
        #expect(findings.count == 2)
        #expect(findings[0].unitID == "abcde-103")
        #expect(findings[0].message.contains("opens `<b>` and never closes it"))
        #expect(findings[0].location.column == 39)
        #expect(findings[1].message.contains("closes `<i>`"))
    }

    @Test("TOLK105 near miss: a stray </a> copied from the English (microsoft-account-user-permission-issues.md), pseudo-tags")
    func unbalancedInlineHTMLNearMiss() throws {
        #expect(try RuleTesting.findings(UnbalancedInlineHTML.self, fixture: "checks/microsoft-account-user-permission-issues.md").isEmpty)
        let units = [
            ("Hent-modtager <email address>", "Get-Recipient <email address>"),
            ("Skriv <b user name> og `<b>`.", "Type <b user name> and `<b>`."),
            ("Tryk på <kbd>Ctrl</kbd>+<kbd>C</kbd>.", "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>."),
        ]
        #expect(try RuleTesting.findings(UnbalancedInlineHTML.self, units: units).isEmpty)
    }

    // MARK: TOLK106 lookup-span-in-target

    @Test("TOLK106: a damaged delimiter makes the translation run through the English")
    func lookupSpanInTarget() throws {
        let body = """
            # <a name="t"></a>\(Fixtures.unit("abcde-102", "Titel", "Title"))

            <span data-ttu-id="abcde-103">Gem filen.</span> <span class="sxs-lookup"><span data-stu-id="abcde-103">Save the file.</span></span> \
            \(Fixtures.unit("abcde-104", "Luk.", "Close."))

            """
        let findings = try self.findings(LookupSpanInTarget.self, body: body)
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.unitID == "abcde-103")
        #expect(f.location.line == 7)
        #expect(f.location.column == 49)
        #expect(f.message.contains("sxs-lookup"))
        // The same damage is not reported again as an unpaired span.
        #expect(try self.findings(UnpairedSpan.self, body: body).isEmpty)
    }

    @Test("TOLK106 near miss: a translation that talks about lookup")
    func lookupSpanInTargetNearMiss() throws {
        #expect(
            try RuleTesting.findings(LookupSpanInTarget.self, units: [("Brug opslag (lookup) i Excel.", "Use lookup in Excel.")]).isEmpty)
        #expect(try RuleTesting.findings(LookupSpanInTarget.self, fixture: "checks/outlook-com-setting-changes.md").isEmpty)
    }

    // MARK: TOLK107 unit-id-mismatch

    @Test("TOLK107: data-stu-id differs from data-ttu-id")
    func unitIDMismatch() throws {
        let body = """
            # <a name="t"></a>\(Fixtures.unit("abcde-102", "Titel", "Title"))

            <span data-ttu-id="abcde-103">Gem.</span><span class="sxs-lookup"><span data-stu-id="abcde-108">Save.</span></span>

            """
        let findings = try self.findings(UnitIDMismatch.self, body: body)
        let f = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(f.unitID == "abcde-103")
        #expect(f.location.line == 7)
        #expect(f.location.column == 86)
        #expect(f.message.contains("data-stu-id=\"abcde-108\""))
    }

    @Test("TOLK107 near miss: a real article where every pair matches")
    func unitIDMismatchNearMiss() throws {
        #expect(try RuleTesting.findings(UnitIDMismatch.self, fixture: "checks/outlook-com-setting-changes.md").isEmpty)
    }

    @Test("The group lists its rules in ID order")
    func groupOrder() {
        let ids = StructureRules.all.map { $0.id }
        #expect(ids == ["TOLK101", "TOLK102", "TOLK103", "TOLK104", "TOLK105", "TOLK106", "TOLK107"])
        #expect(Set(StructureRules.all.map { $0.name }).count == ids.count)
    }
}
