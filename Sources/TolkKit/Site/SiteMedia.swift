import Foundation

/// The images articles show from the content folder (`media/x.png` beside the
/// article): each one found (also when the article spells its name in another
/// case, as Windows allows), copied once to the site's `media/` folder under
/// its path in the content, and pointed at from the pages. Images outside the
/// content folder are not copied; `data:` images stay in the page.
final class SiteMedia: @unchecked Sendable {
    let contentRoot: String
    private let lock = NSLock()
    /// Per folder of the content: lower-cased file name → the name on disk.
    private var listings: [String: [String: String]] = [:]

    init(contentRoot: String) {
        self.contentRoot = contentRoot
    }

    /// An image of one article: where the page points, and the file to copy.
    struct Image: Hashable, Sendable {
        /// The path below the site's root, such as `media/AlchemyInsights/media/x.png`.
        var output: String
        /// The file in the content folder.
        var source: String
    }

    /// The image a relative `src` of the article at `relativePath` names, or nil when
    /// it is not a relative path or names no file inside the content folder.
    func image(_ src: String, articleAt relativePath: String) -> Image? {
        var rest = Substring(src.trimmingSpaces)
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        guard !rest.isEmpty, !rest.hasPrefix("/"), !rest.hasPrefix("\\"), SafeURL.scheme(of: String(rest)) == nil,
            let decoded = String(rest).replacingOccurrences(of: "\\", with: "/").removingPercentEncoding
        else { return nil }
        var parts = relativePath.split(separator: "/").dropLast().map(String.init)
        for part in decoded.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        guard let fileName = parts.popLast(), !fileName.isEmpty else { return nil }
        let folder = parts.joined(separator: "/")
        guard let actual = lookup(fileName, in: folder) else { return nil }
        let relative = (folder.isEmpty ? "" : folder + "/") + actual
        let output = "media/" + (parts + [actual]).map(Self.safeSegment).joined(separator: "/")
        return Image(output: output, source: contentRoot + "/" + relative)
    }

    /// The name of a regular file in a content folder, matched exactly or else ignoring case.
    private func lookup(_ name: String, in folder: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if listings[folder] == nil {
            var names: [String: String] = [:]
            let path = folder.isEmpty ? contentRoot : contentRoot + "/" + folder
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !entry.hasPrefix(".") {
                var info = stat()
                guard stat(path + "/" + entry, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                names[entry] = entry
                if names[entry.lowercased()] == nil { names[entry.lowercased()] = entry }
            }
            listings[folder] = names
        }
        return listings[folder]?[name] ?? listings[folder]?[name.lowercased()]
    }

    /// A path component as the site writes it: letters, digits, `.`, `_` and `-`; a
    /// name with anything else (or a leading dot) gets those replaced and a hash
    /// of the original before its extension, so two names never meet.
    static func safeSegment(_ name: String) -> String {
        let isPlain = { (b: UInt8) in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x2E
        }
        if !name.hasPrefix("."), !name.isEmpty, name.utf8.count <= 150, name.utf8.allSatisfy(isPlain) { return name }
        let ext = (name as NSString).pathExtension
        let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        let clean = { (s: String) in
            String(String.UnicodeScalarView(s.unicodeScalars.map { isPlain(UInt8(truncatingIfNeeded: $0.value)) && $0.isASCII ? $0 : "-" }))
        }
        var base = String(clean(stem).drop { $0 == "." }.prefix(100))
        if base.isEmpty { base = "file" }
        let safeExt = clean(ext).filter { $0 != "." }
        return base + "-" + ContentHash.hex32(Array(name.utf8)) + (safeExt.isEmpty ? "" : "." + String(safeExt.prefix(10)))
    }
}
