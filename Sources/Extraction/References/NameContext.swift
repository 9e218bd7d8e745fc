/// What the words around a name say about the thing it names, for the cases where the same
/// string names different things: `the DICE score` is a metric, `the Iris dataset` a dataset,
/// `LED markers` a device, whatever paper claims `DICE`, `Iris` or `LED` for a method.
///
/// Everything here reads a few tokens on either side of one occurrence; it runs only for the
/// few names an abstract actually contains.
enum NameContext {
    /// The kind of thing a head noun next to a name makes it.
    enum Head: Sendable, Hashable {
        /// `dataset`, `benchmark`, `corpus`, `challenge`: the name is a dataset or a benchmark.
        case data
        /// `score`, `ratio`, `metric`: the name is a measure.
        case measure
        /// `markers`, `sensor`, `device`: the name is a physical thing.
        case device
    }

    /// What surrounds one occurrence of a name.
    struct Use: Sendable, Hashable {
        /// The head noun the name qualifies, directly (`TACO dataset`) or as an item of a list
        /// that ends or starts with one (`DDR, DRIVE, and IDRiD datasets`, `benchmarks (i.e.,
        /// HEST-Bench, CATCH)`), when it is one of the kinds above.
        var head: Head?
        /// The name is one item of a list of at least three capitalised names.
        var inEnumeration: Bool
    }

    static func use(start: Int, end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Use {
        var items = 1
        var head: Head?
        // Forward: `NAME dataset`, `NAME 2026 challenge`, `NAME, X, and Y datasets`.
        var cursor = end
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "s") { cursor += 1 }
        var steps = 0
        var listOpen = false
        // The first token is read once, for the test below and as the first step forward.
        var firstToken = Token.next(from: &cursor, in: bytes)
        // `a MOS of 4.52`, `an F1 of 0.91`: a name given a value is a measure.
        if let of = firstToken, of.text == "of", !of.endsClause {
            var peek = cursor
            if let value = Token.next(from: &peek, in: bytes), value.isNumber {
                return Use(head: .measure, inEnumeration: false)
            }
        }
        forward: while steps < 10 {
            let token: Token
            if let first = firstToken {
                token = first
                firstToken = nil
            } else if let next = Token.next(from: &cursor, in: bytes) {
                token = next
            } else {
                break
            }
            steps += 1
            if token.leadingParenthesis { break }
            if let kind = heads.value(of: token.loweredKey) {
                head = kind
                break
            }
            if token.isGlue {
                listOpen = true
                if token.endsClause { break }
                continue
            }
            if token.isNameLike && (listOpen || steps == 1 && token.isVersion) {
                if !token.isVersion { items += 1 }
                listOpen = token.trailingComma
                if token.endsClause || token.trailingParenthesis { break forward }
                continue
            }
            if token.isVersion && steps == 1 { continue }
            break
        }
        // Backward: `benchmark DRIVE`, `benchmarks (i.e., HEST-Bench, THUNDER, CATCH)`.
        cursor = start
        steps = 0
        var passedOpener = false
        var first = true
        backward: while steps < 10, let token = Token.previous(from: &cursor, in: bytes) {
            steps += 1
            if token.endsSentence { break }
            let word = token.lowered
            if first || passedOpener, let kind = heads.value(of: token.loweredKey) {
                if head == nil { head = kind }
                break
            }
            defer { first = false }
            if token.trailingParenthesis { break }
            if openers.contains(token.loweredKey) || token.leadingParenthesis && (token.isGlue || word.isEmpty) {
                passedOpener = true
                continue
            }
            if token.leadingParenthesis && token.isNameLike {
                items += 1
                passedOpener = true
                continue
            }
            if articles.contains(token.loweredKey) { continue }
            if token.isGlue { continue }
            if token.isNameLike && token.trailingComma {
                items += 1
                continue
            }
            break
        }
        return Use(head: head, inEnumeration: items >= 3)
    }

    /// Whether a paper with this title (and claimed name) is about the kind of thing `head` says.
    static func title(_ title: String, name: String, fits head: Head) -> Bool {
        let lowered = (title + " " + name).lowercased()
        switch head {
        case .data: return dataTitleWords.contains { lowered.contains($0) }
        case .measure: return measureTitleWords.contains { lowered.contains($0) }
        case .device: return false
        }
    }

