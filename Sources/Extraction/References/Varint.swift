/// LEB128 variable-length integers, as the packed tables of the reference index store them:
/// seven bits a byte, low bits first, the high bit set on every byte but the last.
enum Varint {
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The integer at `cursor`, which moves past it. The bytes were written by `append`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[cursor]
            cursor += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}
