#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level helpers for scanning UTF-8 text without materialising `String`s or scalar arrays:
/// reference resolution reads every stored abstract, so the common ASCII path must stay cheap.
enum UTF8Text {
    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The scalar that starts at `index`, with its length in bytes. Invalid bytes decode as U+FFFD.
    static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, length: Int)? {
        guard index >= 0, index < bytes.count else { return nil }
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC0..<0xE0: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0..<0xF8: length = 4; value = UInt32(lead & 0x07)
        default: return ("\u{FFFD}", 1)
        }
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard isContinuation(byte) else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The scalar that ends just before `index`.
    static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard index > 0, index <= bytes.count else { return nil }
        var start = index - 1
        while start > 0 && index - start < 4 && isContinuation(bytes[start]) { start -= 1 }
        return scalar(at: start, in: bytes)?.scalar
    }

    /// Letters and digits in any script: the characters that glue a word together.
    @inline(__always)
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return value >= 0x61 && value <= 0x7A
        }
        return scalar.properties.isAlphabetic
    }

    @inline(__always)
    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x41 && scalar.value <= 0x5A }
        return scalar.properties.isUppercase
    }

    @inline(__always)
    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x61 && scalar.value <= 0x7A }
        return scalar.properties.isLowercase
    }

    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// Scalar count of `bytes[from..<to]`: the bytes that are not continuation bytes. Counted
    /// eight at a time, since every reference's offset is found by counting from the start of
    /// its abstract.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var index = from
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            // A continuation byte is `10xxxxxx`: its top bit set and the one below it clear.
            @inline(__always) func continuations(_ block: UInt64) -> Int {
                (block & ~(block << 1) & ByteLanes.high).nonzeroBitCount
            }
            while index + 32 <= to {
                let blocks = (
                    ByteLanes.load(raw, index), ByteLanes.load(raw, index + 8), ByteLanes.load(raw, index + 16),
                    ByteLanes.load(raw, index + 24)
                )
                count += 32
                // Thirty-two bytes of ASCII, the usual case, take one test.
                if (blocks.0 | blocks.1 | blocks.2 | blocks.3) & ByteLanes.high != 0 {
                    count -= continuations(blocks.0) + continuations(blocks.1) + continuations(blocks.2)
                        + continuations(blocks.3)
                }
                index += 32
            }
            while index + 8 <= to {
                count += 8 - continuations(ByteLanes.load(raw, index))
                index += 8
            }
        }
        while index < to {
            if !isContinuation(bytes[index]) { count += 1 }
            index += 1
        }
        return count
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    /// Finds `needle` in `bytes[from..<to]`; a plain loop because needles are short and rare.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard let first = needle.first, to - from >= needle.count else { return nil }
        var index = from
        let last = to - needle.count
        while index <= last {
            if bytes[index] == first {
                var offset = 1
                while offset < needle.count && bytes[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// Calls `body` with the offset of every byte equal to one of `first`…`fourth`, in order,
    /// testing eight bytes at a time: most bytes of an abstract are none of them.
    @inline(__always)
    static func forEachOffset(
        of first: UInt8, _ second: UInt8, _ third: UInt8, _ fourth: UInt8, in bytes: UnsafeBufferPointer<UInt8>,
        _ body: (Int) -> Void
    ) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= count {
            let block = ByteLanes.load(raw, offset)
            var hits = ByteLanes.equal(block, first) | ByteLanes.equal(block, second) | ByteLanes.equal(block, third)
                | ByteLanes.equal(block, fourth)
            while hits != 0 {
                body(offset + hits.trailingZeroBitCount >> 3)
                hits &= hits - 1
            }
            offset += 8
        }
        while offset < count {
            let byte = base[offset]
            if byte == first || byte == second || byte == third || byte == fourth { body(offset) }
            offset += 1
        }
    }

    /// Calls `body` with the offset of every byte equal to `first` or `second`, in order. Each is
    /// found by the C library's `memchr`, which is vectorised: these are rare bytes (brackets)
    /// looked for in every abstract, where a search eight bytes at a time cost far more.
    static func forEachOffset(
        of first: UInt8, or second: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void
    ) {
        guard let base = bytes.baseAddress else { return }
        let start = UnsafeRawPointer(base)
        let count = bytes.count
        func next(_ byte: UInt8, from offset: Int) -> Int {
            guard offset < count, let found = memchr(start + offset, Int32(byte), count - offset) else { return count }
            return start.distance(to: UnsafeRawPointer(found))
        }
        var nextFirst = next(first, from: 0)
        var nextSecond = second == first ? count : next(second, from: 0)
        while true {
            let offset = min(nextFirst, nextSecond)
            guard offset < count else { return }
            body(offset)
            if nextFirst == offset { nextFirst = next(first, from: offset + 1) }
            if nextSecond == offset { nextSecond = next(second, from: offset + 1) }
        }
    }

    /// Runs `body` over the contiguous UTF-8 of `text`, copying only when the string is not native.
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }
}

/// Maps increasing byte offsets to Unicode-scalar offsets in one forward walk.
struct ScalarOffsetCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var byteOffset = 0
    private var scalarOffset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func scalarOffset(ofByte target: Int) -> Int {
        if target < byteOffset {
            byteOffset = 0
            scalarOffset = 0
        }
        scalarOffset += UTF8Text.scalarCount(bytes, from: byteOffset, to: target)
        byteOffset = target
        return scalarOffset
    }
}

/// Byte-lane arithmetic on a `UInt64` ("SIMD within a register"): each result has the high bit
/// of a lane set where the lane qualifies. Plain integer code, which the compiler keeps in
/// registers (Swift's generic `SIMD16` operators were compiled to per-lane loops here).
enum ByteLanes {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let high: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func load(_ raw: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Lanes equal to `value`, exactly (no false positives from borrows).
    @inline(__always)
    static func equal(_ block: UInt64, _ value: UInt8) -> UInt64 {
        let difference = block ^ (ones &* UInt64(value))
        return ~(((difference & ~high) &+ ~high) | difference) & high
    }

    /// One bit per lane, bit `i` for lane `i`, from lanes that have only their high bit set.
    @inline(__always)
    static func packHighBits(_ lanes: UInt64) -> UInt64 {
        ((lanes >> 7) &* 0x0102_0408_1020_4080) >> 56
    }

    /// Lanes whose low seven bits are at least `value` (at most 0x80); callers mask out
    /// lanes with the high bit set when those matter.
    @inline(__always)
    static func atLeast(_ block: UInt64, _ value: UInt8) -> UInt64 {
        ((block & ~high) &+ ones &* UInt64(0x80 - value)) & high
    }
}
