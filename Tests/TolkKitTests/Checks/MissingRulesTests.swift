import Testing
import TolkKit

@Suite("Rules: missing translations")
struct MissingRulesTests {
    @Test("TOLK201 empty-target: the empty link text in the Edge deployment article (case 6)")
    func emptyTargetHit() throws {
        let findings = try RuleTesting.findings(EmptyTarget.self, fixture: "cases/06-deploy-microsoft-edge-for-mobile-for-ios-ipados-or-android.md")
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
}
