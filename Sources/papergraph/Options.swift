import ArgumentParser
import Foundation
import GraphStore

/// Flags every command that reads the database or prints results shares.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "SQLite database file.", discussion: "Defaults to $PAPERGRAPH_DB, then papergraph.sqlite.",
            valueName: "path"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: OutputFormat = .table

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    var databasePath: String { db ?? GraphStore.defaultPath }

    func openStore(mode: GraphStore.Mode = .readOnly) throws -> GraphStore {
        try GraphStore(path: databasePath, mode: mode)
    }

    func emit(_ output: CommandOutput) throws {
        try OutputSink(path: self.output).write(format.formatter.format(output))
    }
}

/// Writes command output to stdout, or atomically to a file so a failed run never leaves half a file.
struct OutputSink {
    var path: String?

    func write(_ text: String) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try write(Data(text.utf8))
    }

    func write(_ data: Data) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.outputDirectoryMissing(path: path, directory: directory)
        }
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw CLIError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}

/// Prints progress and warnings on stderr, keeping stdout for results.
enum Console {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("papergraph: \(message)\n".utf8))
    }

    static func info(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
