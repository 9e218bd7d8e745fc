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
        var expansion: String?
        private var storedPaper: Int32
        private var storedTier: Int8
        var shape: NameRules.Shape

        var paper: Int {
            get { Int(storedPaper) }
            set { storedPaper = Int32(newValue) }
        }

        /// 2: the title starts with the name; 1: the abstract introduces it.
        var tier: Int {
            get { Int(storedTier) }
            set { storedTier = Int8(newValue) }
        }

        init(name: String, paper: Int, tier: Int, shape: NameRules.Shape, expansion: String?) {
            self.name = name
            self.shape = shape
            self.expansion = expansion
            storedPaper = Int32(paper)
            storedTier = Int8(tier)
        }
    }

    public private(set) var papers = PaperTable()
    private var indexByKey: [String: Int] = [:]
    private var indexByTitleKey: [String: Int] = [:]
    private(set) var claims = PackedClaims()
    /// (paper, name) for every name a paper's abstract presents as its own, packed as claims
    /// of tier 0.
    private(set) var ownNames = PackedClaims()
    /// Word frequencies (and claimants' words, when kept), for `TopicalAgreement`.
    private(set) var topics: TopicIndex

    /// `keepsClaimantWords: false` is for an owner of the papers' text (a store): the matcher
    /// then asks for the text of the papers whose signatures it needs
    /// (`ReferenceMatcher.papersAwaitingSignatures`) instead of the index keeping every
    /// claimant's words while it grows.
    public init(keepsClaimantWords: Bool = true) {
        topics = TopicIndex(keepsClaimantWords: keepsClaimantWords)
    }

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
            claims.append(Claim(
                name: claim.name, paper: index, tier: claim.tier, shape: claim.shape, expansion: claim.expansion))
        }
        for name in paperClaims.ownNames {
            ownNames.append(Claim(name: name, paper: index, tier: 0, shape: .distinctive, expansion: nil))
        }
        topics.add(
            words: paperClaims.topicWords, weights: paperClaims.topicWeights, paper: index,
            claims: !paperClaims.claims.isEmpty)
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

    /// `compiled()` for an index that is no longer needed: its claims, own names and topic
    /// words are freed as soon as the matcher has what it needs from them, so that a large
    /// index and its matcher are not both held whole.
    public consuming func compiledReleasingIndex() -> ReferenceMatcher {
        let byKey = indexByKey
        let byTitleKey = indexByTitleKey
        return ReferenceMatcher(index: self, indexByKey: byKey, indexByTitleKey: byTitleKey)
    }

    mutating func releaseClaims() { claims = PackedClaims() }
    mutating func releaseOwnNames() { ownNames = PackedClaims() }
    mutating func releaseTopics() { topics = TopicIndex(keepsClaimantWords: topics.keepsClaimantWords) }
}

/// The dictionary names each paper's abstract presents as its own, as sorted (paper, pattern)
/// pairs: one flat array rather than an array per paper, which for a million papers was tens
/// of megabytes of small allocations.
struct OwnPatterns: Sendable {
    private var pairs: [UInt64] = []

    struct Builder {
        private var pairs: [UInt64] = []

        mutating func add(paper: Int32, pattern: Int32) { pairs.append(OwnPatterns.key(paper, pattern)) }

        consuming func build() -> OwnPatterns {
            pairs.sort()
            var table = OwnPatterns()
            table.pairs.reserveCapacity(pairs.count)
            for pair in pairs where table.pairs.last != pair { table.pairs.append(pair) }
            return table
        }
    }

    private static func key(_ paper: Int32, _ pattern: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: paper)) << 32 | UInt64(UInt32(bitPattern: pattern))
    }

    func contains(paper: Int32, pattern: Int32) -> Bool {
        pairs.sortedIndex(of: Self.key(paper, pattern)) != nil
    }
}

/// The topic signatures of the names one paper owns (`ReferenceMatcher.signatures(of:title:abstract:)`).
public struct OwnerSignatures: Sendable {
    var entries: [(pattern: Int32, signature: [(word: UInt32, weight: UInt16)])] = []
}

/// What one abstract holds, between `ReferenceScanner.collect` and `ReferenceMatcher.resolve`.
public struct AbstractScan: Sendable {
    struct NameOccurrence: Sendable {
        var pattern: Int32
        var start: Int
        var end: Int
        var text: String
        /// When written as `Long Form (NAME)` or `NAME (Long Form)`: the long form, normalised.
        var definedAs: String?
        /// The words around the occurrence (`the DICE score`, `DDR, DRIVE, and IDRiD datasets`).
        var use = NameContext.Use(head: nil, inEnumeration: false)
        /// Inside the long form of another name's definition (`Divide-and-Conquer Amnesia (DCA)`).
        var insideLongForm = false
        /// The abstract shares enough of the owner's distinctive words (`TopicalAgreement`).
        var topicAgrees = true
        /// Right after `classical`, `traditional`, `standard` …: an established thing.
        var afterEstablishedModifier = false
    }

    /// Title and author–year references, final, in text order.
    var fixed: [ReferenceHit] = []
    /// Every occurrence of a dictionary name, overlapping ones included.
    var names: [NameOccurrence] = []

    public init() {}

    public var isEmpty: Bool { fixed.isEmpty && names.isEmpty }

    /// The distinct dictionary names the abstract uses, for `ReferenceMatcher.pruningEstablishedNames`.
    public var usedNames: [Int32] { Set(names.map(\.pattern)).sorted() }
}

