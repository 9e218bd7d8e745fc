/// Why a JSON text could not be read; `offset` is the byte offset within the record.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

struct JSONFailure: Error {
    enum Kind {
        /// The text ended before the value did.
        case truncated
        /// The text is not JSON.
        case syntax
        /// Well-formed JSON, but a field we read holds the wrong kind of value.
        case wrongType
        /// A string holds bytes that are not UTF-8.
        case invalidUTF8
    }

    var kind: Kind
    var message: String
    var offset: Int
}

/// The kinds of JSON value, named as a user would say them in a message.
enum JSONValueKind: String {
    case object = "an object"
    case array = "an array"
    case string = "a string"
    case number = "a number"
    case boolean = "true/false"
    case null = "null"

    init?(firstByte: UInt8) {
        switch firstByte {
        case UInt8(ascii: "{"): self = .object
        case UInt8(ascii: "["): self = .array
        case UInt8(ascii: "\""): self = .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): self = .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): self = .boolean
        case UInt8(ascii: "n"): self = .null
        default: return nil
        }
    }
}

/// Location of a string's contents (between the quotes) inside the record.
struct JSONStringRange {
    var start: Int
    var end: Int
    /// The contents hold a backslash escape or a raw tab: they are not usable verbatim.
    var hasEscapes: Bool
    var count: Int { end - start }
}

/// A forward-only reader over one JSON text in memory. It validates what it passes over,
/// and decodes only the values the caller asks for; everything else is skipped in place.
///
/// Written against raw bytes because Foundation's decoders cost several microseconds per
/// record on Linux, far over the ingest budget.
struct JSONCursor {
    static let maxNestingDepth = 512

