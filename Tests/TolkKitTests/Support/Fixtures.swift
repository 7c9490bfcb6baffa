import Foundation
import TolkKit

/// Fixture files (see Fixtures/README.md for their attribution).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let packageRoot = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    static func article(_ relative: String) throws -> Article {
        try ArticleParser().parse(contentsOf: path(relative))
    }

    /// Parses text written in a test; `path` only names it in messages.
    static func article(text: String, path: String = "test.md") throws -> Article {
        try ArticleParser().parse(bytes: Array(text.utf8), path: path)
    }

    /// One unit in sxs syntax.
    static func unit(_ id: String, _ target: String, _ source: String) -> String {
        #"<span data-ttu-id="\#(id)">\#(target)</span><span class="sxs-lookup"><span data-stu-id="\#(id)">\#(source)</span></span>"#
    }

    /// The Danish corpus (`TOLK_CORPUS`, else `../shared/corpus/da-DK/AlchemyInsights`
    /// beside the checkout), or nil when it is not there.
    static var corpus: String? {
        let candidates: [String?] = [
            ProcessInfo.processInfo.environment["TOLK_CORPUS"],
            packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/da-DK/AlchemyInsights").path,
        ]
        for case let candidate? in candidates where !candidate.isEmpty {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue { return candidate }
        }
        return nil
    }

    /// Every `LOCALE/AlchemyInsights` folder beside the Danish corpus (`da-DK` first).
    static func corpusLocales(beside danish: String) -> [String] {
        let root = URL(fileURLWithPath: danish).deletingLastPathComponent().deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let folders = names.sorted { ($0 == "da-DK" ? "" : $0) < ($1 == "da-DK" ? "" : $1) }.map {
            root.appendingPathComponent($0).appendingPathComponent("AlchemyInsights").path
        }
        return folders.filter { FileManager.default.fileExists(atPath: $0) }
    }
}

extension Article {
    func unit(_ id: String) -> TranslationUnit? { units.first { $0.id == id } }
}

extension Block {
    /// Every block in this subtree, in document order, with the number of lists around it.
    func walk(listDepth: Int = 0, _ visit: (Block, Int) -> Void) {
        visit(self, listDepth)
        switch self {
        case .list(let l): l.items.forEach { $0.blocks.forEach { $0.walk(listDepth: listDepth + 1, visit) } }
        case .note(let n): n.blocks.forEach { $0.walk(listDepth: listDepth, visit) }
        case .quote(let q): q.blocks.forEach { $0.walk(listDepth: listDepth, visit) }
        default: break
        }
    }
}

extension Document {
    var allBlocks: [(Block, Int)] {
        var out: [(Block, Int)] = []
        blocks.forEach { $0.walk { out.append(($0, $1)) } }
        return out
    }

    /// Inlines of every paragraph, heading and table cell.
    var allInlines: [[Inline]] {
        allBlocks.flatMap { block, _ -> [[Inline]] in
            switch block {
            case .paragraph(let p): [p.content]
            case .heading(let h): [h.content]
            case .table(let t): t.header + t.rows.flatMap { $0 }
            default: []
            }
        }
    }
}

extension Inline {
    func walk(_ visit: (Inline) -> Void) {
        visit(self)
        switch self {
        case .emphasis(let c), .strong(let c), .strikethrough(let c): c.forEach { $0.walk(visit) }
        case .link(let l): l.children.forEach { $0.walk(visit) }
        case .image(let i): i.alt.forEach { $0.walk(visit) }
        case .unit(let u): u.children.forEach { $0.walk(visit) }
        default: break
        }
    }
}
