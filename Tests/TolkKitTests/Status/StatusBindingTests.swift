import Foundation
import Testing

@testable import TolkKit

@Suite("Status bindings: YAML beside the article, errors at line:col")
struct StatusBindingTests {
    static let contentBinding = Fixtures.packageRoot.appendingPathComponent("content/password-sync.status.yml").path

    @Test("the shipped binding for the seed article: a command source and two fields that match the article")
    func shipped() throws {
        let binding = try StatusBinding(contentsOf: Self.contentBinding)
        guard case .command(let argv, let shell) = binding.source?.kind else { Issue.record("no command"); return }
        #expect(argv == ["./password-sync-status.sh"])
        #expect(!shell)
        #expect(binding.source?.timeout == StatusDuration(seconds: 5))
        #expect(binding.fields.map(\.label) == ["Password sync enabled", "Last Password Sync"])
        #expect(binding.fields[0].type == .boolean && binding.fields[0].expected == .bool(true) && binding.fields[0].severity == .error)
        #expect(binding.fields[1].type == .dateTime && binding.fields[1].staleAfter == StatusDuration(seconds: 259_200))
        #expect(binding.fields[1].severity == .warning)
        #expect(binding.fields[1].link?.hasPrefix("https://") == true)
        let article = try Fixtures.article("articles/password-sync.md")
        #expect(binding.validate(against: article).isEmpty)
        #expect(
            StatusBinding.path(forArticleAt: Fixtures.packageRoot.appendingPathComponent("content/password-sync.md").path)
                == Self.contentBinding)
    }

    @Test("every value type and rule reads")
    func allTypes() throws {
        let yaml = """
            source:
              file: status.json
            fields:
              - {label: "On:", key: a.on, type: boolean, expect: false}
              - {label: Count, key: a.count, type: number, min: 1, max: 10, unit: "%", severity: error}
              - {label: Name, key: /a/name, type: text, expect: [x, y]}
              - label: State
                key: a.state
                type: enumeration
                values:
                  Healthy: {da: Sund}
                  Degraded:
                expect: Healthy
              - {label: When, key: a.when, type: date-time, stale-after: 1d12h}
            """
        let b = try StatusBinding(yaml: yaml, path: "x.status.yml")
        #expect(b.fields[0].label == "On")
        #expect(b.fields[0].expected == .bool(false))
        #expect(b.fields[1].minimum == 1 && b.fields[1].maximum == 10 && b.fields[1].unit == "%")
        #expect(b.fields[2].key.components == ["a", "name"] && b.fields[2].expected == .oneOf(["x", "y"]))
        #expect(b.fields[3].values == [.init(value: "Healthy", labels: ["da": "Sund"]), .init(value: "Degraded")])
        #expect(b.fields[4].staleAfter?.seconds == 129_600)
        #expect(b.fields[2].location.line == 6)
    }

    @Test(
        "invalid bindings: what is wrong, and where",
        arguments: [
            ("fields:\n  - label: A\n    key: a\n    type: bool\n    expct: true\n", 5, 5, "unknown key 'expct'; did you mean 'expect'?"),
            ("fields:\n  - key: a\n    type: boolean\n", 2, 5, "needs `label:`"),
            ("fields:\n  - label: A\n    type: boolean\n", 2, 5, "needs `key:`"),
            ("fields:\n  - label: A\n    key: a\n", 2, 5, "needs `type:`"),
            ("fields:\n  - label: A\n    key: a\n    type: colour\n", 4, 11, "type: 'colour' is not one of boolean, date-time"),
            ("fields:\n  - label: A\n    key: a\n    type: date-time\n    staleAfter: 3 days\n", 5, 17, "not a duration"),
            ("fields:\n  - label: A\n    key: a\n    type: boolean\n    staleAfter: 3d\n", 5, 5, "only a date-time can be stale"),
            ("fields:\n  - label: A\n    key: a\n    type: boolean\n    expect: yes please\n", 5, 13, "expected true or false"),
            ("fields:\n  - label: A\n    key: a\n    type: number\n    expect: many\n", 5, 13, "expected a number"),
            ("fields:\n  - label: A\n    key: a\n    type: enumeration\n", 2, 5, "needs `values:`"),
            (
                "fields:\n  - label: A\n    key: a\n    type: enumeration\n    values: [On, Off]\n    expect: Maybe\n", 6, 13,
                "'Maybe' is not one of the values On, Off"
            ),
            ("fields:\n  - label: A\n    key: a\n    type: text\n  - label: a\n    key: b\n    type: text\n", 5, 5, "bound twice"),
            (
                "fields:\n  - label: A\n    key: a\n    type: text\n    link: javascript:alert(1)\n", 5, 11,
                "must be an http, https or mailto URL"
            ),
            ("fields:\n  - label: A\n    key: a\n    type: text\n    severity: fatal\n", 5, 15, "expected warning or error"),
            ("fields:\n  - label: A\n    key: a..b\n    type: text\n", 3, 10, "not a dotted path"),
            ("source:\n  timeout: 5s\nfields: []\n", 2, 3, "give `command:`"),
            ("source:\n  command: ./x 'open\nfields: []\n", 2, 12, "unbalanced quotes"),
            ("source: {file: a.json, shell: true}\nfields: []\n", 1, 9, "applies to `command:` only"),
            ("fields:\n  - label: [A\n", 3, 1, "did not find expected"),
            ("source: {file: a.json}\n", 1, 1, "no `fields:`"),
            ("- a\n- b\n", 1, 1, "expected a mapping"),
        ])
    func invalid(yaml: String, line: Int, column: Int, message: String) {
        #expect {
            _ = try StatusBinding(yaml: yaml, path: "p.status.yml")
        } throws: { error in
            guard let e = error as? StatusBindingError else { return false }
            let ok = e.location.line == line && e.location.column == column && e.message.contains(message)
            if !ok { print("got \(e)") }
            return ok && e.description.hasPrefix("p.status.yml:\(line):\(column): error: ")
        }
    }

    @Test("a label the article does not describe is an error that lists the labels it does")
    func unknownLabel() throws {
        let b = try StatusBinding(yaml: "fields:\n  - label: Last Pasword Sync\n    key: a\n    type: date-time\n", path: "p.status.yml")
        let errors = b.validate(against: try Fixtures.article("articles/password-sync.md"))
        #expect(errors.count == 1)
        #expect(
            errors.first?.description
                == "p.status.yml:2:5: error: no status field labelled 'Last Pasword Sync' in password-sync.md; it describes 'Password sync enabled', 'Last Password Sync'"
        )
    }

    @Test("labels match without regard to case, spacing or a trailing colon")
    func labelMatching() {
        #expect(StatusBinding.sameLabel("Last  password sync:", "Last Password Sync"))
        #expect(!StatusBinding.sameLabel("Last Password", "Last Password Sync"))
    }

    @Test("command lines split like a shell's words, without a shell")
    func splitting() {
        #expect(
            CommandLineSplitter.split(#"./probe --name "Contoso Ltd" 'a b' c\ d $HOME"#) == [
                "./probe", "--name", "Contoso Ltd", "a b", "c d", "$HOME",
            ])
        #expect(CommandLineSplitter.split("x 'open") == nil)
        #expect(CommandLineSplitter.split(#"'' "" "#) == ["", ""])
    }
}
