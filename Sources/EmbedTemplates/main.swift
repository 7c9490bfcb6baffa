// Writes a Swift file that carries every file of a templates folder as text, so that the
// tolk binary needs no checkout: `EmbedTemplates TEMPLATES-DIR OUTPUT.swift`. Run at build
// time by the EmbedTemplatesPlugin build-tool plugin; `templates/` stays the only copy kept
// by hand.
import Foundation

/// `text` as the inside of a Swift string literal: every scalar as is but the quote, the
/// backslash and control characters, so the compiled string has exactly the file's bytes.
func literal(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + text.utf8.count / 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7f:
            out += "\\u{" + String(scalar.value, radix: 16) + "}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("EmbedTemplates: error: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else { fail("usage: EmbedTemplates TEMPLATES-DIR OUTPUT.swift") }
let folder = arguments[1].hasSuffix("/") ? String(arguments[1].dropLast()) : arguments[1]
let output = arguments[2]

var names: [String] = []
guard let walker = FileManager.default.enumerator(atPath: folder) else { fail("\(folder): no such folder") }
for case let name as String in walker {
    if name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
        names.append(name)
    }
}
// Byte order, so the generated file does not depend on the file system's order or the locale.
names.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }

var swift = """
    // Generated at build time from the templates/ folder by the EmbedTemplatesPlugin
    // (Sources/EmbedTemplates): edit the files in templates/, not this one.

    extension HTMLTemplates {
        /// Every file of the templates folder Tolk was built with, by path in that folder.
        static let builtInFiles: [(path: String, text: String)] = [

    """
for name in names {
    guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { fail("\(folder)/\(name): cannot read") }
    guard let text = String(data: data, encoding: .utf8) else { fail("\(folder)/\(name): not UTF-8 text") }
    swift += "        (\"\(literal(name))\", \"\(literal(text))\"),\n"
}
swift += "    ]\n}\n"

// An unchanged file is left alone: the tool itself is rebuilt now and then (a package plugin's
// build links its own copy), and rewriting the same text would recompile TolkKit each time.
if FileManager.default.contents(atPath: output) != Data(swift.utf8) {
    do {
        try Data(swift.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
        fail("\(output): cannot write: \(error.localizedDescription)")
    }
}