    private static let heads: FixedWordTable<Head> = {
        var entries: [(String, Head)] = []
        for word in [
            "dataset", "datasets", "benchmark", "benchmarks", "corpus", "corpora", "challenge", "challenges",
            "competition", "leaderboard", "subset", "subsets", "split", "splits", "suite", "testbed", "database",
        ] {
            entries.append((word, .data))
        }
        for word in ["score", "scores", "ratio", "ratios", "metric", "metrics", "measure", "coefficient", "index"] {
            entries.append((word, .measure))
        }
        for word in ["marker", "markers", "sensor", "sensors", "device", "devices", "light", "lights", "lamp", "lamps"] {
            entries.append((word, .device))
        }
        return FixedWordTable(entries)
    }()

    private static let dataTitleWords = ["dataset", "benchmark", "bench", "corpus", "challenge", "suite", "leaderboard", "arena", "data set"]
    private static let measureTitleWords = ["metric", "score", "measure"]
    private static let openers = FixedWordTable(words: ["e.g.", "i.e.", "eg", "ie", "such", "as", "including", "like"])
    private static let articles = FixedWordTable(words: ["the", "a", "an"])

    /// A space-delimited token with its surrounding punctuation noted.
    struct Token {
        var text: String
        /// Letters, digits and inner punctuation, lower-cased (`(i.e.,` → `i.e.`).
        var lowered: String
        /// `lowered` packed for the word lists, computed once per token rather than per lookup.
        var loweredKey: PackedWord?
        var leadingParenthesis = false
        var trailingParenthesis = false
        var trailingComma = false
        var endsClause = false
        var endsSentence = false

        var isGlue: Bool { Self.glue.contains(loweredKey) }
        private static let glue = FixedWordTable(words: ["and", "or", "&", "as", "well", ""])

