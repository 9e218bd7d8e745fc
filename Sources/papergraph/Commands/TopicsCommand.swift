import Analysis
import ArgumentParser
import Foundation
import GraphStore

extension TopicSource: ExpressibleByArgument {}

/// Which topics, and how to compute them when they are not stored yet (shared by every topic command).
struct TopicOptions: ParsableArguments {
    @Option(name: .customLong("topics"), help: ArgumentHelp("Topic source: keyphrases or categories (arXiv primary category).", valueName: "source"))
    var source: TopicSource = .keyphrases

    @Option(name: .long, help: ArgumentHelp("Smallest topic, in papers (default 5, or the stored run's).", valueName: "n"))
    var minSize: Int?

    @Option(name: .long, help: ArgumentHelp("Seed of the community detection (default 0, or the stored run's).", valueName: "s"))
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp("Resolution: above 1 gives more, smaller topics (default 1, or the stored run's).", valueName: "r"))
    var resolution: Double?

    @Flag(name: .long, help: "Recompute even when the stored topics are up to date.")
    var recompute = false

    func validate() throws {
        if let minSize, minSize < 1 { throw ValidationError("--min-size must be at least 1") }
        if let resolution, !(resolution > 0) || !resolution.isFinite { throw ValidationError("--resolution must be a positive number") }
    }

    /// The current topics, computed and stored when needed; says on stderr which happened.
    func topics(_ store: GraphStore) throws -> TopicCatalog.Outcome {
        try Self.topics(
            store, .init(source: source, minSize: minSize, seed: seed, resolution: resolution, recompute: recompute))
    }

    /// The current topics of `source` with stored or default parameters.
    static func current(_ store: GraphStore, source: TopicSource) throws -> StoredTopicRun {
        try topics(store, .init(source: source)).run
    }

    static func topics(_ store: GraphStore, _ request: TopicCatalog.Request) throws -> TopicCatalog.Outcome {
        let outcome = try TopicCatalog.current(store, request)
        let run = outcome.run
        var summary = "\(run.topics.count) \(request.source.rawValue) topics, \(run.assignedCount) of \(run.paperCount) papers assigned"
        if let modularity = run.modularity { summary += ", modularity \(ResultTable.Cell.formatted(modularity))" }
        summary += " (\(run.parameters))"
        if outcome.computed {
            summary += outcome.stored ? "; computed and stored" : "; computed (the database is read-only, not stored)"
        } else {
            summary += "; stored run, store unchanged since"
        }
        Console.info(summary)
        if run.topics.isEmpty {
            Console.info(
                "no topic has at least \(outcome.parameters.minSize) papers (\(run.paperCount) papers in the store); try a smaller --min-size")
        }
        return outcome
    }
}

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Topics of the stored papers: communities of shared keyphrases and links, or arXiv categories.",
        discussion: """
            Keyphrases (1-4 words from each title and abstract, LaTeX and URLs removed,
            plurals folded, acronyms merged with their expansions, scored by TF-IDF)
            and shared link targets make a graph; its Leiden communities are the
            topics, each labelled with the keyphrases that set it apart (c-TF-IDF).
            --topics categories uses arXiv primary categories instead.

            Topics are stored. Commands reuse them until the store changes (an
            ingest) or other parameters are asked for; then they are recomputed.
            Parameters not given keep the stored run's values. Other commands
            filter by topic with --topic T. The listing's options:
            `papergraph topics list --help`.

            Example:
              papergraph topics --min-size 10 --labels 4
              papergraph topics show 3
              papergraph topics --topics categories
              papergraph rank --topic 3
            """,
        subcommands: [TopicsListCommand.self, TopicsShowCommand.self],
        defaultSubcommand: TopicsListCommand.self
    )
}

struct TopicsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the topics, largest first (the default of `papergraph topics`).",
        discussion: """
            Example:
              papergraph topics --labels 5 --format csv
            """
    )

    @Option(name: .long, help: "Label phrases shown per topic (1-10).")
    var labels: Int = 3

    @Option(name: .long, help: "Link targets shown per topic.")
    var targets: Int = 3

    @OptionGroup var topicOptions: TopicOptions
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if !(1...TopicModel.labelsKept).contains(labels) { throw ValidationError("--labels must be between 1 and \(TopicModel.labelsKept)") }
        if targets < 0 { throw ValidationError("--targets must be 0 or more") }
    }

    func run() throws {
        let store = try options.openStore()
        let run = try topicOptions.topics(store).run
        let links = targets > 0 ? try TopicCatalog.links(of: run, in: store) : []
        var linksByTopic: [Int: [TopicLink]] = [:]
        for link in links { linksByTopic[link.topic, default: []].append(link) }
        let table = ResultTable(
            columns: ["topic", "papers", "label", "top_targets"],
            rows: run.topics.map { topic in
                [
                    .int(topic.number), .int(topic.size), .text(Self.label(topic, source: run.source, phrases: labels)),
                    .text((linksByTopic[topic.number] ?? []).prefix(targets).map { "\($0.target) (\($0.papers))" }
                        .joined(separator: " ")),
                ]
            })
        try options.emit(.table(table))
    }

    /// `k` phrases; category topics keep their category in front (`cs.CV: image segmentation, …`).
    static func label(_ topic: StoredTopic, source: String, phrases k: Int) -> String {
        let phrases = topic.phrases.prefix(k).map(\.phrase).joined(separator: ", ")
        if source == TopicSource.categories.rawValue { return phrases.isEmpty ? topic.label : topic.label + ": " + phrases }
        return phrases.isEmpty ? topic.label : phrases
    }
}
