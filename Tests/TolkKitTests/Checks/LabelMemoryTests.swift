import Foundation
import Testing

@testable import TolkKit

@Suite("Label memory and repairs")
struct LabelMemoryTests {
    static let folder = Fixtures.path("labels")

    static func memory() throws -> LabelMemory {
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
            .map { folder + "/" + $0 }
        return try #require(LabelMemory.build(paths, jobs: 2)["da-DK"])
    }

    static func seedUnit(_ article: Article) throws -> TranslationUnit {
        try #require(article.units.first { $0.id == "4d25d-104" })
    }

    @Test("intact UI paths and bold labels give each English label its translations, with counts and articles")
    func memoryEntries() throws {
        let memory = try Self.memory()
        let active = try #require(memory.entry(for: "Active users"))
        let lower = try #require(active.translations.first { $0.text == "aktive brugere" })
        #expect(lower.count == 2)
        #expect(lower.articles == ["block-sign-in-for-all-users", "enable-multifactor-authentication"])
        #expect(memory.best(for: "active USERS")?.text == "aktive brugere")
        // A tie is won by a translation, not by the English kept as it was.
        #expect(memory.best(for: "Users")?.text == "brugere")
        #expect(memory.best(for: "Directory synchronization")?.text == "Katalogsynkronisering")
        // The seed's own broken path teaches nothing: no "Aktive" for "Users".
        #expect(!(memory.entry(for: "Users")?.translations.contains { $0.text == "Aktive" } ?? true))
    }

    @Test("the seed's broken paths read repaired from the memory, with the published text kept")
    func seedRepair() throws {
        let seed = try ArticleParser().parse(contentsOf: Self.folder + "/password-sync.md")
        let repaired = RepairedReading.apply(seed, memory: try Self.memory())
        let unit = try Self.seedUnit(repaired)
        #expect(
            unit.target
                == "*Alternativt kan du gå til **brugere** \\> **aktive brugere**, og på siden Aktive brugere skal du vælge **flere** \\> **Katalogsynkronisering.***"
        )
        let mark = try #require(repaired.repaired[unit.index])
        #expect(mark.rules == ["TOLK305"])
        #expect(mark.published.plainText.contains("Aktive brugere > , og på siden Aktive brugere skal > du vælge"))
        // The repaired text has no broken path left.
        var report = FindingReport.make(rule: UIPathBroken.self, path: repaired.path)
        UIPathBroken().check(Checker.analyzed(repaired), CheckContext(), &report)
        #expect(report.findings.isEmpty)
        // Every other unit is as published.
        for (a, b) in zip(seed.units, repaired.units) where a.index != unit.index { #expect(a.target == b.target) }
    }

    @Test("a label the memory lacks is written in English; with words left over, no guess is made")
    func englishFallback() throws {
        let text = """
            ---
            ms.contentlocale: da-DK
            ---
            <span data-ttu-id="a-101">Vælg **File** \\> .</span><span class="sxs-lookup"><span data-stu-id="a-101">Choose **File** \\> **Options**.</span></span>
            """
        let article = try ArticleParser(analyzesUnits: true).parse(bytes: Array(text.utf8), path: "fallback.md")
        let empty = UnitRepairer(memory: LabelMemory(locale: "da-DK", facts: []))
        let repair = try #require(empty.repairs(article).first)
        #expect(repair.fallsBackToEnglish)
        #expect(repair.repaired == "Vælg **File** \\> **Options**.")
        // The seed's paths leave words over ("skal du vælge", "Aktive brugere") that may be the labels in
        // machine translation's words: without the labels in the memory, the unit is left as published.
        let seed = try ArticleParser(analyzesUnits: true).parse(contentsOf: Self.folder + "/password-sync.md")
        #expect(!empty.repairs(seed).contains { seed.units[$0.unit].id == "4d25d-104" })
    }

    @Test("an emptied link text reads as the English link text")
    func emptyLinkText() throws {
        let text = """
            ---
            ms.contentlocale: da-DK
            ---
            <span data-ttu-id="a-101">Se [](https://example.com/a) for detaljer.</span><span class="sxs-lookup"><span data-stu-id="a-101">See [the guide](https://example.com/a) for details.</span></span>
            """
        let article = try Fixtures.article(text: text)
        let repaired = RepairedReading.apply(article, memory: nil)
        #expect(repaired.units[0].target == "Se [the guide](https://example.com/a) for detaljer.")
        #expect(repaired.repaired[0]?.rules == ["TOLK303"])
    }

    @Test("the terminal marks a repaired unit and --lang both shows the text as published")
    func terminalMark() throws {
        let seed = try ArticleParser().parse(contentsOf: Self.folder + "/password-sync.md")
        let repaired = RepairedReading.apply(seed, memory: try Self.memory())
        let single = TerminalRenderer(mode: .single(.target), width: 80, uiLanguage: "da").render(repaired)
        #expect(single.contains("Katalogsynkronisering.†"))
        #expect(single.contains("† rettet:"))
        let both = TerminalRenderer(mode: .both, width: 200, uiLanguage: "da").render(repaired)
        #expect(both.contains("† Udgivet: Alternativt kan du gå til Aktive brugere > , og på siden"))
        #expect(!both.contains("Directory synchronization.†"))
        #expect(!TerminalRenderer(mode: .single(.target), width: 80).render(seed).contains("†"))
    }

    @Test("TBX output is well-formed TBX-Basic and lists Active users → aktive brugere")
    func tbx() throws {
        let xml = LabelMemoryPrinter.render([try Self.memory()], format: .tbx)
        #expect(XMLParseCheck.errorCount(xml) == 0)
        #expect(xml.contains("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"))
        let entry = try #require(xml.range(of: "<term>Active users</term>"))
        let rest = xml[entry.upperBound...]
        let end = try #require(rest.range(of: "</conceptEntry>"))
        #expect(rest[..<end.lowerBound].contains("<langSec xml:lang=\"da-DK\">"))
        #expect(rest[..<end.lowerBound].contains("<term>aktive brugere</term>"))
    }

    @Test("CSV quotes fields with commas and quotes")
    func csv() throws {
        let facts = LabelFacts(locale: "da-DK", slug: "a", pairs: [.init(english: "Save, close", translation: "Gem \"nu\"")])
        let csv = LabelMemoryPrinter.render([LabelMemory(locale: "da-DK", facts: [facts])], format: .csv)
        #expect(csv == "locale,english,translation,count,articles\r\nda-DK,\"Save, close\",\"Gem \"\"nu\"\"\",1,a\r\n")
    }
}
