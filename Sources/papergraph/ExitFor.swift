import Corpus

/// Which corpus failures are the data's fault (2) rather than the call's (1).
enum ExitFor {
    static func corpus(_ error: CorpusError) -> Int32 {
        ExitStatus.badInput
    }
}
