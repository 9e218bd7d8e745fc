#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a `ByteWindow` into physical lines without copying them.
struct LineScanner {
    enum Event {
        /// A line without its `\n` (and without a `\r` before it). The buffer is only valid
        /// until the next call to `nextLine()`.
        case line(UnsafeBufferPointer<UInt8>, number: Int)
        /// A line longer than `maxLineBytes`; it was skipped without being kept in memory.
        case oversized(number: Int, byteCount: Int)
        case readFailed(number: Int, errno: Int32)
        case end
    }

    var window: ByteWindow
    let maxLineBytes: Int
    /// Number of the line that starts at `window.start`.
    var nextLineNumber: Int
    /// Bytes after `window.start` already known to hold no newline, so a refill does not
    /// make us scan them again.
    private var scannedWithoutNewline = 0

    init(window: ByteWindow, maxLineBytes: Int, firstLineNumber: Int = 1) {
        self.window = window
        self.maxLineBytes = maxLineBytes
        self.nextLineNumber = firstLineNumber
    }

    mutating func nextLine() -> Event {
        while true {
            let available = window.available
            if scannedWithoutNewline < available,
                let hit = memchr(
                    window.base + window.start + scannedWithoutNewline, 0x0A,
                    available - scannedWithoutNewline)
            {
                let newlineOffset = UnsafeMutableRawPointer(hit) - UnsafeMutableRawPointer(window.base + window.start)
                let number = nextLineNumber
                nextLineNumber += 1
                scannedWithoutNewline = 0
                let lineStart = window.start
                window.start += newlineOffset + 1
                if newlineOffset > maxLineBytes {
                    return .oversized(number: number, byteCount: newlineOffset)
                }
                return .line(trimmedCarriageReturn(from: lineStart, count: newlineOffset), number: number)
            }
            scannedWithoutNewline = available
            if available > maxLineBytes {
                return skipOversizedLine()
            }
            if !window.refill() {
                if let code = window.readErrno {
                    return .readFailed(number: nextLineNumber, errno: code)
                }
                if window.available == 0 { return .end }
                // The last line has no newline after it.
                let number = nextLineNumber
                nextLineNumber += 1
                scannedWithoutNewline = 0
                let lineStart = window.start
                let count = window.available
                window.start = window.end
                return .line(trimmedCarriageReturn(from: lineStart, count: count), number: number)
            }
        }
    }

    private func trimmedCarriageReturn(from lineStart: Int, count: Int) -> UnsafeBufferPointer<UInt8> {
        var length = count
        if length > 0 && window.base[lineStart + length - 1] == 0x0D { length -= 1 }
        return UnsafeBufferPointer(start: window.base + lineStart, count: length)
    }

    /// Scans forward to the end of the current line, counting but not keeping its bytes.
    private mutating func skipOversizedLine() -> Event {
        let number = nextLineNumber
        nextLineNumber += 1
        scannedWithoutNewline = 0
        var byteCount = window.available
        window.discardAll()
        while window.refill() {
            let available = window.available
            if let hit = memchr(window.base + window.start, 0x0A, available) {
                let newlineOffset = UnsafeMutableRawPointer(hit) - UnsafeMutableRawPointer(window.base + window.start)
                byteCount += newlineOffset
                window.start += newlineOffset + 1
                return .oversized(number: number, byteCount: byteCount)
            }
            byteCount += available
            window.discardAll()
        }
        if let code = window.readErrno {
            return .readFailed(number: number, errno: code)
        }
        return .oversized(number: number, byteCount: byteCount)
    }
}
