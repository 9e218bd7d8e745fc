import Foundation

/// What a node of the analysis graph stands for.
///
/// The raw values are part of the CLI's table/JSON/CSV output and of `--kinds`.
public enum NodeKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// A paper stored in the `paper` table.
    case paper
    /// A code repository target (`github.com/owner/name`, ...).
    case repo
    /// A code-host account target (`github.com/owner`).
    case owner
    /// A web page target (project pages, lab sites, ...).
    case page
    /// A Hugging Face dataset, model, space or collection.
    case artifact
    /// A paper target (`arxiv:…`, `doi:…`) that does not resolve to a stored paper.
    ///
    /// Kept as its own node so that papers outside the corpus that many stored papers cite still
    /// gather rank; targets that do resolve become paper→paper edges instead.
    case paperRef = "paper-ref"

    public var description: String { rawValue }

    /// Position in `allCases`; gives a stable sort order without force-unwrapping.
    var ordinal: Int {
        switch self {
        case .paper: 0
        case .repo: 1
        case .owner: 2
        case .page: 3
        case .artifact: 4
        case .paperRef: 5
        }
    }

    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Parses a comma-separated list such as `paper,repo,owner` (spaces allowed, case-insensitive).
    ///
    /// - Throws: `AnalysisError.invalidParameter` naming the unknown kind and the accepted ones.
    public static func parseList(_ text: String) throws(AnalysisError) -> Set<NodeKind> {
        var kinds = Set<NodeKind>()
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty { continue }
            guard let kind = NodeKind(rawValue: name) else {
                throw .invalidParameter(
                    name: "kinds", value: String(part),
                    reason: "expected a comma-separated list of: \(NodeKind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            kinds.insert(kind)
        }
        if kinds.isEmpty {
            throw .invalidParameter(name: "kinds", value: text, reason: "the list names no node kind")
        }
        return kinds
    }
}

/// A directed, weighted edge between two dense node ids.
public struct GraphEdge: Sendable, Hashable, Codable {
    public var source: Int32
    public var target: Int32
    public var weight: Double

    public init(source: Int32, target: Int32, weight: Double = 1) {
        self.source = source
        self.target = target
        self.weight = weight
    }
}
