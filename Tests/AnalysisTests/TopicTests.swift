import Foundation
import GRDB
import GraphStore
import Testing

@testable import Analysis

/// Topic modelling on corpora written for these tests, through the store, and (label sanity)
/// on the real arXiv months in ../shared.
@Suite struct TopicTests {
    /// A corpus from (title, abstract, category) with optional links per paper.
    static func corpus(_ papers: [(String, String)], categories: [String?]? = nil, links: [[Int64]]? = nil) -> TopicCorpus {
        var indexer = KeyphraseIndexer()
        for (title, abstract) in papers { indexer.add(title: title, abstract: abstract) }
        var start = [0]
        var targets: [Int64] = []
        for i in papers.indices {
            targets += (links?[i] ?? []).sorted()
            start.append(targets.count)
        }
        return TopicCorpus(
            paperIDs: papers.indices.map { Int64($0 + 1) },
            primaryCategories: categories ?? Array(repeating: nil, count: papers.count),
            keyphrases: indexer.finish(phrasesPerPaper: 30), linkStart: start, linkTargets: targets)
    }

    @Test func threeThemesGiveThreeLabelledTopics() throws {
        let corpus = Self.corpus(KeyphraseTests.sampleCorpus)
        let result = try TopicModel.compute(corpus, parameters: .init(minSize: 3))
        #expect(result.topics.count == 3)
        // Each topic holds one theme's four papers.
        let groups = Set(result.topics.map { Set($0.papers) })
        #expect(groups == [Set(0..<4), Set(4..<8), Set(8..<12)])
        let labels = result.topics.map { $0.phrases.map(\.text) }
        let molecules = try #require(result.topics.first { $0.papers.contains(0) })
        let speech = try #require(result.topics.first { $0.papers.contains(4) })
        let video = try #require(result.topics.first { $0.papers.contains(8) })
        #expect(molecule(molecules.label), "\(labels)")
        #expect(speech.label.contains("speech recognition") || speech.label.contains("low-resource languages"), "\(labels)")
        #expect(video.label.contains("video"), "\(labels)")
        #expect(result.topics.map(\.number) == [1, 2, 3])
        #expect(result.topics.allSatisfy { $0.papers.count == $0.paperScores.count })
    }

    private func molecule(_ label: String) -> Bool {
        label.contains("molecul") || label.contains("graph neural networks") || label.contains("message passing")
    }

    @Test func sameSeedSameTopics() throws {
        let corpus = Self.corpus(KeyphraseTests.sampleCorpus)
        let a = try TopicModel.compute(corpus, parameters: .init(minSize: 2, seed: 7))
        let b = try TopicModel.compute(corpus, parameters: .init(minSize: 2, seed: 7))
        #expect(a.topics == b.topics)
    }

    @Test func sharedLinksJoinPapersWithoutSharedWords() throws {
        let papers = [("Alpha", "Zebra crossings."), ("Beta", "Quantum kettles."), ("Gamma", "Velvet rivers."),
                      ("Delta", "Amber lanterns."), ("Epsilon", "Copper meadows."), ("Zeta", "Silent orchards.")]
        let corpus = Self.corpus(papers, links: [[10], [10], [10], [20], [20], [20]])
        let result = try TopicModel.compute(corpus, parameters: .init(minSize: 3))
        #expect(Set(result.topics.map { Set($0.papers) }) == [Set([0, 1, 2]), Set([3, 4, 5])])
    }

    @Test func categoriesAreTopicsToo() throws {
        let corpus = Self.corpus(
            KeyphraseTests.sampleCorpus, categories: Array(repeating: "cs.LG", count: 4) + Array(repeating: "cs.CL", count: 4)
                + Array(repeating: "cs.CV", count: 3) + [nil])
        let result = try TopicModel.compute(corpus, parameters: .init(source: .categories, minSize: 3))
        #expect(result.topics.map(\.label) == ["cs.LG", "cs.CL", "cs.CV"])
        #expect(result.topics.map(\.papers.count) == [4, 4, 3])
        #expect(result.modularity == nil)
        #expect(result.topics[2].phrases.contains { $0.text.contains("video") })
    }

    @Test func fewerPapersThanMinSizeGiveNoTopics() throws {
        let corpus = Self.corpus(Array(KeyphraseTests.sampleCorpus.prefix(3)))
        let result = try TopicModel.compute(corpus, parameters: .init(minSize: 5))
        #expect(result.topics.isEmpty)
        #expect(result.paperCount == 3)
        #expect(try TopicModel.compute(corpus, parameters: .init(source: .categories, minSize: 5)).topics.isEmpty)
    }

    @Test func emptyCorpusGivesNoTopics() throws {
        let corpus = Self.corpus([])
        #expect(try TopicModel.compute(corpus, parameters: .init()).topics.isEmpty)
        #expect(try TopicModel.compute(corpus, parameters: .init(source: .categories)).topics.isEmpty)
    }

