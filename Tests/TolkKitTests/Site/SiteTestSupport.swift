import Foundation
import Testing

@testable import TolkKit

/// Helpers for the site tests: a content folder made of fixture articles in a
/// temporary folder, in-process builds, and reading what a build wrote.
enum SiteTesting {
    static let templates = Fixtures.packageRoot.appendingPathComponent("templates").path

    /// A new temporary folder; the caller removes it.
    static func temporaryFolder(_ name: String = "tolk-site") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// `root/content` holding copies of the given files (paths relative to the package root),
    /// each under its own name or the name given after `=>`.
    static func content(in root: String, _ files: [String]) throws -> String {
        let content = root + "/content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        for spec in files {
            let parts = spec.components(separatedBy: " => ")
            let source = Fixtures.packageRoot.appendingPathComponent(parts[0]).path
            let target = content + "/" + (parts.count > 1 ? parts[1] : (parts[0] as NSString).lastPathComponent)
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source, toPath: target)
        }
        return content
    }

    /// The three seed articles, the seed's status binding and an article with an image.
    static let seedFiles = [
        "content/password-sync.md", "content/password-sync.status.yml", "content/error-code-0x15.md",
        "content/contact-us-by-clicking-the-headphone-button.md",
        "content/media/contact-us-headphone-icon.png => media/contact-us-headphone-icon.png",
    ]

    static func options(_ content: String, _ out: String) -> SiteBuilder.Options {
        var options = SiteBuilder.Options(content: content, output: out, templates: templates)
        options.removeOldSiteInBackground = false
        options.jobs = 2
        return options
    }

    static func build(_ options: SiteBuilder.Options, shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> SiteBuilder.Report {
        try SiteBuilder(options: options).build(shouldStop: shouldStop)
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// Every file below `root`, relative to it, sorted.
    static func files(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    /// The entries of `folder` (names only).
    static func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// Every `<loc>` of a sitemap, with the `hreflang` → `href` alternates listed under it.
    static func sitemapEntries(_ xml: String) -> [(loc: String, alternates: [String: String])] {
        var out: [(String, [String: String])] = []
        for block in xml.components(separatedBy: "<url>").dropFirst() {
            guard let start = block.range(of: "<loc>"), let end = block.range(of: "</loc>") else { continue }
            let loc = String(block[start.upperBound..<end.lowerBound])
            var alternates: [String: String] = [:]
            for link in block.components(separatedBy: "<xhtml:link").dropFirst() {
                let values = HTMLTesting.attributeValues("hreflang", in: link) + HTMLTesting.attributeValues("href", in: link)
                if values.count == 2 { alternates[values[0]] = values[1] }
            }
            out.append((loc, alternates))
        }
        return out
    }
}
