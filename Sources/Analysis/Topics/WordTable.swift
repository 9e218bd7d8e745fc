/// The lower-case vocabulary of a keyphrase index: one id per distinct word, the lexicon role
/// of each word, its plural-folded form, and how it is usually capitalised (for display).
///
/// An open-addressing table over the lower-cased bytes, because interning tens of millions of
/// word occurrences through `[String: Int32]` would dominate the topics run.
struct WordTable: Sendable {
    struct Role: OptionSet, Sendable {
        let rawValue: UInt8
        /// Ends a candidate phrase.
        static let stop = Role(rawValue: 1)
        /// May not begin a phrase.
        static let weakStart = Role(rawValue: 2)
        /// Research boilerplate: a phrase needs at least one word that is not weak.
        static let generic = Role(rawValue: 4)
        /// May not end a phrase (participles, `-based`/`-aware` compounds, adjectives).
        static let weakEnd = Role(rawValue: 8)
        /// A modifier that gives a phrase no content of its own (`training-free`, `pretrained`,
        /// `large`): "training-free method" is boilerplate, "generative model" is not.
        static let modifier = Role(rawValue: 16)

        /// Words that do not make a phrase a keyphrase on their own.
        static let weak: Role = [.weakStart, .generic, .modifier]
    }

    private(set) var arena: [UInt8] = []
    private(set) var offsets: [Int32] = [0]
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private(set) var roles: [Role] = []
    /// Id of the word with its plural folded (`models` → `model`); itself when not plural.
    private(set) var singular: [Int32] = []
    // Capitalisation seen in running text (sentence-initial and title words excluded).
    private(set) var lowerCount: [Int32] = []
    private(set) var capitalCount: [Int32] = []
    private(set) var mixedCount: [Int32] = []
    private(set) var mixedForm: [String?] = []

    var count: Int { roles.count }

    init() {
        slots = [Int32](repeating: -1, count: 1 << 14)
    }

    /// The lower-case text of a word.
    func text(_ id: Int32) -> String {
        let start = Int(offsets[Int(id)]), end = Int(offsets[Int(id) + 1])
        return String(decoding: arena[start..<end], as: UTF8.self)
    }

