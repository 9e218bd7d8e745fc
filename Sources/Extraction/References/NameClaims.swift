/// Finds the names an abstract claims for its own work, and checks how a name is used.
///
/// Two shapes count as a claim, both only when the sentence says the authors propose it:
/// `we propose Low-Rank Adaptation (LoRA)` (a parenthesised acronym whose letters match the
/// preceding words, Schwartz–Hearst style) and `We introduce LLM-Pruner, a …`. A bare
/// definition such as `we fine-tune with Low-Rank Adaptation (LoRA)` is a use, not a claim.
enum AbstractClaims {
    struct Claim: Hashable {
        var name: String
        var shape: NameRules.Shape
        /// What the name stands for, as normalised words, when the abstract spells it out.
        var expansion: String?
    }

    /// `Long Form (NAME)` anywhere in an abstract, whether or not the authors propose it.
    struct Definition: Hashable {
        var name: String
        var shape: NameRules.Shape
        /// Normalised long form (`low rank adaptation`).
        var expansion: String
        /// The sentence says the authors introduce it, and the acronym names the new thing
        /// rather than qualifying a following noun.
        var isProposal: Bool
        /// The sentence says the authors introduce it, whatever follows (`we propose a
        /// Limb-aware Texture Fusion (LTF) module`): the name is theirs even when it is no claim.
        var isOwn: Bool
    }

    /// What one abstract says about names: the ones it claims, and every name it presents as
    /// the authors' own (claims included), which its own uses never refer to another paper by.
    struct Analysis: Hashable {
        var claims: [Claim] = []
        var ownNames: [String] = []
    }

    /// An all-capitals acronym an abstract defines needs at least this many letters to be
    /// claimed: three-letter acronyms (`PID`, `HAT`, `MSA`) mean something else in every
    /// field, while `DDPM` or `CLIP` defined with a proposal verb rarely collide. Titles may
    /// claim shorter ones (`LED: …`); the colon there is a stronger statement.
    static let minimumDefinedAcronymLetters = 4

    /// Names the abstract claims. A definition counts only with a proposal verb and a self
    /// marker before it (`we propose Contrastive Language-Image Pre-training (CLIP)`); an
    /// all-capitals acronym also needs `minimumDefinedAcronymLetters` letters, and is never
    /// claimed by a bare introduction (`we present MNIST results, …`), which has no long form
    /// to check it against.
    static func claims(in bytes: UnsafeBufferPointer<UInt8>) -> [Claim] {
        analyze(bytes).claims
    }

