import Corpus
import Testing
@testable import Extraction

@Suite struct TopicalAgreementTests {
    @Test func wordsAreFoldedAndGenericWordsDropped() {
        #expect(TopicalAgreement.contentWords(of: "Studies of lensing models, the proposed method")
            == TopicalAgreement.contentWords(of: "study lensing"))
        #expect(TopicalAgreement.contentWords(of: "we 2025 AI of").isEmpty)
    }

    @Test func naturalLogIsCloseEnough() {
        let cases: [(value: Double, log: Double)] = [
            (1, 0), (2, 0.693147), (10, 2.302585), (5424, 8.598588), (1_000_000, 13.815511),
        ]
        for (value, expected) in cases { #expect(abs(TopicIndex.naturalLog(value) - expected) < 1e-4) }
    }

    @Test func establishedModifierBeforeAName() {
        func check(_ text: String, _ name: String) -> Bool {
            UTF8Text.withBytes(text) { bytes in
                let start = Array(text.utf8).firstRange(of: Array(name.utf8))?.lowerBound ?? 0
                return NameContext.followsEstablishedModifier(start: start, in: bytes)
            }
        }
        #expect(check("Our tool extends the classical STRIDE framework with agents.", "STRIDE"))
        #expect(check("Unlike traditional ZetaNet pipelines, we", "ZetaNet"))
        #expect(!check("Unlike ZetaNet, we", "ZetaNet"))
        #expect(!check("compared with standard, ZetaNet", "ZetaNet"))
    }

    @Test func aTitleNamedPaperDoesNotClaimItsByProductName() {
        let claims = UTF8Text.withBytes(
            "We present a benchmark for screen agents. We introduce WidgetWorld, a large-scale dataset of phone screens."
        ) { PaperClaims(title: "WidgetWorldBench: Screen Agents Under Test", abstract: $0) }
        #expect(claims.names == ["WidgetWorldBench"])
        #expect(claims.ownNames.contains("WidgetWorld"))
    }

    /// 1,200 filler papers give word rarities; `ZetaNet` is claimed by a lensing paper, and
    /// `extraClaimants` (title, abstract) are added after it.
    static func index(citing: [String], extraClaimants: [(String, String)] = []) -> (ReferenceMatcher, [PaperRecord]) {
        let topics = ["protein folding", "traffic forecasting", "speech enhancement", "robot grasping", "query optimization",
                      "graph coloring", "music transcription", "malware detection", "crop yield", "gravitational lensing"]
        var records: [PaperRecord] = []
        for number in 0..<1200 {
            let topic = topics[number % topics.count]
            records.append(PaperRecord(
                arxivID: "2501.\(String(10000 + number))", title: "A study of \(topic) number \(number)",
                abstract: "We study \(topic) with token\(number) and marker\(number % 97) on benchmark\(number % 13).",
                authors: ["Filler Author"], categories: ["cs.LG"], date: "2025-01-02",
                source: SourceLocation(file: "t", line: 1), format: .arxivListing))
        }
        records.append(PaperRecord(
            arxivID: "2502.00001", title: "ZetaNet: Sparse Reconstruction of Gravitational Lensing Maps",
            abstract: "We propose a sparse reconstruction network for gravitational lensing maps of galaxy clusters, "
                + "recovering dark matter halos from weak shear catalogues.",
            authors: ["Ada Claimant"], categories: ["astro-ph"], date: "2025-02-01",
            source: SourceLocation(file: "t", line: 1), format: .arxivListing))
        for (offset, (title, abstract)) in extraClaimants.enumerated() {
            records.append(PaperRecord(
                arxivID: "2502.0010\(offset)", title: title, abstract: abstract, authors: ["Ann Seer", "Bo Release"],
                categories: ["cs.CL"], date: "2025-02-01", source: SourceLocation(file: "t", line: 1),
                format: .arxivListing))
        }
        for (offset, abstract) in citing.enumerated() {
            records.append(PaperRecord(
                arxivID: "2503.0000\(offset + 1)", title: "Citing paper \(offset)", abstract: abstract,
                authors: ["Cy Citer"], categories: ["cs.LG"], date: "2025-03-01",
                source: SourceLocation(file: "t", line: 1), format: .arxivListing))
        }
        var index = ReferenceIndex()
        for record in records { index.add(record) }
        return (index.compiled().pruningEstablishedNames(in: records), records)
    }

    @Test func aNameLinksOnlyFromAnAbstractOnTheSameSubject() throws {
        let (matcher, records) = Self.index(citing: [
            "Building on ZetaNet, we reconstruct gravitational lensing maps of galaxy clusters and dark matter halos.",
            "Our pasta recipe planner beats ZetaNet at ordering kitchen tasks for busy restaurant cooks.",
            "Our lensing survey extends the classical ZetaNet pipeline to dark matter halos of galaxy clusters.",
        ])
        let claimant = "2502.00001"
        let onTopic = matcher.mentions(in: records[records.count - 3])
        #expect(onTopic.map(\.resolvedID) == [claimant])
        let offTopic = matcher.mentions(in: records[records.count - 2])
        #expect(offTopic.count == 1)
        #expect(offTopic.first?.resolvedID == nil, "an unrelated abstract keeps the name as a dangling mention")
        #expect(matcher.mentions(in: records[records.count - 1]).isEmpty, "`classical` names an established thing")
    }

    /// The one-pass word hashing folds plurals as hashing the folded word does.
    @Test func onePassHashingMatchesFoldedHash() {
        let words = ["studies", "Studies", "STUDIES", "ties", "series", "models", "glass", "status", "corpus", "bias",
                     "Xies", "abcs", "lens", "GANs", "ResNet50", "x86s", "lensing", "Attentions", "busses", "opus"]
        for word in words {
            let expected = UTF8Text.withBytes(word) { TopicalAgreement.foldedHash($0, from: 0, to: $0.count) }
            var seen: [UInt32] = []
            UTF8Text.withBytes("(" + word + "),") { TopicalAgreement.forEachWord(in: $0) { seen.append($0) } }
            #expect(seen == [expected], "\(word)")
        }
    }

    /// The hash tables that replaced sorting give what sorting gave.
    @Test func countingTableCountsAsSortingDid() {
        let title = "Sparse lensing maps of lensing clusters"
        let abstract = "We map lensing halos. Halos and clusters of halos: sparse maps, sparse codes, studies of codes."
        let (words, weights) = UTF8Text.withBytes(abstract) { TopicalAgreement.weightedWords(title: title, abstract: $0) }
        var expected: [UInt32: Int] = [:]
        for word in TopicalAgreement.contentWords(of: title) { expected[word, default: 0] += TopicalAgreement.titleWeight }
        for word in TopicalAgreement.contentWords(of: abstract) { expected[word, default: 0] += 1 }
        #expect(Set(words).count == words.count)
        #expect(Dictionary(uniqueKeysWithValues: zip(words, weights.map(Int.init))) == expected)

        var counter = WordCounter(expectedWords: 1)
        for value in 0..<5000 { counter.add(UInt32(value % 1700) &* 2_654_435_761, count: 1) }
        #expect(counter.words.count == 1700)
        #expect(counter.counts.reduce(0, +) == 5000)

        let members = (0..<300).map { UInt32($0) &* 40503 }
        let table = WordHashSet(members)
        #expect(members.allSatisfy(table.contains))
        #expect(!(300..<2000).contains { table.contains(UInt32($0) &* 40503) })
        #expect(WordHashSet([0]).contains(0))
    }

    /// An index that keeps no claimant's words (a store's) gets the same signatures once the
    /// matcher is handed the owners' text after compiling, and asks for no one else's.
    @Test func signaturesChosenAfterCompilingMatchKeptWords() throws {
        let citing = ["Building on ZetaNet, we reconstruct gravitational lensing maps of galaxy clusters."]
        let (kept, records) = Self.index(citing: citing)
        var index = ReferenceIndex(keepsClaimantWords: false)
        for record in records { index.add(record) }
        var matcher = index.compiled()
        let owners = matcher.papersAwaitingSignatures
        #expect(!owners.isEmpty)
        #expect(owners == owners.sorted())
        let ownerSet = Set(owners)
        for pattern in matcher.names.indices where matcher.names[pattern].owner >= 0 {
            #expect(ownerSet.contains(matcher.names[pattern].owner))
        }
        for owner in owners {
            let record = records[Int(owner)]
            matcher.setSignatures(UTF8Text.withBytes(record.abstract) {
                matcher.signatures(of: Int(owner), title: record.title, abstract: $0)
            })
        }
        matcher.finishSignatures()
        #expect(matcher.papersAwaitingSignatures.isEmpty)
        #expect(matcher.names.map(\.name) == kept.names.map(\.name))
        var signed = 0
        for pattern in matcher.names.indices {
            let chosen = matcher.topicSignatures.signature(of: pattern)
            let expected = kept.topicSignatures.signature(of: pattern)
            #expect(Array(chosen.words) == Array(expected.words), "\(matcher.names[pattern].name)")
            #expect(Array(chosen.weights) == Array(expected.weights), "\(matcher.names[pattern].name)")
            if !chosen.words.isEmpty { signed += 1 }
        }
        #expect(signed > 0)
    }

    /// Below `minimumDocuments` papers no signature is wanted, so no text is asked for.
    @Test func aSmallIndexAwaitsNoSignatures() {
        var index = ReferenceIndex(keepsClaimantWords: false)
        index.add(PaperRecord(
            arxivID: "2502.00001", title: "ZetaNet: Sparse Reconstruction of Gravitational Lensing Maps",
            abstract: "We propose a sparse reconstruction network for lensing maps.", authors: ["Ada Claimant"],
            categories: ["astro-ph"], date: "2025-02-01", source: SourceLocation(file: "t", line: 1), format: .arxivListing))
        #expect(index.compiled().papersAwaitingSignatures.isEmpty)
    }

    /// `TopicJudge` (one pass over the abstract, a table of the used names' signature words)
    /// agrees with the sorted-words `TopicSignatures.agrees` on every name and abstract.
    @Test func judgeAgreesWithSortedWordsJudgement() throws {
        let citing = [
            "Building on ZetaNet, we reconstruct gravitational lensing maps of galaxy clusters and dark matter halos.",
            "Our pasta recipe planner beats ZetaNet at ordering kitchen tasks for busy restaurant cooks.",
            "ZetaNet and sparse weak shear catalogues of galaxy halos.",
            "Nothing shared with ZetaNet here at all.",
        ]
        let (matcher, _) = Self.index(citing: citing)
        let patterns = (0..<matcher.names.count).map(Int32.init)
        #expect(patterns.contains { !matcher.topicSignatures.signature(of: Int($0)).words.isEmpty })
        var judge = TopicJudge()
        for abstract in citing {
            var words: [UInt32] = []
            UTF8Text.withBytes(abstract) { TopicalAgreement.abstractWords($0, into: &words) }
            let agreeing = UTF8Text.withBytes(abstract) {
                judge.agreeing(patterns, in: $0, signatures: matcher.topicSignatures)
            }
            for pattern in patterns {
                #expect(
                    agreeing.contains(pattern) == matcher.topicSignatures.agrees(pattern: Int(pattern), abstractWords: words),
                    "\(matcher.names[Int(pattern)].name) in \(abstract)")
            }
        }
    }

    /// A versioned name that its owner's title carries and its abstract introduces is a release
    /// papers on any subject use; a title prefix alone, or a name without a version, is not.
    @Test func titledReleasesLinkFromAnySubject() throws {
        let (matcher, records) = Self.index(
            citing: [
                "We label crop yield photos with Quill 3 and a small vision head for farmers.",
                "We label crop yield photos with Rook 2 and a small vision head for farmers.",
                "We label crop yield photos with ZetaNet and a small vision head for farmers.",
            ],
            extraClaimants: [
                ("Quill 3 Technical Report", "We introduce Quill 3, a family of models for protein folding and query optimization."),
                ("Rook 2: Distilling Chess Engines into Language Models",
                 "We distil Rook 2 models for protein folding and query optimization."),
            ])
        let count = records.count
        #expect(matcher.mentions(in: records[count - 3]).map(\.resolvedID) == ["2502.00100"])
        #expect(matcher.mentions(in: records[count - 2]).map(\.resolvedID) == [nil], "a title prefix alone is no release")
        #expect(matcher.mentions(in: records[count - 1]).map(\.resolvedID) == [nil], "an unversioned name stays gated")
        var without = matcher
        without.options.titledReleasesSkipTopic = false
        #expect(without.mentions(in: records[count - 3]).map(\.resolvedID) == [nil])
    }

    /// An ordinary-word name only an abstract claims needs the citing text to point at its
    /// owner another way, however close the subjects are.
    @Test func ordinaryWordNamesClaimedInAnAbstractNeedCorroboration() throws {
        let (matcher, records) = Self.index(
            citing: [
                "Unlike LensFinder, we reconstruct gravitational lensing maps of galaxy clusters and dark matter halos.",
                "LensFinder (Seer et al., 2025) misses faint arcs; we reconstruct gravitational lensing maps of galaxy clusters.",
            ],
            extraClaimants: [
                ("Finding Arcs in Gravitational Lensing Surveys",
                 "We introduce LensFinder, a detector of gravitational lensing arcs in galaxy cluster surveys with dark matter halos."),
            ])
        let count = records.count
        #expect(matcher.mentions(in: records[count - 2]).map(\.resolvedID) == [nil])
        let corroborated = matcher.mentions(in: records[count - 1])
        #expect(corroborated.map(\.rule) == ["name", "author-year"])
        #expect(corroborated.map(\.resolvedID) == ["2502.00100", "2502.00100"])
        var without = matcher
        without.options.ordinaryWordNamesNeedCorroboration = false
        #expect(without.mentions(in: records[count - 2]).map(\.resolvedID) == ["2502.00100"])
    }
}