    let base: UnsafePointer<UInt8>
    let count: Int
    var position = 0
    /// The whole text is printable ASCII (no byte below 0x20 or from 0x80 up), so strings need
    /// no UTF-8 or control-byte checks: only quotes and backslashes matter.
    let isPlainASCII: Bool

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        self.isPlainASCII = Self.isPlainASCII(UnsafeBufferPointer(start: base, count: count))
    }

    /// Whether every byte is in 0x20...0x7F. One cheap pass that lets string scanning use
    /// `memchr` instead of checking each byte.
    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let controlBias = ones &* 0x20
        // A byte below 0x20 borrows into its high bit when 0x20 is subtracted; a byte from
        // 0x80 up has it set already.
        @inline(__always) func flags(_ word: UInt64) -> UInt64 { ((word &- controlBias) | word) & highs }
        var index = 0
        while index + 32 <= count {
            let raw = UnsafeRawPointer(base + index)
            let combined =
                flags(raw.loadUnaligned(as: UInt64.self)) | flags(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                | flags(raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
                | flags(raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
            if combined != 0 { return false }
            index += 32
        }
        while index < count {
            let byte = base[index]
            if byte < 0x20 || byte >= 0x80 { return false }
            index += 1
        }
        return true
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < count {
            let byte = base[position]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                position += 1
            } else {
                return
            }
        }
    }

    // MARK: Failures

    func truncated() -> JSONFailure {
        JSONFailure(kind: .truncated, message: "truncated JSON", offset: position)
    }

    func syntaxError(_ expectation: String) -> JSONFailure {
        JSONFailure(
            kind: .syntax, message: "invalid JSON: \(expectation), found \(describeByte(at: position))",
            offset: position)
    }

    func describeByte(at offset: Int) -> String {
        guard offset < count else { return "the end of the record" }
        let byte = base[offset]
        switch byte {
        case 0x0A: return "a line break"
        case 0x09: return "a tab"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
        }
    }

    /// The kind of the value starting at `position`, or a failure when none starts there.
    func valueKind() throws(JSONFailure) -> JSONValueKind {
        guard position < count else { throw truncated() }
        guard let kind = JSONValueKind(firstByte: base[position]) else {
            throw syntaxError("expected a JSON value")
        }
        return kind
    }

    // MARK: Objects and arrays

    /// Consumes `{`.
    mutating func enterObject() throws(JSONFailure) {
        skipWhitespace()
        guard position < count else { throw truncated() }
        guard base[position] == UInt8(ascii: "{") else { throw syntaxError("expected '{'") }
        position += 1
    }

    /// Moves to the next member of the object being read and returns its name, leaving the
    /// cursor on the member's value; returns nil after consuming the closing `}`.
    mutating func nextMemberName(isFirst: inout Bool) throws(JSONFailure) -> JSONStringRange? {
        skipWhitespace()
        guard position < count else { throw truncated() }
        if isFirst {
            isFirst = false
            if base[position] == UInt8(ascii: "}") {
                position += 1
                return nil
            }
        } else {
            let byte = base[position]
            if byte == UInt8(ascii: "}") {
                position += 1
                return nil
            }
            guard byte == UInt8(ascii: ",") else {
                throw syntaxError("expected ',' or '}' after an object member")
            }
            position += 1
            skipWhitespace()
            guard position < count else { throw truncated() }
        }
        guard base[position] == UInt8(ascii: "\"") else {
            throw syntaxError("expected a member name in double quotes")
        }
        let name = try readStringRange()
        skipWhitespace()
        guard position < count else { throw truncated() }
        guard base[position] == UInt8(ascii: ":") else {
            throw syntaxError("expected ':' after a member name")
        }
        position += 1
        skipWhitespace()
        guard position < count else { throw truncated() }
        return name
    }

    /// Consumes `[`.
    mutating func enterArray() throws(JSONFailure) {
        skipWhitespace()
        guard position < count else { throw truncated() }
        guard base[position] == UInt8(ascii: "[") else { throw syntaxError("expected '['") }
        position += 1
    }

    /// Moves to the next element of the array being read; returns false after consuming `]`.
    mutating func nextElement(isFirst: inout Bool) throws(JSONFailure) -> Bool {
        skipWhitespace()
        guard position < count else { throw truncated() }
        let byte = base[position]
        if byte == UInt8(ascii: "]") {
            position += 1
            return false
        }
        if isFirst {
            isFirst = false
        } else {
            guard byte == UInt8(ascii: ",") else {
                throw syntaxError("expected ',' or ']' after an array element")
            }
            position += 1
            skipWhitespace()
            guard position < count else { throw truncated() }
        }
        return true
    }

    // MARK: Strings

    /// Reads the string at `position` (which must be `"`), validating its escapes and its
    /// UTF-8, and returns where its contents lie. Leaves the cursor after the closing quote.
    ///
    /// `memchr` finds the closing quote and any backslash before it, many bytes per
    /// instruction. Unless the whole text is plain ASCII, the contents are then checked for
    /// UTF-8 and raw control bytes. Every string of a record passes through here, and JSON
    /// outside strings is ASCII, so a record that parses is valid UTF-8.
    mutating func readStringRange() throws(JSONFailure) -> JSONStringRange {
        var range = try scanString()
        if !isPlainASCII {
            let sawRawTab = try checkContents(of: range)
            if sawRawTab { range.hasEscapes = true }
        }
        return range
    }

    private mutating func scanString() throws(JSONFailure) -> JSONStringRange {
        position += 1  // opening quote
        let start = position
        // Member names and most values are short: look at a few words before calling memchr.
        var wordsLeft = 3
        while wordsLeft > 0 && position + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let hits = Self.quoteOrBackslashBits(word)
            if hits != 0 {
                // The lowest flagged byte is a real hit (false flags only follow real ones).
                position += hits.trailingZeroBitCount >> 3
                if base[position] == UInt8(ascii: "\"") {
                    position += 1
                    return JSONStringRange(start: start, end: position - 1, hasEscapes: false)
                }
                break  // a backslash: the general loop below handles it
            }
            position += 8
            wordsLeft -= 1
        }
        var hasEscapes = false
        var quoteAt = -1
        while true {
            if quoteAt < position {
                guard position < count, let hit = memchr(base + position, 0x22, count - position) else {
                    position = count
                    throw truncated()
                }
                quoteAt = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            }
            if quoteAt > position, let hit = memchr(base + position, 0x5C, quoteAt - position) {
                hasEscapes = true
                position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                try validateEscape()  // may consume the quote found above, if it was escaped
                continue
            }
            position = quoteAt + 1
            return JSONStringRange(start: start, end: quoteAt, hasEscapes: hasEscapes)
        }
    }

    /// High bit set in each byte of `word` that is `"` or `\\` (and possibly in bytes above a
    /// real hit).
    @inline(__always)
    static func quoteOrBackslashBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        return (((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)) & (ones &* 0x80)
    }

    /// Checks a string's contents in text that is not plain ASCII: well-formed UTF-8, and no
    /// raw control byte except a tab (invalid JSON, but harmless and common in hand-made
    /// files). Returns whether a raw tab was seen.
    private func checkContents(of range: JSONStringRange) throws(JSONFailure) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let controlBias = ones &* 0x20
        var index = range.start
        let end = range.end
        var sawTab = false
        while index < end {
            while index + 8 <= end {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if ((word &- controlBias) | word) & highs != 0 { break }
                index += 8
            }
            guard index < end else { break }
            let byte = base[index]
            if byte >= 0x80 {
                guard let length = UTF8Validation.sequenceLength(at: base + index, available: end - index) else {
                    throw JSONFailure(kind: .invalidUTF8, message: "invalid UTF-8", offset: index)
                }
                index += length
            } else if byte < 0x20 {
                guard byte == 0x09 else {
                    throw JSONFailure(
                        kind: .syntax,
                        message: "invalid JSON: \(describeByte(at: index)) inside a string must be escaped",
                        offset: index)
                }
                sawTab = true
                index += 1
            } else {
                index += 1
            }
        }
        return sawTab
    }

    private mutating func validateEscape() throws(JSONFailure) {
        let escapeStart = position
        position += 1
        guard position < count else { throw truncated() }
        switch base[position] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 1
        case UInt8(ascii: "u"):
            position += 1
            guard position + 4 <= count else { throw truncated() }
            for offset in 0..<4 where Self.hexValue(base[position + offset]) == nil {
                throw JSONFailure(
                    kind: .syntax, message: "invalid JSON: \\u must be followed by four hex digits",
                    offset: escapeStart)
            }
            position += 4
        default:
            throw JSONFailure(
                kind: .syntax,
                message: "invalid JSON: unknown escape '\\\(describeByte(at: position).trimmingQuotes)' in a string",
                offset: escapeStart)
        }
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte &- UInt8(ascii: "A") &+ 10)
        default: return nil
        }
    }

    func bytes(of range: JSONStringRange) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.start, count: range.count)
    }

    /// Writes the unescaped UTF-8 contents of an already validated string to `destination`,
    /// which must have room for `range.count` bytes (unescaping never lengthens a string);
    /// returns how many bytes were written.
    func unescape(_ range: JSONStringRange, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        var index = range.start
        while index < range.end {
            guard let hit = memchr(base + index, 0x5C, range.end - index) else { break }
            let escapeAt = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            let run = escapeAt - index
            if run > 0 {
                (destination + written).update(from: base + index, count: run)
                written += run
            }
            let escaped = escapeAt + 1 < range.end ? base[escapeAt + 1] : 0
            index = escapeAt + 2
            switch escaped {
            case UInt8(ascii: "n"): destination[written] = 0x0A; written += 1
            case UInt8(ascii: "t"): destination[written] = 0x09; written += 1
            case UInt8(ascii: "r"): destination[written] = 0x0D; written += 1
            case UInt8(ascii: "b"): destination[written] = 0x08; written += 1
            case UInt8(ascii: "f"): destination[written] = 0x0C; written += 1
            case UInt8(ascii: "u"):
                var scalarValue = codeUnit(at: index, end: range.end)
                index += 4
                if (0xD800...0xDBFF).contains(scalarValue) {
                    // A high surrogate only makes a character together with a low one.
                    if index + 6 <= range.end, base[index] == UInt8(ascii: "\\"),
                        base[index + 1] == UInt8(ascii: "u")
                    {
                        let low = codeUnit(at: index + 2, end: range.end)
                        if (0xDC00...0xDFFF).contains(low) {
                            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                            index += 6
                        } else {
                            scalarValue = 0xFFFD
                        }
                    } else {
                        scalarValue = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalarValue) {
                    scalarValue = 0xFFFD
                }
                written += Self.writeUTF8(scalarValue, to: destination + written)
            default:  // \" \\ \/
                destination[written] = escaped
                written += 1
            }
        }
        if index < range.end {
            (destination + written).update(from: base + index, count: range.end - index)
            written += range.end - index
        }
        return written
    }

    /// The unescaped contents as a new array; for messages and other cold paths.
    func unescapedBytes(_ range: JSONStringRange) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: max(range.count, 1)) { buffer, initialized in
            guard let start = buffer.baseAddress else { return }
            initialized = unescape(range, to: start)
        }
    }

    private func codeUnit(at offset: Int, end: Int) -> UInt32 {
        guard offset + 4 <= end else { return 0xFFFD }
        var value: UInt32 = 0
        for index in offset..<offset + 4 {
            value = value << 4 | (Self.hexValue(base[index]) ?? 0)
        }
        return value
    }

    /// Writes `value` as UTF-8; returns the byte count (1 to 4).
    static func writeUTF8(_ value: UInt32, to output: UnsafeMutablePointer<UInt8>) -> Int {
        switch value {
        case 0..<0x80:
            output[0] = UInt8(value)
            return 1
        case 0x80..<0x800:
            output[0] = UInt8(0xC0 | (value >> 6))
            output[1] = UInt8(0x80 | (value & 0x3F))
            return 2
        case 0x800..<0x10000:
            output[0] = UInt8(0xE0 | (value >> 12))
            output[1] = UInt8(0x80 | ((value >> 6) & 0x3F))
            output[2] = UInt8(0x80 | (value & 0x3F))
            return 3
        default:
            output[0] = UInt8(0xF0 | (value >> 18))
            output[1] = UInt8(0x80 | ((value >> 12) & 0x3F))
            output[2] = UInt8(0x80 | ((value >> 6) & 0x3F))
            output[3] = UInt8(0x80 | (value & 0x3F))
            return 4
        }
    }

    // MARK: Numbers and literals

    /// Reads a number per the JSON grammar; returns its value when it is a whole number
    /// that fits in an `Int`.
    mutating func readNumber() throws(JSONFailure) -> Int? {
        let start = position
        var isWhole = true
        if base[position] == UInt8(ascii: "-") { position += 1 }
        guard position < count else { throw truncated() }
        guard Self.isDigit(base[position]) else { throw syntaxError("expected a digit") }
        if base[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < count && Self.isDigit(base[position]) { position += 1 }
        }
        if position < count && base[position] == UInt8(ascii: ".") {
            isWhole = false
            position += 1
            guard position < count else { throw truncated() }
            guard Self.isDigit(base[position]) else { throw syntaxError("expected a digit after '.'") }
            while position < count && Self.isDigit(base[position]) { position += 1 }
        }
        if position < count && (base[position] == UInt8(ascii: "e") || base[position] == UInt8(ascii: "E")) {
            isWhole = false
            position += 1
            guard position < count else { throw truncated() }
            if base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-") { position += 1 }
            guard position < count else { throw truncated() }
            guard Self.isDigit(base[position]) else { throw syntaxError("expected a digit in the exponent") }
            while position < count && Self.isDigit(base[position]) { position += 1 }
        }
        guard isWhole else { return nil }
        var value = 0
        let negative = base[start] == UInt8(ascii: "-")
        for index in (negative ? start + 1 : start)..<position {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.addingReportingOverflow(Int(base[index] &- UInt8(ascii: "0")))
            if overflow1 || overflow2 { return nil }
            value = next
        }
        return negative ? -value : value
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Consumes `true`, `false` or `null`.
    mutating func readLiteral() throws(JSONFailure) {
        let literal: StaticString
        switch base[position] {
        case UInt8(ascii: "t"): literal = "true"
        case UInt8(ascii: "f"): literal = "false"
        default: literal = "null"
        }
        let length = literal.utf8CodeUnitCount
        for index in 0..<length {
            guard position + index < count else { throw truncated() }
            guard base[position + index] == literal.utf8Start[index] else {
                position += index
                throw syntaxError("expected `\(literal)`")
            }
        }
        position += length
    }

    // MARK: Skipping

    /// Consumes one value of any kind, checking that it is well formed.
    mutating func skipValue(depth: Int = 0) throws(JSONFailure) {
        switch try valueKind() {
        case .string:
            _ = try readStringRange()
        case .number:
            _ = try readNumber()
        case .boolean, .null:
            try readLiteral()
        case .object:
            guard depth < Self.maxNestingDepth else { throw tooDeep() }
            position += 1
            var isFirst = true
            while try nextMemberName(isFirst: &isFirst) != nil {
                try skipValue(depth: depth + 1)
            }
        case .array:
            guard depth < Self.maxNestingDepth else { throw tooDeep() }
            position += 1
            var isFirst = true
            while try nextElement(isFirst: &isFirst) {
                try skipValue(depth: depth + 1)
            }
        }
    }

    private func tooDeep() -> JSONFailure {
        JSONFailure(
            kind: .syntax, message: "JSON nested more than \(Self.maxNestingDepth) levels deep",
            offset: position)
    }

    /// After the top-level value: only whitespace may follow.
    mutating func expectEnd() throws(JSONFailure) {
        skipWhitespace()
        if position < count {
            throw syntaxError("expected nothing after the JSON value")
        }
    }
}

extension String {
    fileprivate var trimmingQuotes: Substring {
        var text = Substring(self)
        if text.hasPrefix("'") { text = text.dropFirst() }
        if text.hasSuffix("'") { text = text.dropLast() }
        return text
    }
}
