import Analysis
import ArgumentParser
import GraphStore

struct TopicLinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topic-links",
        abstract: "The topic-link map as data: topic, target, kind, papers.",
        discussion: """
            One row per topic and link target (repository, owner, project page,
            dataset/model) that the topic's papers mention, with the number of the
            topic's papers mentioning it. Topics are those of `papergraph topics`
            (computed and stored first when needed). `papergraph render topics`
            draws the same map.

            Example:
              papergraph topic-links --min-papers 2
              papergraph topic-links --topics categories --format csv -o links.csv
            """
    )

    @Option(name: .long, help: "Only rows where at least this many papers of the topic link to the target.")
    var minPapers: Int = 1

    @OptionGroup var topicOptions: TopicOptions
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if minPapers < 1 { throw ValidationError("--min-papers must be at least 1") }
    }

    func run() throws {
        let store = try options.openStore()
        let run = try topicOptions.topics(store).run
        let links = try TopicCatalog.links(of: run, in: store).filter { $0.papers >= minPapers }
        let table = ResultTable(
            columns: ["topic", "target", "kind", "papers"],
            rows: links.map { [.int($0.topic), .text($0.target), .text($0.kind), .int($0.papers)] })
        try options.emit(.table(table))
    }
}
