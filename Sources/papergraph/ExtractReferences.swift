import Corpus
import Extraction
import Foundation
import GraphStore

/// One input of `extract`, readable more than once: standard input is spooled to a temporary
/// file first, and keeps the name `-` in every `file:line`.
struct ExtractInput {
    var name: String
    var path: String

    func reader() throws -> RecordReader {
        guard name == "-", path != "-" else { return try RecordReader(path: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CLIError.inputFile("cannot reopen standard input's copy at \(path)") }
        return try RecordReader(fileDescriptor: descriptor, name: "-", closesDescriptor: true)
    }

    /// The inputs for `files`; with `rereadable`, `-` becomes a spooled copy of standard
    /// input, removed by `cleanup`.
    static func prepare(_ files: [String], rereadable: Bool) throws -> (inputs: [ExtractInput], cleanup: () -> Void) {
        var spooled: String?
        var inputs: [ExtractInput] = []
        for file in files {
            guard file == "-", rereadable else {
                inputs.append(ExtractInput(name: file, path: file))
                continue
            }
            if spooled == nil {
                let path = FileManager.default.temporaryDirectory
                    .appendingPathComponent("papergraph-stdin-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
                let data = FileHandle.standardInput.readDataToEndOfFile()
                guard FileManager.default.createFile(atPath: path, contents: data) else {
                    throw CLIError.cannotWrite(path: path, reason: "cannot keep a copy of standard input for a second pass")
                }
                spooled = path
            }
            if let spooled { inputs.append(ExtractInput(name: "-", path: spooled)) }
        }
        let cleanup = { if let spooled { try? FileManager.default.removeItem(atPath: spooled) } }
        return (inputs, cleanup)
    }
}

/// Paper references for `extract`. Names, authors and titles of every input paper (and of a
/// store's papers with `--db`) go into one index in a first pass over the inputs; a second pass
/// counts which names abstracts use, so that names other papers used before their claimant are
/// dropped exactly as `ingest` drops them; `mentions` then scans one record at a time.
struct ExtractReferences {
    let matcher: ReferenceMatcher

    static func build(inputs: [ExtractInput], store: GraphStore?, strict: Bool) throws -> ExtractReferences {
        var index = ReferenceIndex()
        if let store { try store.addStoredPapers(to: &index) }
        try forEachRecord(inputs, strict: strict) { index.add($0) }
        let compiled = index.compiled()
        var scanner = compiled.scanner()
        var uses: [(citing: Int, names: [Int32])] = []
        func use(key: String, abstract: UnsafeBufferPointer<UInt8>) {
            guard let citing = compiled.index(ofKey: key) else { return }
            let used = scanner.collect(abstract, citing: citing).usedNames
            if !used.isEmpty { uses.append((citing, used)) }
        }
        var seen = Set<String>()
        if let store {
            try store.forEachStoredAbstract { key, abstract in
                seen.insert(key)
                use(key: key, abstract: abstract)
            }
        }
        try forEachRecord(inputs, strict: strict) { record in
            guard seen.insert(record.id).inserted else { return }
            var abstract = record.abstract
            abstract.withUTF8 { use(key: record.id, abstract: $0) }
        }
        return ExtractReferences(matcher: compiled.pruningEstablishedNames(uses: uses))
    }

    private static func forEachRecord(_ inputs: [ExtractInput], strict: Bool, _ body: (PaperRecord) -> Void) throws {
        for input in inputs {
            for result in try input.reader() {
                switch result {
                case .success(let record): body(record)
                case .failure(let issue):
                    // Reported once, by the pass that prints; --strict stops before any work.
                    if strict { throw CLIError.inputFile("--strict: \(issue.description)") }
                }
            }
        }
    }

    /// Identifier, name, author–year and title references of one record, in text order.
    func mentions(for record: PaperRecord, extraction: PaperExtraction) -> [PaperMention] {
        let citing = matcher.index(ofKey: record.id)
        let all = matcher.identifierMentions(in: extraction, citing: citing) + matcher.mentions(in: record)
        return all.sorted { a, b in
            (Self.fieldRank(a.field), a.field, a.start, a.rule) < (Self.fieldRank(b.field), b.field, b.start, b.rule)
        }
    }

    private static func fieldRank(_ field: String) -> Int {
        switch field {
        case "abstract": return 0
        case "comment": return 1
        default: return 2
        }
    }

    /// The key a reference points at: the resolved paper's, or for an arXiv identifier the id
    /// itself (the key that paper has in any store), known or not.
    static func resolvedKey(_ mention: PaperMention) -> String? {
        if let key = mention.resolvedID { return key }
        guard mention.rule == ReferenceRule.identifier.rawValue, let target = mention.citedText?.lowercased() else {
            return nil
        }
        if target.hasPrefix("arxiv:") { return PaperIdentity.normalizedArxivID(String(target.dropFirst(6))) }
        let arxivDOI = "doi:10.48550/arxiv."
        if target.hasPrefix(arxivDOI) { return PaperIdentity.normalizedArxivID(String(target.dropFirst(arxivDOI.count))) }
        return nil
    }
}
