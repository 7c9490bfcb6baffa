import Testing
import TolkKit

@Suite("Steps, UI paths and status fields")
struct StepModelTests {
    @Test("the seed article: three steps, an alternative under 1, two status fields under 3")
    func seed() throws {
        let article = try Fixtures.article("articles/password-sync.md")
        let procedure = try #require(article.target.procedures.first)
        #expect(article.target.procedures.count == 1)
        #expect(procedure.title.target?.plainText == "Aktiver synkronisering af adgangskode")
        #expect(procedure.title.source?.plainText == "Enable Password Sync")
        #expect(procedure.steps.map(\.number) == [1, 2, 3])

        let one = procedure.steps[0]
        #expect(one.instruction.target?.plainText == "Vælg DirSync-status på startsiden for Microsoft 365 Administration.")
        #expect(one.instruction.source?.plainText == "Choose DirSync Status on the Microsoft 365 admin center home page.")
        #expect(one.alternatives.count == 1)
        #expect(one.alternatives[0].source?.plainText.hasPrefix("Alternately, you can go to Users > Active users") == true)
        #expect(one.alternatives[0].target?.plainText.hasPrefix("Alternativt kan du gå til Aktive brugere") == true)
        // The English paths, and no Danish ones: machine translation broke both.
        #expect(one.uiPaths.map(\.source) == [["Users", "Active users"], ["More", "Directory synchronization"]])
        #expect(one.uiPaths.map(\.target) == [nil, nil])
        #expect(one.uiPaths[0].location.line == 28)

        let three = procedure.steps[2]
        #expect(three.statusFields.count == 2)
        let enabled = three.statusFields[0]
        #expect(enabled.label.source == "Password sync enabled")
        #expect(enabled.label.target == "Synkronisering af adgangskode aktiveret")
        #expect(enabled.valueDescription.source == "True or False")
        #expect(enabled.valueDescription.target == "Sand eller Falsk")
        #expect(enabled.location.line == 34)
        let last = three.statusFields[1]
        #expect(last.label.source == "Last Password Sync")
        #expect(last.valueDescription.source == "Last time password sync ran")
        #expect(three.alternatives.isEmpty)
    }

    @Test("the English side has the same steps, built from the English tree")
    func sourceSide() throws {
        let article = try Fixtures.article("articles/password-sync.md")
        let steps = try #require(article.source.procedures.first?.steps)
        #expect(steps.map(\.number) == [1, 2, 3])
        #expect(steps[2].statusFields.map(\.label.source) == ["Password sync enabled", "Last Password Sync"])
        #expect(
            steps[2].statusFields.map(\.label.target) == [
                "Synkronisering af adgangskode aktiveret", "Synkronisering af sidste adgangskode",
            ])
    }

    @Test("a UI path kept by the translation pairs its labels by position")
    func pairedPath() throws {
        let text = """
            # <a name="x"></a>\(Fixtures.unit("abcde-102", "Titel", "Title"))

            1. \(Fixtures.unit("abcde-103", "Gå til **Brugere** \\> **Aktive brugere**, og vælg **Mere** \\> **Indstillinger**.", "Go to **Users** \\> **Active users**, and choose **More** \\> **Settings**."))
            2. \(Fixtures.unit("abcde-104", "Vælg **Gem**.", "Choose **Save**."))
            """
        let article = try Fixtures.article(text: text)
        let step = try #require(article.target.procedures.first?.steps.first)
        #expect(step.uiPaths.map(\.source) == [["Users", "Active users"], ["More", "Settings"]])
        #expect(step.uiPaths.map(\.target) == [["Brugere", "Aktive brugere"], ["Mere", "Indstillinger"]])
        #expect(article.target.procedures.first?.steps[1].uiPaths.isEmpty == true, "one bold label is not a path")
    }

    @Test("Japanese p-IDs: the merged label and explanation is still a status field")
    func japanese() throws {
        let article = try Fixtures.article("cases/10-ja-password-sync.md")
        #expect(article.units.contains { $0.isParagraph && $0.id.hasSuffix("-p101") })
        let fields = article.target.procedures.first?.steps.last?.statusFields ?? []
        #expect(fields.map(\.label.source) == ["Password sync enabled", "Last Password Sync"])
    }

    @Test("a list resumed after a fence at column 0 is one procedure (case 4)")
    func resumedNumbering() throws {
        let article = try Fixtures.article("cases/04-intune-exchange-on-prem-connector.md")
        let numbers = article.target.procedures.map { $0.steps.map(\.number) }
        #expect(numbers.contains { $0.starts(with: [1, 2, 3, 4]) }, "\(numbers)")
    }

    @Test("lists that start again at 1 after a lead-in are procedures of their own, every one kept and styled")
    func restartedNumbering() throws {
        let text = """
            ---
            ms.contentlocale: da-DK
            ---
            # <a name="x"></a>\(Fixtures.unit("abcde-102", "Titel", "Title"))

            \(Fixtures.unit("abcde-103", "Medlemmer:", "Members:"))

            1. \(Fixtures.unit("abcde-104", "Gå til grupper.", "Go to groups."))
            2. \(Fixtures.unit("abcde-105", "Vælg en gruppe.", "Select a group."))

            \(Fixtures.unit("abcde-106", "Del et websted:", "Share a site:"))

            1. \(Fixtures.unit("abcde-107", "Gå til webstedet.", "Go to the site."))
            2. \(Fixtures.unit("abcde-108", "Skriv navnet.", "Type the name."))

            \(Fixtures.unit("abcde-109", "Opret en gruppe:", "Create a group:"))

            1. \(Fixtures.unit("abcde-110", "Klik på Indstillinger.", "Click Settings."))
            2. \(Fixtures.unit("abcde-111", "Klik på Opret.", "Click Create."))
            3. \(Fixtures.unit("abcde-112", "Gem.", "Save."))
            """
        let article = try Fixtures.article(text: text)
        #expect(article.target.procedures.map(\.steps.count) == [2, 2, 3])
        #expect(article.source.procedures.map(\.steps.count) == [2, 2, 3])
        let html = HTMLPageRenderer(side: .target, templates: try HTMLTemplates(directory: SiteTesting.templates)).render(article)
        #expect(html.matches(of: /<ol class="tolk-steps"/).count == 3)
    }

    @Test("sub-steps and notes inside steps")
    func substepsAndNotes() throws {
        let text = """
            # <a name="x"></a>\(Fixtures.unit("abcde-102", "Titel", "Title"))

            1. \(Fixtures.unit("abcde-103", "Åbn appen.", "Open the app."))

                > [!NOTE]
                > \(Fixtures.unit("abcde-104", "Det tager tid.", "It takes time."))

                1. \(Fixtures.unit("abcde-105", "Vælg A.", "Choose A."))
                2. \(Fixtures.unit("abcde-106", "Vælg B.", "Choose B."))
            """
        let article = try Fixtures.article(text: text)
        let step = try #require(article.target.procedures.first?.steps.first)
        #expect(step.notes.count == 1)
        #expect(step.notes[0].target?.kind == .note)
        if case .paragraph(let p)? = step.notes[0].source?.blocks.first {
            #expect(p.content.plainText == "It takes time.")
        } else {
            Issue.record("the note has no English paragraph")
        }
        #expect(step.substeps.map(\.number) == [1, 2])
        #expect(step.substeps[1].instruction.source?.plainText == "Choose B.")
    }
}
