import Foundation

/// Where Tolk looks for its content folder, in order, and the folder it uses: `--content DIR`,
/// `TOLK_CONTENT`, `./content`, `$XDG_DATA_HOME/tolk/content` (else
/// `~/.local/share/tolk/content`), then `share/tolk/content` beside the installed binary
/// (`PREFIX/bin/tolk` → `PREFIX/share/tolk/content`). A folder named by `--content` or
/// `TOLK_CONTENT` is used as given; the others only when they exist.
public struct ContentSearch: Sendable, Equatable {
    /// One place looked at: its path and what put it on the list.
    public struct Place: Sendable, Equatable, CustomStringConvertible {
        /// The folder's path.
        public var path: String
        /// `--content`, `TOLK_CONTENT`, `./content`, `XDG_DATA_HOME`, `HOME` or `tolk's prefix`.
        public var origin: String

        /// A place at `path`, put on the list by `origin`.
        public init(path: String, origin: String) {
            self.path = path
            self.origin = origin
        }

        public var description: String { path == origin ? path : "\(path) (\(origin))" }
    }

    /// The places looked at, in order, up to the one used.
    public var looked: [Place]
    /// The content folder used; nil when none of the places exists.
    public var found: Place?

    /// The search for the content folder; `explicit` is `--content DIR`, `executablePath`
    /// the running binary (its prefix's `share/tolk/content` is the last place),
    /// `currentDirectory` the folder `./content` is in (nil: the process's). The binary's path
    /// is asked for only when the places before it do not exist (Foundation's `Bundle.main`
    /// reads the binary's folder: 4.6 ms for a folder of 6,000 files).
    public init(
        explicit: String?, environment: [String: String], executablePath: @autoclosure () -> String?, currentDirectory: String? = nil
    ) {
        looked = []
        found = nil
        if let explicit, !explicit.isEmpty {
            use(Place(path: explicit, origin: "--content"))
            return
        }
        if let variable = environment["TOLK_CONTENT"], !variable.isEmpty {
            use(Place(path: variable, origin: "TOLK_CONTENT"))
            return
        }
        var candidates = [Place(path: currentDirectory.map { $0 + "/content" } ?? "content", origin: "./content")]
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            candidates.append(Place(path: data + "/tolk/content", origin: "XDG_DATA_HOME"))
        } else if let home = environment["HOME"], !home.isEmpty {
            candidates.append(Place(path: home + "/.local/share/tolk/content", origin: "HOME"))
        }
        for candidate in candidates where look(at: candidate) { return }
        if let executable = executablePath(), !executable.isEmpty {
            // PREFIX/bin/tolk → PREFIX/share/tolk/content, through any symbolic link to the binary.
            let prefix = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
                .deletingLastPathComponent()
            _ = look(at: Place(path: prefix.appendingPathComponent("share/tolk/content").path, origin: "tolk's prefix"))
        }
    }

    /// Adds `place` to the places looked at; true, and `found`, when it is a folder.
    private mutating func look(at place: Place) -> Bool {
        looked.append(place)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: place.path, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
        found = place
        return true
    }

    private mutating func use(_ place: Place) {
        looked.append(place)
        found = place
    }

    /// Where Tolk looked, for a message: `the content folder content (./content)`, `the content
    /// folder /usr/local/share/tolk/content (tolk's prefix), the first that exists of …`, or
    /// `no content folder: none of … exists`.
    public var summary: String {
        let all = looked.map(\.description).joined(separator: ", ")
        guard let found else { return "no content folder: none of \(all) exists" }
        return looked.count == 1 ? "the content folder \(found)" : "the content folder \(found), the first that exists of \(all)"
    }
}
