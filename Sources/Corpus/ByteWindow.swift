#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns the file descriptor and the window's memory, so both are released exactly once even
/// though the hot-path state (`ByteWindow`) is a copyable struct.
final class InputResources {
    let fileDescriptor: Int32
    let closesDescriptor: Bool
    var storage: UnsafeMutablePointer<UInt8>

    init(fileDescriptor: Int32, closesDescriptor: Bool, capacity: Int) {
        self.fileDescriptor = fileDescriptor
        self.closesDescriptor = closesDescriptor
        self.storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deallocate()
        if closesDescriptor { _ = close(fileDescriptor) }
    }
}

/// A sliding window over a file descriptor: bytes `base[start..<end]` have been read but not
/// consumed. Memory stays bounded: the window only grows while one record does not fit, and
/// never past `maxCapacity`.
///
/// `refill` moves the unconsumed bytes to the front, so callers keep positions relative to
/// `start`, never absolute indices, across a refill.
struct ByteWindow {
    static let defaultChunkSize = 1 << 20

    private let resources: InputResources
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    let chunkSize: Int
    let maxCapacity: Int
    var start = 0
    var end = 0
    private(set) var atEndOfInput = false
    /// `errno` of a failed `read`; reading stops after it.
    private(set) var readErrno: Int32?

    init(fileDescriptor: Int32, closesDescriptor: Bool, chunkSize: Int, maxCapacity: Int) {
        let initial = min(chunkSize, maxCapacity)
        resources = InputResources(
            fileDescriptor: fileDescriptor, closesDescriptor: closesDescriptor, capacity: initial)
        base = resources.storage
        capacity = initial
        self.chunkSize = chunkSize
        self.maxCapacity = max(maxCapacity, initial)
    }

    var available: Int { end - start }

    /// Reads at least one more byte unless the input is exhausted or the window is full at
    /// `maxCapacity`. Returns whether bytes were added.
    mutating func refill() -> Bool {
        if atEndOfInput { return false }
        if start > 0 {
            let pending = end - start
            if pending > 0 { memmove(base, base + start, pending) }
            start = 0
            end = pending
        }
        if capacity - end < chunkSize / 2 && capacity < maxCapacity {
            grow()
        }
        if end == capacity { return false }
        while true {
            let count = read(resources.fileDescriptor, base + end, capacity - end)
            if count > 0 {
                end += count
                return true
            }
            if count == 0 {
                atEndOfInput = true
                return false
            }
            let code = errno
            if code == EINTR { continue }
            readErrno = code
            atEndOfInput = true
            return false
        }
    }

    /// Drops every buffered byte; used while skipping a record that is too large to keep.
    mutating func discardAll() {
        start = 0
        end = 0
    }

    private mutating func grow() {
        let newCapacity = min(max(capacity * 2, capacity + chunkSize), maxCapacity)
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        if end > 0 { newStorage.update(from: base, count: end) }
        resources.storage.deallocate()
        resources.storage = newStorage
        base = newStorage
        capacity = newCapacity
    }
}

func systemErrorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}
