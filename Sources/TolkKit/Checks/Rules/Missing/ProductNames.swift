/// Names that stay English in every translation: Microsoft's products and
/// services, and the other vendors' products the help articles mention. Units
/// made of these (and terms the team lists under `doNotTranslate`) are not
/// untranslated, and English words inside them are not leaked English.
enum ProductNames {
    /// Matched case-sensitively on word boundaries, longest first, so that
    /// "Microsoft Edge" is never mistaken for the English word "edge".
    static let builtIn: [String] = [
        "Microsoft 365", "Office 365", "Microsoft Teams", "Teams", "Outlook.com", "Outlook on the web", "Outlook",
        "SharePoint Online", "SharePoint Server", "SharePoint", "OneDrive for Business", "OneDrive", "Exchange Online Protection",
        "Exchange Online", "Exchange Server", "Exchange", "Azure Active Directory", "Azure AD", "Azure", "Power BI", "Power Automate",
        "Power Apps", "PowerApps", "Power Platform", "Microsoft Intune", "Intune", "Endpoint Manager", "Configuration Manager",
        "Windows Server", "Windows", "PowerShell", "Microsoft Edge", "Internet Explorer", "Skype for Business", "Skype", "Yammer",
        "Microsoft Stream", "Microsoft Forms", "Microsoft Planner", "Planner", "Microsoft Bookings", "Microsoft Defender",
        "Windows Defender", "Defender", "Microsoft Search", "Microsoft Store", "Microsoft Authenticator", "Authenticator",
        "Microsoft Dynamics", "Dynamics 365", "Microsoft Visio", "Visio", "Microsoft Project", "Microsoft Access", "Microsoft Word",
        "Microsoft Excel", "Excel", "PowerPoint", "OneNote", "Word", "Access", "Publisher", "Lync", "Delve", "Sway", "Kaizala",
        "Whiteboard", "Viva", "FastTrack", "Office", "Microsoft", "Xbox", "Bing", "MSN", "Hotmail", "Gmail", "Yahoo", "iCloud",
        "Apple", "Android", "iOS", "iPadOS", "macOS", "Mac", "iPhone", "iPad", "Google", "Chrome", "Firefox", "Safari", "Active Directory",
        "Cloud App Security", "Advanced Threat Protection", "Azure Information Protection", "Information Rights Management",
    ].sorted { $0.utf8.count > $1.utf8.count }

    /// The built-in names by their first byte.
    private static let byFirstByte: [UInt8: [[UInt8]]] = Dictionary(grouping: builtIn.map { Array($0.utf8) }) { $0[0] }

    /// Byte ranges of `bytes` covered by a built-in name (case-sensitive) or a
    /// configured term (case-insensitive), each on word boundaries.
    static func ranges(in bytes: [UInt8], terms: [String]) -> [Range<Int>] {
        let configured = terms.filter { !$0.isEmpty }.map { Array($0.lowercased().utf8) }.sorted { $0.count > $1.count }
        var found: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let folded = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            let candidates =
                configured.filter { $0[0] == folded }.map { ($0, true) } + (byFirstByte[b] ?? []).map { ($0, false) }
            if !candidates.isEmpty, isWordEdge(InlineMarkup.scalar(before: i, in: bytes)) {
                var matched = 0
                for (pattern, ignoringCase) in candidates where i + pattern.count <= bytes.count {
                    if matches(pattern, bytes, at: i, ignoringCase: ignoringCase),
                        isWordEdge(InlineMarkup.scalar(at: i + pattern.count, in: bytes))
                    {
                        matched = max(matched, pattern.count)
                    }
                }
                if matched > 0 {
                    found.append(i..<(i + matched))
                    i += matched
                    continue
                }
            }
            i += 1
        }
        return found
    }

    private static func matches(_ pattern: [UInt8], _ bytes: [UInt8], at start: Int, ignoringCase: Bool) -> Bool {
        for (k, p) in pattern.enumerated() {
            var b = bytes[start + k]
            if ignoringCase, b >= 0x41, b <= 0x5A { b += 0x20 }
            if b != p { return false }
        }
        return true
    }

    /// True when no letter or digit touches a name at this edge; a hyphen is a
    /// boundary, for compounds such as "Outlook-appen".
    private static func isWordEdge(_ neighbour: Unicode.Scalar?) -> Bool {
        guard let neighbour else { return true }
        return !(neighbour.properties.isAlphabetic || neighbour.properties.numericType != nil)
    }
}