extension ReferenceMatcher {
    /// The second half of `ReferenceScanner.scan`: chooses names (leftmost-longest among the
    /// names still in the dictionary, so a pruned `HAWQ-V2` no longer hides `HAWQ`), drops those
    /// inside a title or citation, and resolves them to their claimant.
    public func resolve(_ scan: AbstractScan, citing: Int?) -> [ReferenceHit] {
        guard !scan.names.isEmpty else { return scan.fixed }
        var hits = scan.fixed
        for (occurrence, verdict) in nameVerdicts(scan, citing: citing) {
            let cited: Int?
            switch verdict {
            case .dropped: continue
            case .dangling: cited = nil
            case .linked(let owner): cited = owner
            }
            hits.append(ReferenceHit(
                rule: .name, start: occurrence.start, end: occurrence.end, text: occurrence.text, cited: cited,
                citedText: names[Int(occurrence.pattern)].name))
        }
        return hits.sorted { ($0.start, $0.rule) < ($1.start, $1.rule) }
    }

    /// The name occurrences `resolve` chooses, in text order, each with its judgement.
    func nameVerdicts(_ scan: AbstractScan, citing: Int?) -> [(AbstractScan.NameOccurrence, NameVerdict)] {
        // An abstract that spells a name out its own way (`multi-head self-attention (MSA)`) means
        // its own thing by it, not the claimant's (`Multi-Scale Attention`).
        // So does one that uses it, anywhere, as a dataset, measure or device no claimant is
        // (`LED markers … LED blinking`): one sense per abstract.
        var ownMeaning = Set<Int32>()
        // `ASTRIDE extends the classical STRIDE framework … the first to extend STRIDE with …`:
        // once the abstract calls a name established, every use of it there means that thing.
        var establishedSense = Set<Int32>()
        for occurrence in scan.names {
            if occurrence.afterEstablishedModifier && options.establishedSensePerAbstract {
                establishedSense.insert(occurrence.pattern)
            }
            let entry = names[Int(occurrence.pattern)]
            if let definedAs = occurrence.definedAs, !AbstractClaims.sameMeaning(entry.expansion, definedAs) {
                ownMeaning.insert(occurrence.pattern)
            }
            if let head = occurrence.use.head, !claimantTitleFits(Int(occurrence.pattern), head) {
                ownMeaning.insert(occurrence.pattern)
            }
        }
        let candidates = scan.names.filter { !pruned[Int($0.pattern)] }.sorted {
            ($0.start, $1.end) < ($1.start, $0.end)
        }
        var verdicts: [(AbstractScan.NameOccurrence, NameVerdict)] = []
        var lastEnd = -1
        for occurrence in candidates where occurrence.start >= lastEnd {
            lastEnd = occurrence.end
            verdicts.append((
                occurrence,
                judge(occurrence, in: scan, citing: citing, ownMeaning: ownMeaning, establishedSense: establishedSense)
            ))
        }
        return verdicts
    }

    /// What `resolve` makes of one chosen name occurrence; the audit prints it too.
    enum NameVerdict: Equatable {
        /// A reference to this paper (an index).
        case linked(Int)
        /// A `name` mention that points at no paper: the evidence does not single one out.
        case dangling(Dangling)
        /// Not a reference to another paper at all.
        case dropped(Dropped)

        enum Dangling: String, Equatable {
            /// Several papers claim the name.
            case ambiguous
            /// The citing abstract shares too little of the owner's subject (`TopicalAgreement`).
            case offTopic = "off-topic"
            /// A name of ordinary words that only the owner's abstract claims, used without any
            /// other sign of the owner (`NameEntry.ordinaryWordsUntitled`).
            case uncorroborated
        }

        enum Dropped: String, Equatable {
            case insideOtherReference = "inside-title-or-citation"
            case ownClaim = "own-claim"
            case ownMeaning = "own-meaning"
            case ownName = "own-name"
            case insideLongForm = "inside-long-form"
            case enumeratedAcronym = "enumerated-acronym"
            case anachronistic
            case establishedModifier = "established-modifier"
        }
    }

    /// The judgement behind `resolve` for one occurrence that won the leftmost-longest choice.
    /// `ownMeaning`: names the abstract spells out or uses in a sense of its own;
    /// `establishedSense`: names it calls established somewhere (`the classical STRIDE`).
    func judge(
        _ occurrence: AbstractScan.NameOccurrence, in scan: AbstractScan, citing: Int?, ownMeaning: Set<Int32>,
        establishedSense: Set<Int32> = []
    ) -> NameVerdict {
        if scan.fixed.contains(where: { occurrence.start < $0.end && $0.start < occurrence.end }) {
            return .dropped(.insideOtherReference)
        }
        let entry = names[Int(occurrence.pattern)]
        if let citing, isClaimed(Int(occurrence.pattern), by: citing) { return .dropped(.ownClaim) }
        if ownMeaning.contains(occurrence.pattern) { return .dropped(.ownMeaning) }
        // `we propose HAT, a spatio-temporal module`: the abstract's own HAT, not the claimant's.
        if let citing, ownPatterns.contains(paper: Int32(clamping: citing), pattern: occurrence.pattern) {
            return .dropped(.ownName)
        }
        if occurrence.insideLongForm { return .dropped(.insideLongForm) }
        if entry.definedAcronym && occurrence.use.inEnumeration { return .dropped(.enumeratedAcronym) }
        guard entry.owner >= 0 else { return .dangling(.ambiguous) }
        let owner = Int(entry.owner)
        if isAnachronistic(citing: citing, cited: owner) { return .dropped(.anachronistic) }
        if occurrence.afterEstablishedModifier || establishedSense.contains(occurrence.pattern),
            !isEstablished(cited: owner, by: citing)
        {
            return .dropped(.establishedModifier)
        }
        if options.ordinaryWordNamesNeedCorroboration && entry.ordinaryWordsUntitled
            && !scan.fixed.contains(where: { $0.cited == owner })
        {
            return .dangling(.uncorroborated)
        }
        // A name alone, in an abstract on another subject, is someone else's name; a titled
        // release (`Gemma 3`) is a tool every subject uses.
        if occurrence.topicAgrees || !options.topicalAgreement
            || (options.titledReleasesSkipTopic && entry.titledRelease)
        {
            return .linked(owner)
        }
        return .dangling(.offTopic)
    }

