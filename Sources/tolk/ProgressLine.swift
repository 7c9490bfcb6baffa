import Foundation

/// A one-line progress report on stderr, shown only on a terminal and only once
/// a run has taken more than a second.
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var shown = false
    private var lastDraw = Date.distantPast

    init(total: Int) { self.total = total }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = now
        shown = true
        FileHandle.standardError.write(Data("\rtolk: checked \(done)/\(total) articles\u{1B}[K".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
