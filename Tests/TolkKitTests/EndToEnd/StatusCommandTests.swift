import Foundation
import Testing
import TolkKit

/// `tolk status` and `tolk show` with live status, through the built binary and
/// the example provider shipped in content/.
@Suite("Live status (built binary)")
struct StatusCommandTests {
    static func json(_ out: TolkProcess.Output) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    }

    static func fields(_ json: [String: Any]) -> [[String: Any]] { json["fields"] as? [[String: Any]] ?? [] }

    /// How many days ago the stale example's last sync (5 days and 3 hours before now)
    /// reads: the wording counts calendar days, so from midnight to 3 a.m. it is 6.
    static var staleDays: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let now = Date()
        let last = now.addingTimeInterval(-(5 * 86_400 + 3 * 3_600))
        return calendar.dateComponents([.day], from: calendar.startOfDay(for: last), to: calendar.startOfDay(for: now)).day ?? 5
    }

    @Test(
        "tolk status --json for the example provider's states: level and exit code",
        arguments: [("healthy", "ok", Int32(0)), ("stale", "warning", 1), ("broken", "error", 1)])
    func states(state: String, level: String, status: Int32) throws {
        let out = try TolkProcess.run(["status", "password-sync", "--json"], environment: ["PASSWORD_SYNC_STATE": state])
        #expect(out.status == status)
        let json = try Self.json(out)
        #expect(json["tolkStatus"] as? Int == 1)
        #expect(json["level"] as? String == level)
        #expect((json["source"] as? [String: Any])?["origin"] as? String == "./password-sync-status.sh")
        #expect(Self.fields(json).map { $0["label"] as? String } == ["Password sync enabled", "Last Password Sync"])
        #expect(out.stderr.isEmpty)
        if state == "stale" {
            let last = Self.fields(json)[1]
            #expect(last["rule"] as? String == "staleAfter")
            #expect(last["mark"] as? String == "!")
            #expect((last["link"] as? String)?.contains("tshoot-connect-password-hash-synchronization") == true)
            #expect((last["display"] as? String)?.hasSuffix("(\(Self.staleDays) days ago)") == true)
        }
    }

    @Test("make run's view with a stale last sync, Danish reader: panel, warning, troubleshooting link, value beside step 3")
    func staleDanish() throws {
        let out = try TolkProcess.run(
            ["show", "password-sync", "--lang", "da", "--no-pager", "--width", "120"], environment: ["PASSWORD_SYNC_STATE": "stale"])
        #expect(out.status == 0)
        #expect(out.stderr.isEmpty)
        let text = out.stdout
        #expect(text.hasPrefix("┃ Status · ./password-sync-status.sh · læst "))
        #expect(text.contains("┃ ! Synkronisering af sidste adgangskode"))
        #expect(text.contains("(for \(Self.staleDays) dage siden)"))
        #expect(text.contains("┃     Advarsel: mere end 3 dage siden."))
        #expect(text.contains("Se https://learn.microsoft.com/entra/identity/hybrid/connect/tshoot-connect-password-hash-synchronization"))
        #expect(text.contains("      ! Nu: "))
        #expect(text.contains("      ✓ Nu: Sand"))
    }

    @Test("the same in English with --lang en")
    func staleEnglish() throws {
        let out = try TolkProcess.run(
            ["show", "password-sync", "--lang", "en", "--no-pager", "--width", "120"],
            environment: ["PASSWORD_SYNC_STATE": "stale", "LANG": "da_DK.UTF-8"])
        #expect(out.status == 0)
        let text = out.stdout
        #expect(text.contains("┃ ! Last Password Sync"))
        #expect(text.contains("(\(Self.staleDays) days ago)"))
        #expect(text.contains("┃     Warning: more than 3 days ago."))
        #expect(text.contains("This will display a warning and a link to a troubleshooting tool"))
        #expect(text.contains("      ✓ Now: True"))
        #expect(!text.contains("Advarsel"))
    }

    @Test("a status file given on the command line, and standard input")
    func fileAndStdin() throws {
        let file = Fixtures.packageRoot.appendingPathComponent("content/status-examples/password-sync-broken.json").path
        let out = try TolkProcess.run(["status", "password-sync", "--status", file, "--json"])
        #expect(out.status == 1)
        let json = try Self.json(out)
        #expect(json["level"] as? String == "error")
        #expect(Self.fields(json)[0]["value"] as? Bool == false)
        #expect(Self.fields(json)[1]["value"] as? String == "2026-10-30T05:12:00Z")
        let piped = try TolkProcess.run(
            ["status", "password-sync", "--status", "-", "--json"], stdin: try Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(piped.status == 1)
        #expect((try Self.json(piped)["source"] as? [String: Any])?["origin"] as? String == "standard input")
    }

    /// Bad sources: the help still renders, the panel says what went wrong, stderr says it once, `status` exits 1.
    @Test(
        "bad sources",
        arguments: [
            (["--status", "/nonexistent/status.json"], "cannot read /nonexistent/status.json: no such file"),
            (["--status-cmd", "printf '{\"passwordSync\": tru}'"], "printf '{\"passwordSync\": tru}' gave invalid JSON (1:18)"),
            (["--status", "content/status-examples/password-sync-wrong-type.json"], "'passwordSync.enabled' should be a boolean"),
            (["--status-cmd", "sh -c 'echo boom >&2; exit 4'"], "exited with status 4: boom"),
            (["--status-cmd", "Tests/TolkKitTests/Fixtures/status/ignores_term.sh", "--status-timeout", "300ms"], "did not finish within"),
            (["--status-cmd", "/no/such/probe"], "cannot run /no/such/probe"),
        ])
    func badSources(arguments: [String], message: String) throws {
        let status = try TolkProcess.run(["status", "password-sync"] + arguments)
        #expect(status.status == 1)
        #expect(status.stdout.contains("┃ ?"))
        #expect(status.stderr.contains(message), "\(status.stderr)")
        #expect(status.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count <= 2)
        let show = try TolkProcess.run(["show", "password-sync", "--lang", "en", "--no-pager"] + arguments)
        #expect(show.status == 0)
        #expect(show.stdout.contains("Enable Password Sync"), "the help still renders")
        #expect(show.stdout.contains("┃ ? Password sync enabled"))
        #expect(show.stdout.contains("? Now: no value"))
        #expect(show.stderr.hasPrefix("tolk: warning: status: "))
    }

    @Test("the timeout holds when the command ignores SIGTERM, and the example's hang state stops too")
    func timeoutHolds() throws {
        let started = Date()
        let out = try TolkProcess.run(
            ["status", "password-sync", "--json", "--status-timeout", "300ms"], environment: ["PASSWORD_SYNC_STATE": "hang"])
        #expect(out.status == 1)
        #expect((try Self.json(out)["source"] as? [String: Any]).flatMap { $0["error"] as? [String: Any] }?["kind"] as? String == "timeout")
        // Not a speed test: it must return at all; 300 ms + 0.5 s grace is far below this bound.
        #expect(Date().timeIntervalSince(started) < 20)
        let leftovers = try TolkProcess.run(["status", "password-sync"], environment: ["PASSWORD_SYNC_STATE": "healthy"])
        #expect(leftovers.status == 0)
    }

    @Test("invalid bindings: tolk status exits 2 with path:line:col; tolk show still shows the help")
    func invalidBinding() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-binding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(
            atPath: Fixtures.path("articles/password-sync.md"), toPath: dir.appendingPathComponent("a.md").path)
        try "fields:\n  - label: Password sync enabled\n    key: x\n    type: boolean\n    expect: maybe\n".write(
            to: dir.appendingPathComponent("a.status.yml"), atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("a.md").path
        let status = try TolkProcess.run(["status", path])
        #expect(status.status == 2)
        #expect(status.stderr.contains("a.status.yml:5:13: error: expect: 'Password sync enabled' is a boolean"))
        let show = try TolkProcess.run(["show", path, "--no-pager", "--lang", "en"])
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("Enable Password Sync"))
        #expect(show.stderr.contains("a.status.yml:5:13: error:"))
        let noBinding = try TolkProcess.run(["status", Fixtures.path("articles/error-code-0x15.md")])
        #expect(noBinding.status == 2)
        #expect(noBinding.stderr.contains("has no status binding"))
    }

    @Test("usage errors exit 2")
    func usage() throws {
        for args in [
            ["--status", "a", "--status-cmd", "b"], ["--shell"], ["--status-timeout", "soon"], ["--watch", "1", "--status", "-"],
            ["--watch", "0"],
        ] {
            let out = try TolkProcess.run(["status", "password-sync"] + args)
            #expect(out.status == 2, "\(args): \(out.stderr)")
        }
    }

    @Test("--status-cmd runs without a shell unless --shell")
    func shell() throws {
        let plain = try TolkProcess.run(
            ["status", "password-sync", "--json", "--status-cmd", "echo $HOME"], environment: ["HOME": "/root"])
        #expect(plain.stderr.contains("echo '$HOME' gave invalid JSON"), "\(plain.stderr)")
        let file = Fixtures.packageRoot.appendingPathComponent("content/status-examples/password-sync-stale.json").path
        let shelled = try TolkProcess.run(["status", "password-sync", "--json", "--shell", "--status-cmd", "cat \(file) | cat"])
        #expect(shelled.stderr.isEmpty)
        #expect(try Self.json(shelled)["level"] as? String == "warning")
    }

    @Test("--watch piped: a new snapshot each interval, until SIGINT, then exit 0")
    func watchPiped() throws {
        let process = Process()
        process.executableURL = TolkProcess.executable
        process.arguments = ["status", "password-sync", "--watch", "0.3", "--lang", "en"]
        process.environment = [
            "PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8", "TOLK_CONTENT": Fixtures.packageRoot.appendingPathComponent("content").path,
        ]
        process.currentDirectoryURL = Fixtures.packageRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var collected = Data()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && String(decoding: collected, as: UTF8.self).components(separatedBy: "┃ Status").count < 4 {
            collected.append(out.fileHandleForReading.availableData)
        }
        process.interrupt()
        collected.append(out.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        let text = String(decoding: collected, as: UTF8.self)
        #expect(text.components(separatedBy: "┃ Status").count >= 4, "three snapshots or more")
        #expect(text.contains("┃ Refreshing every 0.3"))
        #expect(!text.contains("\u{1B}["), "plain text when piped")
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test("--watch on a terminal (a pseudo-terminal): redraws in place, picks up a changed state, stops cleanly on Ctrl-C")
    func watchTerminal() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let state = dir.appendingPathComponent("state").path
        try "healthy\n".write(toFile: state, atomically: true, encoding: .utf8)
        let provider = Fixtures.path("status/state_provider.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Fixtures.path("status/pty_watch.py"), state, TolkProcess.executable.path, "show", "password-sync", "--lang", "da",
            "--watch", "0.5", "--status-cmd", "\(provider) \(state)",
        ]
        process.environment = [
            "PATH": "/usr/bin:/bin:/usr/local/bin", "LANG": "da_DK.UTF-8", "TERM": "xterm-256color",
            "TOLK_CONTENT": Fixtures.packageRoot.appendingPathComponent("content").path,
        ]
        process.currentDirectoryURL = Fixtures.packageRoot
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any], "\(String(decoding: data, as: UTF8.self))")
        #expect(report["firstFrame"] as? Bool == true)
        #expect(report["enteredAlternateScreen"] as? Bool == true)
        #expect((report["redrawsBeforeSwitch"] as? Int ?? 0) >= 2, "redrawn in place (cursor home), not appended")
        #expect(report["clearsToEnd"] as? Bool == true)
        #expect(report["sawBroken"] as? Bool == true, "the new state shows after a redraw")
        #expect(report["exited"] as? Bool == true)
        #expect(report["exitCode"] as? Int == 0)
        #expect(report["leftAlternateScreen"] as? Bool == true, "\(report["tail"] ?? "")")
    }
}
