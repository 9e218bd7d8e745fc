import Corpus

/// How a paper-to-paper reference was found. The raw values are stored on edges and printed.
public enum ReferenceRule: String, Sendable, Hashable, CaseIterable, Comparable {
    /// An arXiv id or DOI written in the text (found by the link extractor).
    case identifier
    /// A method or system name another paper claims (`unlike LoRA, we …`).
    case name
    /// `(Hu et al., 2021)`, `Devlin et al. (2019)`, `[Kingma 2014]`.
    case authorYear = "author-year"
    /// The title of another stored paper, quoted or written out exactly.
    case title

    public static func < (lhs: ReferenceRule, rhs: ReferenceRule) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int {
        switch self {
        case .identifier: return 0
        case .name: return 1
        case .authorYear: return 2
        case .title: return 3
        }
    }
}

/// One place where an abstract refers to another paper, for `papergraph extract` output.
/// Offsets count Unicode scalars, so Python's `field[start:end] == text`.
public struct PaperMention: Sendable, Hashable {
    public static let kind = "paper-mention"
    public var kind: String { Self.kind }
    public var rule: String
    public var field: String
    public var start: Int
    public var end: Int
    public var text: String
    /// `PaperRecord.id` of the paper referred to, or nil when it is not among the known papers
    /// or more than one fits.
    public var resolvedID: String?
    /// What was looked up: the name, `Hu et al. 2021`, the title, or the link target.
    public var citedText: String?

    public init(
        rule: String, field: String, start: Int, end: Int, text: String, resolvedID: String?, citedText: String? = nil
    ) {
        self.rule = rule
        self.field = field
        self.start = start
        self.end = end
        self.text = text
        self.resolvedID = resolvedID
        self.citedText = citedText
    }
}

/// A name that several papers claim; references to it link to none of them.
public struct AmbiguousName: Sendable, Hashable {
    public var name: String
    /// Keys of the claiming papers, sorted.
    public var claimants: [String]

    public init(name: String, claimants: [String]) {
        self.name = name
        self.claimants = claimants
    }
}

/// What the resolver knows about the papers that can be referred to: the names they claim, their
/// first author and year, their title and identifiers. Built incrementally (`add`), then
/// compiled into a `ReferenceMatcher` that scans abstracts.
public struct ReferenceIndex: Sendable {
    /// The little the resolver keeps per paper.
    public struct Paper: Sendable, Hashable {
        public var key: String
        public var arxivID: String?
        public var doi: String?
        public var title: String
        public var date: String?
        /// Surname key of the first and second author (see `SurnameKey`).
        public var firstAuthorKey: String?
        public var secondAuthorKey: String?
        public var authorCount: Int
    }

    struct Claim: Hashable {
        var name: String
        var paper: Int
        /// 2: the title starts with the name; 1: the abstract introduces it.
        var tier: Int
        var shape: NameRules.Shape
    }

    public private(set) var papers: [Paper] = []
    private var indexByKey: [String: Int] = [:]
    private var indexByTitleKey: [String: Int] = [:]
    private(set) var claims: [Claim] = []

    public init() {}

    public var count: Int { papers.count }

    /// Adds a record, merging it into a paper already added under the same id, or under the same
    /// title when one of them has no arXiv id (the store's duplicate rule). Returns its index.
    @discardableResult
    public mutating func add(_ record: PaperRecord) -> Int {
        UTF8Text.withBytes(record.abstract) { abstract in
            add(
                key: record.id, arxivID: record.arxivID, doi: record.doi, title: record.title, abstract: abstract,
                authors: record.authors, authorCount: record.authorCount, date: record.date)
        }
    }

    /// Adds one paper from its parts; `abstract` is the abstract's UTF-8. Only the first two
    /// `authors` are used, so a caller may pass just those with the full `authorCount`.
    /// `mergingDuplicates: false` is for sources that have merged duplicates already (the store):
    /// every call then adds a new paper, which also saves normalising the title.
    @discardableResult
    public mutating func add(
        key: String, arxivID: String?, doi: String?, title: String, abstract: UnsafeBufferPointer<UInt8>,
        authors: [String], authorCount: Int?, date: String?, mergingDuplicates: Bool = true
    ) -> Int {
        add(
            key: key, arxivID: arxivID, doi: doi, title: title, claims: PaperClaims(title: title, abstract: abstract),
            authors: authors, authorCount: authorCount, date: date, mergingDuplicates: mergingDuplicates)
    }

