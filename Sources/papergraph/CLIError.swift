import Foundation

/// Errors of the command layer itself (arguments that parse but make no sense, output paths).
enum CLIError: Error, LocalizedError, CustomStringConvertible {
    case outputDirectoryMissing(path: String, directory: String)
    case cannotWrite(path: String, reason: String)
    case invalidArgument(String)
    /// Some input records were skipped; the rest was processed. Exit status 2.
    case recordsSkipped(count: Int)
    case inputFile(String)

    var description: String {
        switch self {
        case .outputDirectoryMissing(let path, let directory):
            return "cannot write \(path): the directory \(directory) does not exist."
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .invalidArgument(let message):
            return message
        case .recordsSkipped(let count):
            return "\(count) malformed record(s) skipped (see the messages above); everything else was processed."
        case .inputFile(let message):
            return message
        }
    }

    var errorDescription: String? { description }
}

/// Exit statuses: 0 ok, 1 the call was wrong (arguments, paths, missing paper), 2 the data was bad.
enum ExitStatus {
    static let ok: Int32 = 0
    static let userError: Int32 = 1
    static let badInput: Int32 = 2
}
