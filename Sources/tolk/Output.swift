import Foundation

/// Standard output, and the pager on a terminal.
enum Output {
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }  // EPIPE: the reader went away; nothing more to say.
                offset += n
            }
        }
    }

    /// Shows text through `$PAGER` (default `less -FRX`) when asked, else prints it.
    static func page(_ text: String, usePager: Bool) {
        let environment = ProcessInfo.processInfo.environment
        let pager = environment["PAGER"].map { $0.trimmingCharacters(in: .whitespaces) } ?? "less -FRX"
        guard usePager, !pager.isEmpty, pager != "cat" else {
            write(Array(text.utf8))
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", pager]
        var env = environment
        if env["LESS"] == nil { env["LESS"] = "FRX" }
        process.environment = env
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            write(Array(text.utf8))
            return
        }
        pipe.fileHandleForWriting.write(Data(text.utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
