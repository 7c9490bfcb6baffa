import Dispatch
import Foundation
import Testing
import TolkKit

/// cmark-gfm 0.29 keeps the inline parser's special characters in one global table that
/// each parse filled and cleared again: parses on several threads lost bare URLs (and `~`,
/// `|`) at random. Sites and checks parse on every core; the same article must come out
/// the same on any thread.
struct ConcurrentParsingTests {
    static let article = """
        ---
        ms.contentlocale: da-DK
        ---
        # <span data-ttu-id="1a-1">Titel</span><span class="sxs-lookup"><span data-stu-id="1a-1">Title</span></span>

        <span data-ttu-id="1a-2">Se https://example.com/a og ~~gammel~~ tekst.</span><span class="sxs-lookup"><span data-stu-id="1a-2">See https://example.com/a and ~~old~~ text.</span></span>

        | <span data-ttu-id="1a-3">Navn</span><span class="sxs-lookup"><span data-stu-id="1a-3">Name</span></span> | B |
        |---|---|
        | <span data-ttu-id="1a-4">Gå til www.example.org nu</span><span class="sxs-lookup"><span data-stu-id="1a-4">Go to www.example.org now</span></span> | 2 |

        """

    /// (autolinks, strikethroughs) in a side's blocks.
    static func counts(_ blocks: [Block]) -> (links: Int, struck: Int) {
        var links = 0
        var struck = 0
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .link(let l):
                    if l.isAutolink { links += 1 }
                    walk(l.children)
                case .strikethrough(let c):
                    struck += 1
                    walk(c)
                case .emphasis(let c), .strong(let c): walk(c)
                case .unit(let u): walk(u.children)
                default: break
                }
            }
        }
        for block in blocks {
            switch block {
            case .paragraph(let p): walk(p.content)
            case .heading(let h): walk(h.content)
            case .table(let t):
                t.header.forEach(walk)
                t.rows.forEach { $0.forEach(walk) }
            default: break
            }
        }
        return (links, struck)
    }

    @Test func everyThreadFindsBareURLsAndStrikethrough() throws {
        let bytes = Array(Self.article.utf8)
        let once = try ArticleParser().parse(bytes: bytes, path: "one.md")
        let expected = Self.counts(once.target.blocks)
        #expect(expected.links == 2 && expected.struck == 1, "the fixture has two bare URLs and one strikethrough")
        #expect(Self.counts(once.source.blocks) == expected)

        let wrong = WrongCount()
        DispatchQueue.concurrentPerform(iterations: 3000) { i in
            guard let article = try? ArticleParser().parse(bytes: bytes, path: "a\(i).md") else {
                wrong.add()
                return
            }
            if Self.counts(article.target.blocks) != expected || Self.counts(article.source.blocks) != expected {
                wrong.add()
            }
        }
        #expect(wrong.value == 0, "parses on other threads lost autolinks or strikethrough")
    }
}

private final class WrongCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
