/// A renderer turns a parsed article into text; it reads only the model.
public protocol ArticleRenderer {
    /// The article as text in this renderer's format.
    func render(_ article: Article) -> String
}
