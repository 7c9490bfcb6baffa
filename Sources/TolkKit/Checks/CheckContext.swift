/// What rules may consult besides the article: the configuration.
public struct CheckContext: Sendable {
    /// The configuration the check runs under.
    public var configuration: CheckConfiguration
    /// False when the checked articles lie in fewer than two locale folders: then no rule
    /// compares an article with its copies in other locales, and none gathers facts for it.
    public var comparesLocaleFolders = true

    /// A context for checks under `configuration`.
    public init(configuration: CheckConfiguration = CheckConfiguration()) {
        self.configuration = configuration
    }
}

extension CheckContext {
    /// True when `paths` lie in two or more locale folders (`…/da-DK/…`, `…/sv-SE/…`) of one root.
    public static func spansLocaleFolders(_ paths: [String]) -> Bool {
        var keys: [String: String] = [:]  // root → the first locale folder's key
        for path in paths {
            guard let folder = LocaleFolder(path: path) else { continue }
            if let key = keys[folder.root] {
                if key != folder.key { return true }
            } else {
                keys[folder.root] = folder.key
            }
        }
        return false
    }
}
