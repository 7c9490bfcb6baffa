import Testing
import TolkKit

@Suite("Terminal environment")
struct TerminalEnvironmentTests {
    private func env(_ variables: [String: String] = [:], tty: Bool = true, columns: Int? = nil)
        -> TerminalEnvironment
    {
        TerminalEnvironment(environment: variables, stdoutIsTTY: tty, terminalColumns: columns)
    }

    @Test("--color never and always are obeyed as they are")
    func explicitModes() {
        let hostile = env(["NO_COLOR": "1", "TERM": "dumb"], tty: false)
        #expect(hostile.useColor(mode: .always))
        #expect(!env(["CLICOLOR_FORCE": "1"]).useColor(mode: .never))
        #expect(ColorMode.allCases.map(\.rawValue) == ["auto", "always", "never"])
        #expect(ColorMode(rawValue: "never") == .never)
    }

    @Test("auto: colour exactly on a terminal")
    func autoFollowsTTY() {
        #expect(env(["TERM": "xterm-256color"], tty: true).useColor(mode: .auto))
        #expect(!env(["TERM": "xterm-256color"], tty: false).useColor(mode: .auto))
    }

    @Test("NO_COLOR, when non-empty, wins over auto and CLICOLOR_FORCE")
    func noColor() {
        #expect(!env(["NO_COLOR": "1"]).useColor(mode: .auto))
        #expect(!env(["NO_COLOR": "yes", "CLICOLOR_FORCE": "1"], tty: false).useColor(mode: .auto))
        #expect(env(["NO_COLOR": ""]).useColor(mode: .auto))
    }

    @Test("CLICOLOR_FORCE colours a pipe unless empty or 0")
    func cliColorForce() {
        #expect(env(["CLICOLOR_FORCE": "1"], tty: false).useColor(mode: .auto))
        #expect(env(["CLICOLOR_FORCE": "1", "TERM": "dumb"], tty: false).useColor(mode: .auto))
        #expect(!env(["CLICOLOR_FORCE": "0"], tty: false).useColor(mode: .auto))
        #expect(!env(["CLICOLOR_FORCE": ""], tty: false).useColor(mode: .auto))
    }

    @Test("TERM=dumb and CLICOLOR=0 turn off colour in auto")
    func dumbTerminal() {
        #expect(!env(["TERM": "dumb"]).useColor(mode: .auto))
        #expect(!env(["CLICOLOR": "0"]).useColor(mode: .auto))
        #expect(env(["TERM": "dumb"]).useColor(mode: .always))
    }

    @Test("Hyperlinks on a capable terminal only")
    func hyperlinks() {
        #expect(env(["TERM": "xterm-256color"]).supportsHyperlinks)
        #expect(!env(["TERM": "xterm-256color"], tty: false).supportsHyperlinks)
        #expect(!env(["TERM": "dumb"]).supportsHyperlinks)
        #expect(!env(["TERM": "linux"]).supportsHyperlinks)
        #expect(!env([:]).supportsHyperlinks)
        #expect(!env(["TERM": "screen-256color"]).supportsHyperlinks)
        #expect(!env(["TERM": "xterm-256color", "STY": "1234.pts-0.host"]).supportsHyperlinks)
        #expect(
            env(["TERM": "screen-256color", "TMUX": "/tmp/tmux-0/default,1,0"]).supportsHyperlinks)
    }

    @Test("TOLK_HYPERLINKS=0/1 overrides detection, but hyperlinks still need colour")
    func hyperlinkOverride() {
        #expect(env(["TOLK_HYPERLINKS": "1", "TERM": "dumb"], tty: false).supportsHyperlinks)
        #expect(!env(["TOLK_HYPERLINKS": "0", "TERM": "xterm-256color"]).supportsHyperlinks)
        let forced = env(["TOLK_HYPERLINKS": "1"], tty: false)
        #expect(forced.useHyperlinks(mode: .always))
        #expect(!forced.useHyperlinks(mode: .auto))
        #expect(!env(["TERM": "xterm", "NO_COLOR": "1"]).useHyperlinks(mode: .auto))
        #expect(env(["TERM": "xterm"]).useHyperlinks(mode: .auto))
        let styler = env(["TERM": "xterm"]).styler(mode: .never)
        #expect(!styler.color && !styler.hyperlinks)
    }

    @Test("Width: explicit flag, then COLUMNS, then the terminal, then 80")
    func width() {
        #expect(env(["COLUMNS": "120"], columns: 100).width(explicit: 60) == 60)
        #expect(env(["COLUMNS": "120"], columns: 100).width(explicit: nil) == 120)
        #expect(env(columns: 100).width(explicit: nil) == 100)
        #expect(env(tty: false, columns: 100).width(explicit: nil) == 80)
        #expect(env(tty: false).width(explicit: nil) == 80)
    }

    @Test("COLUMNS counts only as a positive integer", arguments: ["0", "-5", "abc", "", "12.5"])
    func invalidColumns(_ columns: String) {
        #expect(env(["COLUMNS": columns], tty: false).width(explicit: nil) == 80)
    }

    @Test("Width is clamped to 20...1000")
    func clamped() {
        #expect(env().width(explicit: 5) == 20)
        #expect(env().width(explicit: 5000) == 1000)
        #expect(env(["COLUMNS": "10"]).width(explicit: nil) == 20)
        #expect(env(["COLUMNS": "99999"]).width(explicit: nil) == 1000)
        #expect(env(columns: 12).width(explicit: nil) == 20)
    }
}
