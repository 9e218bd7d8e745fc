import Foundation
import Testing

/// `topics`, `topics show`, `topic-links`, `render topics` and `--topic`, on listings written
/// for these tests.
@Suite struct TopicsCLITests {
    let scratch = Scratch()

    /// An arXiv-listing line with a chosen category.
    static func line(_ id: String, _ title: String, _ abstract: String, category: String, comment: String? = nil) -> String {
        Fixture.line(id, title, abstract, comment: comment)
            .replacingOccurrences(of: "\"categories\": [\"cs.LG\"]", with: "\"categories\": [\"\(category)\", \"cs.LG\"]")
    }

    /// Three themes of four papers; each theme shares a repository, and one repository is
    /// shared by two themes.
    static let listing: String = {
        var lines: [String] = []
        let themes: [(String, String, String, [(String, String)])] = [
            ("q-bio.BM", "github.com/acme/molecules", "github.com/acme/common", [
                ("Graph neural networks for molecule property prediction", "Graph neural networks predict molecule properties through message passing on molecular graphs."),
                ("Equivariant message passing for molecules", "Equivariant message passing improves molecule property prediction on molecular graphs."),
                ("Pretraining graph neural networks on molecular graphs", "Self-supervised pretraining of graph neural networks helps molecule property prediction."),
                ("Message passing for toxicity prediction", "Message passing networks on molecular graphs predict toxicity and molecule properties."),
            ]),
            ("eess.AS", "github.com/acme/speech", "github.com/acme/common", [
                ("Speech recognition for low-resource languages", "Automatic speech recognition (ASR) for low-resource languages lacks transcribed speech."),
                ("Multilingual speech recognition", "We pretrain automatic speech recognition (ASR) encoders for low-resource languages."),
                ("Self-training for speech recognition", "Pseudo-labels improve speech recognition in low-resource languages with little transcribed speech."),
                ("Accent robust speech recognition", "Accented transcribed speech hurts speech recognition in low-resource languages."),
            ]),
            ("cs.CV", "github.com/acme/video", "github.com/acme/video-tools", [
                ("Diffusion video generation", "Video diffusion models generate videos from text with temporal attention."),
                ("Long video generation with diffusion", "We extend video diffusion models to long video generation with temporal attention."),
                ("Controllable video generation", "Camera control for video diffusion models gives controllable video generation."),
                ("Fast video diffusion sampling", "Distillation speeds up video diffusion models for video generation with temporal attention."),
            ]),
        ]
        var number = 1
        for (category, repo, second, papers) in themes {
            for (title, abstract) in papers {
                let id = String(format: "2503.%05d", number)
                lines.append(line(id, title, abstract + " Code: https://\(repo) and https://\(second).", category: category))
                number += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    private func database(_ text: String = Self.listing, name: String = "topics") throws -> String {
        let db = scratch.path("\(name).sqlite")
        let input = try scratch.write("\(name).jsonl", text)
        let result = try CLI.run(["ingest", "--quiet", "--db", db, input])
        #expect(result.status == 0, "\(result.stderr)")
        return db
    }

    @Test(arguments: [["topics"], ["topics", "list"], ["topics", "show"], ["topic-links"]])
    func topicCommandsExplainThemselves(command: [String]) throws {
        let result = try CLI.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
        #expect(result.stdout.contains("Example"))
    }

    @Test func topicsListThemesWithLabelsAndTargets() throws {
        let db = try database()
        let result = try CLI.run(["topics", "--db", db, "--min-size", "3", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("computed and stored"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { ($0["papers"] as? Int) == 4 })
        let labels = rows.compactMap { $0["label"] as? String }.joined(separator: " | ")
        #expect(labels.contains("video"), "\(labels)")
        #expect(labels.contains("speech recognition") || labels.contains("low-resource languages"), "\(labels)")
        #expect(rows.contains { ($0["top_targets"] as? String)?.contains("github.com/acme/common (4)") == true })

        let again = try CLI.run(["topics", "--db", db])
        #expect(again.status == 0)
        #expect(again.stderr.contains("stored run"), "the second call reuses the stored topics: \(again.stderr)")
        #expect(again.stdout.contains("min-size") == false)
    }

    @Test func topicsAreDeterministic() throws {
        let db = try database()
        let first = try CLI.run(["topics", "--db", db, "--min-size", "3", "--recompute", "--format", "csv"])
        let second = try CLI.run(["topics", "--db", db, "--min-size", "3", "--recompute", "--format", "csv"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
    }

    @Test func showOneTopic() throws {
        let db = try database()
        #expect(try CLI.run(["topics", "--db", db, "--min-size", "3"]).status == 0)
        let result = try CLI.run(["topics", "show", "video", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("label phrases"))
        #expect(result.stdout.contains("top papers"))
        #expect(result.stdout.contains("github.com/acme/video"))
        #expect(result.stdout.contains("papers      4 of 12"))
        let json = try CLI.run(["topics", "show", "1", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["topic"] as? Int == 1)
        #expect((object["phrases"] as? [Any])?.isEmpty == false)
    }

    @Test func unknownTopicIsAUserErrorThatListsTopics() throws {
        let db = try database()
        #expect(try CLI.run(["topics", "--db", db, "--min-size", "3"]).status == 0)
        let result = try CLI.run(["topics", "show", "42", "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no topic matches '42'"))
        #expect(result.stderr.contains("papergraph topics"))
        #expect(result.stderr.contains("1  "))
    }

    @Test func topicLinksAsCSV() throws {
        let db = try database()
        let result = try CLI.run(["topic-links", "--db", db, "--min-size", "3", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "topic,target,kind,papers")
        #expect(lines.contains { $0.hasSuffix(",github.com/acme/common,repo,4") })
        // Two repositories per topic, and their owner reached through them.
        #expect(lines.contains { $0.hasSuffix(",github.com/acme,owner,4") })
        #expect(lines.count == 1 + 3 * 2 + 3)
        let filtered = try CLI.run(["topic-links", "--db", db, "--min-papers", "5"])
        #expect(filtered.stdout.contains("(no rows)"))
    }

    @Test func categoriesAreASecondSource() throws {
        let db = try database()
        let result = try CLI.run(["topics", "--topics", "categories", "--db", db, "--min-size", "1", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("cs.CV: "))
        #expect(result.stdout.contains("q-bio.BM: "))
        let show = try CLI.run(["topics", "show", "eess.AS", "--topics", "categories", "--db", db])
        #expect(show.status == 0)
        #expect(show.stdout.contains("topic 2: eess.AS") || show.stdout.contains(": eess.AS"))
    }

    @Test func renderTopicsDrawsSharedTargets() throws {
        let db = try database()
        // render uses the stored parameters: themes of four papers need --min-size 3.
        #expect(try CLI.run(["topics", "--db", db, "--min-size", "3"]).status == 0)
        let dot = try CLI.run(["render", "topics", "--db", db, "--format", "dot"])
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.stdout.contains("\"topic:1\""))
        #expect(dot.stdout.contains("\"github.com/acme/common\""), "shared by two topics: drawn")
        #expect(!dot.stdout.contains("\"github.com/acme/speech\""), "used by one topic: folded into a count")
        #expect(dot.stdout.contains("own target"))
        #expect(dot.stdout.contains("topic</TD>"), "legend")
        let categories = try CLI.run(["render", "topics", "--topics", "categories", "--db", db, "--layout", "sfdp", "--format", "svg"])
        #expect(categories.status == 0, "\(categories.stderr)")
        #expect(categories.stdout.contains("<svg"))
        let capped = try CLI.run(["render", "topics", "--db", db, "--format", "dot", "--max-nodes", "2"])
        #expect(capped.stdout.contains("not shown (max-nodes 2)"))
    }

    @Test func otherCommandsFilterByTopic() throws {
        let db = try database()
        #expect(try CLI.run(["rank", "--topic", "1", "--db", db]).status == 1, "no topics stored yet")
        #expect(try CLI.run(["topics", "--db", db, "--min-size", "3"]).status == 0)
        let ranked = try CLI.run(["rank", "--topic", "video", "--kinds", "paper", "--db", db, "--format", "csv"])
        #expect(ranked.status == 0, "\(ranked.stderr)")
        let rows = ranked.stdout.split(separator: "\r\n").dropFirst()
        #expect(rows.count == 4)
        let unknown = try CLI.run(["communities", "--topic", "nothing like this", "--db", db])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("papergraph topics"))
    }

    // MARK: Bad input

    @Test func fewerPapersThanMinSize() throws {
        let db = try database(Fixture.three, name: "three")
        let result = try CLI.run(["topics", "--db", db, "--min-size", "10"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("(no rows)"))
        #expect(result.stderr.contains("no topic has at least 10 papers (3 papers in the store)"))
        let render = try CLI.run(["render", "topics", "--db", db, "--format", "svg"])
        #expect(render.status == 0)
        #expect(render.stdout.contains("empty"))
    }

    @Test func emptyStore() throws {
        let db = scratch.path("empty.sqlite")
        let input = try scratch.write("bad.jsonl", "{\"id\": 5}\n")
        #expect(try CLI.run(["ingest", "--quiet", "--db", db, input]).status == 2)
        let result = try CLI.run(["topics", "--db", db])
        #expect(result.status == 0)
        #expect(result.stdout.contains("(no rows)"))
        #expect(try CLI.run(["topic-links", "--db", db]).status == 0)
        let show = try CLI.run(["topics", "show", "1", "--db", db])
        #expect(show.status == 1)
        #expect(show.stderr.contains("none yet"))
    }

    @Test func latexURLAndNonEnglishAbstracts() throws {
        let text = [
            Self.line("2503.00101", "$\\alpha$", "$\\int_0^1 f(x)\\,dx$ \\cite{x}", category: "math.NA"),
            Self.line("2503.00102", "https://example.org", "https://github.com/acme/only-a-link", category: "cs.LG"),
            Self.line("2503.00103", "图像分割方法", "我们提出了一种新的图像分割方法。", category: "cs.CV"),
            Self.line("2503.00104", "Bildsegmentierung mit Transformern", "Wir stellen ein Verfahren zur Bildsegmentierung vor.", category: "cs.CV"),
            Self.line("2503.00105", "Bildsegmentierung", "Bildsegmentierung ist schwierig.", category: "cs.CV"),
        ].joined(separator: "\n") + "\n"
        let db = try database(text, name: "odd")
        for source in ["keyphrases", "categories"] {
            let result = try CLI.run(["topics", "--db", db, "--topics", source, "--min-size", "1"])
            #expect(result.status == 0, "\(source): \(result.stderr)")
        }
        #expect(try CLI.run(["topic-links", "--db", db, "--min-size", "1"]).status == 0)
        #expect(try CLI.run(["render", "topics", "--db", db, "--format", "svg"]).status == 0)
    }

    @Test func badOptionsAreUserErrors() throws {
        let db = try database()
        #expect(try CLI.run(["topics", "--db", db, "--min-size", "0"]).status == 1)
        #expect(try CLI.run(["topics", "--db", db, "--resolution", "-2"]).status == 1)
        #expect(try CLI.run(["topics", "--db", db, "--labels", "11"]).status == 1)
        #expect(try CLI.run(["topics", "--db", db, "--topics", "authors"]).status == 1)
        #expect(try CLI.run(["topics", "--db", scratch.path("missing.sqlite")]).status == 1)
    }
}
