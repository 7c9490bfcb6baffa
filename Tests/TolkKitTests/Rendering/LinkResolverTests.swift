import Testing
import TolkKit

@Suite("Links in the terminal")
struct LinkResolverTests {
    @Test("site-relative links open in the reader's language; others stay as written")
    func resolve() {
        let da = LinkResolver(locale: "da-DK")
        #expect(da.resolve("/microsoft-365/admin/add-users") == "https://learn.microsoft.com/da-dk/microsoft-365/admin/add-users")
        #expect(da.resolve("https://aka.ms/x") == "https://aka.ms/x")
        #expect(da.resolve("mailto:a@b.c") == "mailto:a@b.c")
        #expect(da.resolve("/AlchemyInsights/other-article") == "/AlchemyInsights/other-article")
        #expect(da.resolve("//evil.example/x") == "//evil.example/x")
    }

    @Test("the terminal shows the resolved URL after the link text")
    func terminal() throws {
        let text =
            "# <a name=\"x\"></a>" + Fixtures.unit("abcde-102", "T", "T") + "\n\n"
            + Fixtures.unit(
                "abcde-103", "Se [Tilføj brugere](/microsoft-365/admin/add-users).", "See [Add users](/microsoft-365/admin/add-users).")
            + "\n"
        let article = try Fixtures.article(text: "---\nms.contentlocale: da-DK\n---\n" + text)
        let da = TerminalRenderer(mode: .single(.target), width: 120).render(article)
        #expect(da.contains("Se Tilføj brugere <https://learn.microsoft.com/da-dk/microsoft-365/admin/add-users>."))
        let en = TerminalRenderer(mode: .single(.source), width: 120).render(article)
        #expect(en.contains("See Add users <https://learn.microsoft.com/en-us/microsoft-365/admin/add-users>."))
    }
}
