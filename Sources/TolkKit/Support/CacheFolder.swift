/// The folder Tolk keeps its caches in (the site's check cache, the search index):
/// `TOLK_CACHE_DIR`, else `$XDG_CACHE_HOME/tolk`, else `$HOME/.cache/tolk`.
public enum CacheFolder {
    /// The folder the environment names; nil when none of the variables is set.
    public static func path(environment: [String: String]) -> String? {
        if let dir = environment["TOLK_CACHE_DIR"], !dir.isEmpty { return dir }
        if let dir = environment["XDG_CACHE_HOME"], dir.hasPrefix("/") { return dir + "/tolk" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/tolk" }
        return nil
    }
}
