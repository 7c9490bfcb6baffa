import Foundation
import Testing
import TolkKit

@Suite("tolk show (built binary)")
struct ShowCommandTests {
    // MARK: a content folder of locale folders (Fixtures/locales: da-DK and sv-SE)

    @Test("In locale folders, the reader's language picks the copy: sv_SE.UTF-8 shows the Swedish article")
    func localeFolderReaderLanguage() throws {
        let locales = Fixtures.path("locales")
        let sv = try TolkProcess.run(
            ["show", "password-sync", "--no-pager"], environment: ["TOLK_CONTENT": locales, "LANG": "sv_SE.UTF-8"])
        #expect(sv.status == 0)
        #expect(sv.stdout.contains("Aktivera Lösenordssynkronisering"))
        #expect(sv.stderr.isEmpty)
        let da = try TolkProcess.run(["show", "password-sync", "--no-pager"], environment: ["TOLK_CONTENT": locales, "LANG": "da"])
        #expect(da.stdout.contains("Aktivér synkronisering af adgangskoder"), "a language alone matches its region")
    }

    @Test("In locale folders, an article not in the reader's language is shown in English, with the languages it has")
    func localeFolderFallback() throws {
        let locales = Fixtures.path("locales")
        let de = try TolkProcess.run(
            ["show", "password-sync", "--no-pager"], environment: ["TOLK_CONTENT": locales, "LANG": "de_DE.UTF-8"])
        #expect(de.status == 0)
        #expect(de.stdout.contains("Enable Password Sync"))
        #expect(de.stderr == "tolk: password-sync is not in de-DE; showing the English. It is in da-DK, sv-SE (--lang LOCALE picks one)\n")
        // --lang picks any copy, `en` the English without a note, a missing language is a usage error.
        let da = try TolkProcess.run(
            ["show", "password-sync", "--no-pager", "--lang", "da"], environment: ["TOLK_CONTENT": locales, "LANG": "de_DE.UTF-8"])
        #expect(da.stdout.contains("Aktivér synkronisering af adgangskoder"))
        let en = try TolkProcess.run(
            ["show", "password-sync", "--no-pager", "--lang", "en"], environment: ["TOLK_CONTENT": locales, "LANG": "sv_SE.UTF-8"])
        #expect(en.stdout.contains("Enable Password Sync") && en.stderr.isEmpty)
        let fr = try TolkProcess.run(["show", "password-sync", "--no-pager", "--lang", "fr"], environment: ["TOLK_CONTENT": locales])
        #expect(fr.status == 2)
        #expect(fr.stderr.contains("password-sync is in da-DK, sv-SE and English, not in fr"))
        // render reads the same copy.
        let md = try TolkProcess.run(
            ["render", "password-sync", "--to", "markdown"], environment: ["TOLK_CONTENT": locales, "LANG": "sv_SE.UTF-8"])
        #expect(md.stdout.contains("ms.contentlocale: sv-SE"))
    }

    @Test("make run's view: the seed article in Danish, steps 1–3, the alternative under 1, both status fields under 3")
    func seedInDanish() throws {
        let out = try TolkProcess.run(["show", "password-sync", "--lang", "da", "--no-pager"])
        #expect(out.status == 0)
        #expect(out.stderr.isEmpty)
        let text = out.stdout
        // The live status panel from the example provider comes first, then the article.
        #expect(text.hasPrefix("┃ Status · ./password-sync-status.sh · læst "))
        #expect(text.contains("┃ ✓ Synkronisering af adgangskode aktiveret  Sand\n"))
        #expect(text.contains("\n\nAktiver synkronisering af adgangskode\n"))
        let order = [
            "1.  Vælg DirSync-status på startsiden", "Alternativt kan du gå til", "2.  Vælg Gå til DirSync-administration",
            "3.  Nu kan du se din status", "◆ Synkronisering af adgangskode aktiveret: (Sand eller Falsk)",
            "◆ Synkronisering af sidste adgangskode:",
        ]
        var position = text.startIndex
        for piece in order {
            let range = try #require(text.range(of: piece, range: position..<text.endIndex), "\(piece) in order")
            position = range.upperBound
        }
        #expect(!text.contains("Choose DirSync Status"))
        #expect(!text.contains("\u{1B}"), "no escape codes when piped")
    }

