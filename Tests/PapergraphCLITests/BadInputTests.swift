import Foundation
import Testing

@Suite struct BadInputTests {
    let scratch = Scratch()

    @Test func missingFileIsAUserError() throws {
        let result = try CLI.run(["ingest", "--db", scratch.path("db.sqlite"), scratch.path("nope.jsonl")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nope.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("db.sqlite")))
    }

    @Test func directoryIsAUserError() throws {
        let result = try CLI.run(["extract", scratch.url.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a directory"))
    }

    @Test func emptyFileIsBadInput() throws {
        let empty = try scratch.write("empty.jsonl", "")
        let result = try CLI.run(["ingest", "--quiet", "--db", scratch.path("db.sqlite"), empty])
        #expect(result.status == 2)
        #expect(result.stderr.contains("empty.jsonl"))
    }

    @Test func binaryFileIsBadInput() throws {
        let blob = try scratch.write("blob.bin", bytes: [0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0xff])
        let result = try CLI.run(["extract", blob])
        #expect(result.status == 2)
        #expect(result.stderr.contains("blob.bin"))
    }

    @Test func malformedLinesAreNamedAndTheRestGoesIn() throws {
        var text = Fixture.three
        text += "{\"id\": \"2503.00004\", \"title\": \"Cut short\n"  // truncated JSON on line 4
        text += "{\"id\": \"2503.00005\", \"title\": 42, \"abstract\": \"x\"}\n"  // wrong type on line 5
        var bytes = Array(text.utf8)
        bytes += Array(Fixture.line("2503.00006", "Bad bytes", "abc").utf8).map { $0 }
        let badIndex = bytes.count - 5
        bytes[badIndex] = 0xff  // invalid UTF-8 on line 6
        bytes += Array("\n".utf8)
        let file = try scratch.write("mixed.jsonl", bytes: bytes)
        let db = scratch.path("db.sqlite")
        let result = try CLI.run(["ingest", "--quiet", "--db", db, file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("mixed.jsonl:4"))
        #expect(result.stderr.contains("mixed.jsonl:5"))
        #expect(result.stderr.contains("mixed.jsonl:6"))
        let stats = try CLI.run(["stats", "--db", db, "--format", "json"])
        #expect(stats.stdout.contains("\"papers\": 3"))
    }

    @Test func strictIngestStoresNothing() throws {
        let file = try scratch.write("bad.jsonl", Fixture.three + "{\"id\": \"2503.00009\", \"title\n")
        let db = scratch.path("db.sqlite")
        let result = try CLI.run(["ingest", "--quiet", "--strict", "--db", db, file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.jsonl:4"))
        let stats = try CLI.run(["stats", "--db", db, "--format", "json"])
        #expect(stats.stdout.contains("\"papers\": 0"))
    }

    @Test func fiftyMegabyteLineIsSkippedNotFatal() throws {
        let path = scratch.path("huge.jsonl")
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.write(Data((Fixture.line("2503.00001", "Before", "Fine.") + "\n").utf8))
        let chunk = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        handle.write(Data("{\"id\": \"2503.00002\", \"title\": \"Huge\", \"abstract\": \"".utf8))
        for _ in 0..<50 { handle.write(chunk) }
        handle.write(Data("\"}\n".utf8))
        handle.write(Data((Fixture.line("2503.00003", "After", "Fine too.") + "\n").utf8))
        try handle.close()
        let db = scratch.path("db.sqlite")
        let result = try CLI.run(["ingest", "--quiet", "--db", db, path])
        #expect(result.stderr.contains("huge.jsonl:2"))
        let stats = try CLI.run(["stats", "--db", db, "--format", "json"])
        #expect(stats.stdout.contains("\"papers\": 2") || stats.stdout.contains("\"papers\": 3"))
    }

    @Test func databaseThatIsNotSQLiteIsBadInput() throws {
        let db = try scratch.write("notes.sqlite", "these are my notes, not a database\n")
        let input = try scratch.write("ok.jsonl", Fixture.three)
        let result = try CLI.run(["ingest", "--quiet", "--db", db, input])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a papergraph database"))
        #expect(try String(contentsOfFile: db, encoding: .utf8) == "these are my notes, not a database\n")
    }

    @Test func unwritableDatabaseLocationIsAUserError() throws {
        let input = try scratch.write("ok.jsonl", Fixture.three)
        let result = try CLI.run(["ingest", "--quiet", "--db", scratch.path("missing-dir/db.sqlite"), input])
        #expect(result.status == 1)
        #expect(result.stderr.contains("does not exist"))
    }

    @Test func outputInAMissingDirectoryIsAUserError() throws {
        let input = try scratch.write("ok.jsonl", Fixture.three)
        let result = try CLI.run(["extract", input, "-o", scratch.path("no/such/out.jsonl")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("does not exist"))
    }

    @Test func unknownFormatListsTheValidOnes() throws {
        let result = try CLI.run(["stats", "--format", "yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("table"))
    }

    @Test func killedIngestLeavesTheDatabaseAsItWas() throws {
        let db = scratch.path("db.sqlite")
        let first = try scratch.write("first.jsonl", Fixture.three)
        #expect(try CLI.run(["ingest", "--quiet", "--db", db, first]).status == 0)
        // A big input so the second run is still writing when it is killed.
        let bigPath = scratch.path("big.jsonl")
        var big = ""
        for index in 0..<60_000 {
            big += Fixture.line(String(format: "2504.%05d", index), "Paper \(index)", "Body \(index) with https://github.com/o\(index % 500)/r\(index).") + "\n"
        }
        try big.write(toFile: bigPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["ingest", "--quiet", "--db", db, bigPath]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.4)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let stats = try CLI.run(["stats", "--db", db, "--format", "json"])
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("\"papers\": 3"))
    }
}
