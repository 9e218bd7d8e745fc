/// A lower-case ASCII word packed into two integers (up to 16 characters; longer words keep
/// their first 16), so comparing words is comparing integers and no `String` is built.
struct Word: Hashable {
    var lo: UInt64 = 0
    var hi: UInt64 = 0

    init(_ s: StaticString) {
        let base = s.utf8Start
        for k in 0..<min(s.utf8CodeUnitCount, 16) { set(k, ByteClass.lower(base[k])) }
    }

    init(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) {
        for k in 0..<min(r.count, 16) { set(k, ByteClass.lower(p[r.lowerBound + k])) }
    }

    init(lo: UInt64, hi: UInt64) {
        self.lo = lo
        self.hi = hi
    }

    @inline(__always) private mutating func set(_ k: Int, _ b: UInt8) {
        if k < 8 { lo |= UInt64(b) << (8 * UInt64(k)) } else { hi |= UInt64(b) << (8 * UInt64(k - 8)) }
    }

    /// Stands for a whole link inside a sentence.
    static var link: Word { Word(lo: 1, hi: 0) }

    // Vocabulary, packed at compile time (computed properties with literal values, so using
    // them costs no lazy-global check). `WordPackingTests` checks each against `Word("…")`.
    static var code: Word { Word(lo: 0x65646F63, hi: 0x0) }  // code
    static var codes: Word { Word(lo: 0x7365646F63, hi: 0x0) }  // codes
    static var library: Word { Word(lo: 0x7972617262696C, hi: 0x0) }  // library
    static var libraries: Word { Word(lo: 0x656972617262696C, hi: 0x73) }  // libraries
    static var of: Word { Word(lo: 0x666F, hi: 0x0) }  // of
    static var request: Word { Word(lo: 0x74736575716572, hi: 0x0) }  // request
    static var this: Word { Word(lo: 0x73696874, hi: 0x0) }  // this
    static var https: Word { Word(lo: 0x7370747468, hi: 0x0) }  // https
    static var http: Word { Word(lo: 0x70747468, hi: 0x0) }  // http
    static var url: Word { Word(lo: 0x6C7275, hi: 0x0) }  // url
    static var website: Word { Word(lo: 0x65746973626577, hi: 0x0) }  // website
    static var homepage: Word { Word(lo: 0x65676170656D6F68, hi: 0x0) }  // homepage
    static var webpage: Word { Word(lo: 0x65676170626577, hi: 0x0) }  // webpage
    static var page: Word { Word(lo: 0x65676170, hi: 0x0) }  // page
    static var site: Word { Word(lo: 0x65746973, hi: 0x0) }  // site
    static var project: Word { Word(lo: 0x7463656A6F7270, hi: 0x0) }  // project
    static var our: Word { Word(lo: 0x72756F, hi: 0x0) }  // our
    static var web: Word { Word(lo: 0x626577, hi: 0x0) }  // web
    static var supplement: Word { Word(lo: 0x656D656C70707573, hi: 0x746E) }  // supplement
    static var supplementary: Word { Word(lo: 0x656D656C70707573, hi: 0x797261746E) }  // supplementary
    static var supplemental: Word { Word(lo: 0x656D656C70707573, hi: 0x6C61746E) }  // supplemental
    static var appendix: Word { Word(lo: 0x7869646E65707061, hi: 0x0) }  // appendix
    static var not: Word { Word(lo: 0x746F6E, hi: 0x0) }  // not
    static var no: Word { Word(lo: 0x6F6E, hi: 0x0) }  // no
    static var cannot: Word { Word(lo: 0x746F6E6E6163, hi: 0x0) }  // cannot
    static var never: Word { Word(lo: 0x726576656E, hi: 0x0) }  // never
    static var available: Word { Word(lo: 0x6C62616C69617661, hi: 0x65) }  // available
    static var accessible: Word { Word(lo: 0x6269737365636361, hi: 0x656C) }  // accessible
    static var downloadable: Word { Word(lo: 0x64616F6C6E776F64, hi: 0x656C6261) }  // downloadable
    static var sourced: Word { Word(lo: 0x64656372756F73, hi: 0x0) }  // sourced
    static var open: Word { Word(lo: 0x6E65706F, hi: 0x0) }  // open
    static var source: Word { Word(lo: 0x656372756F73, hi: 0x0) }  // source
    static var opensource: Word { Word(lo: 0x72756F736E65706F, hi: 0x6563) }  // opensource
    static var `public`: Word { Word(lo: 0x63696C627570, hi: 0x0) }  // public
    static var at: Word { Word(lo: 0x7461, hi: 0x0) }  // at
    static var here: Word { Word(lo: 0x65726568, hi: 0x0) }  // here
    static var `is`: Word { Word(lo: 0x7369, hi: 0x0) }  // is
    static var are: Word { Word(lo: 0x657261, hi: 0x0) }  // are
    static var will: Word { Word(lo: 0x6C6C6977, hi: 0x0) }  // will
    static var shall: Word { Word(lo: 0x6C6C616873, hi: 0x0) }  // shall
    static var to: Word { Word(lo: 0x6F74, hi: 0x0) }  // to
    static var be: Word { Word(lo: 0x6562, hi: 0x0) }  // be
    static var used: Word { Word(lo: 0x64657375, hi: 0x0) }  // used
    static var shown: Word { Word(lo: 0x6E776F6873, hi: 0x0) }  // shown
    static var found: Word { Word(lo: 0x646E756F66, hi: 0x0) }  // found
    static var upon: Word { Word(lo: 0x6E6F7075, hi: 0x0) }  // upon
    static var after: Word { Word(lo: 0x7265746661, hi: 0x0) }  // after
    static var once: Word { Word(lo: 0x65636E6F, hi: 0x0) }  // once
    static var following: Word { Word(lo: 0x6E69776F6C6C6F66, hi: 0x67) }  // following
    static var soon: Word { Word(lo: 0x6E6F6F73, hi: 0x0) }  // soon
    static var forthcoming: Word { Word(lo: 0x6D6F636874726F66, hi: 0x676E69) }  // forthcoming
    static var software: Word { Word(lo: 0x6572617774666F73, hi: 0x0) }  // software
    static var would: Word { Word(lo: 0x646C756F77, hi: 0x0) }  // would
    static var ll: Word { Word(lo: 0x6C6C, hi: 0x0) }  // ll
    static var released: Word { Word(lo: 0x64657361656C6572, hi: 0x0) }  // released
    static var hosted: Word { Word(lo: 0x646574736F68, hi: 0x0) }  // hosted
    static var we: Word { Word(lo: 0x6577, hi: 0x0) }  // we
    static var release: Word { Word(lo: 0x657361656C6572, hi: 0x0) }  // release
    static var sourcing: Word { Word(lo: 0x676E696372756F73, hi: 0x0) }  // sourcing
    static var opensourcing: Word { Word(lo: 0x72756F736E65706F, hi: 0x676E6963) }  // opensourcing