    /// How the word is shown in a label: its mixed-case form (`LoRA`, `GPT-4`) when that is how
    /// it is mostly written, capitalised when running text mostly capitalises it (`Gaussian`),
    /// else lower case.
    func display(_ id: Int32) -> String {
        let i = Int(id)
        if mixedCount[i] > 0, mixedCount[i] >= lowerCount[i] + capitalCount[i], let form = mixedForm[i] { return form }
        let lower = text(id)
        // Long forms before an acronym are often title-cased ("Generative Adversarial Networks
        // (GANs)"), so only a word capitalised nearly always is shown capitalised ("Gaussian").
        if capitalCount[i] >= 2, capitalCount[i] >= 3 * lowerCount[i], let first = lower.unicodeScalars.first,
            first.isASCII
        {
            return lower.split(separator: "-", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")
        }
        return lower
    }

    /// What the scanner learns about one occurrence besides the word itself.
    struct Occurrence {
        var id: Int32
        /// `LoRA`, `ViT`, `LLMs`, `GPT-4`, `3DGS`: 2–10 ASCII bytes, two or more capitals, and
        /// more capitals than lower-case letters or a capital after a lower-case one.
        var isAcronym: Bool
        /// `LLMs`: an acronym with a plural `s`.
        var isPluralAcronym: Bool
        /// The occurrence was counted as a capitalised word of running text.
        var countedCapital: Bool
    }

    mutating func uncountCapital(_ id: Int32) { capitalCount[Int(id)] -= 1 }

    /// Interns the lower-cased `bytes[start..<end]` and records how this occurrence was
    /// capitalised, all in one pass over the bytes. `countsCase` is false for the first
    /// word of a sentence and for title words, which are capitalised by convention.
    mutating func intern(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, countsCase: Bool
    ) -> Occurrence {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        // Shapes by hyphen-separated part: "Chain-of-Thought" is title case, "LoRA" and
        // "GPT-4" are mixed.
        var innerUppers = 0, initialUppers = 0, lowers = 0
        var upperAfterLower = false, nonASCII = false, partStart = true
        for k in start..<end {
            let b = bytes[k]
            if b >= 0x41 && b <= 0x5A {
                if partStart { initialUppers += 1 } else { innerUppers += 1 }
                if lowers > 0 { upperAfterLower = true }
                hash = (hash ^ UInt64(b | 0x20)) &* 0x100_0000_01B3
            } else {
                if b >= 0x61 && b <= 0x7A { lowers += 1 } else if b >= 0x80 { nonASCII = true }
                hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3
            }
            partStart = b == 0x2D
        }
        let id = find(bytes, from: start, to: end, hash: hash) ?? insert(bytes, from: start, to: end, hash: hash)
        let i = Int(id)
        var countedCapital = false
        if innerUppers == 0 && initialUppers == 0 {
            if countsCase { lowerCount[i] += 1 }
        } else if innerUppers == 0 {
            if countsCase {
                capitalCount[i] += 1
                countedCapital = true
            }
        } else {
            mixedCount[i] += 1
            if mixedForm[i] == nil {
                mixedForm[i] = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
        }
        let length = end - start
        let uppers = innerUppers + initialUppers
        guard !nonASCII, length >= 2, length <= 10, uppers >= 2 else {
            return Occurrence(id: id, isAcronym: false, isPluralAcronym: false, countedCapital: countedCapital)
        }
        let plural = length >= 3 && bytes[end - 1] == 0x73 && bytes[end - 2] >= 0x41 && bytes[end - 2] <= 0x5A
        let isAcronym = uppers > (plural ? lowers - 1 : lowers) || upperAfterLower
        return Occurrence(
            id: id, isAcronym: isAcronym, isPluralAcronym: isAcronym && plural, countedCapital: countedCapital)
    }

    /// Id of the lower-cased `bytes[start..<end]`, added when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in start..<end { hash = (hash ^ UInt64(Self.lower(bytes[k]))) &* 0x100_0000_01B3 }
        return find(bytes, from: start, to: end, hash: hash) ?? insert(bytes, from: start, to: end, hash: hash)
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, hash: UInt64) -> Int32? {
        let length = end - start
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return arena.withUnsafeBufferPointer { arena in
            offsets.withUnsafeBufferPointer { offsets in
                while true {
                    let id = slots[slot]
                    if id < 0 { return nil }
                    if hashes[Int(id)] == hash {
                        let o = Int(offsets[Int(id)])
                        if Int(offsets[Int(id) + 1]) - o == length {
                            var same = true
                            for k in 0..<length where arena[o + k] != Self.lower(bytes[start + k]) {
                                same = false
                                break
                            }
                            if same { return id }
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func insert(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, hash: UInt64
    ) -> Int32 {
        let id = Int32(roles.count)
        for k in start..<end { arena.append(Self.lower(bytes[k])) }
        offsets.append(Int32(arena.count))
        hashes.append(hash)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = id
        roles.append([])
        singular.append(id)
        lowerCount.append(0)
        capitalCount.append(0)
        mixedCount.append(0)
        mixedForm.append(nil)
        if roles.count * 2 > slots.count { grow() }
        let word = text(id)
        roles[Int(id)] = Self.role(of: word)
        let folded = Self.singular(of: word)
        if folded != word {
            var foldedBytes = folded
            let foldedID = foldedBytes.withUTF8 { intern($0, from: 0, to: $0.count) }
            singular[Int(id)] = foldedID
            // A plural is as generic as its singular ("results", "experiments").
            roles[Int(id)].formUnion(roles[Int(foldedID)].intersection(.generic))
        }
        return id
    }

    /// Id of an already-known lower-case word, or nil.
    func lookup(_ word: String) -> Int32? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in word.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash && text(id) == word { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// Adds `other`'s words and counts, as if the text `other` saw had been interned here
    /// after everything this table saw: words new here get ids in `other`'s order. Returns
    /// the id here of every word of `other`.
    mutating func absorb(_ other: WordTable) -> [Int32] {
        var remap = [Int32](repeating: -1, count: other.count)
        other.arena.withUnsafeBufferPointer { bytes in
            for w in 0..<other.count {
                let id = intern(bytes, from: Int(other.offsets[w]), to: Int(other.offsets[w + 1]))
                remap[w] = id
                let i = Int(id)
                lowerCount[i] += other.lowerCount[w]
                capitalCount[i] += other.capitalCount[w]
                mixedCount[i] += other.mixedCount[w]
                if mixedForm[i] == nil { mixedForm[i] = other.mixedForm[w] }
            }
        }
        return remap
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for id in 0..<roles.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while bigger[slot] >= 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id)
        }
        slots = bigger
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    // MARK: Lexicon rules

    /// Suffixes of hyphenated compounds that make them adjectives (`diffusion-based`).
    static let adjectivalParts: Set<Substring> = [
        "based", "driven", "aware", "free", "specific", "agnostic", "guided", "conditioned", "like", "level",
        "scale", "wise", "efficient", "intensive", "centric", "oriented", "augmented", "enhanced", "tuned",
        "dependent", "independent", "invariant", "sensitive", "consistent", "preserving", "friendly", "ready",
        "grained", "related", "induced", "enabled", "powered", "focused", "informed", "constrained",
        "supervised", "trained", "annotated", "generated", "quality", "time", "stage", "step",
    ]

    static func role(of word: String) -> Role {
        var role: Role = []
        let bytes = Array(word.utf8)
        let hasLetter = bytes.contains { TextScanner.isLetterASCII($0) || $0 >= 0x80 }
        if !hasLetter || bytes.count == 1 || PhraseLexicon.stopWords.contains(word) || isQuantity(bytes) { return .stop }
        if bytes.count > 4, word.hasSuffix("ly"), !word.contains("-"), !PhraseLexicon.lyNouns.contains(word) {
            return .stop  // adverbs
        }
        if PhraseLexicon.weakStarts.contains(word) { role.formUnion([.weakStart, .weakEnd, .modifier]) }
        if PhraseLexicon.generic.contains(word) { role.insert(.generic) }
        if word.contains("-") {
            let parts = word.split(separator: "-")
            if let last = parts.last, adjectivalParts.contains(last) { role.formUnion([.weakEnd, .modifier]) }
            // "state-of-the-art", "one-of-a-kind": compounds made of stop words and boilerplate.
            if parts.allSatisfy({ PhraseLexicon.stopWords.contains(String($0)) || PhraseLexicon.generic.contains(String($0)) }) {
                role.formUnion([.generic, .weakStart])
            }
        }
        let lastPart = word.split(separator: "-").last.map(String.init) ?? word
        if lastPart.utf8.count > 4, lastPart.hasSuffix("ed"), !lastPart.hasSuffix("eed") {
            role.formUnion([.weakEnd, .modifier])  // participles: "a model pretrained on …", "user-specified"
        }
        if shortAdjectives.contains(lastPart) { role.formUnion([.weakEnd, .modifier]) }
        if isAdjective(lastPart) { role.insert(.weakEnd) }
        return role
    }

    /// `7B`, `1.5k`, `10x`, `3rd`, `1080p`: sizes, factors and ordinals, not topics.
    static func isQuantity(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, TextScanner.isDigit(first) else { return false }
        var k = 0
        while k < bytes.count && (TextScanner.isDigit(bytes[k]) || bytes[k] == 0x2E || bytes[k] == 0x2C) { k += 1 }
        let rest = String(decoding: bytes[k...], as: UTF8.self)
        return ["b", "k", "m", "x", "t", "p", "h", "s", "st", "nd", "rd", "th", "bn", "kb", "mb", "gb", "tb", "ms", "hz", "khz", "mhz", "ghz", "fps", "min", "sec"]
            .contains(rest)
    }

    /// English adjective endings, for words that cannot end a noun phrase ("conditional",
    /// "monocular", "generative"); the nouns with those endings that matter here are listed.
    static func isAdjective(_ word: String) -> Bool {
        guard word.utf8.count > 4, !adjectiveLookingNouns.contains(word) else { return false }
        for suffix in ["al", "ive", "ous", "able", "ible", "ic", "ar", "ful", "less", "ish", "ant", "ent", "ary"]
        where word.hasSuffix(suffix) {
            return true
        }
        return false
    }

    private static let shortAdjectives: Set<String> = [
        "old", "large", "small", "big", "long", "short", "deep", "high", "low", "wide", "fast", "slow", "hard",
        "easy", "full", "open", "real", "true", "false", "single", "dense", "sparse", "clean", "noisy", "raw",
        "fine", "coarse", "good", "bad", "new", "free", "able", "rich", "poor", "broad", "narrow", "strong", "weak",
        "heavy", "light", "safe", "young", "smart", "tiny", "huge", "multi", "whole", "same", "main",
    ]

    private static let adjectiveLookingNouns: Set<String> = [
        "retrieval", "signal", "proposal", "interval", "journal", "animal", "hospital", "portal", "capital",
        "terminal", "material", "arrival", "rival", "trial", "tutorial", "manual", "removal", "renewal",
        "approval", "survival", "festival", "rehearsal", "referral", "disposal", "reversal", "dismissal",
        "denial", "potential", "principal", "criminal", "individual", "professional", "mineral", "tribunal",
        "objective", "alternative", "archive", "directive", "initiative", "incentive", "narrative",
        "detective", "perspective", "representative", "derivative", "primitive", "adjective", "locomotive",
        "executive", "relative", "collective", "positive", "negative", "false-positive", "explosive",
        "variable", "table", "cable", "timetable", "vegetable", "constable",
        "logic", "topic", "music", "traffic", "clinic", "graphic", "arithmetic", "rhetoric", "fabric",
        "republic", "mechanic", "heuristic", "metric", "critic", "tactic", "epic", "panic", "mosaic",
        "radar", "lidar", "calendar", "grammar", "seminar", "sonar", "pillar", "scholar", "avatar",
        "vinegar", "collar", "dollar", "cellar", "molar", "polar", "bar", "star", "car", "war", "jar",
        "agent", "gradient", "patient", "student", "client", "component", "content", "document", "element",
        "environment", "experiment", "instrument", "segment", "sentiment", "statement", "treatment",
        "argument", "assessment", "management", "deployment", "development", "alignment", "embedment",
        "fragment", "moment", "movement", "payment", "placement", "requirement", "settlement", "agreement",
        "enhancement", "improvement", "measurement", "refinement", "adjustment", "assignment", "attachment",
        "commitment", "engagement", "entertainment", "equipment", "investment", "judgment", "judgement",
        "parliament", "replacement", "department", "government", "achievement", "amendment", "arrangement",
        "advertisement", "announcement", "appointment", "establishment", "employment", "enrollment",
        "fulfillment", "involvement", "punishment", "recruitment", "reinforcement", "shipment", "supplement",
        "embodiment", "entanglement", "displacement", "sediment", "torment", "garment", "pigment",
        "accent", "event", "intent", "parent", "talent", "percent", "descent", "incident", "accident",
        "president", "resident", "opponent", "respondent", "ingredient", "coefficient", "quotient",
        "constituent", "continent", "current", "dependent", "equivalent", "exponent", "nutrient", "recipient",
        "solvent", "agent", "consent", "extent", "tangent", "variant", "assistant", "participant",
        "applicant", "consultant", "defendant", "descendant", "entrant", "immigrant", "informant",
        "inhabitant", "merchant", "migrant", "occupant", "pollutant", "servant", "tenant", "warrant",
        "restaurant", "infant", "giant", "plant", "implant", "constant", "invariant", "contaminant",
        "determinant", "covariant", "antioxidant", "quadrant", "remnant", "elephant", "pheasant",
        "dictionary", "library", "summary", "boundary", "secondary", "vocabulary", "anniversary",
        "commentary", "diary", "glossary", "itinerary", "salary", "sanctuary", "adversary", "beneficiary",
        "documentary", "missionary", "secretary", "binary", "primary", "corollary", "capillary", "estuary",
        "auxiliary", "emissary", "tributary", "luminary", "mortuary",
        "appeal", "ideal", "deal", "meal", "seal", "goal", "coal", "canal", "metal", "pedal", "petal",
        "portrayal", "betrayal", "refusal", "withdrawal", "upheaval", "carnival", "revival", "interval",
        "cathedral", "admiral", "general", "corporal", "oval", "signal", "tidal",
    ]

    /// Light, deterministic plural folding of an English word (no dictionary): irregular
    /// forms from a list, `-ies` → `-y`, `-(s|x|ch|sh)es` → drop `es`, other `-s` dropped
    /// except after `s`, `u`, `i` (`class`, `corpus`, `analysis`) and in `-ics` words.
    static func singular(of word: String) -> String {
        if let irregular = PhraseLexicon.irregularSingular[word] { return irregular }
        let bytes = Array(word.utf8)
        let n = bytes.count
        guard n > 3, bytes[n - 1] == 0x73 else { return word }  // ends in "s"
        let before = bytes[n - 2]
        if before == 0x73 || before == 0x75 || before == 0x69 { return word }  // -ss, -us, -is
        if word.hasSuffix("ics") {
            return foldedICS.contains(word) ? String(word.dropLast()) : word
        }
        if word.hasSuffix("ies"), n > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("zzes") { return String(word.dropLast(2)) }
        if word.hasSuffix("ches") || word.hasSuffix("shes") {
            return keepsE.contains(word) ? String(word.dropLast()) : String(word.dropLast(2))
        }
        if !TextScanner.isLetterASCII(before) && before < 0x80 { return word }  // "2s", "a-s"
        return String(word.dropLast())
    }

    /// `-ics` words that are plurals; the rest (`robotics`, `dynamics`) are not.
    private static let foldedICS: Set<String> = [
        "metrics", "topics", "heuristics", "characteristics", "clinics", "logics", "lyrics", "epics", "comics",
        "critics", "tactics", "relics", "antibiotics",
    ]

    private static let keepsE: Set<String> = [
        "caches", "niches", "avalanches", "headaches", "cliches", "psyches", "moustaches", "quiches",
    ]
}
