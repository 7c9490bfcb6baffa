import Foundation

/// Where a status document is read from: the command line's `--status FILE`,
/// `--status -`, `--status-cmd 'COMMAND'`, or the binding's own source.
public enum StatusSource: Hashable, Sendable, CustomStringConvertible {
    /// A JSON file at this path.
    case file(String)
    /// Standard input (`--status -`).
    case standardInput
    /// A command whose standard output is the document.
    case command([String], shell: Bool, directory: String?, timeout: StatusDuration)

    /// The binding's source, with relative paths taken from the binding's folder.
    public init(_ source: StatusBinding.Source, bindingDirectory: String) {
        switch source.kind {
        case .file(let path):
            self = .file(path.hasPrefix("/") ? path : bindingDirectory + "/" + path)
        case .command(let argv, let shell):
            let absolute =
                bindingDirectory.hasPrefix("/") ? bindingDirectory : FileManager.default.currentDirectoryPath + "/" + bindingDirectory
            self = .command(argv, shell: shell, directory: absolute, timeout: source.timeout)
        }
    }

    /// How the panel names the source.
    public var description: String {
        switch self {
        case .file(let path): path
        case .standardInput: "-"
        case .command(let argv, let shell, _, _): shell ? argv.joined(separator: " ") : argv.map(Self.quoted).joined(separator: " ")
        }
    }

    private static func quoted(_ arg: String) -> String {
        arg.isEmpty || arg.contains(where: { " \"'\\$`".contains($0) }) ? "'" + arg.replacingOccurrences(of: "'", with: "'\\''") + "'" : arg
    }

    /// Reads the document once. Never throws: what went wrong is in the reading.
    public func read(now: () -> Date = Date.init, shouldStop: () -> Bool = { false }) -> StatusReading {
        switch self {
        case .file(let path):
            var info = stat()
            guard stat(path, &info) == 0 else {
                return StatusReading(origin: description, readAt: now(), failure: .unreadable("no such file"))
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                return StatusReading(origin: description, readAt: now(), failure: .unreadable("it is a folder, not a JSON file"))
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                return StatusReading(origin: description, readAt: now(), failure: .unreadable(String(cString: strerror(errno))))
            }
            var reading = StatusReading(origin: description, readAt: now(), bytes: Array(data))
            reading.modifiedAt = Platform.modificationDate(info)
            return reading
        case .standardInput:
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = buffer.withUnsafeMutableBytes { Foundation.read(0, $0.baseAddress, $0.count) }
                if n > 0 {
                    bytes.append(contentsOf: buffer[0..<n])
                } else if n == 0 {
                    break
                } else if errno != EINTR {
                    return StatusReading(origin: "standard input", readAt: now(), failure: .unreadable(String(cString: strerror(errno))))
                }
            }
            return StatusReading(origin: "standard input", readAt: now(), bytes: bytes)
        case .command(let argv, let shell, let directory, let timeout):
            let result = CommandRunner(arguments: argv, shell: shell, directory: directory, timeout: timeout.seconds).run(
                shouldStop: shouldStop)
            let stderr = String(decoding: result.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            var reading: StatusReading
            switch result.termination {
            case .exited(0):
                reading = StatusReading(origin: description, readAt: now(), bytes: result.stdout)
            case .exited(let code):
                reading = StatusReading(origin: description, readAt: now(), failure: .exitStatus(code))
            case .signaled(let signal):
                reading = StatusReading(origin: description, readAt: now(), failure: .signal(signal))
            case .timedOut:
                reading = StatusReading(origin: description, readAt: now(), failure: .timedOut(timeout))
            case .interrupted:
                reading = StatusReading(origin: description, readAt: now(), failure: .interrupted)
            case .notStarted(let code):
                reading = StatusReading(origin: description, readAt: now(), failure: .cannotRun(String(cString: strerror(code))))
            }
            reading.standardError = stderr
            return reading
        }
    }
}

/// One reading of a status source: the parsed document, or what went wrong.
public struct StatusReading: Sendable {
    /// Why a status source could not be read.
    public enum Failure: Error, Hashable, Sendable {
        /// The file or standard input could not be read, with the reason.
        case unreadable(String)
        /// The command could not be started, with the reason.
        case cannotRun(String)
        /// The command exited with this non-zero status.
        case exitStatus(Int32)
        /// A signal ended the command.
        case signal(Int32)
        /// The command ran past its timeout and was stopped.
        case timedOut(StatusDuration)
        /// The reader stopped the command (Ctrl-C).
        case interrupted
        /// What was read is not valid JSON.
        case invalidJSON(StatusJSONError)
    }

    /// The file, command or "standard input".
    public var origin: String
    /// When Tolk finished reading it.
    public var readAt: Date
    /// The parsed document; nil when the reading failed.
    public var document: StatusJSON?
    /// What went wrong; nil when the document was read.
    public var failure: Failure?
    /// What a command wrote on its standard error, trimmed.
    public var standardError = ""
    /// A file's modification time: how old its data is.
    public var modifiedAt: Date?

    /// A reading of `origin` at `readAt` that gave `document`.
    public init(origin: String, readAt: Date, document: StatusJSON) {
        self.origin = origin
        self.readAt = readAt
        self.document = document
    }

    /// A reading of `origin` at `readAt` that failed.
    public init(origin: String, readAt: Date, failure: Failure) {
        self.origin = origin
        self.readAt = readAt
        self.failure = failure
    }

    /// Parses `bytes` as the status document.
    public init(origin: String, readAt: Date, bytes: [UInt8]) {
        self.origin = origin
        self.readAt = readAt
        do {
            document = try StatusJSON.parse(bytes)
        } catch {
            failure = .invalidJSON(error)
        }
    }
}