    /// Every word spelled in the vocabulary, for tests.
    static let vocabulary: [(name: String, word: Word)] = [
        ("code", .code),
        ("codes", .codes),
        ("library", .library),
        ("libraries", .libraries),
        ("of", .of),
        ("request", .request),
        ("this", .this),
        ("https", .https),
        ("http", .http),
        ("url", .url),
        ("website", .website),
        ("homepage", .homepage),
        ("webpage", .webpage),
        ("page", .page),
        ("site", .site),
        ("project", .project),
        ("our", .our),
        ("web", .web),
        ("supplement", .supplement),
        ("supplementary", .supplementary),
        ("supplemental", .supplemental),
        ("appendix", .appendix),
        ("not", .not),
        ("no", .no),
        ("cannot", .cannot),
        ("never", .never),
        ("available", .available),
        ("accessible", .accessible),
        ("downloadable", .downloadable),
        ("sourced", .sourced),
        ("open", .open),
        ("source", .source),
        ("opensource", .opensource),
        ("public", .`public`),
        ("at", .at),
        ("here", .here),
        ("is", .`is`),
        ("are", .are),
        ("will", .will),
        ("shall", .shall),
        ("to", .to),
        ("be", .be),
        ("used", .used),
        ("shown", .shown),
        ("found", .found),
        ("upon", .upon),
        ("after", .after),
        ("once", .once),
        ("following", .following),
        ("soon", .soon),
        ("forthcoming", .forthcoming),
        ("release", .release), ("sourcing", .sourcing), ("opensourcing", .opensourcing),
        ("software", .software),
        ("would", .would),
        ("ll", .ll),
        ("released", .released),
        ("hosted", .hosted),
        ("we", .we),
    ]
}

