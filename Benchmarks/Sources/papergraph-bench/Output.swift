#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes straight to a file descriptor. POSIX `write` rather than `FILE*` keeps clear of the C
/// `stdout` global, which Swift 6 strict concurrency rejects. Callers batch into large chunks.
final class OutputFile {
    private var descriptor: Int32
    private let path: String
    private let ownsDescriptor: Bool

    init(path: String) throws(BenchError) {
        self.path = path
        if path == "-" {
            descriptor = 1
            ownsDescriptor = false
        } else {
            let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard opened >= 0 else { throw .cannotOpen(path: path, errno: errno) }
            descriptor = opened
            ownsDescriptor = true
        }
    }

    func writeAll(_ bytes: Bytes) throws(BenchError) {
        let failure: Int32 = bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        if failure != 0 { throw .writeFailed(path: path, errno: failure) }
    }

    func finish() throws(BenchError) {
        guard ownsDescriptor, descriptor >= 0 else { return }
        let result = close(descriptor)
        descriptor = -1
        if result != 0 { throw .writeFailed(path: path, errno: errno) }
    }

    deinit {
        if ownsDescriptor && descriptor >= 0 { _ = close(descriptor) }
    }
}

func printError(_ message: String) {
    var line = Array(message.utf8)
    line.append(UInt8(ascii: "\n"))
    line.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return }
        _ = write(2, base, buffer.count)
    }
}
