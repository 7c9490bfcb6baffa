import Foundation

/// What Foundation's locale data (ICU's CLDR data on Linux) says about a language: the
/// direction it is written in and its name in itself. Tolk keeps no table of its own.
/// Each answer is worked out once per identifier and kept, as a site asks for every page.
enum LanguageFacts {
    /// True for a language written right to left: `he`, `ar-SA`, `fa`, `pa-Arab`; not `pa-IN`
    /// (Gurmukhi) nor `da`. The script is the identifier's own, else the likeliest for it.
    static func isRightToLeft(_ identifier: String) -> Bool {
        directions.value(for: identifier) { Locale.Language(identifier: identifier).characterDirection == .rightToLeft }
    }

    /// The language's name in that language, as a language switch shows it: `Dansk`,
    /// `Norsk bokmål`, `Tiếng Việt`, `עברית`; for a language written in several scripts
    /// the name of the script's variety, `简体中文` for `zh-CN`, `繁體中文` for `zh-TW`.
    /// Nil when Foundation has no name for the language.
    static func autonym(_ identifier: String) -> String? {
        autonyms.value(for: identifier) { name(identifier) }
    }

    /// What a language's name names: the language (`da` for `da-DK`), with the script for a
    /// language written in several (`zh-Hans` for `zh-CN`, `zh-Hant` for `zh-TW`, `sr-Latn`).
    /// Nil when Foundation does not know the language.
    static func nameIdentifier(_ identifier: String) -> String? {
        nameIdentifiers.value(for: identifier) {
            let language = Locale.Language(identifier: identifier)
            guard let code = language.languageCode?.identifier, code != "und" else { return nil }
            guard multiScriptLanguages.contains(code),
                let script = language.script ?? Locale.Language(identifier: language.maximalIdentifier).script
            else { return code }
            return code + "-" + script.identifier
        }
    }

    /// Languages with locales in two or more scripts in Foundation's data (`zh`: Hans and
    /// Hant; `sr`: Cyrl and Latn): their names say which script.
    static let multiScriptLanguages: Set<String> = {
        var scripts: [Substring: Set<Substring>] = [:]
        for identifier in Locale.availableIdentifiers {
            // `zh_Hant_TW`, `sr_Latn`: a script is the four-letter subtag after the language.
            let parts = identifier.split(separator: "_", maxSplits: 2)
            if parts.count >= 2, parts[1].count == 4 { scripts[parts[0], default: []].insert(parts[1]) }
        }
        return Set(scripts.compactMap { $0.value.count > 1 ? String($0.key) : nil })
    }()

    private static let directions = OnceEach<String, Bool>()
    private static let nameIdentifiers = OnceEach<String, String?>()
    private static let autonyms = OnceEach<String, String?>()

    private static func name(_ identifier: String) -> String? {
        guard let named = nameIdentifier(identifier) else { return nil }
        let own = Locale(identifier: named)
        guard let name = own.localizedString(forIdentifier: named), !name.isEmpty, name != named,
            name != own.language.languageCode?.identifier
        else { return nil }
        // Upper-case the first letter only, as the language itself does (Turkish i becomes İ).
        let first = name.startIndex
        let second = name.index(after: first)
        return name[first..<second].uppercased(with: own) + name[second...]
    }
}