    /// Name rules that can be switched off, so that tests and the audit can measure what each
    /// one adds. Everything is on by default.
    struct NameOptions: Sendable, Equatable {
        /// See `NameEntry.ordinaryWordsUntitled`.
        var ordinaryWordNamesNeedCorroboration = true
        /// See `NameEntry.titledRelease`.
        var titledReleasesSkipTopic = true
        /// Off: every name use agrees with its owner's subject, as in an index of fewer than
        /// `TopicalAgreement.minimumDocuments` papers (what the structural rules do alone).
        var topicalAgreement = true
        /// One `classical NAME` makes every use of NAME in that abstract the established thing.
        var establishedSensePerAbstract = true
    }

    /// A name is established, and claimed by none of its claimants, when at least this many
    /// other papers dated no later than the earliest claimant already use it: a paper that
    /// writes `we introduce Mamba, a selective state-space model` or defines `Contrastive
    /// Language-Image Pre-training (CLIP)` did not coin the name.
    public static let establishedNameUsers = 2

    /// A copy without the names that `uses` show to be established. `uses` lists, per citing
    /// paper (an index), the distinct names its abstract uses (`AbstractScan.usedNames`).
    public func pruningEstablishedNames(uses: some Sequence<(citing: Int, names: [Int32])>) -> ReferenceMatcher {
        var earliestClaim = [Int32](repeating: Int32.min, count: names.count)
        for pattern in names.indices {
            let claimDays = claimants(of: pattern).map { days[Int($0)] }
            // Without a date for every claimant there is no telling what came first: keep the name.
            earliestClaim[pattern] = claimDays.contains(Int32.min) ? Int32.min : claimDays.min() ?? Int32.min
        }
        var priorUsers = [Int](repeating: 0, count: names.count)
        for (citing, used) in uses {
            let day = days[citing]
            guard day != Int32.min else { continue }
            for pattern in used where day <= earliestClaim[Int(pattern)] {
                if !isClaimed(Int(pattern), by: citing) { priorUsers[Int(pattern)] += 1 }
            }
        }
        var copy = self
        for pattern in names.indices where priorUsers[pattern] >= Self.establishedNameUsers {
            copy.pruned[pattern] = true
        }
        return copy
    }

    /// `pruningEstablishedNames(uses:)` with the uses found in `records`' abstracts; for
    /// callers that hold every record (the `extract` command).
    public func pruningEstablishedNames(in records: [PaperRecord]) -> ReferenceMatcher {
        var scanner = scanner()
        var uses: [(citing: Int, names: [Int32])] = []
        for record in records {
            guard let citing = index(ofKey: record.id) else { continue }
            let used = UTF8Text.withBytes(record.abstract) { scanner.collect($0, citing: citing).usedNames }
            if !used.isEmpty { uses.append((citing, used)) }
        }
        return pruningEstablishedNames(uses: uses)
    }
}

/// The names one paper claims, from its own title and abstract only, so that many papers can
/// be examined in parallel before they are added to an index.
public struct PaperClaims: Sendable, Hashable {
    struct Named: Sendable, Hashable {
        var name: String
        var tier: Int
        var shape: NameRules.Shape
        /// What the name stands for (normalised words), when the paper says.
        var expansion: String?
    }

    var claims: [Named] = []
    /// Names the abstract presents as the authors' own, claimed or not: its uses of them are
    /// never references to another paper that claims the same name.
    var ownNames: [String] = []
    /// Distinct content-word hashes of title and abstract with their weights (`TopicalAgreement`).
    var topicWords: [UInt32] = []
    var topicWeights: [UInt8] = []

    public init(title: String, abstract: UnsafeBufferPointer<UInt8>) {
        (topicWords, topicWeights) = TopicalAgreement.weightedWords(title: title, abstract: abstract)
        var titleName: String?
        if let (name, shape) = NameRules.titleName(title) {
            // A capitalised word before a colon is as often a topic (`Position:`, `Survey:`) as a
            // name; it counts only when the paper's own abstract uses it as a name.
            if shape == .distinctive || AbstractClaims.usesPlainWord(Array(name.utf8), in: abstract) {
                let expansion = AbstractClaims.titleExpansion(name: name, title: title)
                    ?? AbstractClaims.definitions(in: abstract).first { $0.name == name }?.expansion
                claims.append(Named(name: name, tier: 2, shape: shape, expansion: expansion))
                titleName = name
            }
        }
        let analysis = AbstractClaims.analyze(abstract)
        // A paper named in its title (`MobileWorldBench: …`) that also releases something else
        // in its abstract (`we release MobileWorld, a dataset`) is known by the title's name; a
        // by-product's name is too often another work's too. It stays the paper's own name.
        for claim in analysis.claims where titleName == nil || claim.name == titleName {
            claims.append(Named(name: claim.name, tier: 1, shape: claim.shape, expansion: claim.expansion))
        }
        ownNames = analysis.ownNames
    }

