import Foundation

// What the worker threads of a parallel pass (parsing many files, building a site)
// share: each a small class behind one lock.

/// A counter shared by worker threads.
final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

/// The first error any worker met.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: SiteError?

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return error != nil
    }

    func set(_ e: any Error) {
        lock.lock()
        if error == nil { error = (e as? SiteError) ?? .io("", "\(e)") }
        lock.unlock()
    }
}

/// The facts of each article by path, filled by worker threads.
final class FactSlots: @unchecked Sendable {
    private var slots: [String: Checker.ArticleCheck] = [:]
    private let lock = NSLock()

    func set(_ path: String, _ value: Checker.ArticleCheck) {
        lock.lock()
        slots[path] = value
        lock.unlock()
    }

    var values: [String: Checker.ArticleCheck] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// One value per job, filled by worker threads; nil where a job never came (a stopped pass).
final class Slots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: Value) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// A value shared by worker threads, read and changed only under its lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    /// Changes the value; no other thread sees it half changed.
    func update(_ change: (inout Value) -> Void) {
        lock.lock()
        change(&value)
        lock.unlock()
    }

    /// The value as it is now.
    var current: Value {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
