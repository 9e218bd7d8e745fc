import Foundation
import Testing

@testable import Corpus

/// A directory under the system temporary directory, removed when the value goes away.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("corpus-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

struct ReadOutcome {
    var records: [PaperRecord]
    var issues: [RecordIssue]
    var format: RecordFormat?
}

/// Reads everything from `path`.
func readEverything(_ path: String, maxRecordBytes: Int = RecordReader.defaultMaxRecordBytes) throws -> ReadOutcome {
    let reader = try RecordReader(path: path, maxRecordBytes: maxRecordBytes)
    var outcome = ReadOutcome(records: [], issues: [], format: nil)
    for result in reader {
        switch result {
        case .success(let record): outcome.records.append(record)
        case .failure(let issue): outcome.issues.append(issue)
        }
    }
    outcome.format = reader.detectedFormat
    return outcome
}

/// Reads a fixture written to a scratch file.
func readFixture(
    _ text: String, name: String = "fixture.txt", maxRecordBytes: Int = RecordReader.defaultMaxRecordBytes
) throws -> ReadOutcome {
    let scratch = try ScratchDirectory()
    return try readEverything(scratch.write(name, text), maxRecordBytes: maxRecordBytes)
}

func readFixture(bytes: [UInt8], name: String = "fixture.bin") throws -> ReadOutcome {
    let scratch = try ScratchDirectory()
    return try readEverything(scratch.write(name, bytes: bytes))
}

/// The error a reader throws for `path`, or nil when it opens.
func openingError(_ path: String) -> CorpusError? {
    do {
        _ = try RecordReader(path: path)
        return nil
    } catch {
        return error
    }
}

struct MissingSharedData: Error, CustomStringConvertible {
    var description: String
}

/// `../shared` next to the package root, found from this file's location.
func sharedDirectory(filePath: String = #filePath) throws -> URL {
    var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
        let parent = directory.deletingLastPathComponent()
        guard parent.path != directory.path else {
            throw MissingSharedData(description: "could not find Package.swift above \(filePath)")
        }
        directory = parent
    }
    let shared = directory.deletingLastPathComponent().appendingPathComponent("shared")
    guard FileManager.default.fileExists(atPath: shared.path) else {
        throw MissingSharedData(description: "real data missing: expected the shared folder at \(shared.path)")
    }
    return shared
}

func sharedFile(_ relativePath: String) throws -> String {
    let path = try sharedDirectory().appendingPathComponent(relativePath).path
    guard FileManager.default.fileExists(atPath: path) else {
        throw MissingSharedData(description: "real data missing: \(path)")
    }
    return path
}
