/// The monolingual article of one side: each unit replaced by that side's text
/// and every other byte kept. For the target side this is the file
/// the publishing pipeline published, byte for byte.
public struct MarkdownRenderer: ArticleRenderer {
    /// The side whose Markdown is written.
    public var side: Side
    /// Drop the `---` front matter block (and nothing else).
    public var includeFrontMatter: Bool

    /// A renderer of `side`, with or without the front matter.
    public init(side: Side, includeFrontMatter: Bool = true) {
        self.side = side
        self.includeFrontMatter = includeFrontMatter
    }

    /// The Markdown of the chosen side as UTF-8 bytes.
    public func renderBytes(_ article: Article) -> [UInt8] {
        let drop = includeFrontMatter ? nil : article.frontMatter.map { $0.range.byteRange }
        return Projection.plain(article.bytes, units: article.units, side: side, dropping: drop)
    }

    /// The Markdown of the chosen side.
    public func render(_ article: Article) -> String {
        String(decoding: renderBytes(article), as: UTF8.self)
    }
}