    /// The claimed names, for display.
    public var names: [String] { claims.map(\.name) }
}

extension ReferenceMatcher.AuthorYearGroup {
    mutating func add(_ id: Int32, authorCount: Int) {
        all.add(id)
        if authorCount == 1 { single.add(id) }
        if authorCount >= 2 { several.add(id) }
        if authorCount == 2 { pair.add(id) }
        if authorCount >= 3 { threeOrMore.add(id) }
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
        /// Index into `ReferenceMatcher.sharedClaimants` for a name several papers claim; -1
        /// otherwise (the owner is the one claimant). Kept aside: most names have one claimant,
        /// and an array per name cost a heap block each in a dictionary of a million names.
        var sharedClaimantsSlot: Int32
        /// What the owner says the name stands for, when it says.
        var expansion: String?
        /// An all-capitals acronym claimed only by an abstract's definition, never by a title:
        /// the weakest claim, which a use in a list of names does not reach.
        var definedAcronym: Bool
        var plainWord: Bool
        /// The one claimant claims the name in its abstract only, the name is not in its title,
        /// and the name is made of ordinary words (`NameRules.isMadeOfOrdinaryWords`:
        /// `MotionBench`, `VideoAgent`, `MedGPT`, `Chameleon`). Other groups coin such names for
        /// their own work all the time, so a use links only when the citing abstract also refers
        /// to the claimant another way (its title, an author–year citation).
        var ordinaryWordsUntitled: Bool
        /// A versioned name (`Gemma 3`, `DeepSeek-V3.2`) that the one claimant both carries in
        /// its title and presents as its own in its abstract: a model or benchmark release.
        /// Releases are used as tools by papers on every subject (`we evaluate Gemma 3, …` in a
        /// remote-sensing paper), so topical agreement is not asked of them; a version number on
        /// a name the owner's title and abstract both claim is not coined twice.
        var titledRelease: Bool
        var firstIsWord: Bool
        var lastIsWord: Bool
        var lastIsUpper: Bool
    }

    /// (first surname, year) or (first surname, second surname, year), surnames as `SurnameKey`s.
    struct AuthorYearKey: Sendable, Hashable {
        var surname: String
        var year: Int
        var second: String?
    }