    /// Adds one paper whose claims were computed beforehand (possibly on another thread).
    @discardableResult
    public mutating func add(
        key: String, arxivID: String?, doi: String?, title: String, claims paperClaims: PaperClaims,
        authors: [String], authorCount: Int?, date: String?, mergingDuplicates: Bool = true
    ) -> Int {
        let titleKey = mergingDuplicates ? PaperIdentity.normalizedTitle(title) : ""
        let paper = Paper(
            key: key, arxivID: arxivID, doi: doi?.lowercased(), title: title, date: date,
            firstAuthorKey: authors.first.flatMap(SurnameKey.ofAuthor),
            secondAuthorKey: authors.count > 1 ? SurnameKey.ofAuthor(authors[1]) : nil,
            authorCount: max(authors.count, authorCount ?? 0))
        let index: Int
        if !mergingDuplicates {
            index = papers.count
            papers.append(paper)
        } else if let existing = indexByKey[key] {
            index = existing
            papers[index].fillGaps(from: paper)
        } else if let existing = indexByTitleKey[titleKey], !titleKey.isEmpty,
            papers[existing].arxivID == nil || arxivID == nil
        {
            index = existing
            papers[index].fillGaps(from: paper)
            if let arxiv = papers[index].arxivID {
                papers[index].key = arxiv
                indexByKey[arxiv] = index
            }
        } else {
            index = papers.count
            papers.append(paper)
        }
        indexByKey[key] = index
        if !titleKey.isEmpty, indexByTitleKey[titleKey] == nil { indexByTitleKey[titleKey] = index }

        for claim in paperClaims.claims {
            claims.append(Claim(name: claim.name, paper: index, tier: claim.tier, shape: claim.shape))
        }
        return index
    }

    /// The index of the paper stored under `key` (a `PaperRecord.id`) or with that normalized title.
    public func index(ofKey key: String) -> Int? {
        indexByKey[key] ?? indexByTitleKey[PaperIdentity.normalizedTitle(key)]
    }

    /// Freezes the index into a matcher. Costs one pass over the claims and titles.
    public func compiled() -> ReferenceMatcher {
        ReferenceMatcher(index: self, indexByKey: indexByKey, indexByTitleKey: indexByTitleKey)
    }
}

/// The names one paper claims, from its own title and abstract only, so that many papers can
/// be examined in parallel before they are added to an index.
public struct PaperClaims: Sendable, Hashable {
    struct Named: Sendable, Hashable {
        var name: String
        var tier: Int
        var shape: NameRules.Shape
    }

    var claims: [Named] = []

    public init(title: String, abstract: UnsafeBufferPointer<UInt8>) {
        if let (name, shape) = NameRules.titleName(title) {
            // A capitalised word before a colon is as often a topic (`Position:`, `Survey:`) as a
            // name; it counts only when the paper's own abstract uses it as a name.
            if shape == .distinctive || AbstractClaims.usesPlainWord(Array(name.utf8), in: abstract) {
                claims.append(Named(name: name, tier: 2, shape: shape))
            }
        }
        for claim in AbstractClaims.claims(in: abstract) {
            claims.append(Named(name: claim.name, tier: 1, shape: claim.shape))
        }
    }

    /// The claimed names, for display.
    public var names: [String] { claims.map(\.name) }
}

extension ReferenceMatcher.AuthorYearGroup {
    fileprivate mutating func add(_ id: Int32, _ paper: ReferenceIndex.Paper) {
        all.add(id)
        if paper.authorCount == 1 { single.add(id) }
        if paper.authorCount >= 2 { several.add(id) }
        if paper.authorCount == 2 { pair.add(id) }
        if paper.authorCount >= 3 { threeOrMore.add(id) }
    }
}