    @Test("--lang both puts each English original under its Danish sentence")
    func both() throws {
        let out = try TolkProcess.run(["show", "password-sync", "--lang", "both", "--no-pager"])
        #expect(out.status == 0)
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pairs = [
            ("Aktiver synkronisering af adgangskode", "↳ Enable Password Sync"),
            ("1.  Vælg DirSync-status", "↳ Choose DirSync Status on the Microsoft 365 admin center home page."),
            ("3.  Nu kan du se din status", "↳ Now you'll see your status, and make changes:"),
        ]
        for (danish, english) in pairs {
            let i = try #require(lines.firstIndex { $0.hasPrefix(danish) }, "\(danish)")
            let j = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(english) }, "\(english)")
            #expect(j > i && j <= i + 3, "\(english) right under \(danish)")
        }
        #expect(out.stdout.contains("↳ Alternately, you can go to Users > Active users"))
        #expect(out.stdout.contains("↳ Password sync enabled: (True or False)."))
    }

    @Test("--lang en shows the English article", arguments: ["en", "en-US", "source"])
    func english(_ lang: String) throws {
        let out = try TolkProcess.run(["show", "password-sync", "--lang", lang, "--no-pager", "--no-status"])
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("Enable Password Sync\n"))
        #expect(out.stdout.contains("1.  Choose DirSync Status on the Microsoft 365 admin center home page."))
        #expect(out.stdout.contains("◆ Last Password Sync: (Last time password sync ran)."))
        #expect(!out.stdout.contains("Vælg"))
    }

    @Test("the default language follows LC_ALL, LC_MESSAGES, LANG")
    func defaultLanguage() throws {
        let cases: [([String: String], String)] = [
            (["LANG": "da_DK.UTF-8"], "Aktiver"),
            (["LANG": "en_US.UTF-8"], "Enable"),
            (["LANG": "en_US.UTF-8", "LC_MESSAGES": "da_DK.UTF-8"], "Aktiver"),
            (["LANG": "da_DK.UTF-8", "LC_ALL": "C"], "Enable"),
            (["LANG": "de_DE.UTF-8"], "Enable"),
        ]
        for (env, expected) in cases {
            let out = try TolkProcess.run(["show", "password-sync", "--no-pager", "--no-status"], environment: env)
            #expect(out.stdout.hasPrefix(expected), "\(env)")
        }
    }

    @Test("no argument shows the default article")
    func defaultArticle() throws {
        let out = try TolkProcess.run(["show", "--no-pager", "--lang", "da", "--no-status"])
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("Aktiver synkronisering af adgangskode"))
    }

    @Test("colour: --color, NO_COLOR, CLICOLOR_FORCE")
    func colour() throws {
        let esc = "\u{1B}["
        #expect(try TolkProcess.run(["show", "--no-pager", "--color", "always"]).stdout.contains(esc))
        #expect(
            !(try TolkProcess.run(["show", "--no-pager", "--color", "never"], environment: ["CLICOLOR_FORCE": "1"]).stdout.contains(esc)))
        #expect(try TolkProcess.run(["show", "--no-pager"], environment: ["CLICOLOR_FORCE": "1"]).stdout.contains(esc))
        #expect(
            !(try TolkProcess.run(["show", "--no-pager"], environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": "1"]).stdout.contains(esc)))
        #expect(!(try TolkProcess.run(["show", "--no-pager"]).stdout.contains(esc)))
        // UI labels are highlighted (bold cyan) when colour is on.
        let coloured = try TolkProcess.run(["show", "--no-pager", "--color", "always", "--lang", "en"]).stdout
        #expect(coloured.contains("DirSync Status"))
        #expect(coloured.contains("\u{1B}[1;36mDirSync Status"))
    }

    @Test("width from --width and COLUMNS; no line is wider", arguments: [24, 40, 72, 120])
    func width(_ width: Int) throws {
        for args in [["--width", String(width)], []] {
            let out = try TolkProcess.run(
                ["show", "password-sync", "--lang", "both", "--no-pager"] + args, environment: ["COLUMNS": String(width)])
            #expect(out.status == 0)
            for line in out.stdout.split(separator: "\n") { #expect(DisplayWidth.of(line) <= width, "\(line)") }
        }
    }

    @Test("$PAGER is not used when output is not a terminal")
    func noPagerWhenPiped() throws {
        let out = try TolkProcess.run(["show", "password-sync"], environment: ["PAGER": "sh -c 'echo PAGED'"])
        #expect(out.status == 0)
        #expect(!out.stdout.contains("PAGED"))
        #expect(out.stdout.contains("DirSync"))
    }

    @Test("help lists every command and option")
    func help() throws {
        let root = try TolkProcess.run(["--help"])
        #expect(root.status == 0)
        for word in ["show", "render", "Exit status", "NO_COLOR"] { #expect(root.stdout.contains(word), "\(word)") }
        let show = try TolkProcess.run(["show", "--help"])
        for word in ["--lang", "--width", "--color", "--no-pager", "Examples"] { #expect(show.stdout.contains(word), "\(word)") }
        let render = try TolkProcess.run(["render", "--help"])
        for word in ["--to", "terminal", "markdown", "json", "--output", "--no-front-matter", "--lang"] {
            #expect(render.stdout.contains(word), "\(word)")
        }
    }
}
