import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls whose spelling differs between Linux (glibc) and macOS (Darwin),
/// in one place; the C ones Swift cannot call directly are in the `CSystem` target.
public enum Platform {
    /// A file's modification time from `stat`, in nanoseconds since 1970.
    public static func modificationNanoseconds(_ info: stat) -> Int64 {
        #if canImport(Darwin)
            Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
            Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
    }

    /// A file's modification time from `stat`, as a date.
    public static func modificationDate(_ info: stat) -> Date {
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }

    /// A path that opens the running executable: `/proc/self/exe` on Linux, where it
    /// survives the file being replaced; elsewhere the path the system reports.
    public static var executablePath: String? {
        #if os(Linux)
            "/proc/self/exe"
        #else
            Bundle.main.executablePath
        #endif
    }

    /// posix_spawn's file actions: a struct on Linux, a pointer (nil until initialized) on macOS.
    #if canImport(Darwin)
        typealias SpawnFileActions = posix_spawn_file_actions_t?
        typealias SpawnAttributes = posix_spawnattr_t?
    #else
        typealias SpawnFileActions = posix_spawn_file_actions_t
        typealias SpawnAttributes = posix_spawnattr_t
    #endif

    /// Storage for posix_spawn's file actions, for `posix_spawn_file_actions_init`.
    static func spawnFileActions() -> SpawnFileActions {
        #if canImport(Darwin)
            nil
        #else
            posix_spawn_file_actions_t()
        #endif
    }

    /// Storage for posix_spawn's attributes, for `posix_spawnattr_init`.
    static func spawnAttributes() -> SpawnAttributes {
        #if canImport(Darwin)
            nil
        #else
            posix_spawnattr_t()
        #endif
    }

    /// The process's environment, for posix_spawn (Darwin has no `environ` symbol for Swift).
    static var environment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        #if canImport(Darwin)
            _NSGetEnviron().pointee
        #else
            environ
        #endif
    }

    /// Calls `handler` (a C function: it may only set flags) when one of `signals`
    /// arrives, with `SA_RESTART` when `restart`, and unblocks those signals, which a
    /// parent may have started us with blocked (some test runners do).
    public static func handle(
        _ signals: [Int32], restart: Bool = false, with handler: @convention(c) (Int32) -> Void
    ) {
        var action = sigaction()
        #if os(Linux)
            action.__sigaction_handler.sa_handler = handler
        #else
            action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = restart ? SA_RESTART : 0
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signal in signals {
            sigaction(signal, &action, nil)
            sigaddset(&wanted, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
    }
}
