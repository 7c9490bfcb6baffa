import Foundation
import Testing

@testable import TolkKit

/// Helpers for the HTML page tests: the repository's templates, rendering, and
/// structural checks of a rendered page.
enum HTMLTesting {
    static let templatesDirectory = Fixtures.packageRoot.appendingPathComponent("templates").path

    static func templates() throws -> HTMLTemplates { try HTMLTemplates(directory: templatesDirectory) }

    static func render(_ article: Article, _ side: Side, pageURLs: [String: String] = [:], baseURL: String? = nil) throws -> String {
        try HTMLPageRenderer(side: side, templates: templates(), pageURLs: pageURLs, baseURL: baseURL).render(article)
    }

    /// An article with front matter for `locale` and the given Markdown body.
    static func article(_ body: String, locale: String = "da-DK", type: String = "HT", title: String = "Test") throws -> Article {
        let front = "---\ntitle: \(title)\nms.translationtype: \(type)\nms.contentlocale: \(locale)\n---\n"
        return try Fixtures.article(text: front + body)
    }

    /// The elements between `<main` and `</main>`.
    static func main(_ page: String) -> Substring {
        guard let start = page.range(of: "<main"), let end = page.range(of: "</main>") else { return "" }
        return page[start.lowerBound..<end.upperBound]
    }

    static let voidElements: Set<String> = ["br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base"]

    /// Problems with the nesting of tags, read strictly (no implied end tags):
    /// every non-void element must be closed, in order. Empty when the page is sound.
    static func tagProblems(_ html: String) -> [String] {
        var stack: [String] = []
        var problems: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            if rest.hasPrefix("<!") {
                rest = rest[(rest.firstIndex(of: ">") ?? rest.endIndex)...].dropFirst()
                continue
            }
            guard let close = rest.firstIndex(of: ">") else {
                problems.append("unterminated tag")
                break
            }
            let tag = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[close...].dropFirst()
            let closing = tag.hasPrefix("/")
            let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
            if name.isEmpty {
                problems.append("a bare < in markup: <\(tag)>")
                continue
            }
            if closing {
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
            } else if !voidElements.contains(name) {
                if name == "script" || name == "style" {
                    guard let end = rest.range(of: "</\(name)>") else {
                        problems.append("<\(name)> not closed")
                        break
                    }
                    rest = rest[end.upperBound...]
                } else {
                    stack.append(name)
                }
            }
        }
        if !stack.isEmpty { problems.append("not closed: \(stack)") }
        return problems
    }

    /// Asserts that a page parses cleanly with libxml2 and nests strictly.
    static func expectWellFormed(_ page: String, _ comment: Comment? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(HTMLParseCheck.errorCount(page) == 0, "libxml2 reports errors. \(comment ?? "")", sourceLocation: sourceLocation)
        let problems = tagProblems(page)
        #expect(problems.isEmpty, "\(problems) \(comment ?? "")", sourceLocation: sourceLocation)
    }

    /// Each element with a `lang` attribute, in page order, with the direction it is laid out
    /// in: its own `dir`, else its nearest ancestor's (`<html dir>`); empty when none has one.
    static func languageDirections(_ page: String) -> [(tag: String, lang: String, dir: String)] {
        func attribute(_ name: String, in tag: Substring) -> String? {
            guard let start = tag.range(of: " \(name)=\"") else { return nil }
            return String(tag[start.upperBound...].prefix { $0 != "\"" })
        }
        var out: [(tag: String, lang: String, dir: String)] = []
        var stack: [(name: String, dir: String)] = []
        var rest = Substring(page)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[close...].dropFirst()
            if tag.hasPrefix("!") { continue }
            let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
            if tag.hasPrefix("/") {
                if let index = stack.lastIndex(where: { $0.name == name }) { stack.removeSubrange(index...) }
                continue
            }
            let dir = attribute("dir", in: tag) ?? stack.last?.dir ?? ""
            if let lang = attribute("lang", in: tag) { out.append((String(tag.prefix(80)), lang, dir)) }
            if name == "script" || name == "style" {
                rest = rest.range(of: "</\(name)>").map { rest[$0.upperBound...] } ?? ""
            } else if !voidElements.contains(name) {
                stack.append((name, dir))
            }
        }
        return out
    }

    /// Every value of attribute `name` in the page (as written, still escaped).
    static func attributeValues(_ name: String, in page: String) -> [String] {
        var out: [String] = []
        var rest = Substring(page)
        while let r = rest.range(of: " \(name)=\"") {
            let value = rest[r.upperBound...].prefix { $0 != "\"" }
            out.append(String(value))
            rest = rest[r.upperBound...]
        }
        return out
    }
}

extension HTMLTesting {
    /// Records an issue for each needle missing from `page`, without printing the whole page.
    static func expect(_ page: some StringProtocol, contains needles: String..., sourceLocation: Testing.SourceLocation = #_sourceLocation)
    {
        for needle in needles where !page.contains(needle) { Issue.record("missing: \(needle)", sourceLocation: sourceLocation) }
    }

    /// Records an issue for each needle present in `page`.
    static func expect(_ page: some StringProtocol, lacks needles: String..., sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for needle in needles where page.contains(needle) { Issue.record("present: \(needle)", sourceLocation: sourceLocation) }
    }

    static func count(_ needle: String, in page: some StringProtocol) -> Int { page.components(separatedBy: needle).count - 1 }
}
