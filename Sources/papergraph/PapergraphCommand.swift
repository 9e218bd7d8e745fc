import ArgumentParser
import Analysis
import Corpus
import Foundation
import GraphStore
import Rendering

@main
struct PapergraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "papergraph",
        abstract: "Extract the repositories, pages, datasets and paper references in research abstracts, store them as a graph, and explore it.",
        discussion: """
            Typical session:
              papergraph ingest listing.jsonl hf-page.txt   # builds papergraph.sqlite
              papergraph stats                              # what is in it
              papergraph papers --with-code                 # papers with released code
              papergraph shared-repos --min-papers 2        # repos several papers use
              papergraph show 2401.01234                    # one paper, links + evidence

            Exit status: 0 success; 1 a usage or environment problem (bad option,
            missing file, unknown paper, locked database); 2 bad input data
            (malformed records, which are skipped unless --strict; a file that
            is not a papergraph database).
            """,
        version: "0.1.0",
        subcommands: [
            ExtractCommand.self,
            IngestCommand.self,
            StatsCommand.self,
            ShowCommand.self,
            PapersCommand.self,
            SharedReposCommand.self,
            RankCommand.self,
            CommunitiesCommand.self,
            RelatedCommand.self,
            ComponentsCommand.self,
            CodeTrendCommand.self,
            RenderCommand.self,
            RenderDOTCommand.self,
            ExportCommand.self,
            RefsCommand.self,
            ExplainCommand.self,
            DemoCommand.self,
            TopicsCommand.self,
            TopicLinksCommand.self,
        ]
    )

    /// ArgumentParser exits with 64 on usage errors; papergraph promises 1, and 2 for bad data.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(with: error)
        }
    }

    static func exit(with error: any Error) -> Never {
        let status: Int32
        switch error {
        case let error as StoreError:
            Console.warn("error: \(error.description)")
            status = error.isBadInput ? ExitStatus.badInput : ExitStatus.userError
        case let error as CorpusError:
            Console.warn("error: \(error.description)")
            status = ExitFor.corpus(error)
        case let error as AnalysisError:
            Console.warn("error: \(error.description)")
            status = ExitStatus.userError
        case let error as RenderError:
            Console.warn("error: \(error.description)")
            if case .invalidDOT = error { status = ExitStatus.badInput } else { status = ExitStatus.userError }
        case let error as CLIError:
            Console.warn("error: \(error.description)")
            if case .recordsSkipped = error { status = ExitStatus.badInput } else { status = ExitStatus.userError }
        case let error as ExitCode:
            Foundation.exit(error.rawValue)
        default:
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version land here; they print on stdout and succeed.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Console.warn(fullMessage(for: error))
            status = ExitStatus.userError
        }
        Foundation.exit(status)
    }
}
