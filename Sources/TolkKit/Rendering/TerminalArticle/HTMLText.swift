/// The visible text of an HTML block for a terminal: tags dropped, images named,
/// character references (`&euro;`, `&#8364;`) decoded.
enum HTMLText {
    static func visibleText(_ html: String, imageWord: String) -> String {
        var out = ""
        var inTag = false
        var tag = ""
        var inComment = false
        var i = html.startIndex
        while i < html.endIndex {
            if inComment {
                if html[i...].hasPrefix("-->") {
                    inComment = false
                    i = html.index(i, offsetBy: 3)
                    continue
                }
            } else if inTag {
                if html[i] == ">" {
                    inTag = false
                    let lower = tag.lowercased()
                    if lower.hasPrefix("img") { out += "[\(imageWord)]" }
                    if lower.hasPrefix("br") || lower.hasPrefix("p") || lower.hasPrefix("/p") { out += "\n" }
                } else {
                    tag.append(html[i])
                }
            } else if html[i...].hasPrefix("<!--") {
                inComment = true
            } else if html[i] == "<" {
                inTag = true
                tag = ""
            } else {
                out.append(html[i])
            }
            i = html.index(after: i)
        }
        return CharacterReferences.decode(out).trimmingSpaces
    }
}
