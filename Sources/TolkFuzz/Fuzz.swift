import Foundation
import TolkKit

/// A binding with every value type and rule, for fuzzed status documents.
private let binding = try? StatusBinding(
    yaml: """
        fields:
          - {label: On, key: a.on, type: boolean, expect: true}
          - {label: N, key: /a/n, type: number, min: 1, max: 9}
          - {label: T, key: a.t, type: text, expect: [x]}
          - {label: E, key: a.e, type: enumeration, values: [Up, Down], expect: Up}
          - {label: D, key: a.list.0.d, type: date-time, staleAfter: 3d}
        """, path: "fuzz.status.yml")

/// libFuzzer entry point: any bytes go through the parser and every renderer,
/// and through the status readers (JSON document, YAML binding, evaluation, panel).
/// Built only by `make fuzz` (`swift build --sanitize=fuzzer --product TolkFuzz`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    fuzzStatus(bytes)
    guard let article = try? ArticleParser().parse(bytes: bytes, path: "fuzz.md") else { return 0 }
    _ = JSONRenderer().render(article)
    _ = MarkdownRenderer(side: .target).renderBytes(article)
    _ = MarkdownRenderer(side: .source, includeFrontMatter: false).renderBytes(article)
    _ = TerminalRenderer(mode: .both, width: 40).render(article)
    return 0
}

private func fuzzStatus(_ bytes: [UInt8]) {
    if let text = String(validating: bytes, as: UTF8.self) {
        _ = try? StatusBinding(yaml: text, path: "fuzz.status.yml")
        _ = StatusDate.parse(text, zone: TimeZone(identifier: "UTC") ?? .current)
        _ = StatusDuration(parsing: text)
        _ = CommandLineSplitter.split(text)
    }
    guard let binding else { return }
    let reading = StatusReading(origin: "fuzz", readAt: Date(timeIntervalSince1970: 1_795_000_000), bytes: bytes)
    let evaluation = StatusEvaluator(now: reading.readAt).evaluate(binding, reading: reading)
    for language in ["da", "en"] {
        let presentation = StatusPresentation(evaluation, side: .target, words: StatusWords(language: language), now: reading.readAt)
        _ = TerminalStatusPanel(width: 30).render(presentation)
    }
}
