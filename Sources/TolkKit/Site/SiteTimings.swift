import Foundation

/// Where a build's time goes, phase by phase (`tolk site --timings`): for
/// benchmarks and for finding the slow part of a large site.
final class SiteTimings: @unchecked Sendable {
    private let lock = NSLock()
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var phases: [(String, Double)] = []

    /// Ends the current phase under `name`.
    func mark(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.lock()
        phases.append((name, Double(now - last) / 1e9))
        last = now
        lock.unlock()
    }
}
