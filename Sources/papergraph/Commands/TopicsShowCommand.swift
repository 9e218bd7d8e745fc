import Analysis
import ArgumentParser
import Foundation
import GraphStore

struct TopicsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One topic: its label phrases with scores, size, top papers and top link targets.",
        discussion: """
            T is a topic number from `papergraph topics`, its label (a category such as
            cs.CV), or a piece of the label that only one topic has.

            Example:
              papergraph topics show 3
              papergraph topics show "video generation" --papers 20
              papergraph topics show cs.CL --topics categories --format json
            """
    )

    @Argument(help: ArgumentHelp("Topic number or label.", valueName: "T"))
    var topic: String

    @Option(name: .long, help: "Label phrases to show (1-10).")
    var labels: Int = 10

    @Option(name: .long, help: "Top papers to show.")
    var papers: Int = 10

    @Option(name: .long, help: "Top link targets to show.")
    var targets: Int = 10

    @OptionGroup var topicOptions: TopicOptions
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if !(1...TopicModel.labelsKept).contains(labels) { throw ValidationError("--labels must be between 1 and \(TopicModel.labelsKept)") }
        if papers < 0 || targets < 0 { throw ValidationError("--papers and --targets must be 0 or more") }
    }

    func run() throws {
        let store = try options.openStore()
        let run = try topicOptions.topics(store).run
        let topic = try TopicCatalog.topic(self.topic, in: run)
        let links = try TopicCatalog.links(of: run, in: store).filter { $0.topic == topic.number }.prefix(targets)
        let shownPapers = Array(topic.papers.prefix(papers))
        let titles = try store.paperRefs(ids: shownPapers.map(\.paperID))
        let phrases = topic.phrases.prefix(labels)

        var text = "topic \(topic.number): \(topic.label)\n"
        text += "source      \(run.source) (\(run.parameters))\n"
        text += "papers      \(topic.size) of \(run.paperCount)\n\n"
        text += "label phrases (c-TF-IDF score, papers of the topic using it)\n"
        for phrase in phrases {
            text += "  " + pad(ResultTable.Cell.formatted(phrase.score), 9) + pad(String(phrase.papers), 6) + phrase.phrase + "\n"
        }
        text += "\ntop papers\n"
        for paper in shownPapers {
            let entry = titles[paper.paperID]
            text += "  " + pad(entry?.key ?? "#\(paper.paperID)", 14) + " " + (entry?.title ?? "") + "\n"
        }
        text += "\ntop link targets (papers of the topic linking to it)\n"
        if links.isEmpty { text += "  (none)\n" }
        for link in links { text += "  " + pad(String(link.papers), 6) + pad(link.kind, 10) + link.target + "\n" }

        let json = JSONValue.object([
            "topic": .int(topic.number),
            "label": .string(topic.label),
            "source": .string(run.source),
            "parameters": .string(run.parameters),
            "papers": .int(topic.size),
            "phrases": .array(phrases.map { .object(["phrase": .string($0.phrase), "score": .double($0.score), "papers": .int($0.papers)]) }),
            "top_papers": .array(shownPapers.map { paper in
                .object([
                    "key": .optional(titles[paper.paperID]?.key), "title": .optional(titles[paper.paperID]?.title),
                    "score": .double(paper.score),
                ])
            }),
            "top_targets": .array(links.map { .object(["target": .string($0.target), "kind": .string($0.kind), "papers": .int($0.papers)]) }),
        ])
        try options.emit(.document(text: text, json: json))
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
