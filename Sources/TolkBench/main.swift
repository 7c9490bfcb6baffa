import Foundation
import TolkKit

// Parses every article of a folder into models (both sides) and, with
// --render, renders each as terminal text and as Markdown (--analyze: also
// records the syntax of every unit side, which the check rules read). Prints one line of
// JSON with files/s and MB/s. Used by bench/run.sh; see bench/README.md.

var arguments = Array(CommandLine.arguments.dropFirst())
var jobs = ProcessInfo.processInfo.activeProcessorCount
var render = false
var analyze = false
var repeats = 1
var folder: String?
while let arg = arguments.first {
    arguments.removeFirst()
    switch arg {
    case "--jobs", "-j": jobs = Int(arguments.removeFirst()) ?? jobs
    case "--render": render = true
    case "--analyze": analyze = true
    case "--repeat": repeats = Int(arguments.removeFirst()) ?? 1
    default: folder = arg
    }
}
guard let folder else {
    FileHandle.standardError.write(Data("usage: TolkBench [--jobs N] [--render] [--analyze] [--repeat N] FOLDER\n".utf8))
    exit(2)
}
let paths = ArticleLocator.articles(under: folder)
var bytes = 0
var times: [Double] = []
var units = 0
var failures = 0
let shouldRender = render
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    let results = ArticleParser(analyzesUnits: analyze).parseAll(paths, jobs: jobs) { _, result -> (units: Int, bytes: Int) in
        guard case .success(let article) = result else { return (-1, 0) }
        if shouldRender {
            _ = TerminalRenderer(mode: .single(.target), width: 80).render(article)
            _ = MarkdownRenderer(side: .target).renderBytes(article)
        }
        return (article.units.count, article.bytes.count)
    }
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    units = results.filter { $0.units >= 0 }.reduce(0) { $0 + $1.units }
    failures = results.filter { $0.units < 0 }.count
    bytes = results.reduce(0) { $0 + $1.bytes }
}
let median = times.sorted()[times.count / 2]
print(
    "{\"files\": \(paths.count), \"failures\": \(failures), \"units\": \(units), \"megabytes\": \(String(format: "%.2f", Double(bytes) / 1e6)), "
        + "\"jobs\": \(jobs), \"render\": \(render), \"seconds\": \(String(format: "%.3f", median)), "
        + "\"filesPerSecond\": \(Int(Double(paths.count) / median)), \"megabytesPerSecond\": \(String(format: "%.1f", Double(bytes) / 1e6 / median))}"
)
