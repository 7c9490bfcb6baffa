import Foundation

/// Values computed once per key, from any thread: a lock around a dictionary, for
/// answers with few distinct keys and many readers on a site's worker threads. The
/// value is worked out outside the lock: two threads may both compute a new key, with
/// the same answer.
final class OnceEach<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    func value(for key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let known = values[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }
}