    static func authorYearKey(_ surname: String, _ year: Int, second: String? = nil) -> AuthorYearKey {
        AuthorYearKey(surname: surname, year: year, second: second)
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

    public let papers: PaperTable
    let names: [NameEntry]
    /// The claimants of each name several papers claim (see `NameEntry.sharedClaimantsSlot`).
    let sharedClaimants: [[Int32]]
    /// Names found to be established (see `pruningEstablishedNames`): still matched, so that
    /// they are counted, but never chosen.
    var pruned: [Bool]
    let automaton: AhoCorasick
    let titles: TitleIndex
    let byAuthorYear: AuthorYearTable
    let byAuthorPairYear: AuthorYearTable
    let byDOI: [String: Int32]
    let indexByKey: [String: Int]
    let indexByTitleKey: [String: Int]
    /// Day numbers of the papers' dates (`Int32.min` when unknown), for the chronology check.
    let days: [Int32]
    /// Per citing paper, the dictionary names (pattern indexes) its abstract presents as its own.
    let ownPatterns: OwnPatterns
    /// Each single-owner name's owner signature, for `TopicalAgreement`.
    private(set) var topicSignatures: TopicSignatures
    /// Word frequencies, kept only until the signatures the index could not choose are set
    /// (`setSignatures(of:title:abstract:)`).
    private var pendingTopics: TopicIndex?
    /// The owners whose signatures are still to be chosen, ascending, with their names'
    /// patterns: owner `ownersAwaiting[i]` owns `awaitingPatterns[awaitingOffsets[i]..<awaitingOffsets[i + 1]]`.
    private var ownersAwaiting: [Int32] = []
    private var awaitingOffsets: [Int32] = [0]
    private var awaitingPatterns: [Int32] = []
    var options = NameOptions()
    /// A paper cannot refer by name or title to one that appeared this many days after it;
    /// the slack absorbs listing versus publication dates.
    static let chronologySlackDays: Int32 = 93

    /// Every claimant of name `pattern` (one unless ambiguous).
    func claimants(of pattern: Int) -> [Int32] {
        let entry = names[pattern]
        return entry.sharedClaimantsSlot >= 0 ? sharedClaimants[Int(entry.sharedClaimantsSlot)] : [entry.owner]
    }

    // MARK: Signatures chosen after compiling

    /// Papers (ascending) whose title and abstract are still needed to choose the topic
    /// signatures of the names they own. Empty unless the index was built with
    /// `keepsClaimantWords: false` over enough papers for signatures to mean something.
    public var papersAwaitingSignatures: [Int32] { ownersAwaiting }

    /// The signatures of the names `paper` owns, chosen from its title and abstract with the
    /// word frequencies of every indexed paper. Reads only: papers can be handled on any thread,
    /// then handed to `setSignatures(_:)`.
    public func signatures(of paper: Int, title: String, abstract: UnsafeBufferPointer<UInt8>) -> OwnerSignatures {
        guard let topics = pendingTopics, let slot = awaitingSlot(of: paper) else { return OwnerSignatures() }
        let (words, weights) = TopicalAgreement.weightedWords(title: title, abstract: abstract)
        var owned = OwnerSignatures()
        for pattern in awaitingPatterns[Int(awaitingOffsets[slot])..<Int(awaitingOffsets[slot + 1])] {
            let excluded = TopicalAgreement.contentWords(of: names[Int(pattern)].name)
            owned.entries.append((pattern, topics.signature(words: words, weights: weights, excluding: excluded)))
        }
        return owned
    }

    public mutating func setSignatures(_ owned: OwnerSignatures) {
        for (pattern, signature) in owned.entries { topicSignatures.set(pattern: Int(pattern), signature) }
    }

    /// Drops what choosing signatures needed; an owner never handed over keeps no signature
    /// (its names then always agree).
    public mutating func finishSignatures() {
        pendingTopics = nil
        ownersAwaiting = []
        awaitingOffsets = [0]
        awaitingPatterns = []
    }

    private func awaitingSlot(of paper: Int) -> Int? {
        ownersAwaiting.sortedIndex(of: Int32(clamping: paper))
    }

    /// Whether `paper` claims name `pattern`: a claimant's own use is never a reference.
    func isClaimed(_ pattern: Int, by paper: Int) -> Bool {
        let entry = names[pattern]
        if entry.sharedClaimantsSlot < 0 { return Int(entry.owner) == paper }
        return sharedClaimants[Int(entry.sharedClaimantsSlot)].contains(Int32(paper))
    }

    /// Whether some claimant's title says name `pattern` is the kind of thing `head` says. The
    /// titles are read from `papers` only here, for the few uses a head noun qualifies, rather
    /// than kept per name.
    func claimantTitleFits(_ pattern: Int, _ head: NameContext.Head) -> Bool {
        let name = names[pattern].name
        return claimants(of: pattern).contains { NameContext.title(papers.title(of: Int($0)), name: name, fits: head) }
    }

    /// Number of distinct names in the dictionary (ambiguous ones included, pruned ones not).
    public var nameCount: Int { pruned.lazy.filter { !$0 }.count }
    /// Every name in the dictionary, sorted by name.
    public var claimedNames: [ClaimedName] {
        names.indices.filter { !pruned[$0] }.map {
            ClaimedName(name: names[$0].name, claimants: claimants(of: $0).map(Int.init).sorted())
        }
    }
    /// Names several papers claim, sorted by name.
    public var ambiguousNames: [AmbiguousName] {
        claimedNames.filter(\.isAmbiguous).map { claimed in
            AmbiguousName(name: claimed.name, claimants: claimed.claimants.map { papers[$0].key }.sorted())
        }
    }
    /// Names dropped as established, sorted.
    public var establishedNames: [String] { names.indices.filter { pruned[$0] }.map { names[$0].name } }
    public var automatonNodes: Int { automaton.nodeCount }

    init(index: consuming ReferenceIndex, indexByKey: [String: Int], indexByTitleKey: [String: Int]) {
        papers = index.papers
        self.indexByKey = indexByKey
        self.indexByTitleKey = indexByTitleKey

        // Each name goes to the papers with its strongest claim; more than one is ambiguous.
        // One group per name, its papers as the first plus any others: a million single-claim
        // names then cost no array each while the dictionary is built.
        struct ClaimGroup {
            var tier: Int
            var first: Int
            var others: [Int] = []
            var shape: NameRules.Shape
            var expansion: String?

            var papers: [Int] { [first] + others }
        }
        var groupByName: [String: Int] = [:]
        var groups: [ClaimGroup] = []
        index.claims.forEach { claim in
            guard let slot = groupByName[claim.name] else {
                groupByName[claim.name] = groups.count
                groups.append(ClaimGroup(tier: claim.tier, first: claim.paper, shape: claim.shape, expansion: claim.expansion))
                return
            }
            let current = groups[slot]
            if claim.tier > current.tier {
                groups[slot] = ClaimGroup(tier: claim.tier, first: claim.paper, shape: claim.shape, expansion: claim.expansion)
            } else if claim.tier == current.tier, claim.paper != current.first, !current.others.contains(claim.paper) {
                groups[slot].others.append(claim.paper)
                groups[slot].expansion = nil
            } else if claim.tier == current.tier, current.others.isEmpty, claim.paper == current.first, current.expansion == nil {
                groups[slot].expansion = claim.expansion
            }
        }
        index.releaseClaims()
        var names: [NameEntry] = []
        var sharedClaimants: [[Int32]] = []
        for (name, slot) in groupByName.sorted(by: { $0.key < $1.key }) {
            let group = groups[slot]
            let claim = (tier: group.tier, papers: group.papers, shape: group.shape, expansion: group.expansion)
            let scalars = name.unicodeScalars
            let owner = claim.papers.count == 1 ? claim.papers[0] : -1
            let titled = owner >= 0 && (claim.tier == 2 || Self.title(index.papers[owner].title, contains: name))
            var sharedSlot: Int32 = -1
            if claim.papers.count > 1 {
                sharedSlot = Int32(sharedClaimants.count)
                sharedClaimants.append(claim.papers.map { Int32($0) })
            }
            names.append(NameEntry(
                name: name, owner: Int32(owner),
                sharedClaimantsSlot: sharedSlot, expansion: claim.expansion,
                definedAcronym: claim.tier == 1 && NameRules.isAcronym(name),
                plainWord: claim.shape == .plainWord,
                ordinaryWordsUntitled: owner >= 0 && !titled && NameRules.isMadeOfOrdinaryWords(name),
                // Completed below, once the names each abstract presents as its own are known.
                titledRelease: titled && NameRules.isVersioned(name),
                firstIsWord: scalars.first.map(UTF8Text.isWord) ?? false,
                lastIsWord: scalars.last.map(UTF8Text.isWord) ?? false,
                lastIsUpper: scalars.last.map(UTF8Text.isUpper) ?? false))
        }
        // `names` is sorted by name: a bisection finds a name without a dictionary of them all.
        func pattern(named name: String) -> Int32? {
            var low = 0
            var high = names.count
            while low < high {
                let middle = (low + high) / 2
                if names[middle].name < name { low = middle + 1 } else { high = middle }
            }
            return low < names.count && names[low].name == name ? Int32(low) : nil
        }
        var ownPairs = OwnPatterns.Builder()
        index.ownNames.forEach { own in
            if let pattern = pattern(named: own.name) { ownPairs.add(paper: Int32(clamping: own.paper), pattern: pattern) }
        }
        index.releaseOwnNames()
        let ownPatterns = ownPairs.build()
        for pattern in names.indices where names[pattern].titledRelease {
            names[pattern].titledRelease = ownPatterns.contains(paper: names[pattern].owner, pattern: Int32(pattern))
        }
        self.names = names
        self.sharedClaimants = sharedClaimants
        self.ownPatterns = ownPatterns
        if index.topics.keepsClaimantWords {
            topicSignatures = TopicSignatures(owners: names.map { ($0.owner, $0.name) }, topics: index.topics)
        } else {
            topicSignatures = TopicSignatures(patterns: names.count)
            if index.topics.judges {
                pendingTopics = index.topics
                let owned = names.indices.filter { names[$0].owner >= 0 }.sorted {
                    (names[$0].owner, $0) < (names[$1].owner, $1)
                }
                for pattern in owned {
                    let owner = names[pattern].owner
                    if ownersAwaiting.last != owner {
                        if !ownersAwaiting.isEmpty { awaitingOffsets.append(Int32(awaitingPatterns.count)) }
                        ownersAwaiting.append(owner)
                    }
                    awaitingPatterns.append(Int32(pattern))
                }
                if !ownersAwaiting.isEmpty { awaitingOffsets.append(Int32(awaitingPatterns.count)) }
            }
        }
        index.releaseTopics()
        pruned = [Bool](repeating: false, count: names.count)
        automaton = AhoCorasick(patterns: names.map(\.name))
        titles = TitleIndex(titles: index.papers.titles)

        var byDOI: [String: Int32] = [:]
        var days: [Int32] = []
        var years: [Int32] = []
        days.reserveCapacity(index.papers.count)
        years.reserveCapacity(index.papers.count)
        for offset in index.papers.indices {
            let date = index.papers.date(of: offset)
            if let doi = index.papers.doi(of: offset), byDOI[doi] == nil { byDOI[doi] = Int32(offset) }
            days.append(date.flatMap(Self.dayNumber) ?? Int32.min)
            years.append(date.flatMap(Self.year).map { Int32(clamping: $0) } ?? -1)
        }
        byAuthorYear = AuthorYearTable(papers: index.papers, years: years, pairs: false)
        byAuthorPairYear = AuthorYearTable(papers: index.papers, years: years, pairs: true)
        self.byDOI = byDOI
        self.days = days
    }

    /// Whether `name` occurs in `title` as a word (`Gemma 3 Technical Report` holds `Gemma 3`).
    static func title(_ title: String, contains name: String) -> Bool {
        let needle = Array(name.utf8)
        let scalars = name.unicodeScalars
        let firstIsWord = scalars.first.map(UTF8Text.isWord) ?? false
        let lastIsWord = scalars.last.map(UTF8Text.isWord) ?? false
        return UTF8Text.withBytes(title) { bytes in
            var from = 0
            while let hit = UTF8Text.find(needle, in: bytes, from: from, to: bytes.count) {
                if NameBoundary.accepts(
                    start: hit, end: hit + needle.count, in: bytes, firstIsWord: firstIsWord, lastIsWord: lastIsWord)
                {
                    return true
                }
                from = hit + 1
            }
            return false
        }
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
            return PaperIdentity.normalizedArxivID(String(target.dropFirst(6))).flatMap(paperIndex(arxivID:))
        }
        if lower.hasPrefix("doi:") {
            let doi = String(lower.dropFirst(4))
            let arxivPrefix = "10.48550/arxiv."
            if doi.hasPrefix(arxivPrefix) {
                let id = String(target.dropFirst(4 + arxivPrefix.count))
                if let found = PaperIdentity.normalizedArxivID(id).flatMap(paperIndex(arxivID:)) { return found }
            }
            return byDOI[doi].map(Int.init)
        }
        return nil
    }

