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

    /// 1,200 filler papers give word rarities; `ZetaNet` is claimed by a lensing paper.
    static func index(citing: [String]) -> (ReferenceMatcher, [PaperRecord]) {
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
}
