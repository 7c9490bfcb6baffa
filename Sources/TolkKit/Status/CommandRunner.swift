internal import CSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a status provider with a deadline: no shell unless asked, standard input
/// from /dev/null, its own process group so the whole group can be stopped, and
/// SIGKILL after a short grace period when SIGTERM is ignored.
public struct CommandRunner: Sendable {
    /// How the command ended: exited, signalled, timed out, interrupted or never started.
    public enum Termination: Hashable, Sendable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it: the signal's number.
        case signaled(Int32)
        /// Still running at the deadline; stopped.
        case timedOut
        /// `shouldStop` asked to stop it (the reader pressed Ctrl-C).
        case interrupted
        /// It could not be started: the `errno` of posix_spawn.
        case notStarted(Int32)
    }

    /// How the command ended, what it wrote and how long it ran.
    public struct Result: Sendable {
        /// How the command ended.
        public var termination: Termination
        /// What it wrote to standard output, up to `outputLimit` bytes.
        public var stdout: [UInt8]
        /// What it wrote to standard error, up to `outputLimit` bytes.
        public var stderr: [UInt8]
        /// How long it ran, in seconds.
        public var duration: Double
    }

    /// The program and its arguments; with `shell`, joined by spaces into one command line.
    public var arguments: [String]
    /// Whether the command runs through `/bin/sh -c`.
    public var shell: Bool
    /// The working directory; nil: the current one.
    public var directory: String?
    /// Seconds the command may run before it is stopped.
    public var timeout: Double
    /// How long a command gets between SIGTERM and SIGKILL.
    public var grace: Double = 0.5
    /// At most this much of each stream is kept.
    public var outputLimit = 16 << 20

    /// A runner of `arguments` (through `/bin/sh -c` when `shell`) in `directory`, stopped after `timeout` seconds.
    public init(arguments: [String], shell: Bool = false, directory: String? = nil, timeout: Double) {
        self.arguments = arguments
        self.shell = shell
        self.directory = directory
        self.timeout = timeout
    }

    /// The program and its arguments as executed.
    var argv: [String] {
        if shell { return ["/bin/sh", "-c", arguments.joined(separator: " ")] }
        guard var program = arguments.first else { return [] }
        // `./provider.sh` is found relative to the binding's folder.
        if program.contains("/"), !program.hasPrefix("/"), let directory {
            program = directory + "/" + program
        }
        return [program] + arguments.dropFirst()
    }

    /// Runs the command to its end, its timeout or until `shouldStop` returns true.
    public func run(shouldStop: () -> Bool = { false }) -> Result {
        let started = Date()
        let argv = self.argv
        guard !argv.isEmpty else { return Result(termination: .notStarted(ENOENT), stdout: [], stderr: [], duration: 0) }
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard tolk_pipe_cloexec(&outPipe) == 0 else { return Result(termination: .notStarted(errno), stdout: [], stderr: [], duration: 0) }
        guard tolk_pipe_cloexec(&errPipe) == 0 else {
            close(outPipe[0])
            close(outPipe[1])
            return Result(termination: .notStarted(errno), stdout: [], stderr: [], duration: 0)
        }

        var actions = Platform.spawnFileActions()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        if let directory { _ = tolk_spawn_addchdir(&actions, directory) }

        var attributes = Platform.spawnAttributes()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGPIPE, SIGHUP, SIGQUIT] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, Platform.environment)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            return Result(termination: .notStarted(spawned), stdout: [], stderr: [], duration: 0)
        }

        var out: [UInt8] = []
        var err: [UInt8] = []
        var open = [outPipe[0], errPipe[0]]
        let deadline = started.addingTimeInterval(timeout)
        var termination: Termination?
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            if shouldStop() {
                termination = .interrupted
                break
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                termination = .timedOut
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left, 0.1) * 1000) + 1)
            if ready < 0 && errno != EINTR { break }
            for p in fds where p.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(p.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if p.fd == outPipe[0] {
                        if out.count < outputLimit { out.append(contentsOf: buffer[0..<n]) }
                    } else if err.count < outputLimit {
                        err.append(contentsOf: buffer[0..<n])
                    }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    open.removeAll { $0 == p.fd }
                }
            }
        }
        close(outPipe[0])
        close(errPipe[0])

        var status: Int32 = 0
        if termination == nil {
            // Output closed: the command is done, or about to be (polled from 0.1 ms up to 5 ms).
            var pause: UInt32 = 100
            while termination == nil {
                let r = waitpid(pid, &status, WNOHANG)
                if r == pid { termination = Self.termination(status) }
                if r < 0 && errno != EINTR { termination = .exited(-1) }
                if termination != nil { break }
                if deadline.timeIntervalSinceNow <= 0 { termination = .timedOut } else if shouldStop() { termination = .interrupted }
                if termination == nil {
                    usleep(pause)
                    pause = min(pause * 2, 5_000)
                }
            }
            if case .timedOut = termination { stop(pid) } else if case .interrupted = termination { stop(pid) }
        } else {
            stop(pid)
        }
        return Result(termination: termination ?? .exited(-1), stdout: out, stderr: err, duration: Date().timeIntervalSince(started))
    }

    /// SIGTERM to the group, SIGKILL after the grace period, then reaps.
    private func stop(_ pid: pid_t) {
        kill(-pid, SIGTERM)
        var status: Int32 = 0
        let until = Date().addingTimeInterval(grace)
        var pause: UInt32 = 100
        while Date() < until {
            if waitpid(pid, &status, WNOHANG) == pid { return }
            usleep(pause)
            pause = min(pause * 2, 5_000)
        }
        kill(-pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    private static func termination(_ status: Int32) -> Termination {
        let signal = status & 0x7F
        if signal == 0 { return .exited((status >> 8) & 0xFF) }
        return .signaled(signal)
    }
}
