import Testing
@testable import Extraction

/// The faster scanning paths must find exactly what the plain ones find.
@Suite struct ScanEquivalenceTests {
    private static let alphabet: [String] = [
        "a", "b", "x", "A", "B", "Z", "1", "9", "word", "Longerword", "q7", "abcdefghij", " ", " ", " ", "\n", "-", ".", ",", "\"", "'", "“", "‘", "«", "„",
        "”", "É", "é", "ß", "Ω", "ω", "(", ")", ":",
    ]

    private static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix(seed: seed)
        return (0..<count).map { _ in
            (0..<Int(generator.next() % 160)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
                .joined()
        }
    }

    /// Words are maximal runs of letters and digits (any script), each hashed by `word`.
    @Test func tokenizerFindsEveryWordWithItsHash() {
        let written = ["BERT: Pre-training of Deep Bidirectional Transformers", "Übersicht über ÉCOLE 2019", "a", "", "x\u{1}y"]
        for text in written + Self.randomTexts(count: 500, seed: 3) {
            UTF8Text.withBytes(text) { bytes in
                var expected: [TitleWord] = []
                var index = 0
                var start: Int?
                while index < bytes.count {
                    let (scalar, length) = UTF8Text.scalar(at: index, in: bytes) ?? (Unicode.Scalar(UInt8(0)), 1)
                    if UTF8Text.isWord(scalar) {
                        if start == nil { start = index }
                    } else if let wordStart = start {
                        expected.append(TitleWords.word(bytes, start: wordStart, end: index))
                        start = nil
                    }
                    index += length
                }
                if let wordStart = start { expected.append(TitleWords.word(bytes, start: wordStart, end: bytes.count)) }
                var words: [TitleWord] = []
                TitleWords.tokenize(bytes, into: &words)
                #expect(words.map(\.start) == expected.map(\.start), "text \(text)")
                #expect(words.map(\.end) == expected.map(\.end), "text \(text)")
                #expect(words.map(\.hash) == expected.map(\.hash), "text \(text)")
                #expect(words.map(\.capitalised) == expected.map(\.capitalised), "text \(text)")
            }
        }
    }

    /// Title starts, scalar by scalar: a capital or digit that starts a word, or the word right
    /// after an opening quote that does not follow a word.
    @Test func titleStartsAreCapitalsDigitsAndQuotedWords() {
        let written = [
            "We build on \"Deep Residual Learning\" and 'attention is all' (Vaswani) and the model's 3 layers.",
            "«Über alles» und „Ärger“ — ÉCOLE, 2019-20; x'Y \"\"Z A1B2 ab12Cd",
        ]
        let quotes: Set<Unicode.Scalar> = ["\"", "'", "“", "‘", "«", "„"]
        for text in written + Self.randomTexts(count: 800, seed: 13) {
            UTF8Text.withBytes(text) { bytes in
                var expected: [Int] = []
                var index = 0
                while index < bytes.count {
                    guard let (scalar, length) = UTF8Text.scalar(at: index, in: bytes) else {
                        index += 1
                        continue
                    }
                    let afterWord = UTF8Text.scalar(before: index, in: bytes).map(UTF8Text.isWord) ?? false
                    var start: Int?
                    if !afterWord && UTF8Text.isWord(scalar)
                        && (UTF8Text.isUpper(scalar) || (scalar.isASCII && scalar.properties.numericType != nil))
                    {
                        start = index
                    } else if !afterWord, quotes.contains(scalar),
                        let next = UTF8Text.scalar(at: index + length, in: bytes)?.scalar, UTF8Text.isWord(next)
                    {
                        start = index + length
                    }
                    if let start, start > (expected.last ?? -1) { expected.append(start) }
                    index += length
                }
                var scanned: [Int] = []
                TitleWords.forEachTitleStart(in: bytes) { scanned.append($0) }
                #expect(scanned == expected, "text \(text)")
            }
        }
    }

    /// Title entries keep eight bits of capitals: every title whose case is checked must fit.
    @Test func titleCapitalsFitTheirEntry() {
        #expect(TitleIndex.caseInsensitiveFromWords <= 8)
        let entry = TitleIndex.Entry(firstWords: 1, hash: 2, capitals: 0b101101, paper: 3, wordCount: 6)
        #expect(entry.capitals == 0b101101 && entry.wordCount == 6)
    }

    @Test func wordsOfTheWholeTextAreTheWordsFromAnyWordStart() {
        for text in Self.randomTexts(count: 300, seed: 9) {
            UTF8Text.withBytes(text) { bytes in
                var all: [TitleWord] = []
                TitleWords.tokenize(bytes, into: &all)
                for (index, word) in all.enumerated() {
                    var from: [TitleWord] = []
                    TitleWords.tokenize(bytes, from: word.start, maxWords: 5, appendingTo: &from)
                    let expected = Array(all[index..<min(all.count, index + 5)])
                    #expect(from.map(\.hash) == expected.map(\.hash) && from.map(\.end) == expected.map(\.end), "text \(text)")
                }
            }
        }
    }
}
