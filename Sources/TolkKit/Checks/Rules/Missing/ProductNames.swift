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

    /// The built-in names by their first byte (a table of 256 lists, longest first).
    private static let byFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for name in builtIn { table[Int(name.utf8.first!)].append(Array(name.utf8)) }
        return table
    }()

    /// Byte ranges of `bytes` covered by a built-in name (case-sensitive) or a
    /// configured term (case-insensitive), each on word boundaries.
    static func ranges(in bytes: [UInt8], terms: [String]) -> [Range<Int>] {
        var configured = [[[UInt8]]](repeating: [], count: terms.isEmpty ? 0 : 256)
        for term in terms.filter({ !$0.isEmpty }).map({ Array($0.lowercased().utf8) }).sorted(by: { $0.count > $1.count }) {
            configured[Int(term[0])].append(term)
        }
        var found: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            // Names start words: a letter or digit before means no name starts here.
            if i > 0, isASCIIAlphanumeric(bytes[i - 1]) {
                i += 1
                continue
            }
            let folded = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            let builtIns = byFirstByte[Int(b)]
            let terms = configured.isEmpty ? [] : configured[Int(folded)]
            if (!builtIns.isEmpty || !terms.isEmpty), isWordEdge(ProseTokens.scalar(before: i, in: bytes)) {
                var matched = 0
                for pattern in terms where i + pattern.count <= bytes.count && pattern.count > matched {
                    if matches(pattern, bytes, at: i, ignoringCase: true), isWordEdge(ProseTokens.scalar(at: i + pattern.count, in: bytes))
                    {
                        matched = pattern.count
                    }
                }
                for pattern in builtIns where i + pattern.count <= bytes.count && pattern.count > matched {
                    if matches(pattern, bytes, at: i, ignoringCase: false), isWordEdge(ProseTokens.scalar(at: i + pattern.count, in: bytes))
                    {
                        matched = pattern.count
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

    private static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func matches(_ pattern: [UInt8], _ bytes: [UInt8], at start: Int, ignoringCase: Bool) -> Bool {
        var k = 0
        while k < pattern.count {
            var b = bytes[start + k]
            if ignoringCase, b >= 0x41, b <= 0x5A { b += 0x20 }
            if b != pattern[k] { return false }
            k += 1
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
