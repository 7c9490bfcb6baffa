import Foundation
import Mustache

/// The Mustache templates of HTML pages: `page.mustache` (required) and any
/// partials (`*.mustache`, named by their path without the extension), plus
/// `tolk.css`, the stylesheet, and `tolk.js`, the page's one script (both
/// optional). Read from a folder (`init(directory:)`), or Tolk's own, compiled
/// into the binary from the repository's `templates/` folder (`builtIn()`, from
/// `BuiltInTemplateFiles.swift`, generated from that folder and checked by a test).
public struct HTMLTemplates: Sendable {
    /// The folder the templates were read from; `builtInName` for Tolk's own.
    public let directory: String
    /// The stylesheet (`tolk.css`), inlined or written beside the pages; "" when absent.
    public let stylesheet: String
    /// The page script (`tolk.js`), nil when absent: pages then have no script.
    public let script: String?
    /// The script's Content-Security-Policy source (`'sha256-…'`), computed once.
    let scriptHash: String?
    /// The script of a page with a live status panel: `tolk.js` and `tolk-status.js`
    /// (optional) in one, and its hash.
    let liveScript: String?
    let liveScriptHash: String?
    /// The script of the translation-status page: `tolk.js` and `tolk-matrix.js` (the
    /// matrix's sorting and filtering), which no other page carries.
    let statusPageScript: String?
    let statusPageScriptHash: String?
    /// Sixteen hex digits that change when any template or asset read changes (a site
    /// built with other templates is rendered again as a whole).
    let fingerprint: String
    let library: MustacheLibrary
    /// Rendered skeletons, one per template and shape of context (see `TemplateSkeletons`).
    private let skeletons: TemplateSkeletons

    /// The files besides the `*.mustache` templates that pages use.
    static let assetNames = ["tolk.css", "tolk.js", "tolk-status.js", "tolk-matrix.js"]

    /// What `directory` says for the templates compiled into Tolk.
    public static let builtInName = "(Tolk's built-in templates)"

