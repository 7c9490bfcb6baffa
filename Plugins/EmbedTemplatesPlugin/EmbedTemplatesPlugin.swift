import Foundation
import PackagePlugin

/// Compiles the package's `templates/` folder into TolkKit (`HTMLTemplates.builtInFiles`), so
/// the built tool carries its default templates and assets and runs without a checkout. The
/// folder stays the one copy kept by hand: the Swift file is generated again whenever a file in
/// it changes, and is never checked in.
@main
struct EmbedTemplatesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "templates")
        var inputs: [URL] = []
        let keys: [URLResourceKey] = [.isRegularFileKey]
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: Set(keys)).isRegularFile) == true {
                inputs.append(url)
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding the templates folder in \(target.name)",
                executable: try context.tool(named: "EmbedTemplates").url,
                arguments: [folder.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
