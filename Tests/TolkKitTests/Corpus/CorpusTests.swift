import Foundation
import Testing

@testable import TolkKit

/// Whole-corpus checks. They need the Danish corpus (TOLK_CORPUS, or
/// ../shared/corpus/da-DK/AlchemyInsights beside the checkout) and are skipped,
/// with that reason shown, when it is absent.
@Suite(
    "Corpus (da-DK, 2,913 articles)",
    .enabled(if: Fixtures.corpus != nil, "corpus not found: set TOLK_CORPUS or place shared/corpus beside the checkout"))
struct CorpusTests {
    /// docs/format.md §2's regex, independent of Tolk's byte scanner.
    static let unitRegex = try! NSRegularExpression(
        pattern: #"<span data-ttu-id="([^"]*)">(.*?)</span><span class="sxs-lookup"><span data-stu-id="([^"]*)">(.*?)</span></span>"#,
        options: [.dotMatchesLineSeparators])

    struct Summary: Sendable {
        var path: String
        var units = 0
        var failure: String?
        var mismatches: [String] = []
    }

    @Test("every article parses, renders, and projects byte for byte like docs/format.md §2's regex")
    func wholeCorpus() throws {
        let corpus = try #require(Fixtures.corpus)
        let paths = ArticleLocator.articles(under: corpus)
        #expect(paths.count == 2913)
        let summaries = ArticleParser().parseAll(paths) { path, result -> Summary in
            var summary = Summary(path: path)
            switch result {
            case .failure(let error):
                summary.failure = error.description
            case .success(let article):
                summary.units = article.units.count
                summary.mismatches = Self.check(article)
            }
            return summary
        }
        let failures = summaries.compactMap(\.failure)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(summaries.reduce(0) { $0 + $1.units } == 27_177)
        let mismatches = summaries.flatMap(\.mismatches)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    /// Everything one article must satisfy; returns what did not hold.
    static func check(_ article: Article) -> [String] {
        var problems: [String] = []
        let text = String(decoding: article.bytes, as: UTF8.self)
        let ns = text as NSString
        let matches = unitRegex.matches(in: text, range: NSRange(location: 0, length: ns.length))
        if matches.count != article.units.count {
            problems.append("\(article.path): regex finds \(matches.count) units, Tolk \(article.units.count)")
        }
        for (m, unit) in zip(matches, article.units) {
            if ns.substring(with: m.range(at: 1)) != unit.id || ns.substring(with: m.range(at: 2)) != unit.target
                || ns.substring(with: m.range(at: 4)) != unit.source
            {
                problems.append("\(article.path): unit \(unit.id) differs from the regex")
            }
        }
        for (group, side) in [(2, Side.target), (4, Side.source)] {
            let expected = unitRegex.stringByReplacingMatches(
                in: text, range: NSRange(location: 0, length: ns.length), withTemplate: "$\(group)")
            let projected = MarkdownRenderer(side: side).render(article)
            if projected != expected { problems.append("\(article.path): \(side) projection differs") }
        }
        let json = JSONRenderer(indent: 0).render(article)
        if (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil {
            problems.append("\(article.path): JSON output does not parse")
        }
        if let fm = article.frontMatter, fm.isValidYAML {
            var ignored: [Diagnostic] = []
            let lines = LineTable(article.bytes)
            let firstLine = fm.range.start.line + 1
            let yams = FrontMatterParser.parseWithYams(fm.raw, range: fm.range, firstLine: firstLine, lines: lines, diagnostics: &ignored)
            if yams.entries.map({ "\($0.key)=\($0.value)@\($0.location.line)" })
                != fm.entries.map({ "\($0.key)=\($0.value)@\($0.location.line)" })
            {
                problems.append("\(article.path): fast front matter reader disagrees with Yams")
            }
        }
        return problems
    }

    /// The marked projection Tolk parses must give cmark-gfm's block structure of
    /// the plain projection on every article.
    @Test("unit markers never change the Markdown structure")
    func structureMatchesPlainProjection() throws {
        let corpus = try #require(Fixtures.corpus)
        let paths = ArticleLocator.articles(under: corpus)
        let differences = ArticleParser().parseAll(paths) { path, result -> [String] in
            guard case .success(let article) = result else { return [] }
            var out: [String] = []
            for side in Side.allCases {
                let plain = MarkdownRenderer(side: side, includeFrontMatter: false).renderBytes(article)
                guard let doc = CmarkDocument(plain) else { continue }
                let expected = Self.shape(CmarkNode(pointer: doc.root))
                let actual = article[side].blocks.map(Self.shape).joined(separator: ",")
                if expected != actual { out.append("\(path) (\(side)):\n  cmark: \(expected)\n  tolk:  \(actual)") }
            }
            return out
        }.flatMap { $0 }
        #expect(differences.isEmpty, "\(differences.count) differ; first: \(differences.prefix(3).joined(separator: "\n"))")
    }

    /// A compact string of block kinds and nesting.
    static func shape(_ node: CmarkNode) -> String {
        node.children.compactMap { child -> String? in
            switch child.typeString {
            case "list":
                return (child.isOrderedList ? "ol\(child.listStart)" : "ul") + "[" + child.children.map { shape($0) }.joined(separator: "|")
                    + "]"
            case "block_quote": return "q[" + shape(child) + "]"
            case "paragraph": return "p"
            case "heading": return "h"
            case "code_block": return "code"
            case "html_block": return "html"
            case "table": return "table"
            case "thematic_break": return "hr"
            default: return child.typeString
            }
        }.joined(separator: ",")
    }

    static func shape(_ block: Block) -> String {
        switch block {
        case .list(let l):
            return (l.isOrdered ? "ol\(l.start!)" : "ul") + "["
                + l.items.map { $0.blocks.map(shape).joined(separator: ",") }.joined(separator: "|") + "]"
        case .note(let n):
            // To cmark the alert keyword is the start of the first paragraph, or a
            // paragraph of its own when nothing follows it on the next line.
            let inner = n.blocks.map(shape)
            return "q[" + (inner.first == "p" ? inner : ["p"] + inner).joined(separator: ",") + "]"
        case .quote(let q): return "q[" + q.blocks.map(shape).joined(separator: ",") + "]"
        case .paragraph: return "p"
        case .heading: return "h"
        case .code: return "code"
        case .html: return "html"
        case .table: return "table"
        case .thematicBreak: return "hr"
        }
    }
}