    /// A paper with an arXiv id has that id as its key, so the key index finds it.
    private func paperIndex(arxivID: String) -> Int? {
        guard let found = indexByKey[arxivID], papers[found].arxivID == arxivID else { return nil }
        return found
    }

    /// An `established modifier` (`the classical STRIDE framework`) still points at the claimant
    /// when that paper is itself old by the time of the citing one.
    static let establishedAfterDays: Int32 = 3 * 372

    func isEstablished(cited: Int, by citing: Int?) -> Bool {
        guard let citing else { return false }
        let citingDay = days[citing]
        let citedDay = days[cited]
        guard citingDay != Int32.min, citedDay != Int32.min else { return false }
        return citingDay - citedDay >= Self.establishedAfterDays
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
    private var titleStarts: [Int] = []
    private var nameHits: [(pattern: Int32, start: Int32, end: Int32)] = []
    private var topicJudge = TopicJudge()

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
        matcher.resolve(collect(bytes, citing: citing), citing: citing)
    }

    /// The first half of `scan`: title and author–year references (final), and every
    /// occurrence of a dictionary name (before names are chosen). Keeping the occurrences lets
    /// a store count who uses which name across all abstracts, prune established names, and
    /// then choose names per abstract without reading the text again.
    public mutating func collect(_ bytes: UnsafeBufferPointer<UInt8>, citing: Int?) -> AbstractScan {
        var found: [Found] = []
        scanTitles(bytes, citing: citing, into: &found)
        scanAuthorYear(bytes, citing: citing, into: &found)
        collectNames(bytes)
        // A claimant's own use of its name is never a reference (`judge` drops it first of all,
        // whatever its context), but it may still take part in the leftmost-longest choice. So
        // an own use that overlaps another occurrence is kept with its span and text only, and
        // one that overlaps none is dropped here: abstracts use their own names over and over,
        // and reading the words around each use was most of the work of a scan.
        var ownUse: [Bool] = []
        if let citing, !nameHits.isEmpty {
            ownUse = nameHits.map { matcher.isClaimed(Int($0.pattern), by: citing) }
            if ownUse.contains(true) {
                let isolated = nameHits.indices.map { slot in
                    ownUse[slot] && !nameHits.indices.contains { other in
                        other != slot && nameHits[other].start < nameHits[slot].end
                            && nameHits[slot].start < nameHits[other].end
                    }
                }
                var kept = 0
                for slot in nameHits.indices where !isolated[slot] {
                    nameHits[kept] = nameHits[slot]
                    ownUse[kept] = ownUse[slot]
                    kept += 1
                }
                nameHits.removeLast(nameHits.count - kept)
                ownUse.removeLast(ownUse.count - kept)
            }
        }
        if ownUse.isEmpty { ownUse = [Bool](repeating: false, count: nameHits.count) }
        guard !found.isEmpty || !nameHits.isEmpty else { return AbstractScan() }

        var kept: [Found] = []
        for candidate in found {
            let overlaps = kept.contains { candidate.byteStart < $0.byteEnd && $0.byteStart < candidate.byteEnd }
            if !overlaps { kept.append(candidate) }
        }
        // Scalar offsets come from one forward walk, so convert in byte order.
        var positions: [(byte: Int, slot: Int)] = []
        for (slot, item) in kept.enumerated() { positions.append((item.byteStart, slot)) }
        for (slot, hit) in nameHits.enumerated() { positions.append((Int(hit.start), kept.count + slot)) }
        positions.sort { $0.byte < $1.byte }
        var starts = [Int](repeating: 0, count: positions.count)
        var cursor = ScalarOffsetCursor(bytes)
        for position in positions { starts[position.slot] = cursor.scalarOffset(ofByte: position.byte) }

        var scan = AbstractScan()
        scan.fixed = kept.enumerated().map { slot, item in
            let start = starts[slot]
            return ReferenceHit(
                rule: item.rule, start: start,
                end: start + UTF8Text.scalarCount(bytes, from: item.byteStart, to: item.byteEnd),
                text: UTF8Text.string(bytes, from: item.byteStart, to: item.byteEnd), cited: item.cited,
                citedText: item.citedText)
        }
        scan.fixed.sort { ($0.start, $0.rule) < ($1.start, $1.rule) }
        let othersUsed = ownUse.contains(false)
        let longForms = othersUsed ? NameContext.longForms(in: bytes) : []
        let agreeing = othersUsed
            ? topicJudge.agreeing(
                zip(nameHits, ownUse).compactMap { $1 ? nil : $0.pattern }, in: bytes, signatures: matcher.topicSignatures)
            : []
        scan.names = nameHits.enumerated().map { slot, hit in
            let start = starts[kept.count + slot]
            let byteStart = Int(hit.start)
            let byteEnd = Int(hit.end)
            let name = matcher.names[Int(hit.pattern)].name
            if ownUse[slot] {
                return AbstractScan.NameOccurrence(
                    pattern: hit.pattern, start: start,
                    end: start + UTF8Text.scalarCount(bytes, from: byteStart, to: byteEnd),
                    text: UTF8Text.string(bytes, from: byteStart, to: byteEnd), definedAs: nil)
            }
            var definedAs: String?
            // `Long Form (NAME)`, also `(NAMEs)` and `(NAME 2.0)`: the abstract spells the name
            // out itself whenever the words before the parenthesis match its letters.
            if byteStart > 0, bytes[byteStart - 1] == UInt8(ascii: "(") {
                definedAs = AbstractClaims.expansion(of: Array(name.unicodeScalars), openingAt: byteStart - 1, in: bytes)
            }
            if definedAs == nil { definedAs = NameContext.expansionAfter(name: name, end: byteEnd, in: bytes) }
            let insideLongForm = longForms.contains { form in
                form.start <= byteStart && byteEnd <= form.end && form.name != name
            }
            return AbstractScan.NameOccurrence(
                pattern: hit.pattern, start: start,
                end: start + UTF8Text.scalarCount(bytes, from: byteStart, to: byteEnd),
                text: UTF8Text.string(bytes, from: byteStart, to: byteEnd), definedAs: definedAs,
                use: NameContext.use(start: byteStart, end: byteEnd, in: bytes), insideLongForm: insideLongForm,
                topicAgrees: agreeing.contains(hit.pattern),
                afterEstablishedModifier: NameContext.followsEstablishedModifier(start: byteStart, in: bytes))
        }
        return scan
    }