    @Test func textWithoutKeyphrasesIsUnassignedNotACrash() throws {
        let papers = [("", "$x^2$"), ("", "https://example.org/a"), ("", ""), ("", "\\cite{a}")]
        let result = try TopicModel.compute(Self.corpus(papers), parameters: .init(minSize: 1))
        #expect(result.topics.isEmpty)
    }

    @Test func parametersRoundTrip() throws {
        let parameters = TopicParameters(source: .keyphrases, minSize: 7, seed: 42, resolution: 1.5)
        #expect(TopicParameters(canonical: parameters.canonical, source: .keyphrases) == parameters)
        let categories = TopicParameters(source: .categories, minSize: 3)
        #expect(TopicParameters(canonical: categories.canonical, source: .categories) == categories)
        #expect(TopicParameters(canonical: "v0 min-size=5", source: .categories) == nil)
        #expect(throws: AnalysisError.self) { try TopicParameters(minSize: 0).validate() }
        #expect(throws: AnalysisError.self) { try TopicParameters(resolution: -1).validate() }
    }

    // MARK: Through the store

    final class Store {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("topics-\(UUID().uuidString)")
        let store: GraphStore

        init() throws {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            store = try GraphStore(path: directory.appendingPathComponent("t.sqlite").path)
        }

        /// Inserts papers the way ingest stores them (only the columns topics read matter).
        func add(_ papers: [(String, String)], category: String = "cs.LG", firstID: Int = 1, repo: String? = nil) throws {
            try store.database.write { db in
                for (offset, paper) in papers.enumerated() {
                    let id = firstID + offset
                    try db.execute(
                        sql: """
                            INSERT INTO paper (id, key, title_key, title, abstract, categories, content_hash, source_file, source_line, format)
                            VALUES (?, ?, ?, ?, ?, ?, 0, 'fixture.jsonl', ?, 'arxiv-listing')
                            """, arguments: [id, "25\(id)", paper.0.lowercased(), paper.0, paper.1, category, id])
                    if let repo {
                        try db.execute(sql: "INSERT OR IGNORE INTO target (kind, target) VALUES ('repo', ?)", arguments: [repo])
                        try db.execute(
                            sql: """
                                INSERT INTO mention (paper_id, target_id, field, start, "end", text, rule)
                                SELECT ?, id, 'abstract', 0, 1, 'x', 'url' FROM target WHERE target = ?
                                """, arguments: [id, repo])
                    }
                }
            }
        }

        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    @Test func topicsAreStoredAndReusedUntilTheStoreChanges() throws {
        let fixture = try Store()
        try fixture.add(Array(KeyphraseTests.sampleCorpus.prefix(8)), repo: "github.com/acme/shared")
        let first = try TopicCatalog.current(fixture.store, .init(minSize: 3))
        #expect(first.computed && first.stored)
        #expect(first.run.topics.count == 2)
        let again = try TopicCatalog.current(fixture.store, .init())
        #expect(!again.computed)
        #expect(again.run == first.run)
        #expect(again.parameters.minSize == 3, "parameters not given keep the stored run's")

        let other = try TopicCatalog.current(fixture.store, .init(minSize: 5))
        #expect(other.computed, "other parameters recompute")

        try fixture.add(Array(KeyphraseTests.sampleCorpus.suffix(4)), firstID: 9)
        let grown = try TopicCatalog.current(fixture.store, .init(minSize: 3))
        #expect(grown.computed, "a changed store recomputes")
        #expect(grown.run.topics.count == 3)
        #expect(try TopicCatalog.current(fixture.store, .init(minSize: 3, recompute: true)).computed)
    }

    @Test func topicsAreNamedByNumberOrLabel() throws {
        let fixture = try Store()
        try fixture.add(KeyphraseTests.sampleCorpus)
        let run = try TopicCatalog.current(fixture.store, .init(minSize: 3)).run
        let video = try #require(run.topics.first { $0.label.contains("video") })
        #expect(try TopicCatalog.topic(String(video.number), in: run) == video)
        #expect(try TopicCatalog.topic("VIDEO", in: run) == video)
        #expect(throws: AnalysisError.self) { try TopicCatalog.topic("99", in: run) }
        #expect(throws: AnalysisError.self) { try TopicCatalog.topic("no such thing", in: run) }
        do {
            _ = try TopicCatalog.topic("99", in: run)
        } catch {
            #expect(error.description.contains("papergraph topics"))
            #expect(error.description.contains(video.label))
        }
        let members = try TopicCatalog.paperIDs(forTopic: "video", in: fixture.store)
        #expect(members == Set(video.papers.map(\.paperID)))
        #expect(members.count == 4)
    }

