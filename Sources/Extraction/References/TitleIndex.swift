/// Word-level view of text for title matching: lower-cased runs of letters and digits, each
/// hashed, so that `BERT: Pre-training of …` and `bert pre-training of …` are the same words.
struct TitleWord {
    var hash: UInt64
    var start: Int
    var end: Int
    /// Whether the word is written with a capital first letter, for the title-case check.
    var capitalised: Bool
}

enum TitleWords {
    /// Word boundaries are found eight bytes at a time (SWAR) on ASCII text, falling back to
    /// scalar decoding for blocks with other bytes; each word is hashed once from its first
    /// eight lower-cased bytes and its length. The hash only picks candidates (which are then
    /// compared word by word) and depends on the word alone, not on how it was found.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into words: inout [TitleWord]) {
        words.removeAll(keepingCapacity: true)
        tokenize(bytes, from: 0, maxWords: Int.max, appendingTo: &words)
    }

    /// Appends the words that start at or after `from` (which must not be inside a word), up
    /// to `maxWords` of them.
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, maxWords: Int, appendingTo words: inout [TitleWord]
    ) {
        guard let base = bytes.baseAddress, maxWords > 0 else { return }
        let count = bytes.count
        let limit = words.count + maxWords
        var index = from
        var inWord = false
        var wordStart = 0
        let raw = UnsafeRawPointer(base)
        while index < count {
            if index + 8 <= count {
                let block = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if block & 0x8080_8080_8080_8080 == 0 {
                    let wordBits = asciiWordMask(block)
                    let previous = (wordBits << 1 | (inWord ? 1 : 0)) & 0xFF
                    var starts = wordBits & ~previous
                    var ends = ~wordBits & previous & 0xFF
                    while starts | ends != 0 {
                        let startBit = starts == 0 ? 8 : starts.trailingZeroBitCount
                        let endBit = ends == 0 ? 8 : ends.trailingZeroBitCount
                        if endBit < startBit {
                            words.append(word(bytes, start: wordStart, end: index + endBit))
                            if words.count == limit { return }
                            ends &= ends - 1
                        } else {
                            wordStart = index + startBit
                            starts &= starts - 1
                        }
                    }
                    inWord = wordBits & 0x80 != 0
                    index += 8
                    continue
                }
            }
            // One scalar at a time: the tail of the text, or a block with non-ASCII bytes.
            let byte = bytes[index]
            var length = 1
            var isWordScalar: Bool
            if byte < 0x80 {
                let folded = byte | 0x20
                isWordScalar = (folded >= 0x61 && folded <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            } else if let (scalar, scalarLength) = UTF8Text.scalar(at: index, in: bytes) {
                length = scalarLength
                isWordScalar = UTF8Text.isWord(scalar)
            } else {
                isWordScalar = false
            }
            if isWordScalar && !inWord {
                wordStart = index
                inWord = true
            } else if !isWordScalar && inWord {
                words.append(word(bytes, start: wordStart, end: index))
                if words.count == limit { return }
                inWord = false
            }
            index += length
        }
        if inWord { words.append(word(bytes, start: wordStart, end: count)) }
    }

    /// Byte offsets where a title may begin, in order: a word starting with a capital letter or
    /// a digit, or the first word after an opening quote. Found sixteen bytes at a time, since
    /// nearly every byte of an abstract is none of these.
    static func forEachTitleStart(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var offset = 0
        var lastReported = -1
        func consider(_ position: Int) {
            let byte = bytes[position]
            var start = position
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                start = position + 1
            } else if byte >= 0xC0 {
                guard let (scalar, length) = UTF8Text.scalar(at: position, in: bytes) else { return }
                if openingQuotes.contains(scalar) {
                    start = position + length
                } else if !(UTF8Text.isWord(scalar) && UTF8Text.isUpper(scalar)) {
                    return
                }
            }
            guard start < count, start > lastReported else { return }
            // Only at the start of a word; a quote must open (not `model's`) and a word must follow it.
            if let previous = UTF8Text.scalar(before: position, in: bytes), UTF8Text.isWord(previous) { return }
            if start != position {
                guard let next = UTF8Text.scalar(at: start, in: bytes)?.scalar, UTF8Text.isWord(next) else { return }
            }
            lastReported = start
            body(start)
        }
        while offset + 8 <= count {
            let block = ByteLanes.load(raw, offset)
            let ascii = ~block & ByteLanes.high
            let upper = ByteLanes.atLeast(block, 0x41) & ~ByteLanes.atLeast(block, 0x5B)
            let digit = ByteLanes.atLeast(block, 0x30) & ~ByteLanes.atLeast(block, 0x3A)
            let quote = ByteLanes.equal(block, 0x22) | ByteLanes.equal(block, 0x27)
            let lead = block & (block << 1) & ByteLanes.high
            var hits = ((upper | digit) & ascii) | quote | lead
            while hits != 0 {
                consider(offset + hits.trailingZeroBitCount >> 3)
                hits &= hits - 1
            }
            offset += 8
        }
        while offset < count {
            let byte = bytes[offset]
            if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x22 || byte == 0x27
                || byte >= 0xC0
            {
                consider(offset)
            }
            offset += 1
        }
    }

    static let openingQuotes: Set<Unicode.Scalar> = ["“", "‘", "«", "„"]

    /// Bit `i` set when byte `i` of an all-ASCII block is a letter or digit. Each byte lane
    /// stays below 0x100 through the additions, so lanes never carry into each other.
    @inline(__always)
    private static func asciiWordMask(_ block: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let lower = block | 0x2020_2020_2020_2020
        let atLeastA = lower &+ ones &* (0x80 - 0x61)
        let pastZ = lower &+ ones &* (0x80 - 0x7B)
        let atLeastZero = block &+ ones &* (0x80 - 0x30)
        let pastNine = block &+ ones &* (0x80 - 0x3A)
        let letters = atLeastA & ~pastZ
        let digits = atLeastZero & ~pastNine
        let lanes = ((letters | digits) & high) >> 7
        return (lanes &* 0x0102_0408_1020_4080) >> 56
    }

    /// A word's hash from its first eight lower-cased UTF-8 bytes and its lower-cased length.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> TitleWord {
        // ASCII words (nearly all) in a few whole-register steps: letters and digits lower-case
        // by setting bit 5, which is what the byte-by-byte path below computes for them.
        let length = end - start
        if let base = bytes.baseAddress, start + 8 <= bytes.count, end >= 8 {
            let raw = UnsafeRawPointer(base)
            var highBits: UInt64 = 0
            var offset = start
            while offset + 8 <= end {
                highBits |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            if offset < end { highBits |= raw.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self) }
            if highBits & 0x8080_8080_8080_8080 == 0 {
                let first = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
                let keep: UInt64 = length >= 8 ? ~0 : (1 << (8 * UInt64(length))) - 1
                let packed = (first | 0x2020_2020_2020_2020) & keep
                let lead = base[start]
                return TitleWord(hash: mix(packed, length), start: start, end: end, capitalised: lead >= 0x41 && lead <= 0x5A)
            }
        }
        var packed: UInt64 = 0
        var lowered = 0
        var capitalised = false
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                if index == start { capitalised = byte >= 0x41 && byte <= 0x5A }
                if lowered < 8 { packed |= UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) << (8 * UInt64(lowered)) }
                lowered += 1
                index += 1
                continue
            }
            guard let (scalar, scalarLength) = UTF8Text.scalar(at: index, in: bytes) else { break }
            if index == start { capitalised = UTF8Text.isUpper(scalar) }
            for unit in scalar.properties.lowercaseMapping.utf8 {
                if lowered < 8 { packed |= UInt64(unit) << (8 * UInt64(lowered)) }
                lowered += 1
            }
            index += scalarLength
        }
        return TitleWord(hash: mix(packed, lowered), start: start, end: end, capitalised: capitalised)
    }

    @inline(__always)
    private static func mix(_ packed: UInt64, _ length: Int) -> UInt64 {
        var hash = (packed ^ UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }

    static func words(of text: String) -> [TitleWord] {
        var words: [TitleWord] = []
        UTF8Text.withBytes(text) { tokenize($0, into: &words) }
        return words
    }

    /// The lower-cased words themselves, for the final exact comparison.
    static func lowercasedWords(of text: String) -> [String] {
        UTF8Text.withBytes(text) { bytes in
            var words: [TitleWord] = []
            tokenize(bytes, into: &words)
            return words.map { UTF8Text.string(bytes, from: $0.start, to: $0.end).lowercased() }
        }
    }
}

