import Dispatch

/// A value computed on another thread from the moment it is created; `value`
/// waits for it. For work a build can do beside other work it must finish first.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The value, once computed (waits until then; then returns at once).
    var value: Value {
        done.wait()
        defer { done.signal() }  // for any later reader
        return result!
    }
}
