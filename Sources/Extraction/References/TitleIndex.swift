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
    /// Each word is hashed once from its first eight lower-cased bytes and its length. The hash
    /// only picks candidates (which are then compared word by word) and depends on the word
    /// alone, not on how it was found.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into words: inout [TitleWord]) {
        words.removeAll(keepingCapacity: true)
        tokenize(bytes, from: 0, maxWords: Int.max, appendingTo: &words)
    }

    /// Appends the words that start at or after `from` (which must not be inside a word), up
    /// to `maxWords` of them. A plain byte loop: ASCII bytes are classified with two
    /// comparisons, and only a byte of a multi-byte scalar is decoded.
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, maxWords: Int, appendingTo words: inout [TitleWord]
    ) {
        guard let base = bytes.baseAddress, maxWords > 0 else { return }
        let count = bytes.count
        let limit = words.count + maxWords
        asciiWordBytes.withUnsafeBufferPointer { isWordByte in
            var index = from
            while index < count {
                // Up to the next word.
                let byte = base[index]
                if byte < 0x80 {
                    if !isWordByte[Int(byte)] {
                        index += 1
                        continue
                    }
                } else {
                    guard let (scalar, length) = UTF8Text.scalar(at: index, in: bytes) else {
                        index += 1
                        continue
                    }
                    if !UTF8Text.isWord(scalar) {
                        index += length
                        continue
                    }
                }
                // A word starts here; it ends at the first scalar that is not a letter or digit.
                let start = index
                var ascii = true
                while index < count {
                    let byte = base[index]
                    if isWordByte[Int(byte)] {
                        index += 1
                    } else if byte >= 0x80, let (scalar, length) = UTF8Text.scalar(at: index, in: bytes), UTF8Text.isWord(scalar) {
                        ascii = false
                        index += length
                    } else {
                        break
                    }
                }
                words.append(ascii ? asciiWord(base, count: count, start: start, end: index) : word(bytes, start: start, end: index))
                if words.count == limit { return }
            }
        }
    }

    /// The word starting at `start` (which must be a word's first byte) as `tokenize` gives it,
    /// when the word is plain ASCII; nil otherwise. Most title starts are turned down on their
    /// first two words, so this is the common path: no array, no table, no decoding.
    @inline(__always)
    static func asciiWord(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> TitleWord? {
        guard let base = bytes.baseAddress, start < bytes.count, ByteClass.isAlnum(base[start]) else { return nil }
        let count = bytes.count
        var end = start + 1
        while end < count && ByteClass.isAlnum(base[end]) { end += 1 }
        // A multi-byte letter may continue the word (`Café`): `tokenize` decides that.
        if end < count && base[end] >= 0x80 { return nil }
        return asciiWord(base, count: count, start: start, end: end)
    }

    /// The first word at or after `from` as `tokenize` gives it, when the bytes up to it and the
    /// word itself are plain ASCII; nil otherwise, and when no word follows (`tokenize` decides).
    @inline(__always)
    static func nextASCIIWord(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> TitleWord? {
        var index = from
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if ByteClass.isAlnum(byte) { return asciiWord(bytes, at: index) }
            index += 1
        }
        return nil
    }

    /// `ByteClass.isAlnum` by byte value, for the tokenizer's loop (false for every byte of a
    /// multi-byte scalar).
    private static let asciiWordBytes: [Bool] = (0..<256).map { ByteClass.isAlnum(UInt8($0)) }

    /// `word(_:start:end:)` for a word of ASCII letters and digits: lower-casing is setting bit 5.
    @inline(__always)
    private static func asciiWord(_ base: UnsafePointer<UInt8>, count: Int, start: Int, end: Int) -> TitleWord {
        let length = end - start
        var packed: UInt64
        if start + 8 <= count {
            packed = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: start, as: UInt64.self))
        } else {
            packed = 0
            for offset in 0..<min(8, length) { packed |= UInt64(base[start + offset]) << (8 * UInt64(offset)) }
        }
        let keep: UInt64 = length >= 8 ? ~0 : (1 << (8 * UInt64(length))) - 1
        let lead = base[start]
        return TitleWord(
            hash: mix((packed | 0x2020_2020_2020_2020) & keep, length), start: start, end: end,
            capitalised: lead >= 0x41 && lead <= 0x5A)
    }

    /// Byte offsets where a title may begin, in order: a word starting with a capital letter or
    /// a digit, or the first word after an opening quote. Found eight bytes at a time, since
    /// nearly every byte of an abstract is none of these.
    static func forEachTitleStart(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var offset = 0
        var lastReported = -1
        @inline(__always) func report(_ start: Int) {
            guard start > lastReported else { return }
            lastReported = start
            body(start)
        }
        var previousIsAlnum: UInt64 = 0
        // The text's start counts as an ASCII byte that is no letter or digit.
        var previousIsASCII: UInt64 = 0x80
        while offset + 8 <= count {
            let block = ByteLanes.load(raw, offset)
            let ascii = ~block & ByteLanes.high
            let upper = ByteLanes.atLeast(block, 0x41) & ~ByteLanes.atLeast(block, 0x5B)
            let lower = ByteLanes.atLeast(block, 0x61) & ~ByteLanes.atLeast(block, 0x7B)
            let digit = ByteLanes.atLeast(block, 0x30) & ~ByteLanes.atLeast(block, 0x3A)
            let quote = ByteLanes.equal(block, 0x22) | ByteLanes.equal(block, 0x27)
            let lead = block & (block << 1) & ByteLanes.high
            // A capital or digit right after an ASCII letter or digit continues a word: skipped
            // here rather than decoded and turned down one by one (numbers are full of them).
            let alnum = (upper | lower | digit) & ascii
            let afterAlnum = alnum << 8 | previousIsAlnum
            previousIsAlnum = alnum >> 56
            let afterASCII = ascii << 8 | previousIsASCII
            previousIsASCII = ascii >> 56
            let wordStarts = (upper | digit) & ascii & ~afterAlnum
            // After an ASCII byte that is no letter or digit (nearly every start), a capital or
            // digit starts a title as it stands: nothing to decode.
            let plain = wordStarts & afterASCII
            var hits = wordStarts | quote | lead
            while hits != 0 {
                let lane = hits & (0 &- hits)
                let position = offset + lane.trailingZeroBitCount >> 3
                if plain & lane != 0 {
                    report(position)
                } else if let start = titleStart(at: position, in: bytes) {
                    report(start)
                }
                hits &= hits - 1
            }
            offset += 8
        }
        while offset < count {
            let byte = bytes[offset]
            if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x22 || byte == 0x27
                || byte >= 0xC0, let start = titleStart(at: offset, in: bytes)
            {
                report(start)
            }
            offset += 1
        }
    }

    /// Where a title starting at the capital, digit, quote or multi-byte scalar at `position`
    /// would begin, if one can: only at the start of a word, and a quote must open (not
    /// `model's`) and be followed by a word.
    private static func titleStart(at position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let byte = bytes[position]
        var start = position
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            start = position + 1
        } else if byte >= 0xC0 {
            guard let (scalar, length) = UTF8Text.scalar(at: position, in: bytes) else { return nil }
            if isOpeningQuote(scalar) {
                start = position + length
            } else if !(UTF8Text.isWord(scalar) && UTF8Text.isUpper(scalar)) {
                return nil
            }
        }
        guard start < bytes.count else { return nil }
        if let previous = UTF8Text.scalar(before: position, in: bytes), UTF8Text.isWord(previous) { return nil }
        if start != position {
            guard let next = UTF8Text.scalar(at: start, in: bytes)?.scalar, UTF8Text.isWord(next) else { return nil }
        }
        return start
    }

    /// Typographic opening quotes, compared directly rather than through a `Set`: every
    /// multi-byte scalar of every abstract is checked, and a lookup would hash it first.
    @inline(__always)
    private static func isOpeningQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "“", "‘", "«", "„": return true
        default: return false
        }
    }

    /// A word's hash from its first eight lower-cased UTF-8 bytes and its lower-cased length.
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> TitleWord {
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

    /// The run hash of two words: what `run(prefix, from: 0, count: 2)` gives for them.
    @inline(__always)
    static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 { first &* base &+ second }

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
        /// Run hash of the title's first four words: entries are sorted by it (then by paper).
        var firstWords: UInt64
        var hash: UInt64
        var paper: Int32
        var wordCount: UInt8
        private var shortTitleCapitals: UInt8

        /// Bit `i` set when word `i` of the title starts with a capital. Kept only for titles of
        /// fewer than `caseInsensitiveFromWords` words, the only ones whose capitalisation is
        /// ever checked (0 for longer ones): eight bits instead of sixty-four, a million times.
        var capitals: UInt64 { UInt64(shortTitleCapitals) }

        init(firstWords: UInt64, hash: UInt64, capitals: UInt64, paper: Int32, wordCount: Int) {
            self.firstWords = firstWords
            self.hash = hash
            self.paper = paper
            self.wordCount = UInt8(clamping: wordCount)
            shortTitleCapitals = wordCount < TitleIndex.caseInsensitiveFromWords ? UInt8(truncatingIfNeeded: capitals) : 0
        }
    }

    /// One entry per title of `minimumWords` to `maximumWords` words, sorted by `firstWords`, so
    /// that the entries starting with given words are one binary search away: a flat array
    /// instead of a dictionary of arrays, which would cost one allocation per title.
    private(set) var entries: [Entry] = []
    /// Bloom filter over the hash of each title's first four words: almost every abstract
    /// position is rejected with one bit test, even when titles and abstracts share a small
    /// vocabulary (a filter on word pairs would pass most positions then).
    private var bloom: [UInt64]
    private static let bloomBits = 1 << 23
    /// Bloom filter over the hash of each title's first word, checked before three more words
    /// are read: a capitalised word in an abstract rarely starts any title.
    private var firstWordBloom: [UInt64]
    private static let firstWordBloomBits = 1 << 20
    /// Bloom filter over the run hash of each title's first two words, checked between the two
    /// above. Many titles start with a word abstracts use at the start of sentences too (`The`,
    /// `On`) or with a name the abstract goes on to use; their second word rarely follows. The
    /// four-word filter is too large to stay in a near cache, so each test it is spared is a
    /// memory access spared.
    private var firstTwoWordsBloom: [UInt64]
    private static let firstTwoWordsBloomBits = 1 << 20

    /// `titles` in paper order: the first is paper 0's. Read once, one title at a time, so a
    /// caller can decode them lazily instead of holding them all.
    init(titles: some Sequence<String>) {
        bloom = [UInt64](repeating: 0, count: Self.bloomBits / 64)
        firstWordBloom = [UInt64](repeating: 0, count: Self.firstWordBloomBits / 64)
        firstTwoWordsBloom = [UInt64](repeating: 0, count: Self.firstTwoWordsBloomBits / 64)
        var prefix: [UInt64] = []
        entries.reserveCapacity(titles.underestimatedCount)
        var words: [TitleWord] = []
        for (paper, title) in titles.enumerated() {
            UTF8Text.withBytes(title) { TitleWords.tokenize($0, into: &words) }
            guard words.count >= Self.minimumWords, words.count <= Self.maximumWords else { continue }
            WordRunHash.prefixes(words, into: &prefix)
            var capitals: UInt64 = 0
            for (index, word) in words.enumerated() where word.capitalised { capitals |= 1 << UInt64(index) }
            let firstWords = WordRunHash.run(prefix, from: 0, count: Self.minimumWords)
            entries.append(Entry(
                firstWords: firstWords, hash: WordRunHash.run(prefix, from: 0, count: words.count),
                capitals: capitals, paper: Int32(paper), wordCount: words.count))
            let bit = Self.bloomBit(firstWords)
            bloom[bit >> 6] |= 1 << UInt64(bit & 63)
            let wordBit = Self.bloomBit(words[0].hash) & (Self.firstWordBloomBits - 1)
            firstWordBloom[wordBit >> 6] |= 1 << UInt64(wordBit & 63)
            let pairBit = Self.bloomBit(WordRunHash.run(prefix, from: 0, count: 2)) & (Self.firstTwoWordsBloomBits - 1)
            firstTwoWordsBloom[pairBit >> 6] |= 1 << UInt64(pairBit & 63)
        }
        // Papers come in ascending order, so within equal first words the entries stay in paper
        // order (which `candidates` breaks ties by).
        entries.sort { ($0.firstWords, $0.paper) < ($1.firstWords, $1.paper) }
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

    /// Whether some title may start with a word of this hash (no false negatives).
    @inline(__always)
    func mayStart(firstWord: UInt64) -> Bool {
        let bit = Self.bloomBit(firstWord) & (Self.firstWordBloomBits - 1)
        return firstWordBloom.withUnsafeBufferPointer { $0[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
    }

    /// Whether some title may start with two words whose run hash is `firstTwoWords` (no false
    /// negatives).
    @inline(__always)
    func mayStart(firstTwoWords: UInt64) -> Bool {
        let bit = Self.bloomBit(firstTwoWords) & (Self.firstTwoWordsBloomBits - 1)
        return firstTwoWordsBloom.withUnsafeBufferPointer { $0[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
    }

    /// Entries whose first four words hash to `firstWords`, as (entry, word count), longest first.
    func candidates(firstWords: UInt64) -> [(entry: Int32, wordCount: Int)] {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].firstWords < firstWords { low = middle + 1 } else { high = middle }
        }
        var found: [(entry: Int32, wordCount: Int)] = []
        while low < entries.count && entries[low].firstWords == firstWords {
            found.append((Int32(low), Int(entries[low].wordCount)))
            low += 1
        }
        return found.sorted { ($0.wordCount, $1.entry) > ($1.wordCount, $0.entry) }
    }
}
