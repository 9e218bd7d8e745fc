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