        /// Capitals or digits somewhere: `DRIVE`, `ISIC-2017`, `Yo'LLaVA`, `v2.0`.
        var isNameLike: Bool {
            // Bytes for ASCII text (nearly every token); only other scalars need their properties.
            var ascii = true
            for byte in text.utf8 {
                if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) { return true }
                if byte >= 0x80 { ascii = false }
            }
            return !ascii && text.unicodeScalars.contains { UTF8Text.isUpper($0) || UTF8Text.isDigit($0) }
        }
        /// `2`, `v2.0`, `V3`: digits and dots, after a `v` or not. Read as bytes: every byte of a
        /// multi-byte scalar fails the test as its scalar would.
        var isVersion: Bool {
            var body = text.utf8[...]
            if let first = body.first, first == UInt8(ascii: "v") || first == UInt8(ascii: "V") { body = body.dropFirst() }
            return !body.isEmpty && body.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }
        }
        /// `4.52`, `-3`, `87%`, `0.9±0.1`: a value rather than a word.
        var isNumber: Bool {
            guard let first = text.unicodeScalars.first(where: { $0 != "-" && $0 != "+" && $0 != "~" }) else { return false }
            return UTF8Text.isDigit(first)
                && text.unicodeScalars.allSatisfy { UTF8Text.isDigit($0) || ".,%±-+~".unicodeScalars.contains($0) }
        }

        init(_ raw: String) {
            var raw = raw
            self = raw.withUTF8 { Token($0, from: 0, to: $0.count) }
        }

        /// The token `bytes[start..<end]`. Its punctuation is ASCII, so it is trimmed byte by
        /// byte; this runs for a few tokens around every name occurrence of every abstract.
        init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
            var first = start
            var last = end
            while first < last, bytes[first] == UInt8(ascii: "(") || bytes[first] == UInt8(ascii: "[") {
                leadingParenthesis = true
                first += 1
            }
            trimming: while first < last {
                switch bytes[last - 1] {
                case UInt8(ascii: ")"), UInt8(ascii: "]"): trailingParenthesis = true
                case UInt8(ascii: ","): trailingComma = true
                case UInt8(ascii: ";"), UInt8(ascii: ":"): endsClause = true
                case UInt8(ascii: "."):
                    // `e.g.` and `i.e.` keep their dots; a sentence dot ends the clause.
                    if Self.isExempliGratiaOrIdEst(bytes, from: first, to: last) { break trimming }
                    endsClause = true
                    endsSentence = true
                default: break trimming
                }
                last -= 1
            }
            text = UTF8Text.string(bytes, from: first, to: last)
            lowered = Self.lowercased(bytes, from: first, to: last, text: text)
            loweredKey = PackedWord(lowered)
        }

        private static func isExempliGratiaOrIdEst(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
            guard end - start == 4 else { return false }
            let first = bytes[start] | 0x20
            let third = bytes[start + 2] | 0x20
            return bytes[start + 1] == UInt8(ascii: ".") && bytes[start + 3] == UInt8(ascii: ".")
                && ((first == UInt8(ascii: "e") && third == UInt8(ascii: "g"))
                    || (first == UInt8(ascii: "i") && third == UInt8(ascii: "e")))
        }

        /// ASCII is lower-cased byte by byte; anything else goes through `String.lowercased()`.
        private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, text: String) -> String {
            var ascii = true
            var hasUpper = false
            for offset in start..<end {
                let byte = bytes[offset]
                if byte >= 0x80 { ascii = false }
                if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
            }
            guard ascii else { return text.lowercased() }
            guard hasUpper else { return text }
            return String(unsafeUninitializedCapacity: end - start) { buffer in
                for offset in start..<end {
                    let byte = bytes[offset]
                    buffer[offset - start] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return end - start
            }
        }

        static func next(from cursor: inout Int, in bytes: UnsafeBufferPointer<UInt8>) -> Token? {
            while cursor < bytes.count && UTF8Text.isSpace(bytes[cursor]) { cursor += 1 }
            let start = cursor
            while cursor < bytes.count && !UTF8Text.isSpace(bytes[cursor]) && cursor - start < 64 { cursor += 1 }
            return cursor > start ? Token(bytes, from: start, to: cursor) : nil
        }

        static func previous(from cursor: inout Int, in bytes: UnsafeBufferPointer<UInt8>) -> Token? {
            // The name's own first byte is `cursor`; whatever touches it on the left (`(`) is a
            // token of its own for this purpose.
            var end = cursor
            if end > 0, !UTF8Text.isSpace(bytes[end - 1]) {
                var start = end
                while start > 0 && !UTF8Text.isSpace(bytes[start - 1]) && end - start < 64 { start -= 1 }
                cursor = start
                return Token(bytes, from: start, to: end)
            }
            while end > 0 && UTF8Text.isSpace(bytes[end - 1]) { end -= 1 }
            var start = end
            while start > 0 && !UTF8Text.isSpace(bytes[start - 1]) && end - start < 64 { start -= 1 }
            cursor = start
            return end > start ? Token(bytes, from: start, to: end) : nil
        }
    }

    // MARK: - Established things

    /// Whether the word right before a name (`the classical STRIDE framework`, `traditional
    /// MUSIC`) says it names an established technique rather than a recent paper.
    static func followsEstablishedModifier(start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = start
        guard cursor > 0, UTF8Text.isSpace(bytes[cursor - 1]), let token = Token.previous(from: &cursor, in: bytes),
            !token.trailingComma, !token.endsClause, !token.trailingParenthesis
        else { return false }
        return establishedModifiers.contains(token.loweredKey)
    }

    static let establishedModifiers = FixedWordTable(words: [
        "classical", "classic", "traditional", "conventional", "standard", "original", "well-known",
        "well-established", "established", "long-standing", "time-honored", "time-honoured", "legacy",
        "canonical", "venerable", "decades-old", "textbook", "celebrated", "seminal",
    ])

    // MARK: - Definitions around a name

    /// `NAME (Long Form)`: the long form written in parentheses right after the name, when its
    /// words spell the name out (`ORCA (Online Reasoning and Cognitive Architecture)`).
    static func expansionAfter(name: String, end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var open = end
        while open < bytes.count && bytes[open] == 0x20 { open += 1 }
        guard open < bytes.count, bytes[open] == UInt8(ascii: "(") else { return nil }
        var close = open + 1
        while close < bytes.count && bytes[close] != UInt8(ascii: ")") && close - open < 160 { close += 1 }
        guard close < bytes.count, bytes[close] == UInt8(ascii: ")") else { return nil }
        let inner = ScalarWindow(bytes, from: open + 1, to: close).scalars
        let short = Array(name.unicodeScalars)
        guard AbstractClaims.schwartzHearstStart(short: short, long: inner) == 0 else { return nil }
        let letters = short.filter(UTF8Text.isWord).count
        let words = AbstractClaims.words(in: inner)
        guard words.count >= 2, words.count <= min(letters + 5, letters * 2) else { return nil }
        return AbstractClaims.normalizedWords(inner)
    }

    /// Byte ranges of the long forms of every `Long Form (XYZ)` definition: a name inside one
    /// is part of another name (`Divide-and-Conquer Amnesia (DCA)`), not a use of its own.
    static func longForms(in bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int, name: String)] {
        var spans: [(start: Int, end: Int, name: String)] = []
        UTF8Text.forEachOffset(of: UInt8(ascii: "("), or: UInt8(ascii: "("), in: bytes) { open in
            var close = open + 1
            var capitals = 0
            var ascii = true
            while close < bytes.count && close - open <= 24 {
                let byte = bytes[close]
                if byte == UInt8(ascii: ")") { break }
                if UTF8Text.isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") { return }
                if byte >= 0x41 && byte <= 0x5A { capitals += 1 }
                if byte >= 0x80 { ascii = false }
                close += 1
            }
            guard close < bytes.count, bytes[close] == UInt8(ascii: ")"), close > open + 2 else { return }
            // Most parentheses hold no acronym, which ASCII text shows without decoding it.
            if ascii && capitals < 2 { return }
            let short = UTF8Text.string(bytes, from: open + 1, to: close)
            let shortScalars = Array(short.unicodeScalars)
            guard shortScalars.filter({ UTF8Text.isUpper($0) }).count >= 2,
                let start = AbstractClaims.longFormStart(of: shortScalars, openingAt: open, in: bytes)
            else { return }
            spans.append((start, open, short))
        }
        return spans
    }
}

