import Corpus

/// Which corpus failures are the data's fault (2) rather than the call's (1).
enum ExitFor {
    static func corpus(_ error: CorpusError) -> Int32 {
        switch error {
        case .fileNotFound, .isDirectory, .permissionDenied, .unreadable:
            return ExitStatus.userError
        case .emptyFile, .binaryFile, .unrecognizedFormat:
            return ExitStatus.badInput
        }
    }
}