extension ReferenceIndex.Paper {
    fileprivate mutating func fillGaps(from other: ReferenceIndex.Paper) {
        if arxivID == nil { arxivID = other.arxivID }
        if doi == nil { doi = other.doi }
        if date == nil { date = other.date }
        if firstAuthorKey == nil {
            firstAuthorKey = other.firstAuthorKey
            secondAuthorKey = other.secondAuthorKey
        }
        authorCount = max(authorCount, other.authorCount)
    }
}

/// A name in the dictionary with the papers that claim it (more than one: ambiguous).
public struct ClaimedName: Sendable, Hashable {
    public var name: String
    /// Indexes of the claimants in the `ReferenceIndex`, ascending.
    public var claimants: [Int]
    public var isAmbiguous: Bool { claimants.count > 1 }
}

/// A reference found in one abstract, in Unicode-scalar offsets.
public struct ReferenceHit: Sendable, Hashable {
    public var rule: ReferenceRule
    public var start: Int
    public var end: Int
    public var text: String
    /// Index (in the `ReferenceIndex`) of the paper referred to; nil for a dangling reference.
    public var cited: Int?
    public var citedText: String
}

/// A compiled `ReferenceIndex`: scans abstracts for references to the indexed papers.
public struct ReferenceMatcher: Sendable {
    struct NameEntry: Sendable {
        var name: String
        /// The one claimant, or -1 when several papers claim the name.
        var owner: Int32
        /// Every claimant (one unless ambiguous): a claimant's own use is never a reference.
        var claimants: [Int32]
        var plainWord: Bool
        var firstIsWord: Bool
        var lastIsWord: Bool
        var lastIsUpper: Bool
    }

    /// Hash of (first surname, year) or (first surname, second surname, year). A collision can
    /// only merge two groups; every candidate is checked against the citation before linking.
    static func authorYearKey(_ surname: String, _ year: Int, second: String? = nil) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in surname.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        if let second {
            hash = (hash ^ 0xff) &* 0x0000_0100_0000_01b3
            for byte in second.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        return (hash ^ UInt64(year)) &* 0x9E37_79B9_7F4A_7C15
    }

    /// How many papers fall in a set, and the first of them: resolution only ever needs to know
    /// whether exactly one fits, so common surnames cost O(1) however many papers they have.
    struct Tally: Sendable {
        var count = 0
        var first: Int32 = -1

        mutating func add(_ paper: Int32) {
            if count == 0 { first = paper }
            count += 1
        }
    }

    /// Papers of one first-author surname and year, by the author-list shape a citation implies.
    struct AuthorYearGroup: Sendable {
        var all = Tally()
        var single = Tally()
        var several = Tally()
        var pair = Tally()
        var threeOrMore = Tally()
    }

    public let papers: [ReferenceIndex.Paper]
    /// Names several papers claim, sorted by name.
    public let ambiguousNames: [AmbiguousName]
    let names: [NameEntry]
    let automaton: AhoCorasick
    let titles: TitleIndex
    let byAuthorYear: [UInt64: AuthorYearGroup]
    let byAuthorPairYear: [UInt64: AuthorYearGroup]
    let byArxiv: [String: Int32]
    let byDOI: [String: Int32]
    let indexByKey: [String: Int]
    let indexByTitleKey: [String: Int]
    /// Day numbers of the papers' dates (`Int32.min` when unknown), for the chronology check.
    let days: [Int32]
    /// A paper cannot refer by name or title to one that appeared this many days after it;
    /// the slack absorbs listing versus publication dates.
    static let chronologySlackDays: Int32 = 93

    /// Number of distinct names in the dictionary (ambiguous ones included).
    public var nameCount: Int { names.count }
    /// Every name in the dictionary, sorted by name.
    public var claimedNames: [ClaimedName] {
        names.map { ClaimedName(name: $0.name, claimants: $0.claimants.map(Int.init).sorted()) }
    }
    public var automatonNodes: Int { automaton.nodeCount }