    @Test func topicFilterNeedsStoredTopics() throws {
        let fixture = try Store()
        try fixture.add(KeyphraseTests.sampleCorpus)
        #expect(throws: AnalysisError.noTopics(source: "keyphrases")) {
            try TopicCatalog.paperIDs(forTopic: "1", in: fixture.store)
        }
        _ = try TopicCatalog.current(fixture.store, .init(source: .categories, minSize: 1))
        #expect(try TopicCatalog.paperIDs(forTopic: "categories:cs.LG", in: fixture.store).count == 12)
        #expect(try TopicCatalog.paperIDs(forTopic: "cs.LG", in: fixture.store).count == 12)
        // The graph filter keeps only the topic's papers.
        var filter = GraphFilter()
        filter.paperIDs = [1, 2]
        let graph = try GraphLoader.load(from: fixture.store.database, filter: filter)
        #expect(graph.paperCount == 2)
    }

    @Test func topicLinksCountPapersPerTopicAndTarget() throws {
        let fixture = try Store()
        try fixture.add(Array(KeyphraseTests.sampleCorpus.prefix(4)), repo: "github.com/acme/molecules")
        try fixture.add(Array(KeyphraseTests.sampleCorpus.dropFirst(4).prefix(4)), firstID: 5, repo: "github.com/acme/speech")
        let run = try TopicCatalog.current(fixture.store, .init(minSize: 3)).run
        let links = try TopicCatalog.links(of: run, in: fixture.store)
        #expect(links.count == 2)
        #expect(links.allSatisfy { $0.papers == 4 && $0.kind == "repo" })
        #expect(Set(links.map(\.target)) == ["github.com/acme/molecules", "github.com/acme/speech"])
    }

    @Test func emptyStoreHasNoTopics() throws {
        let fixture = try Store()
        let outcome = try TopicCatalog.current(fixture.store, .init())
        #expect(outcome.run.topics.isEmpty)
        #expect(outcome.run.paperCount == 0)
        #expect(try TopicCatalog.links(of: outcome.run, in: fixture.store).isEmpty)
    }

    // MARK: Real data

    /// Labels of the March 2025 cs listing must read like slide titles: no stop-word-only or
    /// boilerplate labels, no URL or LaTeX debris.
    @Test func realCorpusLabelsAreSane() throws {
        let path = try SharedData.path("corpora/arxiv-cs-2025-03.jsonl")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var papers: [(String, String)] = []
        var categories: [String?] = []
        for line in text.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            papers.append((object["title"] as? String ?? "", object["abstract"] as? String ?? ""))
            categories.append((object["categories"] as? [String])?.first)
        }
        #expect(papers.count > 2_000)
        let corpus = Self.corpus(papers, categories: categories)
        for source in TopicSource.allCases {
            let result = try TopicModel.compute(corpus, parameters: .init(source: source))
            #expect(result.topics.count >= (source == .keyphrases ? 20 : 5), "\(source)")
            for topic in result.topics {
                #expect(!topic.phrases.isEmpty, "topic \(topic.number) of \(source) has no label")
                for phrase in topic.phrases.map({ $0.text.lowercased() }) {
                    let words = phrase.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" }).map(String.init)
                    #expect(!words.allSatisfy(Self.stopOrBoilerplate.contains), "'\(phrase)' is boilerplate")
                    #expect(!Self.boilerplatePhrases.contains(phrase), "'\(phrase)' is boilerplate")
                    for debris in ["http", "www.", "github", "\\", "$", "{", "}", "_"] {
                        #expect(!phrase.contains(debris), "'\(phrase)' holds \(debris)")
                    }
                    #expect(words.count <= 5)
                }
            }
        }
    }

    /// Our own list, independent of the lexicon under test.
    static let stopOrBoilerplate: Set<String> = [
        "the", "a", "an", "of", "and", "or", "in", "on", "for", "to", "with", "by", "we", "our", "this", "that",
        "is", "are", "be", "as", "at", "from", "it", "its", "these", "which", "propose", "proposed", "novel",
        "method", "methods", "approach", "approaches", "paper", "results", "result", "experiments", "experiment",
        "extensive", "experimental", "state-of-the-art", "state", "art", "performance", "framework", "model",
        "models", "new", "show", "demonstrate", "achieve", "outperform", "outperforms", "existing", "significant",
        "task", "tasks", "data", "work", "study",
    ]

    static let boilerplatePhrases: Set<String> = [
        "propose", "novel method", "state of the art", "state-of-the-art", "experimental results",
        "extensive experiments", "paper", "approach", "proposed method", "proposed approach",
        "state-of-the-art performance", "state-of-the-art methods", "existing methods", "large margin",
    ]
}

/// `../shared` next to the package root.
enum SharedData {
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "real data not found at \(path): the tests expect ../shared next to the package root" }
    }

    static func path(_ relative: String) throws -> String {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        let file = url.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: file.path) else { throw Missing(path: file.path) }
        return file.path
    }
}