/// Polynomial hash over word hashes, so any run of words hashes in O(1) from prefix sums.
enum WordRunHash {
    static let base: UInt64 = 0x9E37_79B9_7F4A_7C15 | 1
    static let powers: [UInt64] = {
        var powers: [UInt64] = [1]
        for _ in 0..<TitleIndex.maximumWords { powers.append(powers[powers.count - 1] &* base) }
        return powers
    }()

    static func prefixes(_ words: [TitleWord], into prefix: inout [UInt64]) {
        prefix.removeAll(keepingCapacity: true)
        prefix.append(0)
        var running: UInt64 = 0
        for word in words {
            running = running &* base &+ word.hash
            prefix.append(running)
        }
    }

    @inline(__always)
    static func run(_ prefix: [UInt64], from start: Int, count: Int) -> UInt64 {
        prefix[start + count] &- prefix[start] &* powers[count]
    }
}

/// Stored titles of at least `minimumWords` words, found in abstracts by their word sequence.
struct TitleIndex: Sendable {
    static let minimumWords = 4
    static let maximumWords = 64
    /// Short titles (`Attention Is All You Need`) are also ordinary phrases, so unquoted they
    /// count only when written with the title's own capitalisation.
    static let caseInsensitiveFromWords = 7

    struct Entry: Sendable {
        var paper: Int32
        var wordCount: Int32
        var hash: UInt64
        /// Bit `i` set when word `i` of the title starts with a capital.
        var capitals: UInt64
    }

