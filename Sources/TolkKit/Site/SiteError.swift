/// Why a site could not be built at all (a bad article is not one of these: it
/// is reported and skipped). Every case prints as `path:line:col: error: …` or
/// `tolk: error: …`.
public enum SiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A wrong option or folder: what to change.
    case usage(String)
    /// A file or folder that could not be read or written.
    case io(String, String)
    /// A path that would leave the output folder (a bug, never expected).
    case unsafePath(String)
    /// A templates folder that cannot be used.
    case templates(HTMLTemplateError)
    /// A message already in `path:line:col: error: …` form (a bad `.tolk.yml`).
    case located(String)
    /// SIGINT or SIGTERM: the build stopped and left the previous site as it was.
    case interrupted

    public var description: String {
        switch self {
        case .usage(let message): "tolk: error: " + message
        case .io(let path, let message): "\(path):1:1: error: \(message)"
        case .unsafePath(let path): "tolk: error: refusing to write '\(path)': it would leave the output folder"
        case .templates(let error): error.description
        case .located(let message): message
        case .interrupted: "tolk: interrupted; the previous site is unchanged"
        }
    }
}
