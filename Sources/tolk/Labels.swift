import ArgumentParser
import Foundation
import TolkKit

extension LabelMemoryPrinter.Format: ExpressibleByArgument {}

/// `tolk labels`: the UI-label memory of an article set.
struct Labels: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the UI labels an article set translates, from its intact UI paths and bold labels.",
        discussion: """
            Reads every .md article under PATHS (default: the content folder) and pairs each \
            English UI label with the translation at the same place: the labels of each UI path \
            the translation kept intact (`**Users** \\> **Active users**` beside \
            `**brugere** \\> **aktive brugere**`), and bold labels where both languages bold as \
            many and none is split. Each label lists its translations, the most frequent first, \
            with how often and in which articles they were found; `tolk show` and \
            `tolk check --fix` repair broken UI paths with the most frequent one.

            Formats: text; json; csv (RFC 4180: locale, english, translation, count, articles); \
            tbx, a TBX-Basic termbase (ISO 30042) that CAT tools import.

            Examples:
              tolk labels ../corpus/da-DK --lang da
              tolk labels content/ --format tbx -o labels.tbx
            """)

    @Argument(help: "Articles or folders to read (default: the content folder).")
    var paths: [String] = []

    @Option(name: .long, help: "Only this language: a locale (da-DK) or a language (da).")
    var lang: String?

    @Option(name: .long, help: "Output format: text, json, tbx, csv.")
    var format: LabelMemoryPrinter.Format = .text

    @Option(name: .shortAndLong, help: "Write to FILE (atomically) instead of standard output.")
    var output: String?

    @Option(name: [.short, .long], help: "Parallel jobs (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let roots = paths.isEmpty ? [ContentFolder.path ?? "content"] : paths
        let files: CheckedFiles
        do { files = try CheckedFiles(paths: roots) } catch { throw CommandFailure(message: error.description, code: 2) }
        var memories = LabelMemory.build(files.files.map(\.path), jobs: jobs).values.sorted { $0.locale < $1.locale }
        if let lang {
            let wanted = lang.lowercased().replacingOccurrences(of: "_", with: "-")
            memories = memories.filter { memory in
                let locale = memory.locale.lowercased()
                return locale == wanted || locale.split(separator: "-").first.map(String.init) == wanted
            }
            if memories.isEmpty {
                throw CommandFailure.usage("--lang \(lang): no article under \(roots.joined(separator: ", ")) is in \(lang)")
            }
        }
        let text = LabelMemoryPrinter.render(memories, format: format)
        if let output {
            do { try AtomicFile.write(text, to: output) } catch { throw CommandFailure(message: error.description, code: 2) }
        } else {
            Output.write(Array(text.utf8))
        }
    }
}
