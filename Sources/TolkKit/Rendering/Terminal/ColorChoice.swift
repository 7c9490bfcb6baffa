import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(Darwin)
    /// TIOCGWINSZ, a function-like macro on Darwin that Swift does not import.
    private let windowSizeRequest: UInt = 0x4008_7468
#else
    private let windowSizeRequest = UInt(TIOCGWINSZ)
#endif

/// When to colour output, as chosen with `--color`.
public enum ColorMode: String, CaseIterable, Sendable {
    /// Colour on a terminal, unless the environment says otherwise.
    case auto
    /// Always colour, even through a pipe and despite `NO_COLOR`.
    case always
    /// Never colour.
    case never
}

/// What the program knows about where it prints, and the decisions that follow from
/// it: colour, hyperlinks and line width, by the usual conventions
/// (`NO_COLOR`, `CLICOLOR`, `CLICOLOR_FORCE`, `TERM`, `COLUMNS`).
public struct TerminalEnvironment: Sendable {
    /// The process environment.
    public var environment: [String: String]
    /// Whether standard output is a terminal.
    public var stdoutIsTTY: Bool
    /// The terminal's width in columns; when nil and stdout is a terminal it is asked
    /// for with `ioctl(TIOCGWINSZ)`.
    public var terminalColumns: Int?

    /// Width used when nothing tells the terminal's width.
    public static let defaultWidth = 80
    /// The narrowest and widest layout width.
    public static let widthRange = 20...1000

    /// Creates an environment from explicit facts, as tests and embedding programs do.
    public init(environment: [String: String], stdoutIsTTY: Bool, terminalColumns: Int? = nil) {
        self.environment = environment
        self.stdoutIsTTY = stdoutIsTTY
        self.terminalColumns = terminalColumns
    }

    /// The environment of this process and the state of its standard output.
    public static func current() -> TerminalEnvironment {
        TerminalEnvironment(
            environment: ProcessInfo.processInfo.environment,
            stdoutIsTTY: isatty(STDOUT_FILENO) == 1)
    }

    /// Whether to colour output in `mode`.
    ///
    /// `never` and `always` are obeyed as they are. In `auto`: a non-empty `NO_COLOR`
    /// turns colour off; then `CLICOLOR_FORCE` set to anything but "" or "0" turns it
    /// on even through a pipe; then `TERM=dumb` or `CLICOLOR=0` turn it off; otherwise
    /// colour is on exactly when standard output is a terminal.
    public func useColor(mode: ColorMode) -> Bool {
        switch mode {
        case .never:
            return false
        case .always:
            return true
        case .auto:
            if isSet("NO_COLOR") { return false }
            if isSet("CLICOLOR_FORCE") && environment["CLICOLOR_FORCE"] != "0" { return true }
            if environment["TERM"] == "dumb" || environment["CLICOLOR"] == "0" { return false }
            return stdoutIsTTY
        }
    }

    /// Whether the terminal shows OSC 8 hyperlinks.
    ///
    /// `TOLK_HYPERLINKS=1` or `=0` decides outright. Otherwise only a terminal whose
    /// `TERM` is known and not `dumb` or `linux` (the console), and not inside GNU
    /// screen, which mangles the sequence. Hyperlinks also need colour: see
    /// ``useHyperlinks(mode:)``.
    public var supportsHyperlinks: Bool {
        switch environment["TOLK_HYPERLINKS"] {
        case "1": return true
        case "0": return false
        default: break
        }
        guard stdoutIsTTY, let term = environment["TERM"], !term.isEmpty else { return false }
        if term == "dumb" || term == "linux" { return false }
        if isSet("STY") { return false }
        // tmux also reports "screen…" but passes hyperlinks on.
        if term.hasPrefix("screen") && !isSet("TMUX") { return false }
        return true
    }

    /// Whether to print links as OSC 8 hyperlinks in `mode`: colour must be on (the
    /// sequences are escape codes too) and the terminal must show them.
    public func useHyperlinks(mode: ColorMode) -> Bool {
        useColor(mode: mode) && supportsHyperlinks
    }

    /// A styler for this environment in `mode`.
    public func styler(mode: ColorMode, showURLs: Bool = true) -> TerminalStyler {
        TerminalStyler(
            color: useColor(mode: mode), hyperlinks: useHyperlinks(mode: mode),
            showURLs: showURLs)
    }

    /// The layout width: the explicit `--width`, else `COLUMNS` if it is a positive
    /// integer, else the terminal's width when standard output is a terminal, else 80;
    /// always within ``widthRange``.
    public func width(explicit: Int?) -> Int {
        let range = Self.widthRange
        func clamped(_ width: Int) -> Int { min(max(width, range.lowerBound), range.upperBound) }
        if let explicit {
            return clamped(explicit)
        }
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
            return clamped(columns)
        }
        if stdoutIsTTY, let columns = terminalColumns ?? Self.stdoutColumns(), columns > 0 {
            return clamped(columns)
        }
        return Self.defaultWidth
    }

    private func isSet(_ name: String) -> Bool {
        !(environment[name] ?? "").isEmpty
    }

    /// The height in lines for a full-screen view: `LINES`, else the terminal's, else nil.
    public func height() -> Int? {
        if let lines = environment["LINES"].flatMap({ Int($0) }), lines > 0 { return lines }
        guard stdoutIsTTY, let rows = Self.stdoutSize()?.ws_row, rows > 0 else { return nil }
        return Int(rows)
    }

    /// The width of the terminal on standard output, or nil when it cannot be told.
    private static func stdoutColumns() -> Int? {
        guard let columns = stdoutSize()?.ws_col, columns > 0 else { return nil }
        return Int(columns)
    }

    private static func stdoutSize() -> winsize? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, windowSizeRequest, &size) == 0 else { return nil }
        return size
    }
}