    /// Reads every template of `directory`; throws when a template does not parse
    /// (with its line and column) or when `page.mustache` is missing.
    public init(directory: String) throws(HTMLTemplateError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HTMLTemplateError(path: directory, message: "no such templates folder; give --templates DIR or set TOLK_TEMPLATES")
        }
        let base = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let names = (fm.enumerator(atPath: base)?.allObjects as? [String] ?? []).filter {
            $0.hasSuffix(".mustache") || Self.assetNames.contains($0)
        }
        var files: [String: String] = [:]
        for name in names {
            guard let data = fm.contents(atPath: base + "/" + name) else {
                throw HTMLTemplateError(path: base + "/" + name, message: "cannot read the template")
            }
            files[name] = String(decoding: data, as: UTF8.self)
        }
        try self.init(files: files, directory: base)
    }

    /// Tolk's own templates and assets, compiled into the binary from `templates/`.
    /// The tests load that folder and check that this copy is the same, so they load; a
    /// template broken there fails the tests, not a reader.
    public static func builtIn() throws(HTMLTemplateError) -> HTMLTemplates {
        try HTMLTemplates(files: Dictionary(uniqueKeysWithValues: builtInFiles.map { ($0.path, $0.text) }), directory: builtInName)
    }

    /// Writes Tolk's own templates and assets into `directory` (created when missing), as
    /// the start of a custom theme; returns the paths written. Refuses, before writing
    /// anything, when one of the files is already there.
    public static func exportBuiltIn(to directory: String) throws(HTMLTemplateError) -> [String] {
        let fm = FileManager.default
        let base = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let targets = builtInFiles.map { (path: base + "/" + $0.path, text: $0.text) }
        if let existing = targets.first(where: { fm.fileExists(atPath: $0.path) }) {
            throw HTMLTemplateError(path: existing.path, message: "the file exists; export the templates into a new or empty folder")
        }
        for target in targets {
            let folder = (target.path as NSString).deletingLastPathComponent
            do {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw HTMLTemplateError(path: folder, message: "cannot create the folder (\(error.localizedDescription))")
            }
            do {
                try AtomicFile.write(target.text, to: target.path)
            } catch {
                throw HTMLTemplateError(path: target.path, message: "cannot write: \(error.reason)")
            }
        }
        return targets.map(\.path)
    }

    /// The templates of `files` (path in the folder → text): the `*.mustache` ones and the
    /// assets (`assetNames`); other files are ignored. Errors name `directory + "/" + path`.
    init(files: [String: String], directory: String) throws(HTMLTemplateError) {
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        var fingerprint = ContentHash()
        let used = files.keys.filter { $0.hasSuffix(".mustache") || Self.assetNames.contains($0) }
        for name in used.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let text = files[name] ?? ""
            fingerprint.add(name)
            fingerprint.add(text)
            guard name.hasSuffix(".mustache") else { continue }
            let path = directory + "/" + name
            let partialName = String(name.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: text), named: partialName)
                sources[partialName] = text
            } catch let error as MustacheTemplate.ParserError {
                throw HTMLTemplateError(
                    path: path, line: error.context.lineNumber, column: error.context.columnNumber,
                    message: "the template does not parse (\(error.error))")
            } catch {
                throw HTMLTemplateError(path: path, message: "the template does not parse (\(error))")
            }
        }
        guard library.getTemplate(named: "page") != nil else {
            throw HTMLTemplateError(path: directory + "/page.mustache", message: "the templates folder has no page.mustache")
        }
        self.directory = directory
        self.library = library
        self.fingerprint = fingerprint.hex
        self.skeletons = TemplateSkeletons(templates: sources)
        self.stylesheet = files["tolk.css"] ?? ""
        func asset(_ name: String) -> String? { files[name].flatMap { $0.isEmpty ? nil : $0 } }
        let script = asset("tolk.js")
        self.script = script
        self.scriptHash = script.map(SHA256.cspSource)
        let live = asset("tolk-status.js").map { (script.map { $0 + "\n" } ?? "") + $0 } ?? script
        self.liveScript = live
        self.liveScriptHash = live.map(SHA256.cspSource)
        let statusPage = asset("tolk-matrix.js").map { (script.map { $0 + "\n" } ?? "") + $0 } ?? script
        self.statusPageScript = statusPage
        self.statusPageScriptHash = statusPage.map(SHA256.cspSource)
    }

    /// The templates a command uses: `--templates DIR` (`explicit`), else `TOLK_TEMPLATES`,
    /// else Tolk's own (`builtIn()`).
    public static func load(explicit: String?, environment: [String: String]) throws(HTMLTemplateError) -> HTMLTemplates {
        if let folder = folder(explicit: explicit, environment: environment) { return try HTMLTemplates(directory: folder) }
        return try builtIn()
    }

    /// The templates folder `--templates DIR` (`explicit`) or `TOLK_TEMPLATES` names; nil:
    /// Tolk's built-in templates.
    public static func folder(explicit: String?, environment: [String: String]) -> String? {
        if let explicit, !explicit.isEmpty { return explicit }
        if let variable = environment["TOLK_TEMPLATES"], !variable.isEmpty { return variable }
        return nil
    }

    /// The page template rendered with `context`.
    func renderPage(_ context: TemplateObject) -> String {
        render(context, template: "page") ?? ""
    }

    /// Template `name` rendered with `context`; nil when the folder has no such template.
    func render(_ context: TemplateObject, template name: String) -> String? {
        guard library.getTemplate(named: name) != nil else { return nil }
        let library = self.library
        return skeletons.render(.object(context), template: name) { library.render($0, withTemplate: name) }
    }

    /// True when the folder has `name.mustache`.
    public func hasTemplate(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Template `name` rendered with `context`; nil when the folder has no such template.
    func render(_ context: [String: Any], template name: String) -> String? {
        guard library.getTemplate(named: name) != nil else { return nil }
        let library = self.library
        return skeletons.render(context, template: name) { library.render($0, withTemplate: name) }
    }

    /// The templates whose pages come from the skeleton cache; Mustache renders every page of the others.
    var skeletonTemplates: Set<String> { skeletons.substitutable }

    /// Template `name` rendered by Mustache itself, without the skeleton cache (for tests).
    func renderDirectly(_ context: [String: Any], template name: String) -> String? {
        library.render(context, withTemplate: name)
    }
}

/// A templates folder that cannot be used: `path:line:col: error: message`.
public struct HTMLTemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The template file, or the folder.
    public var path: String
    /// The line of the error, from 1.
    public var line: Int
    /// The column of the error, from 1.
    public var column: Int
    /// What is wrong.
    public var message: String

    /// An error in the template at `path`, at `line` and `column`.
    public init(path: String, line: Int = 1, column: Int = 1, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}