    private(set) var entries: [Entry] = []
    /// Run hashes of each title's first four words, sorted, with the matching entry alongside:
    /// two flat arrays instead of a dictionary of arrays, which would cost one allocation per title.
    private var firstWordsKeys: [UInt64] = []
    private var firstWordsEntries: [Int32] = []
    /// Bloom filter over the hash of each title's first four words: almost every abstract
    /// position is rejected with one bit test, even when titles and abstracts share a small
    /// vocabulary (a filter on word pairs would pass most positions then).
    private var bloom: [UInt64]
    private static let bloomBits = 1 << 23

    /// `titles` in paper order: the first is paper 0's. Read once, one title at a time, so a
    /// caller can decode them lazily instead of holding them all.
    init(titles: some Sequence<String>) {
        bloom = [UInt64](repeating: 0, count: Self.bloomBits / 64)
        var prefix: [UInt64] = []
        var keyed: [(key: UInt64, entry: Int32)] = []
        keyed.reserveCapacity(titles.underestimatedCount)
        var words: [TitleWord] = []
        for (paper, title) in titles.enumerated() {
            UTF8Text.withBytes(title) { TitleWords.tokenize($0, into: &words) }
            guard words.count >= Self.minimumWords, words.count <= Self.maximumWords else { continue }
            WordRunHash.prefixes(words, into: &prefix)
            var capitals: UInt64 = 0
            for (index, word) in words.enumerated() where word.capitalised { capitals |= 1 << UInt64(index) }
            let id = Int32(entries.count)
            entries.append(Entry(
                paper: Int32(paper), wordCount: Int32(words.count),
                hash: WordRunHash.run(prefix, from: 0, count: words.count), capitals: capitals))
            let firstWords = WordRunHash.run(prefix, from: 0, count: Self.minimumWords)
            keyed.append((firstWords, id))
            let bit = Self.bloomBit(firstWords)
            bloom[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        keyed.sort { ($0.key, $0.entry) < ($1.key, $1.entry) }
        firstWordsKeys = keyed.map(\.key)
        firstWordsEntries = keyed.map(\.entry)
    }

    @inline(__always)
    private static func bloomBit(_ hash: UInt64) -> Int {
        var value = hash ^ (hash >> 31)
        value = value &* 0xC4CE_B9FE_1A85_EC53
        return Int(truncatingIfNeeded: value >> 40) & (bloomBits - 1)
    }

    struct Match {
        var wordCount: Int
        /// Every stored paper with exactly this title (more than one: ambiguous).
        var papers: [Int32]
        var capitals: [UInt64]
    }

    /// Whether some title may start with words whose run hash is `firstWords` (no false negatives).
    @inline(__always)
    func mayStart(_ firstWords: UInt64) -> Bool {
        let bit = Self.bloomBit(firstWords)
        return bloom.withUnsafeBufferPointer { $0[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
    }

    /// Entries whose first four words hash to `firstWords`, as (entry, word count), longest first.
    func candidates(firstWords: UInt64) -> [(entry: Int32, wordCount: Int)] {
        var low = 0
        var high = firstWordsKeys.count
        while low < high {
            let middle = (low + high) / 2
            if firstWordsKeys[middle] < firstWords { low = middle + 1 } else { high = middle }
        }
        var found: [(entry: Int32, wordCount: Int)] = []
        while low < firstWordsKeys.count && firstWordsKeys[low] == firstWords {
            let entry = firstWordsEntries[low]
            found.append((entry, Int(entries[Int(entry)].wordCount)))
            low += 1
        }
        return found.sorted { ($0.wordCount, $1.entry) > ($1.wordCount, $0.entry) }
    }
}
