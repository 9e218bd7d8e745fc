/// Byte-level UTF-8 checks. Records are validated once, as bytes, so the rest of the reader
/// can build `String`s without worrying about what the stdlib would silently repair.
enum UTF8Validation {
    /// Offset of the first byte that does not start a well-formed UTF-8 sequence
    /// (overlong forms, surrogates and values past U+10FFFF are ill-formed), or nil.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        while index < count {
            // ASCII runs dominate real text; test eight bytes per step.
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            if index >= count { break }
            if base[index] < 0x80 {
                index += 1
                continue
            }
            guard let length = sequenceLength(at: base + index, available: count - index) else { return index }
            index += length
        }
        return nil
    }

    /// Length of the well-formed multi-byte sequence starting at `start` (whose first byte is
    /// 0x80 or more), or nil when it is ill-formed or cut off.
    @inline(__always)
    static func sequenceLength(at start: UnsafePointer<UInt8>, available: Int) -> Int? {
        let lead = start[0]
        let length: Int
        var lowerBound: UInt8 = 0x80
        var upperBound: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upperBound = 0x9F
        case 0xF0: length = 4; lowerBound = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upperBound = 0x8F
        default: return nil
        }
        if length > available { return nil }
        let second = start[1]
        if second < lowerBound || second > upperBound { return nil }
        if length >= 3 && start[2] & 0xC0 != 0x80 { return nil }
        if length == 4 && start[3] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// Offset of `offset`'s character within its line, 1-based, for messages.
    static func column(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lineStart = 0
        var index = 0
        while index < offset && index < bytes.count {
            if bytes[index] == 0x0A { lineStart = index + 1 }
            index += 1
        }
        // Count characters, not bytes: continuation bytes do not start a character.
        var column = 1
        index = lineStart
        while index < offset && index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }
}
