import Foundation
import Testing
import TolkKit

@Suite("Article model from docs/format.md's hard cases")
struct ArticleModelTests {
    func inlines(_ doc: Document) -> [Inline] {
        var out: [Inline] = []
        for inlines in doc.allInlines { for i in inlines { i.walk { out.append($0) } } }
        return out
    }

    @Test("localization keys are typed; every key is kept in order")
    func frontMatter() throws {
        let article = try Fixtures.article("articles/password-sync.md")
        let fm = try #require(article.frontMatter)
        let loc = fm.localization
        #expect(loc.openLocFileHash == "7ddb515b3c4820e2c904124fa96049eade4cbd2b")
        #expect(loc.translationType == .machine)
        #expect(loc.contentLocale == "da-DK")
        #expect(loc.lastHandoff == "04/22/2020")
        #expect(loc.lastHandoffDate == DateComponents(year: 2020, month: 4, day: 22))
        #expect(loc.locFileID == "43765587")
        #expect(fm.entries.map(\.key).prefix(3) == ["title", "ms.author", "author"])
        #expect(
            fm["search.appverid"] == .list([.string("MET150"), .string("MOE150"), .string("MEW150"), .string("MED150"), .string("MBS150")]))
        #expect(fm.entries.count == 16)
        #expect(fm.entries.last?.location.line == 22)
    }

    @Test("front matter segmented as a unit (case 3): not YAML, no localization keys, units in its area")
    func segmentedFrontMatter() throws {
        let article = try Fixtures.article("cases/03-troubleshoot-presence-issues-outlook.md")
        let fm = try #require(article.frontMatter)
        #expect(!fm.isValidYAML)
        #expect(fm.localization.isEmpty)
        #expect(article.units.first?.number == 101)
        #expect(article.units.filter { $0.area == .frontMatter }.count == 3)
        let warning = try #require(article.diagnostics.first { $0.code == "front-matter-yaml" })
        #expect(warning.severity == .warning)
        #expect(warning.location.line > 1)
    }

    @Test("a garbage key is kept (case 25)")
    func garbageKey() throws {
        let article = try Fixtures.article("cases/25-find-status-of-your-microsoft-365-ticket.md")
        #expect(article.frontMatter?.entries.contains { $0.key == "munlocking-an-account s.custom" } == true)
    }

    @Test("pseudo-tags are literal text; real tags are elements (case 13, 18)")
    func pseudoTags() throws {
        let article = try Fixtures.article("cases/13-multiple-objects-have-the-same-email-address-as-identity.md")
        let html = inlines(article.target).compactMap { if case .html(let h) = $0 { h } else { nil } }
        #expect(html.contains { $0.raw == "<email address>" && $0.kind == .literal })
        #expect(article.target.allInlines.contains { $0.plainText.contains("Hent-modtager <email address>") })

        let images = try Fixtures.article("cases/18-outlook-com-add-holiday-calendar.md")
        let img = inlines(images.target).compactMap { if case .html(let h) = $0, h.elementName == "img" { h } else { nil } }
        #expect(!img.isEmpty)
        #expect(img.allSatisfy { $0.attribute("src")?.hasPrefix("data:image/png;base64,") == true })
    }

    @Test("autolinks inside units are links (case 12)")
    func autolinks() throws {
        let article = try Fixtures.article("cases/12-teams-client-is-stuck-on-loading.md")
        let links = inlines(article.target).compactMap { if case .link(let l) = $0 { l } else { nil } }
        #expect(links.contains { $0.isAutolink && $0.destination.hasPrefix("https://") && $0.destination.contains("#/servicehealth") })
    }

    @Test("``` with a backtick in the info string is inline code, not a fence (case 5)")
    func inlineCodeTrap() throws {
        let article = try Fixtures.article("cases/05-using-the-office-deployment-tool.md")
        let code = inlines(article.target).compactMap { if case .code(let c) = $0 { c } else { nil } }
        #expect(code.contains { $0.contains("setupodt.exe /download") })
        #expect(!article.target.allBlocks.contains { if case (.code, _) = $0 { true } else { false } })
    }

    @Test("a target that starts with `4. ` is a list item in the target only (case 5)")
    func projectionChangesStructure() throws {
        let article = try Fixtures.article("cases/05-using-the-office-deployment-tool.md")
        let starts = { (doc: Document) in doc.allBlocks.compactMap { if case (.list(let l), _) = $0 { l.start } else { nil } } }
        #expect(starts(article.target).contains(4))
        #expect(!starts(article.source).contains(4))
        let unit = try #require(article.unit("87f56-113"))
        #expect(unit.target.hasPrefix("4. "))
    }

    @Test("an empty target is kept and flagged; its link has no text (case 6)")
    func emptyTarget() throws {
        let article = try Fixtures.article("cases/06-deploy-microsoft-edge-for-mobile-for-ios-ipados-or-android.md")
        let unit = try #require(article.unit("d090a-113"))
        #expect(unit.target.isEmpty)
        #expect(unit.isTargetEmpty)
        #expect(!unit.source.isEmpty)
        let links = inlines(article.target).compactMap { if case .link(let l) = $0 { l } else { nil } }
        #expect(links.contains { $0.children.unitIndices == [unit.index] && $0.children.plainText.isEmpty })
    }

    @Test("stray </span> and inner spans stay inside their unit (cases 1, 2)")
    func spans() throws {
        let one = try Fixtures.article("cases/01-outlook-com-setting-changes.md")
        #expect(one.unit("1a4d6-112")?.target.contains("instruktionerne </span> i denne [artikel](") == true)
        let two = try Fixtures.article("cases/02-workflow-email-not-being-sent.md")
        #expect(two.units.contains { $0.target.contains("<span>https:</span>//") })
    }

    @Test("notes: [!NOTE], [!Note], >[!Note], [!TIP] and [!VIDEO url]; a translated keyword is text (case 21)")
    func notes() throws {
        let text = """
            # <a name="x"></a>\(Fixtures.unit("abcde-102", "Titel", "Title"))

            > [!Note]
            > \(Fixtures.unit("abcde-103", "En.", "One."))

            >[!TIP]
            > \(Fixtures.unit("abcde-104", "To.", "Two."))

            > [!VIDEO https://www.microsoft.com/videoplayer/embed/RE1FNGK]

            > [!TIPS]
            > \(Fixtures.unit("abcde-105", "Tre.", "Three."))
            """
        let article = try Fixtures.article(text: text)
        let kinds = article.target.blocks.compactMap { if case .note(let n) = $0 { n.kind } else { nil } }
        #expect(kinds == [.note, .tip, .video(url: "https://www.microsoft.com/videoplayer/embed/RE1FNGK")])
        #expect(article.target.blocks.contains { if case .quote = $0 { true } else { false } }, "[!TIPS] is not an alert")

        let he = try Fixtures.article("cases/21-he-how-do-i-remove-my-credit-card-information.md")
        let notes = he.target.allBlocks.compactMap { if case (.note(let n), _) = $0 { n } else { nil } }
        #expect(notes.count == 1)
        #expect(
            notes.first?.blocks.first.map { if case .paragraph(let p) = $0 { p.content.plainText.hasPrefix("[!הערה]") } else { false } }
                == true)
    }

    @Test("alt text translated in place is target-only text outside units (case 17)")
    func altText() throws {
        let article = try Fixtures.article("cases/17-troubleshoot-onedrive-crashing.md")
        let images = inlines(article.target).compactMap { if case .image(let i) = $0 { i } else { nil } }
        #expect(
            images.contains {
                $0.source.hasPrefix("data:image") && $0.alt.plainText == "Tryk på Windows-tasten" && $0.alt.unitIndices.isEmpty
            })
    }

    @Test("emphasis that crosses unit edges splits the unit into pieces without losing text")
    func crossingEmphasis() throws {
        let text =
            "# <a name=\"x\"></a>" + Fixtures.unit("abcde-102", "T", "T") + "\n\n" + Fixtures.unit("abcde-103", "foo **bar", "foo **bar")
            + " "
            + Fixtures.unit("abcde-104", "baz** qux", "baz** qux") + "\n"
        let article = try Fixtures.article(text: text)
        guard case .paragraph(let p)? = article.target.blocks.last else {
            Issue.record("no paragraph")
            return
        }
        #expect(p.content.plainText == "foo bar baz qux")
        #expect(p.content.unitIndices == [1, 2])
        #expect(p.content.contains { if case .strong = $0 { true } else { false } })
    }

    @Test("unit and block locations point into the original file")
    func locations() throws {
        let article = try Fixtures.article("articles/password-sync.md")
        let unit = try #require(article.unit("4d25d-104"))
        #expect(unit.location.line == 28)
        #expect(unit.location.column == 6)
        #expect(unit.targetRange.start.column == 6 + #"<span data-ttu-id="4d25d-104">"#.count)
        let lines = String(decoding: article.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[unit.location.line - 1].dropFirst(unit.location.column - 1).hasPrefix("<span data-ttu-id=\"4d25d-104\">"))
        guard case .heading(let h)? = article.target.blocks.first else {
            Issue.record("no heading")
            return
        }
        #expect(h.location.line == 24)
        #expect(h.anchor == "enable-password-sync")
    }

    @Test("Spanish sources and U+200B file names (cases 15, 16)")
    func oddFiles() throws {
        let spanish = try Fixtures.article("cases/15-outlook-com-add-account-spanish.md")
        guard case .heading(let h)? = spanish.source.blocks.first else {
            Issue.record("no heading")
            return
        }
        #expect(h.anchor == "agregar-sus-otras-cuentas-de-correo-electrnico")
        let zw = try Fixtures.article(
            "cases/16-restore-an-office-365-group-using-eac\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}.md")
        #expect(zw.slug.hasSuffix("eac\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}"))
        #expect(zw.units.count == 10)
    }
}
