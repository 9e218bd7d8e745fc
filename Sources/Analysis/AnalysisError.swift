import Foundation

/// Everything that can go wrong in the Analysis library, with messages a user can act on.
public enum AnalysisError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The database lacks a table the analysis reads (it was not made by `papergraph ingest`).
    case missingTable(String)
    /// A `since`/`until` bound that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    case invalidDate(String)
    /// A paper key, arXiv id or target string that names nothing in the database.
    case unknownNode(String)
    /// The paper or target exists in the database but the graph filters removed it.
    case nodeNotInGraph(String)
    /// A dense node id outside `0..<nodeCount`.
    case nodeOutOfRange(node: Int32, nodeCount: Int)
    /// An operation that needs a paper node got some other kind.
    case notAPaper(node: Int32, kind: NodeKind)
    /// Personalized PageRank was asked for with no seed node.
    case noSeeds
    /// A hand-built graph broke a `PaperGraph` invariant.
    case invalidGraph(String)
    /// A numeric or textual option outside its domain.
    case invalidParameter(name: String, value: String, reason: String)
    /// `--topic` / `topics show` named no stored topic; `known` lists some that exist.
    case unknownTopic(String, known: [String])
    /// A command needs stored topics and none were computed yet.
    case noTopics(source: String)

    public var description: String {
        switch self {
        case .missingTable(let table):
            "the database has no '\(table)' table; is it a papergraph database? (create it with `papergraph ingest`)"
        case .invalidDate(let text):
            "invalid date '\(text)': use YYYY, YYYY-MM or YYYY-MM-DD"
        case .unknownNode(let reference):
            "no paper or link target matches '\(reference)': give an arXiv id, a paper key or a target such as github.com/owner/name"
        case .nodeNotInGraph(let reference):
            "'\(reference)' is in the database but not in the filtered graph; relax --kinds/--since/--until/--category/--min-degree"
        case .nodeOutOfRange(let node, let count):
            "node \(node) does not exist: the graph has \(count) node\(count == 1 ? "" : "s") (ids 0..<\(count))"
        case .notAPaper(let node, let kind):
            "node \(node) is a \(kind), not a paper"
        case .noSeeds:
            "personalized PageRank needs at least one seed node"
        case .invalidGraph(let reason):
            "invalid graph: \(reason)"
        case .invalidParameter(let name, let value, let reason):
            "invalid value '\(value)' for \(name): \(reason)"
        case .unknownTopic(let reference, let known):
            "no topic matches '\(reference)'. Give a topic number or part of its label; `papergraph topics` lists them"
                + (known.isEmpty ? " (there are none yet)." : ":\n" + known.map { "  " + $0 }.joined(separator: "\n"))
        case .noTopics(let source):
            "no \(source) topics are stored yet: run `papergraph topics --topics \(source)` first"
        }
    }

    public var errorDescription: String? { description }
}
