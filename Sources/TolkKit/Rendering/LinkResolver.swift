/// Turns an article's link destination into something a reader can open.
/// Site-relative links (`/microsoft-365/admin/…`) point into Microsoft's
/// documentation site, in the reader's language.
public struct LinkResolver: Hashable, Sendable {
    /// The site that site-relative links belong to.
    public var site: String
    /// The locale segment for site-relative links, such as `da-dk` or `en-us`.
    public var locale: String

    /// A resolver for `site` in `locale` (lowercased).
    public init(site: String = "https://learn.microsoft.com", locale: String) {
        self.site = site
        self.locale = locale.lowercased()
    }

    /// The URL to open, or the destination unchanged when it is not site-relative.
    public func resolve(_ destination: String) -> String {
        guard destination.hasPrefix("/"), !destination.hasPrefix("//"),
            !SitePlan.hasPrefixIgnoringCase(destination, "/alchemyinsights/")
        else { return destination }
        return site + "/" + locale + destination
    }
}
