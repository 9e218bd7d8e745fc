/// Decides whether a paper's code is released, promised, or not mentioned, and which sentence
/// says so.
///
/// Sentence verdicts:
/// - a sentence that promises a future release (`will be released`, `will release`,
///   `will be made public`, `to be released`, `upon acceptance`, `after review`,
///   `coming soon`, `plan to release`, …) and names code or holds a repository link is
///   `promised` (`promise-phrase`), even when it also holds a link;
/// - otherwise a sentence holding a repository link is `released` (`repo-link`);
/// - otherwise a sentence that names code (`code`, `source code`, `implementation`, `software`,
///   `toolkit`, `library`, `repository`, `GitHub`, …; not `code generation`, `code-switching`,
///   `pseudo-code`) and says it is available (`is available at`, `is released`,
///   `we release our code`, `is open-sourced`, `Code: <link>`, …) is `released`:
///   `available-at-link` when the sentence holds a non-paper link, `available-at-placeholder`
///   for arXiv's `this https URL`, `available-on-page` for the project page / website,
///   `available-in-supplement` for the supplementary material / appendix, else
///   `available-no-link`. "Available upon request" and "not available" count for nothing.
///
/// Paper verdict: the strongest `released` sentence (rules in `CodeStatusRule` order, then
/// reading order: abstract, comment, metadata), else the first `promised` sentence, else
/// `none`. A repository link given as metadata counts as `repo-link`.
///
/// Datasets, models and benchmarks alone are not code: "we release our dataset" or a Hugging
/// Face link decide nothing unless the sentence also names code.
public enum CodeStatusClassifier {
    public static func classify(_ fields: [(name: String, text: String)], links: [Link]) -> CodeVerdict {
        var best = CodeVerdict.none
        var bestRank = Int.max
        for field in fields {
            var mentions: [(kind: LinkKind, isArxiv: Bool, mention: Mention)] = []
            for link in links {
                for mention in link.mentions where mention.field == field.name {
                    mentions.append((link.kind, link.target.hasPrefix("arxiv:"), mention))
                }
            }
            // Released rules rank before promise-phrase; ties keep the earlier sentence.
            for (verdict, rule) in sentenceVerdicts(in: field.text, field: field.name, mentions: mentions)
            where rule.rank < bestRank {
                best = verdict
                bestRank = rule.rank
            }
        }
        if CodeStatusRule.repoLink.rank < bestRank {
            for link in links where link.kind == .repo {
                // A repository given outside the judged fields (metadata) has no sentence.
                if let mention = link.mentions.first(where: { m in !fields.contains { $0.name == m.field } }) {
                    return CodeVerdict(
                        status: .released, evidence: mention.text, field: mention.field, start: mention.start,
                        end: mention.end, rule: CodeStatusRule.repoLink.rawValue)
                }
            }
        }
        return best
    }

    struct LinkInSentence {
        var kind: LinkKind
        var bytes: Range<Int>
        /// Another paper cited, as opposed to a DOI that may well be a Zenodo record of the code.
        var isArxiv: Bool
    }

    private static func sentenceVerdicts(
        in text: String, field: String, mentions: [(kind: LinkKind, isArxiv: Bool, mention: Mention)]
    ) -> [(CodeVerdict, CodeStatusRule)] {
        var text = text
        return text.withUTF8 { p -> [(CodeVerdict, CodeStatusRule)] in
            let nounStarts = codeNounPositions(p)
            var anchors = nounStarts
            var linkBytes: [LinkInSentence] = []
            if !mentions.isEmpty {
                var toByte = ByteOffsets(p)
                for (kind, isArxiv, mention) in mentions.sorted(by: { $0.mention.start < $1.mention.start }) {
                    let b = toByte.byteOffset(ofScalar: mention.start)
                    let e = toByte.byteOffset(ofScalar: mention.end)
                    linkBytes.append(LinkInSentence(kind: kind, bytes: b..<e, isArxiv: isArxiv))
                    if kind == .repo { anchors.append(b) }
                }
            }
            guard !anchors.isEmpty else { return [] }
            anchors.sort()
            let splitter = SentenceSplitter(p, links: linkBytes.map(\.bytes))
            var sentences: [Range<Int>] = []
            for a in anchors {
                if let last = sentences.last, a >= last.lowerBound && a <= last.upperBound { continue }
                let s = splitter.sentence(containing: a)
                if sentences.last != s { sentences.append(s) }
            }
            var scalars = ScalarOffsets(p)
            let vocabulary = Vocabulary.shared
            var out: [(CodeVerdict, CodeStatusRule)] = []
            for s in sentences {
                let inside = linkBytes.filter { s.contains($0.bytes.lowerBound) }
                let words = Words(p, s, links: inside.map(\.bytes))
                let judge = SentenceJudge(w: words, links: inside, nounStarts: nounStarts, v: vocabulary)
                guard let rule = judge.verdict() else { continue }
                let start = scalars.scalarOffset(ofByte: s.lowerBound)
                let end = scalars.scalarOffset(ofByte: s.upperBound)
                let status: CodeStatus = rule == .promisePhrase ? .promised : .released
                out.append(
                    (
                        CodeVerdict(
                            status: status,
                            evidence: String(decoding: UnsafeBufferPointer(rebasing: p[s]), as: UTF8.self),
                            field: field, start: start, end: end, rule: rule.rawValue),
                        rule
                    ))
            }
            return out
        }
    }

    // MARK: - Finding sentences that name code

