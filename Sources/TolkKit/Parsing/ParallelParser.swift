import Dispatch
import Foundation

extension ArticleParser {
    /// Parses many files on `jobs` threads and hands each result to `transform`
    /// on the worker thread; returns the transformed values in the order of
    /// `paths`. Keep the transform small (a summary, a rendering) so the models
    /// of a whole corpus are never all in memory at once.
    public func parseAll<T: Sendable>(
        _ paths: [String], jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @Sendable (String, Result<Article, ArticleError>) -> T
    ) -> [T] {
        let results = ResultSlots<T>(count: paths.count)
        let next = AtomicCounter()
        let workers = max(1, min(jobs, paths.count))
        let parser = self
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.increment()
                guard i < paths.count else { return }
                let result = Result<Article, ArticleError> { () throws(ArticleError) in try parser.parse(contentsOf: paths[i]) }
                results.set(i, transform(paths[i], result))
            }
        }
        return results.values
    }
}

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

/// One slot per input, filled by worker threads.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [T] { slots.map { $0! } }
}