/// A word of at most 16 UTF-8 bytes packed into two integers, so that looking it up in a word
/// list compares integers rather than strings. Longer words have none (no list has one).
struct PackedWord: Equatable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var length: Int

    init?(_ word: String) {
        var word = word
        guard let packed = word.withUTF8({ PackedWord($0, from: 0, to: $0.count) }) else { return nil }
        self = packed
    }

    /// The word `bytes[start..<end]`.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        length = end - start
        guard length <= 16 else { return nil }
        for index in start..<end {
            let shift = 8 * UInt64(index - start)
            if shift < 64 {
                low |= UInt64(bytes[index]) << shift
            } else {
                high |= UInt64(bytes[index]) << (shift - 64)
            }
        }
    }

    @inline(__always)
    var hash: Int {
        var mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(truncatingIfNeeded: length)) &* 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 32
        return Int(truncatingIfNeeded: mixed)
    }
}

/// A fixed list of words, looked up without `Hasher`: `Set` and `Dictionary` hash with seeded
/// SipHash, which cost more than the rest of reading a token, and the tokens around every name
/// occurrence are looked up in several such lists. Here a lookup is a multiply and usually one
/// integer comparison.
struct FixedWordTable<Value: Sendable>: Sendable {
    private let words: [PackedWord]
    private let values: [Value]
    /// Open addressing: index into `words` plus one, 0 for an empty slot.
    private let slots: [Int32]

    /// `entries` hold distinct words of at most 16 bytes.
    init(_ entries: [(String, Value)]) {
        let packed = entries.compactMap { PackedWord($0.0) }
        precondition(packed.count == entries.count, "word lists hold words of at most 16 bytes")
        words = packed
        values = entries.map(\.1)
        var size = 8
        while size < entries.count * 4 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (index, word) in packed.enumerated() {
            var slot = word.hash & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index + 1)
        }
        self.slots = slots
    }

    func value(of word: PackedWord?) -> Value? {
        guard let word else { return nil }
        let mask = slots.count - 1
        var slot = word.hash & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if words[entry - 1] == word { return values[entry - 1] }
            slot = (slot + 1) & mask
        }
    }
}

extension FixedWordTable where Value == Bool {
    init(words: [String]) { self.init(words.map { ($0, true) }) }

    func contains(_ word: PackedWord?) -> Bool { value(of: word) != nil }
}
