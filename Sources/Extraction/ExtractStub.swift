import Corpus

// Temporary stand-in until the extraction branch lands.
public func extract(_ record: PaperRecord) -> PaperExtraction {
    PaperExtraction(links: [], code: .none)
}
