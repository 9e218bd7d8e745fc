/// Why a JSON text could not be read; `offset` is the byte offset within the record.
struct JSONFailure: Error {
    enum Kind {
        /// The text ended before the value did.
        case truncated
        /// The text is not JSON.
        case syntax
        /// Well-formed JSON, but a field we read holds the wrong kind of value.
        case wrongType
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

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    var isAtEnd: Bool { position >= count }

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

    /// Reads the string at `position` (which must be `"`), validating its escapes, and returns
    /// where its contents lie. Leaves the cursor after the closing quote.
    mutating func readStringRange() throws(JSONFailure) -> JSONStringRange {
        position += 1  // opening quote
        let start = position
        var hasEscapes = false
        while true {
            // Skip eight ordinary bytes at a time: no quote, backslash or control byte.
            while position + 8 <= count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                if Self.wordNeedsAttention(word) { break }
                position += 8
            }
            guard position < count else { throw truncated() }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                let range = JSONStringRange(start: start, end: position, hasEscapes: hasEscapes)
                position += 1
                return range
            }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                try validateEscape()
                continue
            }
            // Raw tabs are invalid JSON but harmless and common in hand-made files.
            if byte < 0x20 && byte != 0x09 {
                throw JSONFailure(
                    kind: .syntax,
                    message: "invalid JSON: \(describeByte(at: position)) inside a string must be escaped",
                    offset: position)
            }
            position += 1
        }
    }

    /// True when any byte of `word` is `"`, `\` or below 0x20 (may also flag later bytes).
    @inline(__always)
    static func wordNeedsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes & highs
        let hasBackslash = (backslashes &- ones) & ~backslashes & highs
        let hasControl = (word &- ones &* 0x20) & ~word & highs
        return (hasQuote | hasBackslash | hasControl) != 0
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

    /// Appends the unescaped UTF-8 contents of an already validated string to `output`.
    func unescape(_ range: JSONStringRange, into output: inout [UInt8]) {
        var index = range.start
        var runStart = index
        while index < range.end {
            guard base[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            if runStart < index {
                output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
            }
            let escaped = index + 1 < range.end ? base[index + 1] : 0
            index += 2
            switch escaped {
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
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
                Self.appendUTF8(scalarValue, to: &output)
            default: output.append(escaped)  // \" \\ \/
            }
            runStart = index
        }
        if runStart < range.end {
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: range.end - runStart))
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

    static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (value >> 18)))
            output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
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