    /// Byte offsets of words that may name code. Runs on every abstract, so it finds word
    /// starts eight bytes at a time and looks up each start's first two letters in a table
    /// (without branching) before comparing any word.
    private static func codeNounPositions(_ p: UnsafeBufferPointer<UInt8>) -> [Int] {
        nounPairs.withUnsafeBufferPointer { pairs in
            var hits: [Int] = []
            let n = p.count
            @inline(__always) func plausible(_ s: Int) -> Bool {
                guard s + 1 < n else { return false }
                let row = pairs[Int(p[s] & 31)]
                return (row >> UInt32(p[s + 1] & 31)) & 1 != 0
            }
            var i = 0
            var previousIsLetter = false
            // 64 bytes at a time: one 64-bit mask of word starts, so the loop over them exits
            // (and mispredicts) once per 64 bytes rather than once per 8.
            while i + 64 <= n {
                var letters: UInt64 = 0
                for chunk in 0..<8 {
                    letters |= UInt64(SWAR.letterBits(SWAR.load(p, i + 8 * chunk))) << UInt64(8 * chunk)
                }
                var starts = letters & ~((letters << 1) | (previousIsLetter ? 1 : 0))
                previousIsLetter = letters >> 63 != 0
                while starts != 0 {
                    let s = i + starts.trailingZeroBitCount
                    starts &= starts &- 1
                    if plausible(s), isCodeNoun(p, at: s) { hits.append(s) }
                }
                i += 64
            }
            while i + 8 <= n {
                let letters = SWAR.letterBits(SWAR.load(p, i))
                var starts = letters & ~((letters << 1) | (previousIsLetter ? 1 : 0))
                previousIsLetter = letters & 0x80 != 0
                while starts != 0 {
                    let s = i + starts.trailingZeroBitCount
                    starts &= starts &- 1
                    if plausible(s), isCodeNoun(p, at: s) { hits.append(s) }
                }
                i += 8
            }
            while i < n {
                let isLetter = ByteClass.isLetter(p[i])
                if isLetter, !previousIsLetter, plausible(i), isCodeNoun(p, at: i) { hits.append(i) }
                previousIsLetter = isLetter
                i += 1
            }
            return hits
        }
    }

    /// For each first letter (`byte & 31`), the second letters (`byte & 31` bits) a code noun
    /// can start with: co(de), to(olkit), re(po), gi(thub), li(brary), pa(ckage), sc(ripts),
    /// so(ftware), im(plementation).
    private static let nounPairs: [UInt32] = {
        var rows = [UInt32](repeating: 0, count: 32)
        for pair in ["co", "to", "re", "gi", "li", "pa", "sc", "so", "im"] {
            let b = Array(pair.utf8)
            rows[Int(b[0] & 31)] |= 1 << UInt32(b[1] & 31)
        }
        return rows
    }()

    /// Whether the letters at `s` spell a code noun: code(s), codebase(s), implementation(s),
    /// software, toolkit(s), toolbox, library/libraries, repository/repositories, repo(s),
    /// GitHub, GitLab, package(s), scripts. `SentenceJudge.isCodeNoun` then rules out uses
    /// such as `code generation` from the words around it.
    private static func isCodeNoun(_ p: UnsafeBufferPointer<UInt8>, at s: Int) -> Bool {
        guard s + 3 < p.count, ByteClass.isLetter(p[s]), ByteClass.isLetter(p[s + 1]),
            s == 0 || !ByteClass.isDigit(p[s - 1])
        else { return false }
        // Third letters: co-d, re-p, to-o, gi-t, li-b, pa-c, sc-r, so-f, im-p.
        switch ByteClass.lower(p[s + 2]) {
        case UInt8(ascii: "d"), UInt8(ascii: "p"), UInt8(ascii: "o"), UInt8(ascii: "t"), UInt8(ascii: "b"),
            UInt8(ascii: "c"), UInt8(ascii: "r"), UInt8(ascii: "f"):
            break
        default:
            return false
        }
        var e = s + 3
        while e < p.count, ByteClass.isLetter(p[e]) { e += 1 }
        switch e - s {
        case 4: return matches(p, s, "code") || matches(p, s, "repo")
        case 5: return matches(p, s, "codes") || matches(p, s, "repos")
        case 6: return matches(p, s, "github") || matches(p, s, "gitlab")
        case 7:
            return matches(p, s, "toolkit") || matches(p, s, "toolbox") || matches(p, s, "library")
                || matches(p, s, "package") || matches(p, s, "scripts")
        case 8:
            return matches(p, s, "codebase") || matches(p, s, "software") || matches(p, s, "toolkits")
                || matches(p, s, "packages")
        case 9: return matches(p, s, "codebases") || matches(p, s, "libraries")
        case 10: return matches(p, s, "repository")
        case 12: return matches(p, s, "repositories")
        case 14: return matches(p, s, "implementation")
        case 15: return matches(p, s, "implementations")
        default: return false
        }
    }

    /// Case-insensitive comparison of the bytes at `s` with a lower-case literal.
    @inline(__always) private static func matches(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ word: StaticString) -> Bool {
        let w = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount where ByteClass.lower(p[s + k]) != w[k] { return false }
        return true
    }
}

/// Converts increasing Unicode scalar offsets to UTF-8 byte offsets.
struct ByteOffsets {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var byte = 0
    private var scalar = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func byteOffset(ofScalar target: Int) -> Int {
        if target < scalar {
            byte = 0
            scalar = 0
        }
        while scalar < target, byte < bytes.count {
            byte += 1
            while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
            scalar += 1
        }
        return byte
    }
}
