import Foundation

/// Builds a ``KeyphraseIndex`` from papers given one at a time (title, abstract).
///
/// Per paper: both fields are scanned (``TextScanner``), words interned (``WordTable``),
/// acronym definitions such as `Low-Rank Adaptation (LoRA)` found (Schwartz–Hearst), then
/// every 1–4-word n-gram of every run of non-stop words that passes the lexicon rules is
/// counted, title occurrences twice. An acronym defined in the paper counts as its expansion
/// there; after the last paper, an acronym whose definitions across the corpus mostly agree
/// counts as that expansion in every paper (``finish(phrasesPerPaper:)``).
public struct KeyphraseIndexer: Sendable {
    var words = WordTable()
    var phrases = PhraseTable()

    // Per-paper candidate lists, flat: paper p owns entries paperStart[p]..<paperStart[p+1].
    var paperStart: [Int] = [0]
    var entryPhrase: [Int32] = []
    var entryWeight: [Float] = []

    /// acronym (singular word id) → expansion phrase id → number of papers defining it so.
    var definitions: [Int32: [Int32: Int32]] = [:]
    /// acronym (singular word id) → the word as first written in a definition (`LLMs`).
    var acronymSurface: [Int32: Int32] = [:]

    // Scratch reused across papers.
    private var tokens: [Token] = []
    private var mark: [Int32] = []  // phrase id → index of the last paper that counted it
    private var slot: [Int32] = []  // phrase id → position in the current paper's list
    private var localAcronyms: [Int32: Int32] = [:]

    static let titleWeight: Float = 2

    struct Token {
        /// Word id, or -1 break, -2 `(`, -3 `)`.
        var word: Int32
        var isTitle: Bool
        var isAcronym: Bool
        /// `LLMs`: an acronym with a plural `s`.
        var isPluralAcronym: Bool
        /// Not counted: the acronym of a definition, or an author's name before "et al.".
        var isDefinition: Bool = false
        /// This occurrence was counted as capitalised running text.
        var countedCapital: Bool = false
    }

    private var etWord: Int32 = -1
    private var alWord: Int32 = -1

    public init() {
        for phrase in PhraseLexicon.boilerplatePhrases.sorted() { blockPhrase(phrase) }
        for (word, slot) in [("et", \KeyphraseIndexer.etWord), ("al", \KeyphraseIndexer.alWord)] {
            var text = word
            self[keyPath: slot] = text.withUTF8 { words.intern($0, from: 0, to: $0.count) }
        }
    }

    public var paperCount: Int { paperStart.count - 1 }

    /// Adds the next paper (papers are numbered in the order they are added).
    public mutating func add(title: String, abstract: String) {
        var title = title, abstract = abstract
        title.withUTF8 { t in abstract.withUTF8 { a in add(titleBytes: t, abstractBytes: a) } }
    }

    /// Adds the next paper from UTF-8 bytes (not necessarily valid UTF-8).
    public mutating func add(titleBytes: UnsafeBufferPointer<UInt8>, abstractBytes: UnsafeBufferPointer<UInt8>) {
        tokens.removeAll(keepingCapacity: true)
        tokenize(titleBytes, isTitle: true)
        tokens.append(Token(word: -1, isTitle: true, isAcronym: false, isPluralAcronym: false))
        tokenize(abstractBytes, isTitle: false)
        findDefinitions()
        countPhrases()
        paperStart.append(entryPhrase.count)
    }

    /// Appends `other`'s papers after this indexer's. The result is the same as adding all
    /// of `other`'s papers here one by one, so a corpus can be indexed in parts on several
    /// threads and merged in order.
    public mutating func absorb(_ other: consuming KeyphraseIndexer) {
        let wordRemap = words.absorb(other.words)
        let phraseRemap = phrases.absorb(other.phrases, words: wordRemap)
        let base = entryPhrase.count
        entryPhrase.reserveCapacity(base + other.entryPhrase.count)
        for id in other.entryPhrase { entryPhrase.append(id < 0 ? id : phraseRemap[Int(id)]) }
        entryWeight.append(contentsOf: other.entryWeight)
        for start in other.paperStart.dropFirst() { paperStart.append(base + start) }
        for (acronym, expansions) in other.definitions {
            let key = wordRemap[Int(acronym)]
            for (phrase, count) in expansions { definitions[key, default: [:]][phraseRemap[Int(phrase)], default: 0] += count }
        }
        for (acronym, surface) in other.acronymSurface where acronymSurface[wordRemap[Int(acronym)]] == nil {
            acronymSurface[wordRemap[Int(acronym)]] = wordRemap[Int(surface)]
        }
    }

    // MARK: Tokens

