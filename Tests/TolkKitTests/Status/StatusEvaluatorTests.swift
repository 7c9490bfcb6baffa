import Foundation
import Testing

@testable import TolkKit

@Suite("Evaluating status: each type, each rule, each reading problem")
struct StatusEvaluatorTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z
    static let evaluator = StatusEvaluator(now: now, timeZone: TimeZone(identifier: "Europe/Copenhagen")!)

    static let binding = try! StatusBinding(
        yaml: """
            fields:
              - {label: On, key: on, type: boolean, expect: true, severity: error}
              - {label: Free, key: free, type: number, min: 10, max: 90, unit: "%"}
              - {label: Exact, key: exact, type: number, expect: 3}
              - {label: Mode, key: mode, type: text, expect: [auto, manual]}
              - {label: State, key: state, type: enumeration, values: [Healthy, Degraded, Failed], expect: Healthy, severity: error}
              - {label: Last, key: last, type: date-time, staleAfter: 3d}
              - {label: Free form, key: note, type: text}
            """, path: "t.status.yml")

    func evaluate(_ json: String) throws -> [String: StatusFieldResult] {
        let reading = StatusReading(origin: "test", readAt: Self.now, document: try StatusJSON.parse(Array(json.utf8)))
        let evaluation = Self.evaluator.evaluate(Self.binding, reading: reading)
        return Dictionary(uniqueKeysWithValues: evaluation.fields.map { ($0.field.label, $0) })
    }

    static let healthy = #"""
        {"on": true, "free": 42, "exact": 3, "mode": "auto", "state": "Healthy", "last": "2026-11-17T11:06:40Z", "note": "hi"}
        """#

    @Test("every rule holds: all ✓, level ok, values typed")
    func healthy() throws {
        let r = try evaluate(Self.healthy)
        #expect(r.values.allSatisfy { $0.level == .ok && $0.finding == nil && $0.mark == "✓" })
        #expect(r["On"]?.value == .bool(true))
        #expect(r["Free"]?.value == .number(42))
        #expect(r["State"]?.value == .text("Healthy"))
        #expect(r["Last"]?.value == .date(Self.now.addingTimeInterval(-86_400)))
    }

    @Test(
        "each failed rule: its finding, the binding's severity, ! or ✗",
        arguments: [
            (#""on": false"#, "On", StatusFieldResult.Finding.unexpected(.bool(true)), StatusLevel.error),
            (#""free": 5"#, "Free", .belowMinimum(10), .warning),
            (#""free": 95.5"#, "Free", .aboveMaximum(90), .warning),
            (#""exact": 4"#, "Exact", .unexpected(.number(3)), .warning),
            (#""mode": "off""#, "Mode", .unexpected(.oneOf(["auto", "manual"])), .warning),
            (#""state": "Degraded""#, "State", .unexpected(.oneOf(["Healthy"])), .error),
            (#""last": "2026-11-15T11:06:39Z""#, "Last", .stale(age: 259_201, limit: StatusDuration(seconds: 259_200)), .warning),
        ])
    func failedRules(change: String, label: String, finding: StatusFieldResult.Finding, level: StatusLevel) throws {
        let json = Self.healthy.replacingOccurrences(of: "}", with: ", \(change)}")
        let r = try #require(try evaluate(json)[label])
        #expect(r.finding == finding)
        #expect(r.level == level)
        #expect(r.mark == level.mark)
        #expect(r.finding?.isReadingProblem == false)
    }

    @Test("a date-time exactly at the limit is not stale yet")
    func staleBoundary() throws {
        let json = Self.healthy.replacingOccurrences(of: "2026-11-17T11:06:40Z", with: "2026-11-15T11:06:40Z")
        #expect(try evaluate(json)["Last"]?.level == .ok)
    }

    @Test(
        "reading problems: wrong type for each type, missing key, unknown enumeration value — ? and error",
        arguments: [
            (#""on": "yes""#, "On"), (#""on": 1"#, "On"), (#""free": "42""#, "Free"), (#""mode": 3"#, "Mode"),
            (#""state": "Sleepy""#, "State"), (#""last": "last Tuesday""#, "Last"), (#""last": true"#, "Last"),
            (#""note": null"#, "Free form"),
        ])
    func wrongValues(change: String, label: String) throws {
        let json = Self.healthy.replacingOccurrences(of: "}", with: ", \(change)}")
        let r = try #require(try evaluate(json)[label])
        #expect(r.finding?.isReadingProblem == true)
        #expect(r.level == .error)
        #expect(r.mark == "?")
    }

    @Test("a missing key names how far the path got")
    func missingKey() throws {
        let r = try evaluate(#"{"on": true}"#)
        guard case .missingKey(let missing)? = r["Last"]?.finding else { Issue.record("\(String(describing: r["Last"]))"); return }
        #expect(missing.path.description == "last" && missing.depth == 0)
        #expect(r["On"]?.level == .ok)
    }

    @Test("a source that failed: every field unreadable, overall error")
    func sourceFailed() {
        let reading = StatusReading(origin: "x", readAt: Self.now, failure: .timedOut(StatusDuration(seconds: 1)))
        let evaluation = Self.evaluator.evaluate(Self.binding, reading: reading)
        #expect(evaluation.level == .error)
        #expect(evaluation.fields.allSatisfy { $0.finding == .sourceFailed && $0.mark == "?" })
    }

    @Test("observedAt comes from the document's key when the binding names one, else from the reading")
    func observedAt() throws {
        var b = Self.binding
        b.source = .init(kind: .file("x"), observedAtKey: StatusKeyPath("meta.at"))
        let doc = try StatusJSON.parse(Array(#"{"meta": {"at": "2026-11-18T11:00:00Z"}}"#.utf8))
        let e = Self.evaluator.evaluate(b, reading: StatusReading(origin: "x", readAt: Self.now, document: doc))
        #expect(e.observedAt == Self.now.addingTimeInterval(-400))
        let plain = Self.evaluator.evaluate(Self.binding, reading: StatusReading(origin: "x", readAt: Self.now, document: doc))
        #expect(plain.observedAt == Self.now)
    }
}
