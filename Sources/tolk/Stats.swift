import ArgumentParser
import Foundation
import TolkKit

struct Stats: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count units, translated and untranslated units and words, per article and in total.",
        discussion: """
            Like pocount, for side-by-side articles. translated: the target has text that \
            differs from the source; untranslated: the target equals the source; empty: the \
            target is empty. Words: runs of letters and digits (each CJK and Thai character \
            counts as one).

            Examples:
              tolk stats content/
              tolk stats ../corpus --format csv -o stats.csv
            """)

    @Argument(help: "Articles or folders (default: content/).")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: text, json, csv.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write to FILE (atomically) instead of standard output.")
    var output: String?

    @Option(name: [.short, .long], help: "Parallel jobs (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let roots = paths.isEmpty ? [ContentFolder.path ?? "content"] : paths
        for root in roots where !FileManager.default.fileExists(atPath: root) {
            throw CommandFailure(message: "\(root):1:1: error: no such file or folder", code: 2)
        }
        let files = roots.flatMap(ArticleLocator.articles(under:))
        var failures: [String] = []
        let results = ArticleParser().parseAll(files, jobs: max(1, jobs)) { _, result -> Result<ArticleStatistics, ArticleError> in
            result.map { ArticleStatistics($0) }
        }
        var statistics: [ArticleStatistics] = []
        for result in results {
            switch result {
            case .success(let s): statistics.append(s)
            case .failure(let e): failures.append(e.description)
            }
        }
        for failure in failures { FileHandle.standardError.write(Data((failure + "\n").utf8)) }
        let text = StatisticsTable(statistics).render(format)
        if let output {
            do { try AtomicFile.write(text, to: output) } catch { throw CommandFailure(message: error.description, code: 2) }
        } else {
            Output.write(Array(text.utf8))
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}

/// Renders statistics as text, JSON or CSV.
struct StatisticsTable {
    var rows: [ArticleStatistics]

    init(_ rows: [ArticleStatistics]) { self.rows = rows }

    typealias Totals = (units: Int, translated: Int, untranslated: Int, empty: Int, sourceWords: Int, targetWords: Int, mt: Int, ht: Int)

    var total: Totals { Self.total(rows) }

    /// Totals per language (locale folder, else `ms.contentlocale`), sorted by language.
    var languages: [(language: String, articles: Int, totals: Totals)] {
        Dictionary(grouping: rows) { $0.language ?? "unknown" }.map { ($0.key, $0.value.count, Self.total($0.value)) }
            .sorted { $0.language < $1.language }
    }

    static func total(_ rows: [ArticleStatistics]) -> Totals {
        rows.reduce((0, 0, 0, 0, 0, 0, 0, 0)) { t, r in
            (
                t.0 + r.units, t.1 + r.translated, t.2 + r.untranslated, t.3 + r.empty, t.4 + r.sourceWords, t.5 + r.targetWords,
                t.6 + (r.translationType == "MT" ? 1 : 0), t.7 + (r.translationType == "HT" ? 1 : 0)
            )
        }
    }

    func render(_ format: Stats.Format) -> String {
        let t = total
        let coverage = Self.coverage(t)
        switch format {
        case .csv:
            var out = "path,type,units,translated,untranslated,empty,source_words,target_words\n"
            for r in rows {
                out +=
                    "\(csv(r.path)),\(r.translationType ?? ""),\(r.units),\(r.translated),\(r.untranslated),\(r.empty),\(r.sourceWords),\(r.targetWords)\n"
            }
            for l in languages where languages.count > 1 {
                let u = l.totals
                out +=
                    "\(csv("TOTAL " + l.language)),,\(u.units),\(u.translated),\(u.untranslated),\(u.empty),\(u.sourceWords),\(u.targetWords)\n"
            }
            out += "TOTAL,,\(t.units),\(t.translated),\(t.untranslated),\(t.empty),\(t.sourceWords),\(t.targetWords)\n"
            return out
        case .json:
            let articles = rows.map { r in
                JSONValue.object([
                    ("path", .string(r.path)), ("translationType", r.translationType.map(JSONValue.string) ?? .null),
                    ("locale", r.locale.map(JSONValue.string) ?? .null), ("units", .int(r.units)), ("translated", .int(r.translated)),
                    ("untranslated", .int(r.untranslated)), ("empty", .int(r.empty)), ("sourceWords", .int(r.sourceWords)),
                    ("targetWords", .int(r.targetWords)),
                ])
            }
            func totals(_ articles: Int, _ t: Totals) -> [(String, JSONValue)] {
                [
                    ("articles", .int(articles)), ("mt", .int(t.mt)), ("ht", .int(t.ht)), ("units", .int(t.units)),
                    ("translated", .int(t.translated)), ("untranslated", .int(t.untranslated)), ("empty", .int(t.empty)),
                    ("sourceWords", .int(t.sourceWords)), ("targetWords", .int(t.targetWords)),
                    ("coverage", .double((Self.coverage(t) * 10).rounded() / 10)),
                ]
            }
            return JSONValue.object([
                ("articles", .array(articles)),
                ("languages", .array(languages.map { .object([("language", .string($0.language))] + totals($0.articles, $0.totals)) })),
                ("total", .object(totals(rows.count, t))),
            ]).serialized() + "\n"
        case .text:
            var out = ""
            let pathWidth = min(60, max(10, rows.map { $0.path.count }.max() ?? 10))
            out += "type".padding(toLength: 5, withPad: " ", startingAt: 0) + "units  transl  untr  empty  words(en)  words(tgt)  path\n"
            for r in rows {
                out += (r.translationType ?? "-").padding(toLength: 5, withPad: " ", startingAt: 0)
                out +=
                    pad(r.units, 5) + pad(r.translated, 8) + pad(r.untranslated, 6) + pad(r.empty, 7) + pad(r.sourceWords, 11)
                    + pad(r.targetWords, 12)
                out += "  " + (r.path.count > pathWidth ? "…" + r.path.suffix(pathWidth - 1) : r.path) + "\n"
            }
            out += "\nTotal: \(rows.count) articles (\(t.mt) MT, \(t.ht) HT), \(t.units) units: \(t.translated) translated, "
            out += "\(t.untranslated) untranslated, \(t.empty) empty (\(String(format: "%.1f", coverage))% translated); "
            out += "\(t.sourceWords) English words, \(t.targetWords) translated words\n"
            if languages.count > 1 {
                out += "\nBy language:\n"
                let width = languages.map(\.language.count).max() ?? 5
                for l in languages {
                    let u = l.totals
                    out += "  " + l.language.padding(toLength: width, withPad: " ", startingAt: 0)
                    out += "  \(l.articles) articles (\(u.mt) MT, \(u.ht) HT), \(u.units) units, "
                    out += "\(String(format: "%.1f", Self.coverage(u)))% translated, \(u.untranslated) untranslated, \(u.empty) empty; "
                    out += "\(u.sourceWords) English words, \(u.targetWords) translated words\n"
                }
            }
            return out
        }
    }

    static func coverage(_ t: Totals) -> Double {
        t.units == 0 ? 100.0 : Double(t.translated) * 100 / Double(t.units)
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }

    private func csv(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
