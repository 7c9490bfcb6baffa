/// A renderer turns a parsed article into text; it reads only the model.
public protocol ArticleRenderer {
    func render(_ article: Article) -> String
}
