import Foundation
import Testing

@testable import Corpus

/// The real pages and corpora in `../shared`. Expected figures were checked by reading the
/// files (counts of title/abstract pairs and metadata lines) and, for the corpora, computed
/// once with Python's json module.
@Suite struct RealDataTests {
    @Test func seedSearchPage000() throws {
        let outcome = try readEverything(sharedFile("seeds/000_7cd51532e9568c3d.txt"))
        #expect(outcome.issues.isEmpty, "\(outcome.issues)")
        #expect(outcome.format == .huggingFacePage)
        // Titles on lines 11, 15, ..., 295: 72 papers, no metadata lines on this page.
        #expect(outcome.records.count == 72)
        #expect(outcome.records.map(\.source.line) == Array(stride(from: 11, through: 295, by: 4)))
        #expect(outcome.records.allSatisfy { $0.authorCount == nil && $0.date == nil && $0.upvotes == nil })
        #expect(outcome.records.first?.title == "Polynomial Composition Activations: Unleashing the Dynamics of Large Language Models")
        #expect(outcome.records.last?.title == "Efficient Online Processing with Deep Neural Networks")
        #expect(outcome.records[7].title.hasPrefix("ZeroQuant-V2: Exploring Post-training Quantization"))
        #expect(outcome.records.allSatisfy { $0.abstract.utf8.count > 1000 && !$0.abstract.contains("\n") })
    }

    @Test func seedSearchPage001() throws {
        let outcome = try readEverything(sharedFile("seeds/001_af2fbd0b350b5a69.txt"))
        #expect(outcome.issues.isEmpty, "\(outcome.issues)")
        // Titles on lines 11, 15, ..., 359: 88 papers.
        #expect(outcome.records.count == 88)
        #expect(outcome.records.map(\.source.line) == Array(stride(from: 11, through: 359, by: 4)))
        #expect(outcome.records.first?.title == "LoRAPrune: Pruning Meets Low-Rank Parameter-Efficient Fine-Tuning")
        #expect(outcome.records.first { $0.source.line == 271 }?.title == "Light Schrödinger Bridge")
        #expect(outcome.records.first { $0.source.line == 111 }?.title == "PLeaS -- Merging Models with Permutations and Least Squares")
        #expect(outcome.records.last?.title == "CFG++: Manifold-constrained Classifier Free Guidance for Diffusion Models")
    }

    @Test func seedDailyPage003() throws {
        let outcome = try readEverything(sharedFile("seeds/003_d3a15de0ed8ad136.txt"))
        #expect(outcome.issues.isEmpty, "\(outcome.issues)")
        // 58 papers: titles every 8 lines from 13, except the one on line 101 that has no
        // author/date lines (the next title is on line 105).
        #expect(outcome.records.count == 58)
        let expectedLines = Array(stride(from: 13, through: 101, by: 8)) + Array(stride(from: 105, through: 465, by: 8))
        #expect(outcome.records.map(\.source.line) == expectedLines)

        func paper(at line: Int) throws -> PaperRecord {
            try #require(outcome.records.first { $0.source.line == line })
        }
        let first = try paper(at: 13)
        #expect(first.title == "Polynomial Composition Activations: Unleashing the Dynamics of Large Language Models")
        #expect(first.authorCount == 6)
        #expect(first.date == "2024-11-06")
        #expect(first.upvotes == 1)

        let powerSoftmax = try paper(at: 21)  // "Oct 12, 2024": no upvote count
        #expect(powerSoftmax.authorCount == 10)
        #expect(powerSoftmax.date == "2024-10-12")
        #expect(powerSoftmax.upvotes == nil)

        let yearless = try paper(at: 53)  // "Sep 3 2": current-year date, 2 upvotes
        #expect(yearless.title == "Easier Painting Than Thinking: Can Text-to-Image Models Set the Stage, but Not Direct the Play?")
        #expect(yearless.authorCount == 9)
        #expect(yearless.date == nil)
        #expect(yearless.upvotes == 2)

        let bare = try paper(at: 101)
        #expect(bare.title == "From f(x) and g(x) to f(g(x)): LLMs Learn New Skills in RL by Composing Old Ones")
        #expect(bare.authorCount == nil && bare.date == nil && bare.upvotes == nil)
        #expect(!bare.abstract.isEmpty)

        let oneAuthor = try paper(at: 169)  // "• 1 authors"
        #expect(oneAuthor.title == "Symbolic Synthesis of Neural Networks")
        #expect(oneAuthor.authorCount == 1)
        #expect(oneAuthor.date == "2023-03-06")

        let fiveVotes = try paper(at: 369)
        #expect(fiveVotes.title.hasPrefix("SymbolicAI:"))
        #expect(fiveVotes.date == "2024-02-01")
        #expect(fiveVotes.upvotes == 5)

        let last = try paper(at: 465)
        #expect(last.title == "The Lazy Neuron Phenomenon: On Emergence of Activation Sparsity in Transformers")
        #expect(last.authorCount == 11)
        #expect(last.date == "2022-10-12")
        #expect(last.upvotes == nil)

        #expect(outcome.records.filter { $0.authorCount != nil }.count == 57)
        // 18 date lines end with an upvote count (grep for "Mon D[, YYYY] N").
        #expect(outcome.records.filter { $0.upvotes != nil }.count == 18)
    }

