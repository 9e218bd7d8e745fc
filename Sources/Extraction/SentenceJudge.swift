/// Judges one sentence (see `CodeStatusClassifier` for the rules).
struct SentenceJudge {
    typealias LinkInSentence = CodeStatusClassifier.LinkInSentence
    let w: Words
    let links: [LinkInSentence]
    /// Byte offsets where code nouns start (from the whole-field scan).
    let nounStarts: [Int]
    let v: Vocabulary

    func verdict() -> CodeStatusRule? {
        let count = w.count
        guard count > 0 else { return nil }
        let hasRepo = links.contains { $0.kind == .repo }
        let hasOtherLink = links.contains { $0.kind != .repo && !$0.isArxiv }
        var nouns: [Int] = []
        for i in 0..<count where nounStarts.contains(w.start(of: i)) && isCodeNoun(i) { nouns.append(i) }
        guard !nouns.isEmpty || hasRepo else { return nil }
        // "Available upon request" neither releases nor promises a public release.
        if !hasRepo, (0..<count).contains(where: { w[$0] == .request }) { return nil }

        // A repository link counts unless its own clause promises: "the dataset will be released
        // after review, and the code is at <repo>" has released code. Clauses split at `;` and
        // at `, and`, which also splits lists ("code, data, and models will be released"), so
        // the promise itself is judged on the whole sentence.
        var linkOrdinal = 0
        for clause in clauses() {
            var clauseRepo = false
            for j in clause where w[j] == .link {
                if linkOrdinal < links.count, links[linkOrdinal].kind == .repo { clauseRepo = true }
                linkOrdinal += 1
            }
            if clauseRepo && !isPromise(in: clause) { return .repoLink }
        }
        if isPromise(in: 0..<count) { return .promisePhrase }
        guard !nouns.isEmpty else { return nil }

        let hasPlaceholder = (0..<count).contains { j in
            w[j] == .this && j + 2 < count && (w[j + 1] == .https || w[j + 1] == .http) && w[j + 2] == .url
        }
        var available = false
        for i in nouns {
            // `Code: <link>` or a sentence that is just `Code: …`.
            if w.separator(after: i) == UInt8(ascii: ":"), i < 3 || hasOtherLink || hasPlaceholder {
                available = true
            }
            if activeRelease(noun: i) || ownOpenSource(noun: i) { available = true }
            for j in (i + 1)..<count where isAvailabilityPredicate(j) { available = true }
            if available { break }
        }
        // `Code is in the supplementary material.`
        if !available, let first = nouns.first,
            ((first + 1)..<count).contains(where: { v.supplementWords.contains(w[$0]) })
        {
            available = true
        }
        guard available else { return nil }
        if hasOtherLink { return .availableAtLink }
        if hasPlaceholder { return .availableAtPlaceholder }
        for j in 0..<count {
            switch w[j] {
            case .website, .homepage, .webpage:
                return .availableOnPage
            case .page where j > 0 && (w[j - 1] == .project || w[j - 1] == .our || w[j - 1] == .web),
                .site where j > 0 && (w[j - 1] == .project || w[j - 1] == .our || w[j - 1] == .web):
                return .availableOnPage
            case .supplement, .supplementary, .supplemental, .appendix:
                return .availableInSupplement
            default:
                continue
            }
        }
        return .availableNoLink
    }

