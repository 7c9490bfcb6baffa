import Foundation

/// Finds an article by path or by slug in a content folder.
public struct ArticleLocator: Sendable {
    /// The folder searched for slugs.
    public var contentDirectory: String?

    public init(contentDirectory: String?) {
        self.contentDirectory = contentDirectory
    }

    /// The slug shown when no article is named.
    public static let defaultSlug = "password-sync"

    /// The content folder: `TOLK_CONTENT`, else `./content`, else the `content`
    /// folder of the checkout the executable was built in.
    public static func defaultContentDirectory(environment: [String: String], executablePath: String) -> String? {
        if let explicit = environment["TOLK_CONTENT"], !explicit.isEmpty { return explicit }
        let fm = FileManager.default
        if fm.fileExists(atPath: "content/\(defaultSlug).md") { return "content" }
        var url = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = url.appendingPathComponent("content")
            if fm.fileExists(atPath: candidate.appendingPathComponent("\(defaultSlug).md").path) { return candidate.path }
            url.deleteLastPathComponent()
        }
        return nil
    }

    /// A path as given when it exists (or looks like a path); otherwise
    /// `<content>/<slug>.md`, also searched in subfolders.
    public func resolve(_ name: String) -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: name) || name.contains("/") || name.hasSuffix(".md") { return name }
        guard let dir = contentDirectory else { return name }
        let direct = dir + "/" + name + ".md"
        if fm.fileExists(atPath: direct) { return direct }
        if let walker = fm.enumerator(atPath: dir) {
            for case let relative as String in walker where (relative as NSString).lastPathComponent == name + ".md" {
                return dir + "/" + relative
            }
        }
        return name
    }

    /// All `.md` articles under a folder, sorted by path; a file is returned as is.
    public static func articles(under path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        var out: [String] = []
        if let walker = FileManager.default.enumerator(atPath: base) {
            for case let relative as String in walker where relative.hasSuffix(".md") {
                let name = (relative as NSString).lastPathComponent
                if name == "README.md" || name == "LICENSE.md" { continue }
                out.append(base + "/" + relative)
            }
        }
        return out.sorted()
    }
}
