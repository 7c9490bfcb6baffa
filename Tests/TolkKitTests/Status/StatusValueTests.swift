import Foundation
import Testing

@testable import TolkKit

@Suite("Durations and date-times in status documents")
struct StatusValueTests {
    @Test(
        "durations as administrators write them",
        arguments: [("3d", 259_200.0), ("1d12h", 129_600), ("90s", 90), ("500ms", 0.5), ("2w", 1_209_600), (" 15m ", 900)])
    func durations(text: String, seconds: Double) throws {
        #expect(try #require(StatusDuration(parsing: text)).seconds == seconds)
    }

    @Test("not durations", arguments: ["", "3", "d", "3x", "-3d", "3 days", "0s"])
    func notDurations(text: String) {
        #expect(StatusDuration(parsing: text) == nil)
    }

    @Test("a duration prints in its shortest spelling")
    func durationText() {
        #expect(StatusDuration(seconds: 129_600).description == "1d12h")
        #expect(StatusDuration(seconds: 0.25).description == "250ms")
    }

    static let utc = TimeZone(identifier: "UTC")!
    static let copenhagen = TimeZone(identifier: "Europe/Copenhagen")!
    static let reference = Date(timeIntervalSince1970: 1_763_626_500)  // 2025-11-20T08:15:00Z

    @Test(
        "date-times: RFC 3339, offsets, fractions, epoch seconds and milliseconds, PowerShell",
        arguments: [
            "2025-11-20T08:15:00Z", "2025-11-20T09:15:00+01:00", "2025-11-20T03:15:00-0500", "2025-11-20 08:15:00Z",
            "2025-11-20T08:15:00.000Z", "1763626500", "1763626500000", "/Date(1763626500000)/",
        ])
    func dates(text: String) throws {
        #expect(try #require(StatusDate.parse(text, zone: Self.utc)) == Self.reference)
    }

    @Test("a time without a zone is read in the reader's time zone")
    func localTime() throws {
        // 09:15 in Copenhagen (CET, +01:00) on 20 November is 08:15 UTC.
        #expect(try #require(StatusDate.parse("2025-11-20T09:15:00", zone: Self.copenhagen)) == Self.reference)
        #expect(try #require(StatusDate.parse("2025-11-20T08:15:00", zone: Self.utc)) == Self.reference)
    }

    @Test(
        "not date-times",
        arguments: ["yesterday", "2025-02-30T00:00:00Z", "2025-13-01", "2025-11-20T25:00:00Z", "2025-11-20T08:15:00 CET", ""])
    func notDates(text: String) {
        #expect(StatusDate.parse(text, zone: Self.utc) == nil)
    }

    @Test("key paths: dotted, array indexes, JSON Pointer; a missing key says how far it got")
    func keyPaths() throws {
        let doc = try StatusJSON.parse(Array(#"{"a": {"b.c": 1, "list": [{"x": true}]}}"#.utf8))
        #expect(try StatusKeyPath("a.list.0.x")!.lookup(in: doc).get() == .bool(true))
        #expect(try StatusKeyPath("/a/b.c")!.lookup(in: doc).get() == .number(1))
        guard case .failure(let missing) = StatusKeyPath("a.nope.x")!.lookup(in: doc) else { Issue.record("found"); return }
        #expect(missing.depth == 1)
        #expect(StatusKeyPath("a..b") == nil)
    }
}
