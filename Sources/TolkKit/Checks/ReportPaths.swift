/// How a report shows the paths its findings carry.
///
/// Findings and statistics carry each article's canonical path (see ``CheckedFiles``).
/// People read the path as they spelled it (`display`); CI systems read it relative to
/// the repository (`baseDirectory`): SARIF artifact URIs, GitHub annotations and JUnit
/// class names. Without a base directory and spellings, paths are shown as they are.
public struct ReportPaths: Sendable, Hashable, Codable {
    /// The folder CI paths are relative to: the git work tree of the checked files, else
    /// the checked root. Nil: paths are written as the findings have them.
    public var baseDirectory: String?
    /// The path to print, by canonical path.
    public var display: [String: String]

    /// Paths for CI relative to `baseDirectory` (nil: as the findings have them), printed as `display` spells them.
    public init(baseDirectory: String? = nil, display: [String: String] = [:]) {
        self.baseDirectory = baseDirectory
        self.display = display
    }

    /// The path people read for `path`.
    public func display(_ path: String) -> String { display[path] ?? path }

    /// `path` relative to the base directory, or nil when it lies outside it or there is none.
    public func relative(_ path: String) -> String? { ArtifactPath.relative(path, to: baseDirectory) }
}