    init(index: ReferenceIndex, indexByKey: [String: Int], indexByTitleKey: [String: Int]) {
        papers = index.papers
        self.indexByKey = indexByKey
        self.indexByTitleKey = indexByTitleKey

        // Each name goes to the papers with its strongest claim; more than one is ambiguous.
        var byName: [String: (tier: Int, papers: [Int], shape: NameRules.Shape)] = [:]
        for claim in index.claims {
            if let current = byName[claim.name] {
                if claim.tier > current.tier {
                    byName[claim.name] = (claim.tier, [claim.paper], claim.shape)
                } else if claim.tier == current.tier, !current.papers.contains(claim.paper) {
                    byName[claim.name] = (current.tier, current.papers + [claim.paper], current.shape)
                }
            } else {
                byName[claim.name] = (claim.tier, [claim.paper], claim.shape)
            }
        }
        var names: [NameEntry] = []
        var ambiguous: [AmbiguousName] = []
        for name in byName.keys.sorted() {
            guard let claim = byName[name] else { continue }
            let scalars = name.unicodeScalars
            names.append(NameEntry(
                name: name, owner: claim.papers.count == 1 ? Int32(claim.papers[0]) : -1,
                claimants: claim.papers.map { Int32($0) },
                plainWord: claim.shape == .plainWord,
                firstIsWord: scalars.first.map(UTF8Text.isWord) ?? false,
                lastIsWord: scalars.last.map(UTF8Text.isWord) ?? false,
                lastIsUpper: scalars.last.map(UTF8Text.isUpper) ?? false))
            if claim.papers.count > 1 {
                ambiguous.append(AmbiguousName(name: name, claimants: claim.papers.map { index.papers[$0].key }.sorted()))
            }
        }
        self.names = names
        ambiguousNames = ambiguous
        automaton = AhoCorasick(patterns: names.map(\.name))
        titles = TitleIndex(titles: index.papers.enumerated().map { ($0.offset, $0.element.title) })

        var byAuthorYear: [UInt64: AuthorYearGroup] = [:]
        var byAuthorPairYear: [UInt64: AuthorYearGroup] = [:]
        var byArxiv: [String: Int32] = [:]
        var byDOI: [String: Int32] = [:]
        var days: [Int32] = []
        days.reserveCapacity(index.papers.count)
        for (offset, paper) in index.papers.enumerated() {
            let year = paper.date.flatMap(Self.year)
            if let surname = paper.firstAuthorKey, let year {
                let id = Int32(offset)
                byAuthorYear[Self.authorYearKey(surname, year), default: AuthorYearGroup()].add(id, paper)
                if let second = paper.secondAuthorKey {
                    byAuthorPairYear[Self.authorYearKey(surname, year, second: second), default: AuthorYearGroup()]
                        .add(id, paper)
                }
            }
            if let arxiv = paper.arxivID, byArxiv[arxiv] == nil { byArxiv[arxiv] = Int32(offset) }
            if let doi = paper.doi, byDOI[doi] == nil { byDOI[doi] = Int32(offset) }
            days.append(paper.date.flatMap(Self.dayNumber) ?? Int32.min)
        }
        self.byAuthorYear = byAuthorYear
        self.byAuthorPairYear = byAuthorPairYear
        self.byArxiv = byArxiv
        self.byDOI = byDOI
        self.days = days
    }

    static func year(_ date: String) -> Int? {
        number(date.utf8, from: 0, digits: 4)
    }

    /// A monotone day count for `YYYY-MM-DD` (months as 31 days: only differences matter);
    /// a missing month or day counts as the first.
    static func dayNumber(_ date: String) -> Int32? {
        let utf8 = date.utf8
        guard let year = number(utf8, from: 0, digits: 4) else { return nil }
        let month = number(utf8, from: 5, digits: 2) ?? 1
        let day = number(utf8, from: 8, digits: 2) ?? 1
        return Int32(year * 372 + (month - 1) * 31 + (day - 1))
    }

