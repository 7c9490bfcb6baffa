import Foundation
import Mustache

/// The Mustache templates of HTML pages, loaded from one folder: `page.mustache`
/// (required) and any partials (`*.mustache`, named by their path without the
/// extension), plus `tolk.css`, the stylesheet, and `tolk.js`, the page's one
/// script (both optional).
public struct HTMLTemplates: Sendable {
    /// The folder the templates were read from.
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
    let library: MustacheLibrary
    /// Rendered skeletons, one per template and shape of context (see `TemplateSkeletons`).
    private let skeletons: TemplateSkeletons

    /// Reads every template of `directory`; throws when a template does not parse
    /// (with its line and column) or when `page.mustache` is missing.
    public init(directory: String) throws(HTMLTemplateError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HTMLTemplateError(path: directory, message: "no such templates folder; give --templates DIR or set TOLK_TEMPLATES")
        }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        let names = (fm.enumerator(atPath: base)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
        for name in names {
            let path = base + "/" + name
            guard let data = fm.contents(atPath: path) else { throw HTMLTemplateError(path: path, message: "cannot read the template") }
            let text = String(decoding: data, as: UTF8.self)
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
            throw HTMLTemplateError(path: base + "/page.mustache", message: "the templates folder has no page.mustache")
        }
        self.directory = base
        self.library = library
        self.skeletons = TemplateSkeletons(templates: sources)
        self.stylesheet = fm.contents(atPath: base + "/tolk.css").map { String(decoding: $0, as: UTF8.self) } ?? ""
        let script = fm.contents(atPath: base + "/tolk.js").map { String(decoding: $0, as: UTF8.self) }.flatMap { $0.isEmpty ? nil : $0 }
        self.script = script
        self.scriptHash = script.map(SHA256.cspSource)
        let status = fm.contents(atPath: base + "/tolk-status.js").map { String(decoding: $0, as: UTF8.self) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        let live = status.map { (script.map { $0 + "\n" } ?? "") + $0 } ?? script
        self.liveScript = live
        self.liveScriptHash = live.map(SHA256.cspSource)
        let matrix = fm.contents(atPath: base + "/tolk-matrix.js").map { String(decoding: $0, as: UTF8.self) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        let statusPage = matrix.map { (script.map { $0 + "\n" } ?? "") + $0 } ?? script
        self.statusPageScript = statusPage
        self.statusPageScriptHash = statusPage.map(SHA256.cspSource)
    }

    /// The templates folder: `TOLK_TEMPLATES`, else `./templates`, else the
    /// `templates` folder of the checkout the executable was built in (as
    /// `ArticleLocator.defaultContentDirectory` finds `content`).
    public static func defaultDirectory(environment: [String: String], executablePath: String) -> String? {
        if let explicit = environment["TOLK_TEMPLATES"], !explicit.isEmpty { return explicit }
        let fm = FileManager.default
        if fm.fileExists(atPath: "templates/page.mustache") { return "templates" }
        var url = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = url.appendingPathComponent("templates")
            if fm.fileExists(atPath: candidate.appendingPathComponent("page.mustache").path) { return candidate.path }
            url.deleteLastPathComponent()
        }
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
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int = 1, column: Int = 1, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}
