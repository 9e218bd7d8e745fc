// Temporary stand-in until the corpus branch lands.
public enum CorpusError: Error, CustomStringConvertible {
    case missing(String)
    public var description: String { "missing" }
}

public final class RecordReader: Sequence, IteratorProtocol {
    public init(path: String) throws(CorpusError) { throw .missing(path) }
    public func next() -> Result<PaperRecord, RecordIssue>? { nil }
}
