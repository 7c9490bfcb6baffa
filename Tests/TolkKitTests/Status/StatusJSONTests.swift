import Testing

@testable import TolkKit

@Suite("Status documents: strict JSON with line:col errors")
struct StatusJSONTests {
    @Test("booleans stay booleans, numbers numbers; keys keep their order; escapes decode")
    func values() throws {
        let doc = try StatusJSON.parse(
            Array(#"{"on": true, "n": 1, "x": 2.5e1, "s": "Sand \u00e6 \ud83d\ude00 \n", "a": [null, false], "o": {}}"#.utf8))
        #expect(doc["on"] == .bool(true))
        #expect(doc["n"] == .number(1))
        #expect(doc["x"] == .number(25))
        #expect(doc["s"] == .string("Sand æ 😀 \n"))
        #expect(doc["a"] == .array([.null, .bool(false)]))
        guard case .object(let members) = doc else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["on", "n", "x", "s", "a", "o"])
    }

    @Test(
        "invalid documents name the line and column of the problem",
        arguments: [
            ("{\"a\": 1,}", 1, 9, "expected a member name"),
            ("{\n  \"a\": tru\n}", 2, 8, "unexpected 'tru'"),
            ("", 1, 1, "empty"),
            ("{\"a\": \"open", 1, 7, "unterminated string"),
            ("{\"a\": 01}", 1, 7, "must not start with 0"),
            ("{\"a\": 1} x", 1, 10, "after the JSON value"),
            ("{\"æø\": 1 \"b\": 2}", 1, 10, "expected ',' or '}'"),
            ("hello", 1, 1, "unexpected 'hello'"),
        ])
    func errors(text: String, line: Int, column: Int, message: String) {
        #expect {
            try StatusJSON.parse(Array(text.utf8))
        } throws: { error in
            guard let e = error as? StatusJSONError else { return false }
            return e.line == line && e.column == column && e.message.contains(message)
        }
    }

    @Test("deep nesting is an error, not a crash")
    func depth() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: StatusJSONError.self) { try StatusJSON.parse(Array(text.utf8)) }
    }
}