/// Word lists of the classifier. One shared instance, fetched once per sentence judged.
struct Vocabulary: Sendable {
    static let shared = Vocabulary()

    /// Words after `code` that make it a modifier of another noun: `code generation`.
    let codeModifiers = WordTable([
        "generation", "completion", "llm", "llms", "lms", "lm", "snippet", "snippets", "review", "reviews",
        "editing", "reasoning", "synthesis", "search", "translation", "understanding", "task", "tasks",
        "benchmark", "benchmarks", "language", "languages", "intelligence", "agent", "agents", "repair",
        "execution", "summarization", "comment", "comments", "clone", "clones", "smell", "smells", "change",
        "changes", "retrieval", "quality", "efficiency", "domain", "domains", "llama", "representation",
        "representations", "embedding", "embeddings", "token", "tokens", "corpus", "corpora", "model",
        "models", "analysis", "optimization", "migration", "refinement", "switching", "mixing", "mixed",
        "switched", "book", "books", "demo", "engineering", "development", "developers", "engineers",
        "systems", "system", "projects", "products", "testing", "bugs", "defects", "maintenance",
        "architecture", "requirements", "supply", "ecosystem", "ecosystems", "industry", "artifacts", "word", "words", "vector", "vectors", "length", "rate", "rates",
        "structure", "structures", "graph", "graphs", "space", "generators", "generator", "writing",
        "vulnerability", "vulnerabilities", "security", "debugging", "interpreter", "interpreters",
    ])

    /// Words before `code` that make code the subject matter, not something released.
    let codeSubjects = WordTable([
        "accession", "error", "correcting", "qr", "bar", "zip", "postal", "country", "morse", "machine",
        "assembly", "byte", "binary", "malicious", "insecure", "vulnerable", "generated", "legacy",
        "buggy", "production", "pseudo", "stabilizer", "quantum", "ldpc", "polar", "linear", "cyclic",
        "reed", "convolutional", "erasure", "hamming", "sparse", "low", "no", "icd", "emission",
    ])

    let libraryOwners = WordTable(["our", "source", "opensource", "python", "software", "this"])

    /// Code nouns an author can call their own open-source work.
    let ownableCode = WordTable([
        "toolkit", "toolkits", "toolbox", "library", "package", "software", "implementation", "codebase",
        "code",
    ])

    /// Words after which `open-source` is a verb.
    let verbLead = WordTable([
        "we", "to", "will", "ll", "also", "and", "shall", "would", "i", "us", "then", "by", "finally",
        "additionally", "further", "furthermore", "moreover", "here", "thus", "hence", "publicly", "openly",
    ])

    /// What may follow `available` when it is the predicate and not an adjective.
    let afterAvailable = WordTable([
        "at", "on", "from", "in", "via", "through", "online", "here", "for", "to", "under", "and", "as",
        "with", "upon", "publicly", "freely", "now", "open", "soon", "along", "together", "anonymously",
        "both", "within", "inside", "github", "link",
    ])

    let auxiliaries = WordTable([
        "is", "are", "was", "were", "be", "been", "being", "publicly", "openly", "freely", "now", "also",
        "fully", "all", "made", "make", "makes", "remain", "remains", "become", "has", "have", "had",
    ])

    /// Past participles that say code is out when an auxiliary precedes them or a place follows.
    let participles = WordTable([
        "released", "opensourced", "hosted", "shared", "provided", "published", "linked", "attached",
        "included", "found", "accessed", "obtained", "downloaded", "uploaded", "distributed", "posted",
        "deposited", "integrated", "maintained",
    ])

    let afterParticiple = WordTable([
        "at", "on", "in", "via", "under", "to", "through", "from", "as", "here", "online", "publicly",
    ])

