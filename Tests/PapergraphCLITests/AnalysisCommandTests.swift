import Foundation
import Testing

/// The analysis commands end to end, and the bad input the analysis issue lists: an empty
/// database, a database from an older schema, an unknown seed paper, `--top 0`, an unknown
/// algorithm, a graph without edges.
@Suite struct AnalysisCommandTests {
    let scratch = Scratch()

    private func database(_ name: String, _ lines: String) throws -> String {
        let db = scratch.path(name)
        let input = try scratch.write(name + ".jsonl", lines)
        let result = try CLI.run(["ingest", "--quiet", "--db", db, input])
        #expect(result.status == 0, "\(result.stderr)")
        return db
    }

    /// A database with the schema and no rows: a strict ingest of a malformed file stores nothing.
    private func emptyDatabase() throws -> String {
        let db = scratch.path("empty.sqlite")
        let bad = try scratch.write("bad.jsonl", "{\"id\": \"2503.0000\n")
        #expect(try CLI.run(["ingest", "--quiet", "--strict", "--db", db, bad]).status == 2)
        #expect(FileManager.default.fileExists(atPath: db))
        return db
    }

    @Test func emptyDatabaseGivesEmptyResultsNotErrors() throws {
        let db = try emptyDatabase()
        for arguments in [
            ["rank"], ["rank", "--algo", "hits"], ["rank", "--algo", "betweenness"], ["rank", "--algo", "degree"],
            ["communities"], ["communities", "--algo", "louvain"], ["components"], ["shared-repos", "--pairs"],
            ["code-trend"],
        ] {
            let result = try CLI.run(arguments + ["--db", db, "--format", "csv"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.contains("nan"), "\(arguments)")
        }
        let rank = try CLI.run(["rank", "--db", db])
        #expect(rank.stdout == "(no rows)\n")
    }

    @Test func graphWithoutEdgesHasDefinedScores() throws {
        let db = try database(
            "lonely.sqlite",
            Fixture.line("2503.00001", "Lonely", "No links here.") + "\n"
                + Fixture.line("2503.00002", "Alone too", "Nothing either.") + "\n")
        let pagerank = try CLI.run(["rank", "--db", db, "--format", "csv"])
        #expect(pagerank.status == 0)
        // Two dangling nodes share the rank evenly.
        #expect(pagerank.stdout.contains("1,2503.00001,paper,0.500000,0,Lonely"))
        #expect(pagerank.stdout.contains("2,2503.00002,paper,0.500000,0,Alone too"))
        for algo in ["hits", "degree", "betweenness"] {
            let result = try CLI.run(["rank", "--algo", algo, "--db", db, "--format", "json"])
            #expect(result.status == 0, "\(algo): \(result.stderr)")
            #expect(result.stdout.contains("\"score\": 0.0"), "\(algo): \(result.stdout)")
            #expect(!result.stdout.lowercased().contains("nan"), "\(algo)")
        }
        let personalized = try CLI.run(["rank", "--algo", "personalized", "--seed", "2503.00002", "--db", db, "--format", "csv"])
        #expect(personalized.stdout.contains("1,2503.00002,paper,1.00000"))
        let communities = try CLI.run(["communities", "--db", db])
        #expect(communities.status == 0)
        #expect(communities.stderr.contains("2 communities, modularity 0"))
    }

    @Test func unknownSeedPaperIsAUserError() throws {
        let db = try database("three.sqlite", Fixture.three)
        let result = try CLI.run(["rank", "--algo", "personalized", "--seed", "9999.99999", "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("9999.99999"))
        #expect(result.stdout.isEmpty)
        let missingSeed = try CLI.run(["rank", "--algo", "personalized", "--db", db])
        #expect(missingSeed.status == 1)
        #expect(missingSeed.stderr.contains("--seed"))
        let related = try CLI.run(["related", "no such paper anywhere", "--db", db])
        #expect(related.status == 1)
    }

    @Test func topZeroPrintsNoRowsAndNegativeTopIsRefused() throws {
        let db = try database("three.sqlite", Fixture.three)
        let zero = try CLI.run(["rank", "--top", "0", "--db", db, "--format", "json"])
        #expect(zero.status == 0)
        #expect(zero.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || zero.stdout.contains("[]"))
        let negative = try CLI.run(["rank", "--top", "-1", "--db", db])
        #expect(negative.status == 1)
        #expect(negative.stderr.contains("--top"))
    }

    @Test func unknownAlgorithmListsTheValidOnes() throws {
        let db = try database("three.sqlite", Fixture.three)
        let rank = try CLI.run(["rank", "--algo", "katz", "--db", db])
        #expect(rank.status == 1)
        for name in ["pagerank", "personalized", "hits", "degree", "betweenness"] {
            #expect(rank.stderr.contains(name), "\(name)")
        }
        let communities = try CLI.run(["communities", "--algo", "infomap", "--db", db])
        #expect(communities.status == 1)
        #expect(communities.stderr.contains("louvain") && communities.stderr.contains("leiden"))
    }

    @Test func missingDatabaseSaysHowToMakeOne() throws {
        let result = try CLI.run(["rank", "--db", scratch.path("absent.sqlite")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("papergraph ingest"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("absent.sqlite")))
    }

    /// A database written by the first schema (v1, before references, code-status history and topics)
    /// is migrated when a command opens it. Needs the sqlite3 shell to roll a database back.
    @Test(.enabled(if: SQLiteShell.path != nil, "needs the sqlite3 command-line shell"))
    func olderSchemaIsMigratedOnOpen() throws {
        let db = try database("old.sqlite", Fixture.three)
        try SQLiteShell.run(db, """
            DROP VIEW paper_reference; DROP TABLE reference; DROP TABLE paper_name;
            DROP TRIGGER code_status_history_on_replace; DROP TRIGGER code_status_history_on_update;
            DROP TABLE code_status_history;
            DROP TABLE topic_label; DROP TABLE topic_paper; DROP TABLE topic; DROP TABLE topic_run;
            DELETE FROM grdb_migrations WHERE identifier <> 'v1-papers-targets-mentions';
            PRAGMA user_version = 1;
            """)
        #expect(try SQLiteShell.run(db, "PRAGMA user_version;") == "1")
        let rank = try CLI.run(["rank", "--db", db, "--format", "csv"])
        #expect(rank.status == 0, "\(rank.stderr)")
        #expect(rank.stdout.contains("github.com/acme/widgets"))
        // Migrated to the current schema (v3 added code_status_history; later versions add more).
        #expect((Int(try SQLiteShell.run(db, "PRAGMA user_version;")) ?? 0) >= 3)
        #expect(try SQLiteShell.run(db, "SELECT count(*) FROM sqlite_master WHERE name = 'code_status_history';") == "1")
        let trend = try CLI.run(["code-trend", "--db", db, "--format", "csv"])
        #expect(trend.status == 0)
    }

    @Test func codeTrendCountsAndListsPromisedThenReleasedFollowUps() throws {
        let db = try database("trend.sqlite", Fixture.three)  // 2503.00003 promises its code
        let before = try CLI.run(["code-trend", "--db", db, "--format", "csv"])
        #expect(before.stdout.contains("2025-03,3,2,1,0,0,"))
        let later = try scratch.write(
            "june.jsonl",
            Fixture.line(
                "2503.00003", "Sprocket Theory", "A theory of sprockets. Code: https://github.com/acme/sprockets.",
                date: "2025-06-02") + "\n")
        #expect(try CLI.run(["ingest", "--quiet", "--db", db, later]).status == 0)
        let after = try CLI.run(["code-trend", "--db", db, "--format", "csv"])
        #expect(after.status == 0)
        #expect(after.stdout.contains("2025-03,2,2,0,0,0,"))
        #expect(after.stdout.contains("2025-06,1,1,0,0,1,"))
        #expect(after.stdout.contains("total,3,3,0,0,1,"))
        let list = try CLI.run(["code-trend", "--list-followups", "--db", db, "--format", "csv"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("2503.00003,2025-06-02,promised,released,\(later):1,Sprocket Theory"))
        let none = try CLI.run(["code-trend", "--list-followups", "--until", "2025-05", "--db", db])
        #expect(none.stdout == "(no rows)\n")
    }
}

/// The sqlite3 shell, when installed; only the schema-migration test needs it.
enum SQLiteShell {
    static let path: String? = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @discardableResult
    static func run(_ db: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "/usr/bin/sqlite3")
        process.arguments = [db, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
