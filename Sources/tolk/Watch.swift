import Foundation
import TolkKit

/// Signals that end or redraw `--watch`, noted by a handler and read by the loop.
enum WatchSignals {
    nonisolated(unsafe) static var stop: sig_atomic_t = 0
    nonisolated(unsafe) static var resized: sig_atomic_t = 0

    static func install() {
        // Platform.handle also unblocks them: Ctrl-C must reach us.
        Platform.handle([SIGINT, SIGTERM, SIGHUP]) { _ in WatchSignals.stop = 1 }
        Platform.handle([SIGWINCH], restart: true) { _ in WatchSignals.resized = 1 }
    }

    static var stopRequested: Bool { stop != 0 }
}

/// `--watch SECONDS`: re-reads and redraws until interrupted. On a terminal the
/// frame is redrawn in place on the alternate screen, cut to the terminal's
/// height, every second between readings too, so the age of the data ("read
/// 7 seconds ago") stays true; piped, each new reading is printed after the
/// last, separated by a blank line.
struct Watcher {
    let interval: Double
    let onTerminal: Bool
    /// How often a terminal frame is redrawn between readings.
    var tick = 1.0

    /// `frame(reread)` returns the lines to show, reading the source again when `reread`.
    func run(frame: (_ reread: Bool) -> [String]) {
        WatchSignals.install()
        if onTerminal { Output.write(Array("\u{1B}[?1049h\u{1B}[?25l".utf8)) }
        var first = true
        var nextRead = Date()
        while !WatchSignals.stopRequested {
            let reread = Date() >= nextRead
            if reread { nextRead = Date().addingTimeInterval(interval) }
            var lines = frame(reread)
            if WatchSignals.stopRequested { break }
            if onTerminal {
                if let height = TerminalEnvironment.current().height(), lines.count > height { lines = Array(lines.prefix(height)) }
                let body = lines.map { $0 + "\u{1B}[K" }.joined(separator: "\r\n")
                Output.write(Array(("\u{1B}[H" + body + "\u{1B}[J").utf8))
            } else if reread {
                Output.write(Array(((first ? "" : "\n") + lines.joined(separator: "\n") + "\n").utf8))
                first = false
            }
            WatchSignals.resized = 0
            let until = onTerminal ? min(nextRead, Date().addingTimeInterval(tick)) : nextRead
            while Date() < until && !WatchSignals.stopRequested && WatchSignals.resized == 0 {
                usleep(20_000)
            }
        }
        if onTerminal { Output.write(Array("\u{1B}[?25h\u{1B}[?1049l".utf8)) }
    }
}
