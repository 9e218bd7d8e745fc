/// Keyphrases of every paper of a corpus: the result of ``KeyphraseIndexer``.
///
/// Papers are numbered 0..<paperCount in the order they were added. Each keeps its best
/// phrases by TF-IDF (term weight × ln(1 + N / document frequency)), among phrases that at
/// least two papers use: a phrase of one paper links it to nothing and labels nothing.
public struct KeyphraseIndex: Sendable {
    let words: WordTable
    let phrases: PhraseTable
    /// Papers using each phrase (after acronyms were merged).
    public let documentFrequency: [Int32]
    let topStart: [Int]
    let topPhrase: [Int32]
    let topScore: [Float]

    public var paperCount: Int { topStart.count - 1 }
    public var phraseCount: Int { phrases.count }

    /// Phrase ids of paper `paper`'s keyphrases, best first.
    public func phraseIDs(ofPaper paper: Int) -> ArraySlice<Int32> { topPhrase[topStart[paper]..<topStart[paper + 1]] }

    /// TF-IDF scores parallel to ``phraseIDs(ofPaper:)``.
    public func scores(ofPaper paper: Int) -> ArraySlice<Float> { topScore[topStart[paper]..<topStart[paper + 1]] }

    /// The phrase as shown to people (`low-rank adaptation (LoRA)`, `Gaussian splatting`).
    public func text(of phrase: Int32) -> String { phrases.display(phrase, words: words) }

    /// Number of words of the phrase (1–4).
    public func wordCount(of phrase: Int32) -> Int { phrases.words(phrase).count }

    /// The lower-case words of the phrase, last one singular: how phrases are compared.
    public func key(of phrase: Int32) -> [String] { phrases.words(phrase).map { words.text($0) } }

    /// Whether every word of `inner` occurs, in order and contiguously, in `outer`.
    public func contains(_ outer: Int32, _ inner: Int32) -> Bool {
        let a = phrases.words(outer), b = phrases.words(inner)
        guard b.count <= a.count else { return false }
        for start in 0...(a.count - b.count) {
            var same = true
            for k in 0..<b.count where !sameWord(a[start + k], b[k]) {
                same = false
                break
            }
            if same { return true }
        }
        return false
    }

    /// Whether the phrases overlap at their ends ("remote sensing" and "sensing image"): both
    /// are then fragments of one longer phrase.
    public func overlapsAtEnds(_ a: Int32, _ b: Int32) -> Bool {
        let x = phrases.words(a), y = phrases.words(b)
        func chain(_ first: [Int32], _ second: [Int32]) -> Bool {
            for length in 1..<min(first.count, second.count) {
                let tail = first.suffix(length), head = second.prefix(length)
                if zip(tail, head).allSatisfy({ sameWord($0, $1) }) { return true }
            }
            return false
        }
        guard x.count > 1 && y.count > 1 else { return false }
        return chain(x, y) || chain(y, x)
    }

    /// Words compare by their singular form, so `video` in `video models` matches `videos`.
    private func sameWord(_ x: Int32, _ y: Int32) -> Bool {
        x == y || words.singular[Int(x)] == words.singular[Int(y)]
    }

    /// Paper `paper`'s keyphrases as text with their scores, best first.
    public func keyphrases(ofPaper paper: Int) -> [(phrase: String, score: Double)] {
        zip(phraseIDs(ofPaper: paper), scores(ofPaper: paper)).map { (text(of: $0), Double($1)) }
    }
}