    private static func number(_ utf8: String.UTF8View, from offset: Int, digits: Int) -> Int? {
        guard utf8.count >= offset + digits else { return nil }
        var value = 0
        for byte in utf8.dropFirst(offset).prefix(digits) {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The index of the paper with this `PaperRecord.id` (or normalized title).
    public func index(ofKey key: String) -> Int? {
        indexByKey[key] ?? indexByTitleKey[PaperIdentity.normalizedTitle(key)]
    }

    public func scanner() -> ReferenceScanner { ReferenceScanner(matcher: self) }

    /// References in `text` (an abstract) written by paper `citing` (an index, or nil).
    public func references(in text: String, citing: Int?) -> [ReferenceHit] {
        var scanner = scanner()
        return UTF8Text.withBytes(text) { scanner.scan($0, citing: citing) }
    }

    /// Paper mentions in a record's abstract; the record itself is found in the index by its id.
    public func mentions(in record: PaperRecord) -> [PaperMention] {
        let citing = index(ofKey: record.id)
        return references(in: record.abstract, citing: citing).map { hit in
            PaperMention(
                rule: hit.rule.rawValue, field: "abstract", start: hit.start, end: hit.end, text: hit.text,
                resolvedID: hit.cited.map { papers[$0].key }, citedText: hit.citedText)
        }
    }

    /// The `paper` links the link extractor found (arXiv ids, DOIs), as paper mentions resolved
    /// against the index. A paper's link to itself is left out.
    public func identifierMentions(in extraction: PaperExtraction, citing: Int?) -> [PaperMention] {
        var mentions: [PaperMention] = []
        for link in extraction.links where link.kind == .paper {
            let cited = paperIndex(forTarget: link.target)
            if let cited, cited == citing { continue }
            for mention in link.mentions {
                mentions.append(PaperMention(
                    rule: ReferenceRule.identifier.rawValue, field: mention.field, start: mention.start,
                    end: mention.end, text: mention.text, resolvedID: cited.map { papers[$0].key },
                    citedText: link.target))
            }
        }
        return mentions.sorted { ($0.field, $0.start) < ($1.field, $1.start) }
    }

    /// Resolves a canonical paper target (`arxiv:2106.09685`, `doi:10.48550/arxiv.2106.09685`, `doi:10.1145/…`).
    public func paperIndex(forTarget target: String) -> Int? {
        let lower = target.lowercased()
        if lower.hasPrefix("arxiv:") {
            return PaperIdentity.normalizedArxivID(String(target.dropFirst(6))).flatMap { byArxiv[$0] }.map(Int.init)
        }
        if lower.hasPrefix("doi:") {
            let doi = String(lower.dropFirst(4))
            let arxivPrefix = "10.48550/arxiv."
            if doi.hasPrefix(arxivPrefix) {
                let id = String(target.dropFirst(4 + arxivPrefix.count))
                if let found = PaperIdentity.normalizedArxivID(id).flatMap({ byArxiv[$0] }) { return Int(found) }
            }
            return byDOI[doi].map(Int.init)
        }
        return nil
    }

    func isAnachronistic(citing: Int?, cited: Int) -> Bool {
        guard let citing else { return false }
        let citingDay = days[citing]
        let citedDay = days[cited]
        guard citingDay != Int32.min, citedDay != Int32.min else { return false }
        return citingDay < citedDay - Self.chronologySlackDays
    }
}

/// Scans abstracts against a matcher, reusing its buffers from one abstract to the next.
public struct ReferenceScanner {
    private let matcher: ReferenceMatcher
    private var words: [TitleWord] = []
    private var prefix: [UInt64] = []
    private var nameHits: [(pattern: Int32, start: Int32, end: Int32)] = []

    init(matcher: ReferenceMatcher) { self.matcher = matcher }

    private struct Found {
        var rule: ReferenceRule
        var byteStart: Int
        var byteEnd: Int
        var cited: Int?
        var citedText: String
    }

    /// References in one abstract's UTF-8, sorted by position. Titles win over author–year
    /// citations, which win over names, where spans overlap.
    public mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, citing: Int?) -> [ReferenceHit] {
        var found: [Found] = []
        scanTitles(bytes, citing: citing, into: &found)
        scanAuthorYear(bytes, citing: citing, into: &found)
        scanNames(bytes, citing: citing, into: &found)
        guard !found.isEmpty else { return [] }

        var kept: [Found] = []
        for candidate in found {
            let overlaps = kept.contains { candidate.byteStart < $0.byteEnd && $0.byteStart < candidate.byteEnd }
            if !overlaps { kept.append(candidate) }
        }
        kept.sort { ($0.byteStart, $0.rule) < ($1.byteStart, $1.rule) }
        var cursor = ScalarOffsetCursor(bytes)
        return kept.map { item in
            let start = cursor.scalarOffset(ofByte: item.byteStart)
            let length = UTF8Text.scalarCount(bytes, from: item.byteStart, to: item.byteEnd)
            return ReferenceHit(
                rule: item.rule, start: start, end: start + length,
                text: UTF8Text.string(bytes, from: item.byteStart, to: item.byteEnd), cited: item.cited,
                citedText: item.citedText)
        }
    }

    // MARK: Titles

    private mutating func scanTitles(_ bytes: UnsafeBufferPointer<UInt8>, citing: Int?, into found: inout [Found]) {
        guard !matcher.titles.entries.isEmpty else { return }
        TitleWords.tokenize(bytes, into: &words)
        guard words.count >= TitleIndex.minimumWords else { return }
        WordRunHash.prefixes(words, into: &prefix)
        let titles = matcher.titles
        let words = self.words
        let prefix = self.prefix
        let firstWordsPower = WordRunHash.powers[TitleIndex.minimumWords]
        var index = 0
        while index + TitleIndex.minimumWords <= words.count {
            let firstWords = prefix[index + TitleIndex.minimumWords] &- prefix[index] &* firstWordsPower
            guard titles.mayStart(firstWords),
                let match = titles.longestMatch(at: index, firstWords: firstWords, words: words, prefix: prefix)
            else {
                index += 1
                continue
            }
            let start = words[index].start
            let end = words[index + match.wordCount - 1].end
            let papers = match.papers.map(Int.init)
            if let citing, papers.contains(citing) {
                index += match.wordCount
                continue
            }
            let quoted = Self.isQuoted(start: start, end: end, in: bytes)
            var capitals: UInt64 = 0
            for offset in 0..<match.wordCount where words[index + offset].capitalised {
                capitals |= 1 << UInt64(offset)
            }
            let caseAccepted =
                quoted || match.wordCount >= TitleIndex.caseInsensitiveFromWords || match.capitals.contains(capitals)
            let title = matcher.papers[papers[0]].title
            guard caseAccepted, sameWords(title, start: index, count: match.wordCount, in: bytes) else {
                index += 1
                continue
            }
            if papers.count == 1 {
                if !matcher.isAnachronistic(citing: citing, cited: papers[0]) {
                    found.append(Found(rule: .title, byteStart: start, byteEnd: end, cited: papers[0], citedText: title))
                }
            } else {
                found.append(Found(rule: .title, byteStart: start, byteEnd: end, cited: nil, citedText: title))
            }
            index += match.wordCount
        }
    }

    /// Hashes matched; compare the words themselves so a hash collision can never link.
    private func sameWords(_ title: String, start: Int, count: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let expected = TitleWords.lowercasedWords(of: title)
        guard expected.count == count else { return false }
        for offset in 0..<count {
            let word = words[start + offset]
            if UTF8Text.string(bytes, from: word.start, to: word.end).lowercased() != expected[offset] { return false }
        }
        return true
    }

    static func isQuoted(start: Int, end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let before = UTF8Text.scalar(before: start, in: bytes), openingQuotes.contains(before) else { return false }
        var cursor = end
        while let (scalar, length) = UTF8Text.scalar(at: cursor, in: bytes) {
            if closingQuotes.contains(scalar) { return true }
            guard trailingPunctuation.contains(scalar) else { return false }
            cursor += length
        }
        return false
    }

    private static let openingQuotes: Set<Unicode.Scalar> = ["\"", "“", "‘", "'", "«", "„"]
    private static let closingQuotes: Set<Unicode.Scalar> = ["\"", "”", "’", "'", "»", "“"]
    private static let trailingPunctuation: Set<Unicode.Scalar> = [".", ",", "?", "!", ";", ":"]

    // MARK: Author–year

    private func scanAuthorYear(_ bytes: UnsafeBufferPointer<UInt8>, citing: Int?, into found: inout [Found]) {
        for citation in AuthorYearParser.citations(in: bytes) {
            let (tally, contains) = candidates(for: citation)
            var cited: Int?
            if let citing, contains(matcher.papers[citing]) {
                // Self-citation, or the authors' own namesake paper of the same year: no link.
                if tally.count == 1 { continue }
            } else if tally.count == 1, contains(matcher.papers[Int(tally.first)]) {
                cited = Int(tally.first)
            }
            if cited == nil && citation.isWeak { continue }
            found.append(Found(
                rule: .authorYear, byteStart: citation.byteStart, byteEnd: citation.byteEnd, cited: cited,
                citedText: citation.citedText))
        }
    }

    /// The papers a citation fits, and a test for membership (to recognise self-citations).
    /// Fits are judged on the author list first (`X and Y` means two authors, `X et al.` at
    /// least two, a lone `X` one); when nothing fits that strictly, authors cite loosely
    /// (`[Kingma 2014]` for a two-author paper), so surname and year alone decide, but never
    /// against an explicitly different second author.
    private func candidates(for citation: AuthorYearCitation) -> (ReferenceMatcher.Tally, (ReferenceIndex.Paper) -> Bool) {
        let surname = SurnameKey.ofCitation(citation.firstSurname)
        let year = citation.year
        func sameFirst(_ paper: ReferenceIndex.Paper) -> Bool {
            paper.firstAuthorKey == surname && paper.date.flatMap(ReferenceMatcher.year) == year
        }
        if let secondName = citation.secondSurname {
            let second = SurnameKey.ofCitation(secondName)
            let group = matcher.byAuthorPairYear[ReferenceMatcher.authorYearKey(surname, year, second: second)]
                ?? ReferenceMatcher.AuthorYearGroup()
            let strict = citation.etAl ? group.threeOrMore : group.pair
            if strict.count > 0 {
                return (strict, { paper in
                    sameFirst(paper) && paper.secondAuthorKey == second
                        && (citation.etAl ? paper.authorCount >= 3 : paper.authorCount == 2)
                })
            }
            return (group.all, { sameFirst($0) && $0.secondAuthorKey == second })
        }
        let group = matcher.byAuthorYear[ReferenceMatcher.authorYearKey(surname, year)] ?? ReferenceMatcher.AuthorYearGroup()
        let strict = citation.etAl ? group.several : group.single
        if strict.count > 0 {
            return (strict, { sameFirst($0) && (citation.etAl ? $0.authorCount >= 2 : $0.authorCount == 1) })
        }
        return (group.all, sameFirst)
    }

    // MARK: Names

    private mutating func scanNames(_ bytes: UnsafeBufferPointer<UInt8>, citing: Int?, into found: inout [Found]) {
        guard matcher.automaton.patternCount > 0 else { return }
        nameHits.removeAll(keepingCapacity: true)
        let names = matcher.names
        matcher.automaton.forEachMatch(in: bytes) { pattern, start, end in
            let entry = names[pattern]
            guard NameBoundary.accepts(
                start: start, end: end, in: bytes, firstIsWord: entry.firstIsWord, lastIsWord: entry.lastIsWord,
                pluralAllowed: entry.lastIsUpper)
            else { return }
            if entry.plainWord && !AbstractClaims.isPlainWordUse(start: start, end: end, in: bytes) { return }
            nameHits.append((Int32(pattern), Int32(start), Int32(end)))
        }
        guard !nameHits.isEmpty else { return }
        // Leftmost-longest: `HAWQ-V2` hides the `HAWQ` inside it when both are names.
        nameHits.sort { ($0.start, $1.end) < ($1.start, $0.end) }
        var lastEnd: Int32 = -1
        for hit in nameHits where hit.start >= lastEnd {
            lastEnd = hit.end
            let entry = names[Int(hit.pattern)]
            if let citing, entry.claimants.contains(Int32(citing)) { continue }
            if entry.owner < 0 {
                found.append(Found(
                    rule: .name, byteStart: Int(hit.start), byteEnd: Int(hit.end), cited: nil, citedText: entry.name))
                continue
            }
            let owner = Int(entry.owner)
            if owner == citing || matcher.isAnachronistic(citing: citing, cited: owner) { continue }
            found.append(Found(
                rule: .name, byteStart: Int(hit.start), byteEnd: Int(hit.end), cited: owner, citedText: entry.name))
        }
    }
}
