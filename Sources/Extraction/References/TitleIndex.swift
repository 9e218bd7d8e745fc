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
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into words: inout [TitleWord]) {
        words.removeAll(keepingCapacity: true)
        var index = 0
        var inWord = false
        var hash: UInt64 = 0
        var start = 0
        var capitalised = false
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            var wordByte = false
            var length = 1
            if byte < 0x80 {
                if byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 {
                    if !inWord { begin(&inWord, &hash, &start, &capitalised, index, false) }
                    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                    wordByte = true
                } else if byte >= 0x41 && byte <= 0x5A {
                    if !inWord { begin(&inWord, &hash, &start, &capitalised, index, true) }
                    hash = (hash ^ UInt64(byte | 0x20)) &* 0x0000_0100_0000_01b3
                    wordByte = true
                }
            } else if let (scalar, scalarLength) = UTF8Text.scalar(at: index, in: bytes) {
                length = scalarLength
                if UTF8Text.isWord(scalar) {
                    if !inWord { begin(&inWord, &hash, &start, &capitalised, index, UTF8Text.isUpper(scalar)) }
                    for unit in scalar.properties.lowercaseMapping.utf8 {
                        hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01b3
                    }
                    wordByte = true
                }
            }
            if !wordByte && inWord {
                words.append(TitleWord(hash: hash, start: start, end: index, capitalised: capitalised))
                inWord = false
            }
            index += length
        }
        if inWord { words.append(TitleWord(hash: hash, start: start, end: count, capitalised: capitalised)) }
    }

    @inline(__always)
    private static func begin(
        _ inWord: inout Bool, _ hash: inout UInt64, _ start: inout Int, _ capitalised: inout Bool, _ index: Int,
        _ upper: Bool
    ) {
        inWord = true
        hash = 0xcbf2_9ce4_8422_2325
        start = index
        capitalised = upper
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

    @inline(__always)
    static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 {
        var value = first &* 0xFF51_AFD7_ED55_8CCD ^ second
        value ^= value >> 33
        value = value &* 0xC4CE_B9FE_1A85_EC53
        return value ^ (value >> 29)
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
    private var byFirstWords: [UInt64: [Int32]] = [:]
    /// Bloom filter over the hash of each title's first two words: most abstract positions
    /// are rejected with one bit test.
    private var bloom: [UInt64]
    private static let bloomBits = 1 << 23

    init(titles: [(paper: Int, title: String)]) {
        bloom = [UInt64](repeating: 0, count: Self.bloomBits / 64)
        var prefix: [UInt64] = []
        for (paper, title) in titles {
            let words = TitleWords.words(of: title)
            guard words.count >= Self.minimumWords, words.count <= Self.maximumWords else { continue }
            WordRunHash.prefixes(words, into: &prefix)
            var capitals: UInt64 = 0
            for (index, word) in words.enumerated() where word.capitalised { capitals |= 1 << UInt64(index) }
            let id = Int32(entries.count)
            entries.append(Entry(
                paper: Int32(paper), wordCount: Int32(words.count),
                hash: WordRunHash.run(prefix, from: 0, count: words.count), capitals: capitals))
            byFirstWords[WordRunHash.run(prefix, from: 0, count: Self.minimumWords), default: []].append(id)
            let bit = Int(WordRunHash.pair(words[0].hash, words[1].hash) % UInt64(Self.bloomBits))
            bloom[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    struct Match {
        var firstWord: Int
        var wordCount: Int
        /// Every stored paper with exactly this title (more than one: ambiguous).
        var papers: [Int32]
        var capitals: [UInt64]
    }

    /// The longest stored title starting at word `index`, if any.
    func longestMatch(at index: Int, words: [TitleWord], prefix: [UInt64]) -> Match? {
        guard index + Self.minimumWords <= words.count else { return nil }
        let bit = Int(WordRunHash.pair(words[index].hash, words[index + 1].hash) % UInt64(Self.bloomBits))
        guard bloom[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        guard let candidates = byFirstWords[WordRunHash.run(prefix, from: index, count: Self.minimumWords)] else {
            return nil
        }
        var best: Match?
        for candidate in candidates {
            let entry = entries[Int(candidate)]
            let count = Int(entry.wordCount)
            guard index + count <= words.count, WordRunHash.run(prefix, from: index, count: count) == entry.hash
            else { continue }
            if var current = best {
                if current.wordCount > count { continue }
                if current.wordCount == count {
                    if !current.papers.contains(entry.paper) {
                        current.papers.append(entry.paper)
                        current.capitals.append(entry.capitals)
                    }
                    best = current
                    continue
                }
            }
            best = Match(firstWord: index, wordCount: count, papers: [entry.paper], capitals: [entry.capitals])
        }
        return best
    }
}