    private mutating func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, isTitle: Bool) {
        TextScanner.scan(
            bytes,
            word: { start, end, sentenceStart in
                let occurrence = words.intern(bytes, from: start, to: end, countsCase: !isTitle && !sentenceStart)
                tokens.append(Token(
                    word: occurrence.id, isTitle: isTitle, isAcronym: occurrence.isAcronym,
                    isPluralAcronym: occurrence.isPluralAcronym, countedCapital: occurrence.countedCapital))
            },
            mark: { mark in
                let code: Int32 = mark == .open ? -2 : mark == .close ? -3 : -1
                if let last = tokens.last, last.word == -1, code == -1 { return }
                tokens.append(Token(word: code, isTitle: isTitle, isAcronym: false, isPluralAcronym: false))
            })
    }

    // MARK: Acronym definitions

    /// Finds `long form (ACRONYM)` and records the acronym as a local alias of the phrase.
    private mutating func findDefinitions() {
        localAcronyms.removeAll(keepingCapacity: true)
        guard tokens.count >= 4 else { return }
        for k in 1..<(tokens.count - 2)
        where tokens[k].word == -2 && tokens[k + 1].isAcronym && tokens[k + 2].word == -3 && tokens[k - 1].word >= 0 {
            // The run of content words just before "(".
            var runStart = k
            while runStart > 0, tokens[runStart - 1].word >= 0,
                !words.roles[Int(tokens[runStart - 1].word)].contains(.stop)
            {
                runStart -= 1
            }
            guard runStart < k else { continue }
            let acronymWord = tokens[k + 1].word
            // "(US)", "(IT)": an acronym spelled like a stop word is never counted anyway.
            guard !words.roles[Int(acronymWord)].contains(.stop) else { continue }
            var letters = Array(words.text(acronymWord).utf8)
            if tokens[k + 1].isPluralAcronym { letters.removeLast() }
            let run = tokens[runStart..<k].map(\.word)
            guard let count = Self.longFormLength(letters: letters, run: run, words: words), count <= 4 else { continue }
            let longForm = Array(run.suffix(count))
            guard isEligible(longForm[...]), let phrase = phraseID(longForm[...]) else { continue }
            // Long forms are title-cased by convention ("Low-Rank Adaptation (LoRA)"): that
            // says nothing about how the words are written elsewhere.
            for t in (k - count)..<k where tokens[t].countedCapital {
                words.uncountCapital(tokens[t].word)
                tokens[t].countedCapital = false
            }
            let key = words.singular[Int(acronymWord)]
            localAcronyms[key] = phrase
            tokens[k + 1].isDefinition = true
            definitions[key, default: [:]][phrase, default: 0] += 1
            if acronymSurface[key] == nil { acronymSurface[key] = acronymWord }
        }
    }

    /// Schwartz & Hearst (2003): match the acronym's letters right to left against the words
    /// before it, the first letter at the start of a word. Returns how many trailing words of
    /// `run` form the long form, or nil.
    static func longFormLength(letters: [UInt8], run: [Int32], words: WordTable) -> Int? {
        let alphanumerics = letters.filter { TextScanner.isLetterASCII($0) || TextScanner.isDigit($0) }
        guard alphanumerics.count >= 2, alphanumerics.contains(where: TextScanner.isLetterASCII) else { return nil }
        let window = run.suffix(min(run.count, min(alphanumerics.count + 5, alphanumerics.count * 2)))
        // Long form text with the word index of every byte.
        var text: [UInt8] = []
        var wordOf: [Int] = []
        for (index, word) in window.enumerated() {
            if index > 0 {
                text.append(0x20)
                wordOf.append(index)
            }
            for b in words.text(word).utf8 {
                text.append(b)
                wordOf.append(index)
            }
        }
        func isBoundary(_ position: Int) -> Bool {
            position == 0 || !(TextScanner.isLetterASCII(text[position - 1]) || TextScanner.isDigit(text[position - 1]))
        }
        var s = alphanumerics.count - 1
        var l = text.count - 1
        while s >= 0 {
            let c = alphanumerics[s]
            while l >= 0 && (text[l] != c || (s == 0 && !isBoundary(l))) { l -= 1 }
            if l < 0 { return nil }
            if s == 0 { break }
            l -= 1
            s -= 1
        }
        guard l >= 0 else { return nil }
        let count = window.count - wordOf[l]
        // A long form of one word with as many letters as the acronym is just the word itself.
        if count == 1 && words.text(window[window.endIndex - 1]).utf8.count <= alphanumerics.count { return nil }
        return count
    }

    // MARK: Candidate phrases

    private mutating func countPhrases() {
        // "Vaswani et al.": an author's name, not a topic.
        if tokens.count >= 3 {
            for k in 0..<(tokens.count - 2) where tokens[k + 1].word == etWord && tokens[k + 2].word == alWord {
                tokens[k].isDefinition = true
            }
        }
        let paper = Int32(paperCount)
        var k = 0
        while k < tokens.count {
            // A run: consecutive content words.
            guard tokens[k].word >= 0, !words.roles[Int(tokens[k].word)].contains(.stop), !tokens[k].isDefinition else {
                k += 1
                continue
            }
            var end = k
            while end < tokens.count, tokens[end].word >= 0, !tokens[end].isDefinition,
                !words.roles[Int(tokens[end].word)].contains(.stop)
            {
                end += 1
            }
            countRun(from: k, to: end, paper: paper)
            k = end
        }
    }

    private mutating func countRun(from start: Int, to end: Int, paper: Int32) {
        let hasAliases = !localAcronyms.isEmpty
        for i in start..<end {
            let weight: Float = tokens[i].isTitle ? Self.titleWeight : 1
            let first = tokens[i].word
            if hasAliases, let alias = localAcronyms[words.singular[Int(first)]] {
                add(alias, weight: weight, paper: paper)
            } else if let id = phraseID(first, -1, -1, -1, count: 1) {
                phrases.noteSurface(id, lastWord: first, singular: words.singular[Int(first)])
                add(id, weight: weight, paper: paper)
            }
            // No phrase begins with a weak word, whatever follows.
            guard !words.roles[Int(first)].contains(.weakStart) else { continue }
            var key: (Int32, Int32, Int32, Int32) = (first, -1, -1, -1)
            var hasContent = words.roles[Int(first)].isDisjoint(with: WordTable.Role.weak)
            for n in 2...4 where i + n <= end {
                let word = tokens[i + n - 1].word
                switch n {
                case 2: key.1 = word
                case 3: key.2 = word
                default: key.3 = word
                }
                let role = words.roles[Int(word)]
                hasContent = hasContent || role.isDisjoint(with: WordTable.Role.weak)
                guard hasContent, !role.contains(.weakEnd), let id = phraseID(key.0, key.1, key.2, key.3, count: n)
                else { continue }
                phrases.noteSurface(id, lastWord: word, singular: words.singular[Int(word)])
                add(id, weight: weight, paper: paper)
            }
        }
    }

    /// The phrase id of the words, the last of `count` folded to the singular; nil for a
    /// single weak word and for blocked phrases.
    @inline(__always)
    private mutating func phraseID(_ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32, count n: Int) -> Int32? {
        var key = (a, b, c, d)
        switch n {
        case 1:
            guard words.roles[Int(a)].isDisjoint(with: WordTable.Role.weak.union(.weakEnd)) else { return nil }
            key.0 = words.singular[Int(a)]
        case 2: key.1 = words.singular[Int(b)]
        case 3: key.2 = words.singular[Int(c)]
        default: key.3 = words.singular[Int(d)]
        }
        let id = phrases.intern(key)
        return phrases.isBlocked(id) ? nil : id
    }

    private mutating func add(_ id: Int32, weight: Float, paper: Int32) {
        let i = Int(id)
        while mark.count <= i {
            mark.append(-1)
            slot.append(0)
        }
        if mark[i] == paper {
            entryWeight[Int(slot[i])] += weight
        } else {
            mark[i] = paper
            slot[i] = Int32(entryPhrase.count)
            entryPhrase.append(id)
            entryWeight.append(weight)
        }
    }

    /// The lexicon rules for a candidate: no weak first word, no weak last word, and at
    /// least one word that is not boilerplate.
    func isEligible(_ gram: ArraySlice<Int32>) -> Bool {
        guard let first = gram.first, let last = gram.last else { return false }
        if words.roles[Int(first)].contains(.weakStart) || words.roles[Int(last)].contains(.weakEnd) { return false }
        return gram.contains { words.roles[Int($0)].isDisjoint(with: WordTable.Role.weak) }
    }

    /// The phrase id of `gram` with its last word folded to the singular; nil for blocked phrases.
    private mutating func phraseID(_ gram: ArraySlice<Int32>) -> Int32? {
        var key: (Int32, Int32, Int32, Int32) = (-1, -1, -1, -1)
        let n = gram.count
        let base = gram.startIndex
        let lastWord = words.singular[Int(gram[base + n - 1])]
        key.0 = n == 1 ? lastWord : gram[base]
        if n >= 2 { key.1 = n == 2 ? lastWord : gram[base + 1] }
        if n >= 3 { key.2 = n == 3 ? lastWord : gram[base + 2] }
        if n >= 4 { key.3 = lastWord }
        let id = phrases.intern(key)
        return phrases.isBlocked(id) ? nil : id
    }

    private mutating func blockPhrase(_ text: String) {
        var ids: [Int32] = []
        for part in text.split(separator: " ") {
            var word = String(part)
            let id = word.withUTF8 { words.intern($0, from: 0, to: $0.count) }
            ids.append(id)
        }
        guard !ids.isEmpty, ids.count <= 4 else { return }
        ids[ids.count - 1] = words.singular[Int(ids[ids.count - 1])]
        var key: (Int32, Int32, Int32, Int32) = (-1, -1, -1, -1)
        key.0 = ids[0]
        if ids.count > 1 { key.1 = ids[1] }
        if ids.count > 2 { key.2 = ids[2] }
        if ids.count > 3 { key.3 = ids[3] }
        phrases.block(phrases.intern(key))
    }

    // MARK: Finishing

    /// Applies corpus-wide acronyms, counts document frequencies and keeps the
    /// `phrasesPerPaper` best phrases of every paper by TF-IDF.
    public consuming func finish(phrasesPerPaper: Int = 20) -> KeyphraseIndex {
        let paperCount = self.paperCount
        // An acronym that papers define the same way at least twice, and that way in at least
        // 60 % of its definitions, stands for that phrase in every paper.
        var remap: [Int32: Int32] = [:]
        for (acronym, expansions) in definitions.sorted(by: { $0.key < $1.key }) {
            let total = expansions.values.reduce(0, +)
            guard let best = expansions.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value >= 2,
                Double(best.value) >= 0.6 * Double(total)
            else { continue }
            phrases.noteAcronym(best.key, word: acronymSurface[acronym] ?? acronym)
            if let unigram = phrases.find((acronym, -1, -1, -1)), unigram != best.key { remap[unigram] = best.key }
        }
        var documentFrequency = [Int32](repeating: 0, count: phrases.count)
        var seen = [Int32](repeating: -1, count: phrases.count)
        var at = [Int32](repeating: 0, count: phrases.count)
        var listPhrase: [Int32] = [], listWeight: [Float] = []
        // First pass: merge remapped entries (in place) and count papers per phrase.
        for p in 0..<paperCount {
            listPhrase.removeAll(keepingCapacity: true)
            listWeight.removeAll(keepingCapacity: true)
            for e in paperStart[p]..<paperStart[p + 1] {
                let id = remap[entryPhrase[e]] ?? entryPhrase[e]
                if seen[Int(id)] == Int32(p) {
                    listWeight[Int(at[Int(id)])] += entryWeight[e]
                } else {
                    seen[Int(id)] = Int32(p)
                    at[Int(id)] = Int32(listPhrase.count)
                    listPhrase.append(id)
                    listWeight.append(entryWeight[e])
                    documentFrequency[Int(id)] += 1
                }
            }
            if !remap.isEmpty {
                var e = paperStart[p]
                for (id, weight) in zip(listPhrase, listWeight) {
                    entryPhrase[e] = id
                    entryWeight[e] = weight
                    e += 1
                }
                while e < paperStart[p + 1] {
                    entryPhrase[e] = -1
                    e += 1
                }
            }
        }
        // Second pass: TF-IDF, best phrases first (ties: smaller phrase id).
        let n = Double(paperCount)
        var topStart = [Int](repeating: 0, count: paperCount + 1)
        var topPhrase: [Int32] = [], topScore: [Float] = []
        topPhrase.reserveCapacity(paperCount * phrasesPerPaper)
        topScore.reserveCapacity(paperCount * phrasesPerPaper)
        // Candidates sort as integers: the bit pattern of a positive Float orders like the
        // Float, so (~score bits, id) ascending is score descending, then phrase id.
        var candidates: [UInt64] = []
        var idf = [Float](repeating: 0, count: phrases.count)
        for id in 0..<phrases.count where documentFrequency[id] >= 2 {
            idf[id] = Float(log(1 + n / Double(documentFrequency[id])))
        }
        for p in 0..<paperCount {
            candidates.removeAll(keepingCapacity: true)
            for e in paperStart[p]..<paperStart[p + 1] {
                let id = entryPhrase[e]
                guard id >= 0, documentFrequency[Int(id)] >= 2 else { continue }
                let score = entryWeight[e] * idf[Int(id)]
                candidates.append(UInt64(~score.bitPattern) << 32 | UInt64(UInt32(bitPattern: id)))
            }
            candidates.sort()
            for key in candidates.prefix(phrasesPerPaper) {
                topPhrase.append(Int32(bitPattern: UInt32(truncatingIfNeeded: key)))
                topScore.append(Float(bitPattern: ~UInt32(truncatingIfNeeded: key >> 32)))
            }
            topStart[p + 1] = topPhrase.count
        }
        return KeyphraseIndex(
            words: words, phrases: phrases, documentFrequency: documentFrequency, topStart: topStart,
            topPhrase: topPhrase, topScore: topScore)
    }
}