    /// Word ranges split at `;` and at `, and` / `, but` / `, while` / `, whereas`.
    private func clauses() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for i in 0..<w.count {
            let sep = w.separator(after: i)
            let splits =
                sep == UInt8(ascii: ";")
                || (sep == UInt8(ascii: ",") && i + 1 < w.count && v.clauseConjunctions.contains(w[i + 1]))
            if splits {
                out.append(start..<(i + 1))
                start = i + 1
            }
        }
        out.append(start..<w.count)
        return out
    }

    private func isCodeNoun(_ i: Int) -> Bool {
        let word = w[i]
        if i > 0, w.separator(after: i - 1) == UInt8(ascii: "-") { return false }  // pseudo-code, low-code
        if word == .code || word == .codes || word == .software {
            if w.separator(after: i) == UInt8(ascii: "-") { return false }  // code-switching
            if i + 1 < w.count, w.separator(after: i) == UInt8(ascii: " "), v.codeModifiers.contains(w[i + 1]) {
                return false  // code generation, code LLMs, software engineering
            }
            // machine code, error-correcting codes, accession code: code as the subject matter.
            if i > 0, v.codeSubjects.contains(w[i - 1]) { return false }
        }
        if word == .library || word == .libraries {
            // `a library of prompts`, `the skill library`: only `our/Python/open-source library`.
            return i > 0 && v.libraryOwners.contains(w[i - 1])
        }
        return true
    }

    private func isNegated(before j: Int) -> Bool {
        for k in max(0, j - 3)..<j where w[k] == .not || w[k] == .no || w[k] == .cannot || w[k] == .never {
            return true
        }
        return false
    }

    private func isAvailabilityPredicate(_ j: Int) -> Bool {
        let word = w[j]
        let next = j + 1 < w.count ? w[j + 1] : nil
        let endsClause = next == nil || w.separator(after: j) != UInt8(ascii: " ")
        if isNegated(before: j) { return false }
        if word == .available || word == .accessible || word == .downloadable {
            // `publicly available datasets` describes something else.
            if endsClause { return true }
            return next.map { v.afterAvailable.contains($0) } ?? true
        }
        let auxBefore = (1...2).contains { d in j - d >= 0 && v.auxiliaries.contains(w[j - d]) }
        if v.participles.contains(word) {
            if auxBefore { return true }
            // Headline style `Code released at …`; `codes obtained in the previous step` is not.
            return (word == .released || word == .hosted) && (next.map { v.afterParticiple.contains($0) } ?? false)
        }
        if word == .sourced, j > 0, w[j - 1] == .open {
            return (1...2).contains { d in j - 1 - d >= 0 && v.auxiliaries.contains(w[j - 1 - d]) }
        }
        if word == .open, next == .source, w.separator(after: j) == UInt8(ascii: "-") || w.separator(after: j) == UInt8(ascii: " ") {
            return auxBefore && (j + 2 >= w.count || w.separator(after: j + 1) != UInt8(ascii: " "))
        }
        if word == .opensource || word == .public {
            return auxBefore && (endsClause || next.map { v.afterParticiple.contains($0) } ?? false)
        }
        if word == .release, let next, v.afterParticiple.contains(next) {
            return true  // `source code release publicly at …`
        }
        if word == .at || word == .here, j > 0, w[j - 1] == .`is` || w[j - 1] == .are {
            return true
        }
        return false
    }

    /// `we release our code`, `we open-source the implementation`, `we provide code`,
    /// `We release X as open-source software`.
    private func activeRelease(noun i: Int) -> Bool {
        for k in max(0, i - 6)..<i {
            let word = w[k]
            // A verb after a subject, `to` or `by`; `release decisions`, `an open-source toolkit`
            // and `a fully open-source toolkit` use the same words as nouns and adjectives.
            guard k == 0 || v.verbLead.contains(w[k - 1]) else { continue }
            if v.releaseVerbs.contains(word) { return !isNegated(before: k) }
            if word == .opensource || word == .opensourcing
                || (word == .open && k + 1 < i && (w[k + 1] == .source || w[k + 1] == .sourcing))
            {
                return !isNegated(before: k)
            }
        }
        return false
    }

    /// `We present X, an open-source toolkit`, `Our open-source implementation …`: the authors
    /// call their own code open source. Others' `open-source repositories` do not count.
    private func ownOpenSource(noun i: Int) -> Bool {
        guard v.ownableCode.contains(w[i]), i >= 1 else { return false }
        let adjective =
            w[i - 1] == .opensource || (i >= 2 && w[i - 2] == .open && w[i - 1] == .source)
            || (i >= 3 && w[i - 3] == .open && w[i - 2] == .source && w[i - 1] != .link)
        guard adjective else { return false }
        return (0..<w.count).contains { w[$0] == .we || w[$0] == .our }
    }

    private func isPromise(in clause: Range<Int>) -> Bool {
        let end = clause.upperBound
        for j in clause {
            let word = w[j]
            if word == .will || word == .shall || word == .would || word == .ll {
                for k in (j + 1)..<min(end, j + 7) where v.promisedActions.contains(w[k]) { return true }
            } else if word == .to, j + 2 < end, w[j + 1] == .be, v.promisedActions.contains(w[j + 2]) {
                if j > 0, w[j - 1] == .used || w[j - 1] == .shown || w[j - 1] == .found { continue }
                return true
            } else if word == .upon || word == .after || word == .once || word == .following {
                for k in (j + 1)..<min(end, j + 5) where v.reviewEvents.contains(w[k]) { return true }
            } else if word == .soon || word == .forthcoming {
                return true
            } else if v.planVerbs.contains(word), j + 2 < end, w[j + 1] == .to, v.plannedReleases.contains(w[j + 2]) {
                return true
            }
        }
        return false
    }
}