    // MARK: Titles

    /// Titles can only start at a capitalised word, a digit or a quote (see
    /// `TitleWords.forEachTitleStart`): only there are four words read and hashed, and more
    /// only when the bloom filter says a title may start with them.
    private mutating func scanTitles(_ bytes: UnsafeBufferPointer<UInt8>, citing: Int?, into found: inout [Found]) {
        let titles = matcher.titles
        guard !titles.entries.isEmpty else { return }
        titleStarts.removeAll(keepingCapacity: true)
        TitleWords.forEachTitleStart(in: bytes) { titleStarts.append($0) }
        let minimum = TitleIndex.minimumWords
        var consumedUntil = 0
        for start in titleStarts where start >= consumedUntil {
            words.removeAll(keepingCapacity: true)
            // Most starts are ruled out by their first word alone, most others by their first two.
            if let firstWord = TitleWords.asciiWord(bytes, at: start) {
                guard titles.mayStart(firstWord: firstWord.hash) else { continue }
                words.append(firstWord)
            } else {
                TitleWords.tokenize(bytes, from: start, maxWords: 1, appendingTo: &words)
                guard let firstWord = words.first, titles.mayStart(firstWord: firstWord.hash) else { continue }
            }
            if let secondWord = TitleWords.nextASCIIWord(bytes, from: words[0].end) {
                words.append(secondWord)
            } else {
                TitleWords.tokenize(bytes, from: words[0].end, maxWords: 1, appendingTo: &words)
            }
            guard words.count == 2, titles.mayStart(firstTwoWords: WordRunHash.pair(words[0].hash, words[1].hash))
            else { continue }
            TitleWords.tokenize(bytes, from: words[1].end, maxWords: minimum - 2, appendingTo: &words)
            guard words.count == minimum else { continue }
            WordRunHash.prefixes(words, into: &prefix)
            let firstWords = WordRunHash.run(prefix, from: 0, count: minimum)
            guard titles.mayStart(firstWords) else { continue }
            let candidates = titles.candidates(firstWords: firstWords)
            guard let longest = candidates.first?.wordCount else { continue }
            if longest > minimum, let last = words.last {
                TitleWords.tokenize(bytes, from: last.end, maxWords: longest - minimum, appendingTo: &words)
                WordRunHash.prefixes(words, into: &prefix)
            }
            var match: TitleIndex.Match?
            for (entryIndex, count) in candidates {
                if let current = match, count < current.wordCount { break }
                let entry = titles.entries[Int(entryIndex)]
                guard count <= words.count, WordRunHash.run(prefix, from: 0, count: count) == entry.hash else { continue }
                if match == nil {
                    match = TitleIndex.Match(wordCount: count, papers: [entry.paper], capitals: [entry.capitals])
                } else if match?.papers.contains(entry.paper) == false {
                    match?.papers.append(entry.paper)
                    match?.capitals.append(entry.capitals)
                }
            }
            guard let match else { continue }
            let end = words[match.wordCount - 1].end
            let papers = match.papers.map(Int.init)
            if let citing, papers.contains(citing) {
                consumedUntil = end
                continue
            }
            let quoted = Self.isQuoted(start: start, end: end, in: bytes)
            var capitals: UInt64 = 0
            for offset in 0..<match.wordCount where words[offset].capitalised { capitals |= 1 << UInt64(offset) }
            let caseAccepted =
                quoted || match.wordCount >= TitleIndex.caseInsensitiveFromWords || match.capitals.contains(capitals)
            let title = matcher.papers[papers[0]].title
            guard caseAccepted, sameWords(title, count: match.wordCount, in: bytes) else { continue }
            if papers.count == 1 {
                if !matcher.isAnachronistic(citing: citing, cited: papers[0]) {
                    found.append(Found(rule: .title, byteStart: start, byteEnd: end, cited: papers[0], citedText: title))
                }
            } else {
                found.append(Found(rule: .title, byteStart: start, byteEnd: end, cited: nil, citedText: title))
            }
            consumedUntil = end
        }
    }