    let releaseVerbs = WordTable([
        "release", "releases", "releasing", "share", "shares", "provide", "provides", "publish",
        "publishes", "opensource", "opensources",
    ])

    let promisedActions = WordTable([
        "release", "released", "available", "public", "publicly", "open", "opensource", "opensourced",
        "share", "shared", "provide", "provided", "publish", "published", "made", "make", "accessible",
        "sourced", "upload", "uploaded", "host", "hosted", "post", "posted", "disclose", "disclosed",
        "distribute", "distributed", "opened", "deposited",
    ])

    let reviewEvents = WordTable([
        "acceptance", "accepted", "publication", "published", "review", "reviewing", "camera",
        "notification", "decision",
    ])

    let planVerbs = WordTable(["plan", "plans", "planning", "intend", "intends", "aim", "hope"])

    let plannedReleases = WordTable(["release", "open", "opensource", "publish", "share", "make"])

    let supplementWords = WordTable(["supplement", "supplementary", "supplemental", "appendix"])

    let clauseConjunctions = WordTable(["and", "but", "while", "whereas", "whilst", "yet"])
}

/// An open-addressing set of words with a cheap hash: membership costs a multiply and one or
/// two integer compares, where `Set<Word>` would run SipHash.
struct WordTable {
    private var slots: [Word?]
    private let shift: UInt64

    init(_ words: [StaticString]) {
        var bits: UInt64 = 4
        while (1 << bits) < words.count * 4 { bits += 1 }
        shift = 64 - bits
        slots = Array(repeating: nil, count: 1 << Int(bits))
        for s in words {
            let w = Word(s)
            var i = index(w)
            while let existing = slots[i], existing != w { i = (i + 1) & (slots.count - 1) }
            slots[i] = w
        }
    }

    @inline(__always) private func index(_ w: Word) -> Int {
        Int(truncatingIfNeeded: ((w.lo ^ (w.hi &* 31)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    func contains(_ w: Word) -> Bool {
        var i = index(w)
        while let existing = slots[i] {
            if existing == w { return true }
            i = (i + 1) & (slots.count - 1)
        }
        return false
    }
}

/// The words of one sentence: runs of ASCII letters and digits, with each link mention folded
/// into a single `Word.link`, and for each word the first non-space character that follows it.
struct Words {
    private var words: [Word] = []
    private var separators: [UInt8] = []
    private var starts: [Int] = []

    init(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, links: [Range<Int>] = []) {
        words.reserveCapacity(48)
        separators.reserveCapacity(48)
        starts.reserveCapacity(48)
        var i = range.lowerBound
        var nextLink = 0
        while i < range.upperBound {
            if nextLink < links.count, i >= links[nextLink].lowerBound {
                let end = min(links[nextLink].upperBound, range.upperBound)
                nextLink += 1
                if i < end {
                    words.append(.link)
                    starts.append(i)
                    separators.append(Self.separator(p, from: end, limit: range.upperBound))
                    i = end
                }
                continue
            }
            guard ByteClass.isAlnum(p[i]) else {
                i += 1
                continue
            }
            let s = i
            while i < range.upperBound, ByteClass.isAlnum(p[i]), nextLink >= links.count || i < links[nextLink].lowerBound {
                i += 1
            }
            words.append(Word(p, s..<i))
            starts.append(s)
            separators.append(Self.separator(p, from: i, limit: range.upperBound))
        }
    }

    private static func separator(_ p: UnsafeBufferPointer<UInt8>, from i: Int, limit: Int) -> UInt8 {
        var x = i
        while x < limit, ByteClass.isSpace(p[x]) { x += 1 }
        guard x < limit else { return 0 }
        if x > i, ByteClass.isAlnum(p[x]) { return UInt8(ascii: " ") }
        return ByteClass.isAlnum(p[x]) ? UInt8(ascii: " ") : p[x]
    }

    var count: Int { words.count }

    subscript(i: Int) -> Word { words[i] }

    /// Byte offset of word `i` in the text.
    func start(of i: Int) -> Int { starts[i] }

    /// `-` in `code-switching`, `:` in `Code: …`, `,`, or a space; 0 at the sentence end.
    func separator(after i: Int) -> UInt8 { separators[i] }
}
