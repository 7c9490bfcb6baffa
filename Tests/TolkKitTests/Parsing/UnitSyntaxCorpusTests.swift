import Foundation
import Testing

@testable import TolkKit

/// cmark-gfm's inline source positions, mapped back through the projection, are
/// what every check finding points at. On every unit side of every locale of the
/// corpus, each piece of syntax must sit on bytes that spell it.
@Suite(
    "Unit syntax on the corpus (every locale beside da-DK)",
    .enabled(if: Fixtures.corpus != nil, "corpus not found: set TOLK_CORPUS or place shared/corpus beside the checkout"))
struct UnitSyntaxCorpusTests {
    @Test("code spans, emphasis, links and tags sit on the bytes that write them")
    func positionsHold() throws {
        let corpus = try #require(Fixtures.corpus)
        for folder in Fixtures.corpusLocales(beside: corpus) {
            let paths = ArticleLocator.articles(under: folder)
            let problems = ArticleParser(analyzesUnits: true).parseAll(paths) { path, result -> [String] in
                guard case .success(let article) = result, let analysis = article.analysis else { return [] }
                var out: [String] = []
                for unit in article.units {
                    for side in Side.allCases {
                        out += Self.problems(analysis[side, unit.index]).map { "\(path) \(unit.id) \(side): \($0)" }
                    }
                }
                return out
            }.flatMap { $0 }
            #expect(problems.isEmpty, "\(folder): \(problems.count) misplaced, first: \(problems.prefix(8))")
        }
    }

    static func problems(_ s: UnitSyntax) -> [String] {
        var out: [String] = []
        let b = s.bytes
        let all =
            s.codeSpans.map(\.range) + s.emphasis.flatMap { [$0.open, $0.close] } + s.markers.map(\.range) + s.links.map(\.range)
            + s.tags.map(\.range) + (s.urls + s.emails).map(\.range)
        let outside = all.filter { $0.lowerBound < 0 || $0.upperBound > b.count || $0.isEmpty }
        guard outside.isEmpty else { return ["out of the unit: \(outside) in \(s.count) bytes: \(s.text(0..<s.count))"] }
        for span in s.codeSpans where b[span.range.lowerBound] != 0x60 || b[span.range.upperBound - 1] != 0x60 {
            out.append("code \(s.text(span.range))")
        }
        for e in s.emphasis {
            for r in [e.open, e.close] where !(r.allSatisfy { b[$0] == 0x2A || b[$0] == 0x5F }) {
                out.append("emphasis \(s.text(e.range))")
            }
        }
        for m in s.markers where !(m.range.allSatisfy { b[$0] == 0x2A || b[$0] == 0x5F }) { out.append("marker \(s.text(m.range))") }
        for link in s.links where !link.isAutolink && b[link.range.lowerBound] != (link.isImage ? 0x21 : 0x5B) {
            out.append("link \(s.text(link.range))")
        }
        for tag in s.tags where b[tag.range.lowerBound] != 0x3C || b[tag.range.upperBound - 1] != 0x3E {
            out.append("tag \(s.text(tag.range))")
        }
        for token in s.urls + s.emails where s.text(token.range) != token.text { out.append("token \(token.text)") }
        return out
    }
}
