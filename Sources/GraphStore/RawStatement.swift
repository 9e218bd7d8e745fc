import GRDB
import GRDBSQLite

/// SQLite's "copy the bytes now" destructor, which Swift cannot import as a constant.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement driven through the C API for the ingest hot path, where GRDB's
/// argument boxing costs more than the insert itself. Everything else uses GRDB.
struct RawStatement {
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private unowned let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
    }

    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        value.withUTF8 { bytes in
            _ = sqlite3_bind_text(
                handle, index, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                Int32(bytes.count), sqliteTransient)
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Int?) {
        bind(index, value.map(Int64.init))
    }

    /// Runs an `INSERT OR IGNORE` that must insert: a row it ignored is an error, as it would
    /// have been without `OR IGNORE`. Returns the new row id.
    @discardableResult
    func insert() throws -> Int64 {
        let id = try run()
        guard sqlite3_changes(db.sqliteConnection) == 1 else {
            throw DatabaseError(
                resultCode: .SQLITE_CONSTRAINT, message: "UNIQUE constraint failed: \(statement.sql)")
        }
        return id
    }

    /// The first column of the first row as an integer, or nil when there is no row (or it is NULL).
    func fetchInt64() throws -> Int64? {
        let code = sqlite3_step(handle)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        switch code {
        case SQLITE_ROW:
            return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
        case SQLITE_DONE:
            return nil
        default:
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Runs the statement to completion and resets it for the next row.
    @discardableResult
    func run() throws -> Int64 {
        let code = sqlite3_step(handle)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return sqlite3_last_insert_rowid(db.sqliteConnection)
    }
}