    /// Hashes matched; compare the words themselves so a hash collision can never link.
    private func sameWords(_ title: String, count: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let expected = TitleWords.lowercasedWords(of: title)
        guard expected.count == count, words.count >= count else { return false }
        for offset in 0..<count {
            let word = words[offset]
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

    /// Every boundary-valid occurrence of a dictionary name, overlapping ones included.
    private mutating func collectNames(_ bytes: UnsafeBufferPointer<UInt8>) {
        nameHits.removeAll(keepingCapacity: true)
        guard matcher.automaton.patternCount > 0 else { return }
        let names = matcher.names
        // Occurrences starting inside a word are never accepted (see `NameBoundary`), so the
        // automaton only looks where a word may start.
        matcher.automaton.forEachMatch(atWordStartsIn: bytes) { pattern, start, end in
            let entry = names[pattern]
            guard NameBoundary.accepts(
                start: start, end: end, in: bytes, firstIsWord: entry.firstIsWord, lastIsWord: entry.lastIsWord,
                pluralAllowed: entry.lastIsUpper)
            else { return }
            if entry.plainWord && !AbstractClaims.isPlainWordUse(start: start, end: end, in: bytes) { return }
            nameHits.append((Int32(pattern), Int32(start), Int32(end)))
        }
        // In the automaton's order: by end, longest first.
        if nameHits.count > 1 { nameHits.sort { ($0.end, $0.start) < ($1.end, $1.start) } }
    }
}