    static func analyze(_ bytes: UnsafeBufferPointer<UInt8>) -> Analysis {
        var definitions: [Definition] = []
        var introductions: [Introduction] = []
        UTF8Text.forEachOffset(of: UInt8(ascii: "("), UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "("), in: bytes) {
            index in
            if bytes[index] == UInt8(ascii: "(") {
                if let definition = definition(openingAt: index, in: bytes) { definitions.append(definition) }
            } else if let claim = introduction(at: index, in: bytes) {
                introductions.append(claim)
            }
        }
        func expansion(of name: String) -> String? { definitions.first { $0.name == name }?.expansion }
        var found: [Claim] = []
        for definition in definitions where definition.isProposal && isClaimableDefinition(definition.name) {
            found.append(Claim(name: definition.name, shape: definition.shape, expansion: definition.expansion))
        }
        for introduction in introductions where introduction.isAppositive && !NameRules.isAcronym(introduction.name) {
            found.append(Claim(name: introduction.name, shape: introduction.shape, expansion: expansion(of: introduction.name)))
        }
        var seen = Set<String>()
        var analysis = Analysis()
        analysis.claims = found.filter { seen.insert($0.name).inserted }
        var own = Set<String>()
        let ownNames = found.map(\.name) + definitions.filter(\.isOwn).map(\.name) + introductions.map(\.name)
        analysis.ownNames = ownNames.filter { own.insert($0).inserted }
        return analysis
    }

    /// Whether a proposal definition of `name` may claim it (see `minimumDefinedAcronymLetters`).
    static func isClaimableDefinition(_ name: String) -> Bool {
        guard NameRules.isAcronym(name) else { return true }
        return name.unicodeScalars.filter(UTF8Text.isLetter).count >= minimumDefinedAcronymLetters
    }

    /// Every `Long Form (NAME)` definition in an abstract.
    static func definitions(in bytes: UnsafeBufferPointer<UInt8>) -> [Definition] {
        var definitions: [Definition] = []
        UTF8Text.forEachOffset(of: UInt8(ascii: "("), UInt8(ascii: "("), UInt8(ascii: "("), UInt8(ascii: "("), in: bytes) {
            if let definition = definition(openingAt: $0, in: bytes) { definitions.append(definition) }
        }
        return definitions
    }

    /// The normalised long form written before `(` at `open` for the short form `short`, or nil
    /// when the words before it do not spell it out.
    static func expansion(of short: [Unicode.Scalar], openingAt open: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        longForm(of: short, openingAt: open, in: bytes)?.expansion
    }

    /// Byte offset where the long form of `short` (before `(` at `open`) begins.
    static func longFormStart(of short: [Unicode.Scalar], openingAt open: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        longForm(of: short, openingAt: open, in: bytes)?.start
    }

    private static func longForm(
        of short: [Unicode.Scalar], openingAt open: Int, in bytes: UnsafeBufferPointer<UInt8>
    ) -> (start: Int, expansion: String)? {
        let sentence = sentenceStart(before: open, in: bytes)
        let window = ScalarWindow(bytes, from: sentence, to: open)
        var longText = window.scalars
        while let last = longText.last, last == " " || last == "\n" { longText.removeLast() }
        guard let longStart = schwartzHearstStart(short: short, long: longText) else { return nil }
        let letterCount = short.filter(UTF8Text.isWord).count
        let longScalars = Array(longText[longStart...])
        let longWords = words(in: longScalars)
        guard longWords.count >= 2 || (longWords.first?.count ?? 0) > short.count,
            longWords.count <= min(letterCount + 5, letterCount * 2)
        else { return nil }
        return (window.byteOffset(longStart), normalizedWords(longScalars))
    }

    /// Whether two normalised expansions of one name say the same thing: equal, or one the
    /// start of the other (`low rank` from a title, `low rank adaptation` from an abstract),
    /// plurals ignored. A claimant that never spelled its name out shares no meaning.
    static func sameMeaning(_ claimed: String?, _ defined: String) -> Bool {
        guard let claimed else { return false }
        func stems(_ text: String) -> [Substring] {
            text.split(separator: " ").map { $0.count > 3 && $0.hasSuffix("s") ? $0.dropLast() : $0 }
        }
        let a = stems(claimed)
        let b = stems(defined)
        let common = min(a.count, b.count)
        return common > 0 && a.prefix(common) == b.prefix(common)
    }

    /// Lower-case letter-and-digit words joined by single spaces: `Low-Rank  Adaptation` and
    /// `low rank adaptation` compare equal.
    static func normalizedWords(_ scalars: [Unicode.Scalar]) -> String {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in scalars {
            if UTF8Text.isWord(scalar) {
                current.append(lowercased(scalar))
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words.joined(separator: " ")
    }

    /// The expansion a title gives its name: the shortest run of words right after the colon
    /// that spells the name out (`LoRA: Low-Rank Adaptation of …` → `low rank adaptation`).
    static func titleExpansion(name: String, title: String) -> String? {
        guard let colon = title.unicodeScalars.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let rest = Array(title.unicodeScalars[title.unicodeScalars.index(after: colon)...])
        let short = Array(name.unicodeScalars)
        let letters = short.filter(UTF8Text.isWord).count
        var wordEnds: [Int] = []
        for index in rest.indices where UTF8Text.isWord(rest[index]) && (index + 1 == rest.count || !UTF8Text.isWord(rest[index + 1])) {
            wordEnds.append(index + 1)
        }
        let firstWord = rest.firstIndex(where: UTF8Text.isWord) ?? 0
        for end in wordEnds.prefix(letters + 3) {
            let candidate = Array(rest[firstWord..<end])
            if schwartzHearstStart(short: short, long: candidate) == 0 {
                return normalizedWords(candidate)
            }
        }
        return nil
    }

    // MARK: - `… Low-Rank Adaptation (LoRA) …`

    private static func definition(openingAt open: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Definition? {
        var close = open + 1
        while close < bytes.count && close - open <= 24 {
            let byte = bytes[close]
            if byte == UInt8(ascii: ")") { break }
            if UTF8Text.isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") { return nil }
            close += 1
        }
        guard close < bytes.count, close - open <= 24, close > open + 2 else { return nil }
        var asciiCapitals = 0
        for index in (open + 1)..<close where bytes[index] >= 0x41 && bytes[index] <= 0x5A { asciiCapitals += 1 }
        guard asciiCapitals > 0 || bytes[(open + 1)..<close].contains(where: { $0 >= 0x80 }) else { return nil }
        let short = UTF8Text.string(bytes, from: open + 1, to: close)
        let shortScalars = Array(short.unicodeScalars)
        let capitals = shortScalars.filter { UTF8Text.isUpper($0) }.count
        let digits = shortScalars.filter { UTF8Text.isDigit($0) }.count
        guard capitals >= 2 || (capitals == 1 && digits > 0) else { return nil }
        guard let shape = NameRules.shape(of: short), shape == .distinctive else { return nil }
        guard let expansion = expansion(of: shortScalars, openingAt: open, in: bytes) else { return nil }

        let sentence = sentenceStart(before: open, in: bytes)
        let window = ScalarWindow(bytes, from: sentence, to: open)
        var longText = window.scalars
        while let last = longText.last, last == " " || last == "\n" { longText.removeLast() }
        let longStart = schwartzHearstStart(short: shortScalars, long: longText) ?? 0
        let proposed = proposesBefore(words(in: Array(longText[..<longStart])))
        let qualifies = modifiesAFollowingNoun(after: close + 1, in: bytes)
        return Definition(
            name: short, shape: shape, expansion: expansion, isProposal: proposed && !qualifies,
            isOwn: proposed && !namesSomeoneElsesThing(after: close + 1, in: bytes))
    }

    /// Schwartz & Hearst (2003): match the short form's letters right to left in the long form,
    /// the first letter at a word start. Returns where the long form begins.
    static func schwartzHearstStart(short: [Unicode.Scalar], long: [Unicode.Scalar]) -> Int? {
        var shortIndex = short.count - 1
        var longIndex = long.count - 1
        while shortIndex >= 0 {
            let wanted = lowercased(short[shortIndex])
            guard UTF8Text.isWord(wanted) else {
                shortIndex -= 1
                continue
            }
            while longIndex >= 0
                && (lowercased(long[longIndex]) != wanted
                    || (shortIndex == 0 && longIndex > 0 && UTF8Text.isWord(long[longIndex - 1])))
            {
                longIndex -= 1
            }
            if longIndex < 0 { return nil }
            longIndex -= 1
            shortIndex -= 1
        }
        return longIndex + 1
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value >= 0x41 && scalar.value <= 0x5A { return Unicode.Scalar(scalar.value + 32) ?? scalar }
        if scalar.isASCII { return scalar }
        return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    /// Lower-cased words (letters, digits, inner hyphens and apostrophes) of a scalar run.
    static func words(in scalars: [Unicode.Scalar]) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in scalars {
            if UTF8Text.isWord(scalar) || ((scalar == "-" || scalar == "'") && !current.isEmpty) {
                current.append(lowercased(scalar))
            } else if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// `a novel plug-and-play (PnP) Langevin sampler`, `a 4D Gaussian Splatting (4DGS)
    /// approach`: an acronym followed by a noun (or a capitalised word) qualifies the new thing
    /// rather than naming it, and is usually an established term.
    static func modifiesAFollowingNoun(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = index
        while cursor < bytes.count && (bytes[cursor] == 0x20 || bytes[cursor] == 0x0A) { cursor += 1 }
        guard cursor < bytes.count, let first = UTF8Text.scalar(at: cursor, in: bytes)?.scalar else { return false }
        if first == "-" { return true }
        guard UTF8Text.isLetter(first) else { return false }
        if UTF8Text.isUpper(first) { return true }
        var end = cursor
        while end < bytes.count, let (scalar, length) = UTF8Text.scalar(at: end, in: bytes),
            UTF8Text.isLetter(scalar) || scalar == "-"
        {
            end += length
        }
        let word = UTF8Text.string(bytes, from: cursor, to: end).lowercased()
        return headNouns.contains(word) || word.hasSuffix("-based") || word.hasSuffix("-style")
    }

    /// `we introduce Low-Rank Adaptation (LoRA) variants`: what follows makes the new thing a
    /// version of the named one, so the name stays someone else's.
    static func namesSomeoneElsesThing(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = index
        while cursor < bytes.count && (bytes[cursor] == 0x20 || bytes[cursor] == 0x0A) { cursor += 1 }
        var end = cursor
        while end < bytes.count, let (scalar, length) = UTF8Text.scalar(at: end, in: bytes), UTF8Text.isLetter(scalar) {
            end += length
        }
        return derivativeNouns.contains(UTF8Text.string(bytes, from: cursor, to: end).lowercased())
    }

    private static let derivativeNouns: Set<String> = [
        "variant", "variants", "extension", "extensions", "version", "versions", "adaptation", "adaptations",
        "generalization", "generalisation", "generalizations", "counterpart", "counterparts", "baseline", "baselines",
    ]

    private static let headNouns: Set<String> = {
        let singular = """
            framework method approach model module pipeline network architecture system algorithm technique scheme \
            strategy mechanism layer block loss dataset benchmark server group sampler methodology paradigm agent \
            encoder decoder backbone head branch component unit task setting problem formulation objective policy \
            solver tool toolkit library platform engine representation feature embedding adapter variant family \
            process procedure protocol suite operator kernel prior regularizer regularization score metric field \
            based style like driven guided aware enhanced inspired
            """
        var nouns = Set<String>()
        for word in singular.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            nouns.insert(String(word))
            nouns.insert(String(word) + "s")
            nouns.insert(String(word) + "es")
        }
        for word in ["sampling", "tuning", "training", "learning", "optimization", "inference", "estimation",
                     "generation", "detection", "segmentation", "classification", "reconstruction", "synthesis",
                     "strategies", "policies", "families", "libraries", "methodologies"] {
            nouns.insert(word)
        }
        return nouns
    }()

    /// Whether the words just before a definition say the authors are introducing it: a
    /// proposal verb with `we`/`our`/`this paper` before it, and between the verb and the
    /// definition nothing but articles, adjectives and naming words (`a novel`, `the first`,
    /// `a method called`), so that `we propose X, which aligns Contrastive … (CLIP)` is no claim.
    static func proposesBefore(_ words: [String]) -> Bool {
        guard let verbIndex = words.lastIndex(where: { proposalVerbs.contains($0) || standaloneCues.contains($0) }) else {
            return false
        }
        let between = words[(verbIndex + 1)...]
        if between.contains(where: { !fillerWords.contains($0) }) { return false }
        if between.count > 6 { return false }
        if standaloneCues.contains(words[verbIndex]) { return true }
        let isSelfMarker = { (index: Int) -> Bool in
            let word = words[index]
            if selfPronouns.contains(word) { return true }
            // `this paper`, `the present work`; `prior work` and `their study` are someone else's.
            return selfNouns.contains(word) && index > 0 && (words[index - 1] == "this" || words[index - 1] == "present")
        }
        guard let selfIndex = words[..<verbIndex].indices.last(where: isSelfMarker) else {
            // `This paper proposes …`, `Here, we …` and `In this work …` all leave a marker; a
            // sentence without one describes someone else's work.
            return false
        }
        let lead = words[(selfIndex + 1)..<verbIndex]
        return lead.count <= 6 && !lead.contains(where: { usageVerbs.contains($0) })
    }

    private static let proposalVerbs: Set<String> = [
        "propose", "proposes", "proposed", "proposing", "introduce", "introduces", "introduced", "introducing",
        "present", "presents", "presented", "presenting", "develop", "develops", "developed", "developing",
        "design", "designs", "designed", "designing", "devise", "devises", "devised", "build", "builds", "built",
        "create", "creates", "created", "release", "releases", "released", "contribute", "contributes",
        "call", "calls", "called", "name", "names", "named", "term", "terms", "termed", "dub",
    ]
    private static let standaloneCues: Set<String> = ["dubbed", "coined"]
    private static let selfPronouns: Set<String> = ["we", "our", "us", "here", "herein"]
    private static let selfNouns: Set<String> = ["paper", "work", "study", "article", "letter", "manuscript"]
    private static let usageVerbs: Set<String> = [
        "use", "uses", "using", "used", "adopt", "adopts", "adopting", "employ", "employs", "employing", "apply",
        "applies", "applying", "leverage", "leverages", "leveraging", "combine", "combines", "combining", "extend",
        "extends", "extending", "follow", "follows", "following", "improve", "improves", "improving", "enhance",
        "enhances", "adapt", "adapts", "adapting", "integrate", "integrates", "integrating", "fine-tune",
        "fine-tunes", "finetune", "compare", "compares", "compared", "evaluate", "evaluates", "analyze", "analyse",
        "study", "studies", "investigate", "investigates", "examine", "examines", "revisit", "revisits",
        "benchmark", "benchmarks", "replace", "replaces", "unlike", "like", "existing", "standard", "popular",
        "conventional", "widely", "prior", "previous", "original", "vanilla", "classic", "classical",
    ]
    private static let fillerWords: Set<String> = [
        "a", "an", "the", "novel", "new", "simple", "general", "generic", "unified", "efficient", "effective",
        "lightweight", "scalable", "principled", "first", "our", "robust", "powerful", "flexible", "fast", "practical",
        "called", "named", "dubbed", "termed", "coined", "which", "we", "call", "name", "dub", "term", "method",
        "approach", "framework", "model", "technique", "algorithm", "architecture", "system", "scheme", "paradigm",
        "strategy", "mechanism", "module", "network",
    ]

    // MARK: - `We introduce LLM-Pruner, a …`

    /// `We introduce NAME, a …` (an appositive: a claim) or `we propose NAME (Long Form)` /
    /// `we propose NAME: …` (the authors' own name, claimed only through the definition rule).
    struct Introduction: Hashable {
        var name: String
        var shape: NameRules.Shape
        /// Followed by `, a …` / `: …`, the shapes that may claim.
        var isAppositive: Bool
    }

    private static func introduction(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Introduction? {
        guard start + 3 < bytes.count, bytes[start + 1] == UInt8(ascii: "e"), bytes[start + 2] == 0x20 else { return nil }
        if let previous = UTF8Text.scalar(before: start, in: bytes), UTF8Text.isWord(previous) { return nil }
        var cursor = start + 3
        // Most `we …` are followed by some other verb: turned down on the bytes, before any string is made.
        guard let verb = nextTokenRange(from: &cursor, in: bytes), isIntroductionVerb(verb, in: bytes) else {
            return nil
        }
        var nameTokens: [String] = []
        var delimiter: UInt8 = 0
        while nameTokens.count < NameRules.maximumWords, var token = nextToken(from: &cursor, in: bytes) {
            if let last = token.utf8.last, last == UInt8(ascii: ",") || last == UInt8(ascii: ":") {
                delimiter = last
                token.removeLast()
                nameTokens.append(token)
                break
            }
            nameTokens.append(token)
            var peek = cursor
            if let next = nextToken(from: &peek, in: bytes), next.utf8.first == UInt8(ascii: "(") {
                delimiter = UInt8(ascii: "(")
                break
            }
        }
        guard delimiter != 0, !nameTokens.isEmpty else { return nil }
        let isAppositive = delimiter != UInt8(ascii: "(")
        if delimiter == UInt8(ascii: ",") {
            var after = cursor
            guard let follower = nextToken(from: &after, in: bytes), appositiveStarts.contains(follower.lowercased())
            else { return nil }
        }
        let name = nameTokens.joined(separator: " ")
        guard let shape = NameRules.shape(of: name) else { return nil }
        return Introduction(name: name, shape: shape, isAppositive: isAppositive)
    }

    private static let introductionVerbs: Set<String> = [
        "propose", "present", "introduce", "release", "develop", "design", "build", "open-source",
    ]
    private static let introductionVerbBytes: [[UInt8]] = introductionVerbs.sorted().map { Array($0.utf8) }

    /// Whether the token at `range` is one of `introductionVerbs`, in any letter case. A token
    /// with a non-ASCII byte never is: no other scalar lower-cases to these ASCII words.
    private static func isIntroductionVerb(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        introductionVerbBytes.contains { verb in
            verb.count == range.count && zip(verb, bytes[range]).allSatisfy { $0 == ByteClass.lower($1) }
        }
    }
    private static let appositiveStarts: Set<String> = ["a", "an", "the", "which", "our", "that"]

    /// The next space-delimited token starting at `cursor` (skipping one run of spaces).
    private static func nextToken(from cursor: inout Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        nextTokenRange(from: &cursor, in: bytes).map { UTF8Text.string(bytes, from: $0.lowerBound, to: $0.upperBound) }
    }

    /// `nextToken`'s byte range.
    private static func nextTokenRange(from cursor: inout Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        while cursor < bytes.count && UTF8Text.isSpace(bytes[cursor]) { cursor += 1 }
        let start = cursor
        while cursor < bytes.count && !UTF8Text.isSpace(bytes[cursor]) && cursor - start < 48 { cursor += 1 }
        return cursor > start ? start..<cursor : nil
    }

    // MARK: - Sentences and uses

    /// Byte offset where the sentence containing `index` starts.
    static func sentenceStart(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var cursor = index - 1
        while cursor > 0 {
            let byte = bytes[cursor]
            if UTF8Text.isSpace(byte) {
                let previous = bytes[cursor - 1]
                if previous == UInt8(ascii: ".") || previous == UInt8(ascii: "!") || previous == UInt8(ascii: "?") {
                    return cursor + 1
                }
            }
            cursor -= 1
        }
        return 0
    }

    /// Whether the word at `start` opens a sentence (or a labelled section such as `Methods:`).
    static func startsSentence(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = start - 1
        while cursor >= 0 {
            let byte = bytes[cursor]
            if UTF8Text.isSpace(byte) || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                cursor -= 1
                continue
            }
            return byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
                || byte == UInt8(ascii: ":")
        }
        return true
    }

    /// A capitalised word is a name only in running text: not at a sentence start and not
    /// followed by another capitalised word (`Adam Smith`).
    static func isPlainWordUse(start: Int, end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if startsSentence(at: start, in: bytes) { return false }
        if end + 1 < bytes.count, bytes[end] == 0x20,
            let next = UTF8Text.scalar(at: end + 1, in: bytes)?.scalar, UTF8Text.isUpper(next)
        {
            return false
        }
        // `Gaussian Atlas`, `the Shape Atlas`: a capitalised word before it makes a compound
        // name of its own (a sentence-initial `The` does not count).
        var wordEnd = start
        while wordEnd > 0 && (bytes[wordEnd - 1] == 0x20 || bytes[wordEnd - 1] == 0x0A) { wordEnd -= 1 }
        guard wordEnd < start else { return true }
        var wordStart = wordEnd
        while let previous = UTF8Text.scalar(before: wordStart, in: bytes), UTF8Text.isLetter(previous) {
            wordStart -= UTF8.width(previous)
        }
        guard wordStart < wordEnd, let first = UTF8Text.scalar(at: wordStart, in: bytes)?.scalar, UTF8Text.isUpper(first)
        else { return true }
        return startsSentence(at: wordStart, in: bytes)
    }

    /// Whether `name` occurs in `bytes` as a whole word used as a name; backs plain-word claims.
    static func usesPlainWord(_ name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let hit = UTF8Text.find(name, in: bytes, from: from, to: bytes.count) {
            let end = hit + name.count
            if NameBoundary.accepts(start: hit, end: end, in: bytes, firstIsWord: true, lastIsWord: true),
                isPlainWordUse(start: hit, end: end, in: bytes)
            {
                return true
            }
            from = hit + 1
        }
        return false
    }
}

/// Word-boundary rules for a name found inside running text.
enum NameBoundary {
    /// A name that starts with a letter must not continue a word, a path, an identifier or a
    /// hyphenated compound (`QLoRA`, `/LoRA`, `Q-LoRA`); one that ends with a letter must not run
    /// on into a word, a path or a file extension (`LoRAs`, `LoRA_x`, `LoRA.py`). A hyphen after
    /// the name is allowed: `LoRA-based` and `HAWQ-V2` (when HAWQ-V2 is no name itself) use it.
    /// `pluralAllowed`: a name ending in a capital may take a plural `s` (`NeRFs`, `ViTs`);
    /// one ending in lower case may not (`Adams` is a surname, not several Adam optimizers).
    static func accepts(
        start: Int, end: Int, in bytes: UnsafeBufferPointer<UInt8>, firstIsWord: Bool, lastIsWord: Bool,
        pluralAllowed: Bool = false
    ) -> Bool {
        if firstIsWord, let previous = UTF8Text.scalar(before: start, in: bytes) {
            if UTF8Text.isWord(previous) || leftJoiners.contains(previous) { return false }
        }
        if lastIsWord, var (next, length) = UTF8Text.scalar(at: end, in: bytes) {
            if pluralAllowed && next == "s" {
                guard let after = UTF8Text.scalar(at: end + 1, in: bytes) else { return true }
                (next, length) = (after.scalar, after.length + 1)
            }
            if UTF8Text.isWord(next) || rightJoiners.contains(next) { return false }
            if next == "-" && !isModifierOrVersion(after: end + length, in: bytes) { return false }
            if next == ".", let after = UTF8Text.scalar(at: end + length, in: bytes)?.scalar, UTF8Text.isWord(after) {
                return false
            }
        }
        return true
    }

    /// What may follow `NAME-`: a lower-case modifier (`LoRA-based`, `LLaVA-style`) or a version
    /// or size (`HAWQ-V2`, `GPT-4`, `ViT-B`, `Llama-3.1`, `T5-XL`). A capitalised word makes another
    /// name (`ARC-AGI`, `LLaVA-Med`), which is not a reference to the first.
    static func isModifierOrVersion(after start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = start
        while end < bytes.count, let (scalar, length) = UTF8Text.scalar(at: end, in: bytes),
            UTF8Text.isWord(scalar) || (scalar == "." && end + 1 < bytes.count && bytes[end + 1] >= 0x30 && bytes[end + 1] <= 0x39)
        {
            end += length
        }
        let token = Array(UTF8Text.string(bytes, from: start, to: end).unicodeScalars)
        guard let first = token.first else {
            // `LoRA- and DoRA-based` shares a suffix; `XLM- RoBERTa` is a compound broken by a line wrap.
            var next = start
            while next < bytes.count && UTF8Text.isSpace(bytes[next]) { next += 1 }
            guard next > start, let word = UTF8Text.scalar(at: next, in: bytes)?.scalar else { return true }
            return !UTF8Text.isUpper(word)
        }
        if UTF8Text.isLower(first) && first != "v" { return true }
        let body = (first == "v" || first == "V") && token.count > 1 && UTF8Text.isDigit(token[1]) ? token.dropFirst() : token[...]
        if let lead = body.first, UTF8Text.isDigit(lead) { return body.allSatisfy { UTF8Text.isDigit($0) || $0 == "." || UTF8Text.isLetter($0) } }
        // `B`, `L`, `XL`, `XXL`: sizes. Other capitals make a name of their own (`LED-WM`).
        let letters = body.prefix { UTF8Text.isUpper($0) }
        return letters.count <= 3 && body.dropFirst(letters.count).allSatisfy(UTF8Text.isDigit)
            && letters.allSatisfy { sizeLetters.contains($0) }
    }

    /// `ViT-B`, `ViT-H`, `T5-XXL`, `Llama-7B`; not `XLM-R` or `LED-WM`, which are other names.
    private static let sizeLetters: Set<Unicode.Scalar> = ["B", "G", "H", "L", "M", "S", "T", "X"]
    private static let leftJoiners: Set<Unicode.Scalar> = ["/", "_", "-", "@", ".", "\\", "#", "$", "&", "+", "="]
    /// `LoRA+` and `REST+` are names of their own, like `PointNet++`.
    private static let rightJoiners: Set<Unicode.Scalar> = ["_", "/", "@", "\\", "=", "+"]
}

/// Decoded scalars of a byte range, with the byte offset of each, for the few places that need
/// to look at characters rather than bytes.
struct ScalarWindow {
    var scalars: [Unicode.Scalar] = []
    var byteOffsets: [Int] = []
    /// Byte offset just past the window.
    var endByte: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        endByte = to
        var index = max(0, from)
        while index < bytes.count && UTF8Text.isContinuation(bytes[index]) { index += 1 }
        while index < min(to, bytes.count) {
            guard let (scalar, length) = UTF8Text.scalar(at: index, in: bytes) else { break }
            scalars.append(scalar)
            byteOffsets.append(index)
            index += length
        }
    }

    /// Byte offset of scalar `index`, or the end of the window.
    func byteOffset(_ index: Int) -> Int { index < byteOffsets.count ? byteOffsets[index] : endByte }
}
