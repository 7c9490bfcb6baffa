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
        let results = Slots<T>(count: paths.count)
        let next = AtomicCounter()
        let workers = max(1, min(jobs, paths.count))
        let parser = self
        // Largest files first: one big article taken last would keep one worker busy
        // while the others wait (the corpus's include file holds 7% of its units).
        let order = workers > 1 ? Self.largestFirst(paths) : Array(paths.indices)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let k = next.increment()
                guard k < order.count else { return }
                let i = order[k]
                let result = Result<Article, ArticleError> { () throws(ArticleError) in try parser.parse(contentsOf: paths[i]) }
                results.set(i, transform(paths[i], result))
            }
        }
        return results.values.map { $0! }
    }
}

extension ArticleParser {
    /// Indices of `paths`, largest file first (files that cannot be read sort last).
    static func largestFirst(_ paths: [String]) -> [Int] {
        let sizes = paths.map { path -> Int in
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : 0
        }
        return paths.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }
}
