import Foundation

/// Runs the built `tolk` binary, as a user would.
struct TolkProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `TOLK_BINARY` when set (`make test` points it at a release build for the
    /// corpus-wide runs), else the `tolk` built beside the tests.
    static let fastExecutable: URL = {
        if let path = ProcessInfo.processInfo.environment["TOLK_BINARY"], FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        return executable
    }()

    /// The `tolk` built beside this test bundle (`.build/debug`, `.build-asan/debug`, …).
    static let executable: URL = {
        var candidates: [URL] = []
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("tolk"))
            dir.deleteLastPathComponent()
        }
        candidates.append(Fixtures.packageRoot.appendingPathComponent(".build/debug/tolk"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// Runs `tolk` with a clean environment: no colour, 80 columns, English locale,
    /// unless `environment` says otherwise.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil, fast: Bool = false, stdin: Data? = nil,
        binary: URL? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = binary ?? (fast ? fastExecutable : executable)
        process.arguments = arguments
        var env = [
            "PATH": "/usr/bin:/bin", "COLUMNS": "80", "LANG": "en_US.UTF-8", "TERM": "xterm-256color",
            "TOLK_CONTENT": Fixtures.packageRoot.appendingPathComponent("content").path,
        ]
        // Sanitizer settings reach the child so `make asan` runs it the same way.
        for key in ["ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"] {
            if let value = ProcessInfo.processInfo.environment[key] { env[key] = value }
        }
        for (k, v) in environment { env[k] = v }
        process.environment = env.filter { !$0.value.isEmpty }
        process.currentDirectoryURL = directory ?? Fixtures.packageRoot
        let out = Pipe()
        // stderr goes to a file so neither stream can fill up and block the process.
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? FileManager.default.removeItem(at: errURL) }
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
