import Foundation
import GRDB

/// The SQLite graph store: papers, link targets, mention edges and code status.
/// It is the only place in papergraph that holds I/O state.
public final class GraphStore: @unchecked Sendable {
    // @unchecked: DatabaseQueue serialises every access itself.
    public let path: String
    public let database: DatabaseQueue

    public enum Mode: Sendable {
        /// Opens or creates the file and migrates it to the current schema.
        case readWrite
        /// Requires an existing database; never creates a file.
        case readOnly
    }

    /// Default database path: `$PAPERGRAPH_DB` when set, otherwise `papergraph.sqlite`.
    public static var defaultPath: String {
        ProcessInfo.processInfo.environment["PAPERGRAPH_DB"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "papergraph.sqlite"
    }

    public init(path: String, mode: Mode = .readWrite) throws(StoreError) {
        self.path = path
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            throw .cannotOpen(path: path, reason: "it is a directory")
        }
        if mode == .readOnly && !exists {
            throw .missingDatabase(path: path)
        }
        if !exists {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty && !fileManager.fileExists(atPath: directory) {
                throw .cannotOpen(path: path, reason: "the directory \(directory) does not exist")
            }
        }
        let isNew = !exists
        var configuration = Configuration()
        configuration.readonly = false
        configuration.foreignKeysEnabled = true
        // A concurrent writer gets a short wait, then a clear "locked" message instead of a hang.
        configuration.busyMode = .timeout(2)
        configuration.prepareDatabase { db in
            // Abstracts make rows of a few kilobytes: with the default 4 KiB pages each row takes
            // a page of its own and a third of the file is slack. Only a new file can choose.
            if isNew { try db.execute(sql: "PRAGMA page_size = 16384") }
            // WAL keeps readers working during an ingest and survives kill -9 without corruption.
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.translate(error, path: path)
        }
        do {
            try migrate()
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    private func migrate() throws {
        let found = try database.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        if found > Schema.currentVersion {
            throw StoreError.newerSchema(path: path, found: found, supported: Schema.currentVersion)
        }
        try Schema.migrator().migrate(database)
        if found < Schema.currentVersion {
            try database.write { db in try db.execute(sql: "PRAGMA user_version = \(Schema.currentVersion)") }
        }
    }

    /// Maps SQLite's result codes onto messages a user can act on.
    static func translate(_ error: any Error, path: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        guard let dbError = error as? DatabaseError else {
            return .sqlite(path: path, message: String(describing: error))
        }
        switch dbError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .locked(path: path)
        case .SQLITE_READONLY:
            return .readOnly(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return .cannotOpen(path: path, reason: dbError.message ?? "permission denied")
        default:
            return .sqlite(path: path, message: dbError.message ?? "\(dbError.resultCode)")
        }
    }

    /// Runs a read and turns SQLite failures into `StoreError`.
    public func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw Self.translate(error, path: path)
        }
    }
}
