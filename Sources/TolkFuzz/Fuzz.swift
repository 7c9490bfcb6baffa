import TolkKit

/// libFuzzer entry point: any bytes go through the parser and every renderer.
/// Built only by `make fuzz` (`swift build --sanitize=fuzzer --product TolkFuzz`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let article = try? ArticleParser().parse(bytes: bytes, path: "fuzz.md") else { return 0 }
    _ = JSONRenderer().render(article)
    _ = MarkdownRenderer(side: .target).renderBytes(article)
    _ = MarkdownRenderer(side: .source, includeFrontMatter: false).renderBytes(article)
    _ = TerminalRenderer(mode: .both, width: 40).render(article)
    return 0
}
