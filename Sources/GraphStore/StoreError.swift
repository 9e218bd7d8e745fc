import Foundation

/// Failures of the graph store, each with a message that says what to do about it.
public enum StoreError: Error, LocalizedError, CustomStringConvertible, Sendable {
    /// The file exists but is not an SQLite database (or is damaged).
    case notADatabase(path: String)
    /// The database could not be opened or created (missing directory, permissions, ...).
    case cannotOpen(path: String, reason: String)
    /// Another process holds the write lock.
    case locked(path: String)
    /// The database is read-only for this process.
    case readOnly(path: String)
    /// A read-only command was given a path where no database exists yet.
    case missingDatabase(path: String)
    /// The database was written by a newer papergraph.
    case newerSchema(path: String, found: Int, supported: Int)
    /// No paper matched what the user typed.
    case paperNotFound(query: String)
    /// Several papers matched; the user has to be more specific.
    case ambiguousPaper(query: String, candidates: [String])
    /// A strict ingest met a malformed record and stored nothing.
    case strictIngestRejected(issues: Int, first: String)
    /// Any other SQLite failure, with SQLite's own words.
    case sqlite(path: String, message: String)

    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path) is not a papergraph database (not SQLite, or damaged). Pass another file with --db, or move this one away."
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason). Check that its directory exists and is writable, or pass another path with --db."
        case .locked(let path):
            return "the database \(path) is locked by another process. Wait for it to finish, or use another --db."
        case .readOnly(let path):
            return "the database \(path) is read-only for this user. Fix its permissions or pass a writable path with --db."
        case .missingDatabase(let path):
            return "no database at \(path). Run `papergraph ingest FILE… --db \(path)` first, or point --db (or PAPERGRAPH_DB) at an existing one."
        case .newerSchema(let path, let found, let supported):
            return "\(path) has schema version \(found), newer than this papergraph understands (\(supported)). Upgrade papergraph."
        case .paperNotFound(let query):
            return "no paper matches \"\(query)\". Give an arXiv id (2401.01234) or part of the title; `papergraph papers` lists what is stored."
        case .ambiguousPaper(let query, let candidates):
            let shown = candidates.prefix(10).map { "  \($0)" }.joined(separator: "\n")
            let more = candidates.count > 10 ? "\n  … and \(candidates.count - 10) more" : ""
            return "\"\(query)\" matches \(candidates.count) papers; give the arXiv id or more of the title:\n\(shown)\(more)"
        case .strictIngestRejected(let issues, let first):
            return "--strict: \(issues) malformed record(s), nothing was stored. First: \(first)"
        case .sqlite(let path, let message):
            return "database error in \(path): \(message)"
        }
    }

    public var errorDescription: String? { description }

    /// Whether the failure comes from the data itself (exit 2) rather than from how the tool was called (exit 1).
    public var isBadInput: Bool {
        switch self {
        case .notADatabase, .strictIngestRejected: return true
        default: return false
        }
    }
}
