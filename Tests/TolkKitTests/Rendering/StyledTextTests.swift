import Testing
import TolkKit

@Suite("Styled text")
struct StyledTextTests {
    @Test("Appending merges neighbours with the same style and link and drops empty runs")
    func merging() {
        var text = StyledText("Hello")
        text.append(", ")
        text.append("")
        text.append("world", style: .bold)
        text.append("!", style: .bold)
        #expect(text.runs == [StyledRun("Hello, "), StyledRun("world!", style: .bold)])
        #expect(text.plain == "Hello, world!")
        #expect(text.displayWidth == 13)
    }

    @Test("Concatenation, emptiness and links")
    func concatenation() {
        let link = StyledText("docs", style: .link, link: "https://a.dk")
        let other = StyledText("docs", style: .link, link: "https://b.dk")
        let both = link + other
        #expect(both.runs.count == 2)
        #expect(both.plain == "docsdocs")
        #expect(StyledText().isEmpty)
        #expect(StyledText("").isEmpty)
        #expect(StyledText([StyledRun(""), StyledRun("", style: .bold)]).isEmpty)
        #expect(!both.isEmpty)
        var sum: StyledText = "a"
        sum += "b"
        #expect(sum == "ab")
    }
}