    @Test func samePaperOnTwoSeedPagesHasOneIdentity() throws {
        let search = try readEverything(sharedFile("seeds/000_7cd51532e9568c3d.txt"))
        let daily = try readEverything(sharedFile("seeds/003_d3a15de0ed8ad136.txt"))
        let other = try readEverything(sharedFile("seeds/001_af2fbd0b350b5a69.txt"))
        let onSearch = try #require(search.records.first)
        let onDaily = try #require(daily.records.first)
        #expect(onSearch.source.file != onDaily.source.file)
        #expect(onSearch.id == onDaily.id)
        #expect(onSearch.id == "polynomial composition activations unleashing the dynamics of large language models")

        // Papers shared between the pages by title also share ids, and only those.
        let searchIDs = Set(search.records.map(\.id))
        let dailyIDs = Set(daily.records.map(\.id))
        let otherIDs = Set(other.records.map(\.id))
        #expect(searchIDs.intersection(dailyIDs).count == Set(search.records.map(\.title)).intersection(daily.records.map(\.title)).count)
        #expect(searchIDs.contains("complexity based prompting for multi step reasoning"))
        #expect(otherIDs.contains("complexity based prompting for multi step reasoning"))
    }

    @Test func arxivListingMarch2025() throws {
        let outcome = try readEverything(sharedFile("corpora/arxiv-cs-2025-03.jsonl"))
        #expect(outcome.issues.isEmpty, "\(outcome.issues.prefix(3))")
        #expect(outcome.format == .arxivListing)
        #expect(outcome.records.count == 2327)
        #expect(outcome.records.allSatisfy { $0.format == .arxivListing && $0.arxivID != nil })
        #expect(outcome.records.map(\.source.line) == Array(1...2327))
        // Fingerprints from Python: sums of UTF-8 lengths (titles whitespace-folded).
        #expect(outcome.records.reduce(0) { $0 + $1.abstract.utf8.count } == 3_074_826)
        #expect(outcome.records.reduce(0) { $0 + $1.title.utf8.count } == 192_077)
        #expect(outcome.records.reduce(0) { $0 + $1.authors.count } == 13_861)
        #expect(outcome.records.reduce(0) { $0 + $1.categories.count } == 4_270)
        #expect(outcome.records.filter { $0.comment != nil }.count == 1_147)
        let first = try #require(outcome.records.first)
        #expect(first.arxivID == "2503.11677")
        #expect(first.date == "2025-03-18")
        #expect(first.authors.count == 5)
        #expect(first.categories == ["cs.HC", "cs.CV"])
        #expect(first.comment == nil)
        #expect(first.abstract.filter { $0 == "\n" }.count == 25)  // hard wraps kept verbatim
        let last = try #require(outcome.records.last)
        #expect(last.arxivID == "2503.22679")
        #expect(last.title == "Q-Insight: Understanding Image Quality via Visual Reinforcement Learning")
        #expect(last.comment == "Technical report")
    }

    @Test func arxivListingDecember2025() throws {
        let outcome = try readEverything(sharedFile("corpora/arxiv-cs-2025-12.jsonl"))
        #expect(outcome.issues.isEmpty, "\(outcome.issues.prefix(3))")
        #expect(outcome.records.count == 3097)
        #expect(outcome.records.allSatisfy { $0.format == .arxivListing && $0.arxivID != nil })
        #expect(outcome.records.reduce(0) { $0 + $1.abstract.utf8.count } == 4_209_534)
        #expect(outcome.records.reduce(0) { $0 + $1.title.utf8.count } == 257_755)
        #expect(outcome.records.reduce(0) { $0 + $1.authors.count } == 19_619)
        #expect(outcome.records.reduce(0) { $0 + $1.categories.count } == 4_868)
        #expect(outcome.records.filter { $0.comment != nil }.count == 1_410)
        let last = try #require(outcome.records.last)
        #expect(last.arxivID == "2512.23709")
        #expect(last.date == "2025-12-30")
        #expect(last.comment == "Project page: https://jamichss.github.io/stream-diffvsr-project-page/")
    }
}
