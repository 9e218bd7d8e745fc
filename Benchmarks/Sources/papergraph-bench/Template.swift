/// Pre-parsed sentence templates: the `{slot}` syntax of `Vocabulary` is resolved once at start-up
/// so that per-paper rendering is a switch over an enum plus byte appends.

/// Placeholders a template may contain. Raw values are the names written between braces.
enum Slot: String {
    case method = "M"
    case titleAdjective = "TAdj"
    case titleNoun = "TNoun"
    case titleNoun2 = "TNoun2"
    case taskTitle = "TTask"
    case taskCapitalized = "Task"
    case task
    case resourceTitle = "Resource"
    case resource
    case propertyTitle = "Property"
    case property
    case property2
    case field
    case approachTitle = "Approach"
    case approach
    case goal
    case challenge
    case challenge2
    case phenomenon
    case system
    case domain
    case adjective = "adj"
    case verb = "verbs"
    case verb2 = "verbs2"
    case thing
    case thing2
    case component
    case component2
    case dataset = "D"
    case dataset2 = "D2"
    case dataset3 = "D3"
    case count = "n"
    case items
    case annotation
    case percent = "p"
    case metric
    case score = "x"
    case score2 = "x2"
    case factor = "f"
    case gpuHours = "g"
    case baseline
    case condition
    case outcome
    /// The URL of the link the sentence carries, already rendered in its messy form.
    case url = "U"
    /// A paper reference (arXiv id or DOI) as written.
    case reference = "R"
    case conference = "C"
    case year = "Y"
}

enum TemplatePiece {
    case text([UInt8])
    case slot(Slot)
}

struct Template {
    let pieces: [TemplatePiece]

    /// Templates are compile-time constants of this program, so a malformed one is a programming
    /// error and stops the generator at start-up rather than producing a silently different corpus.
    init(_ source: String) {
        var pieces = [TemplatePiece]()
        var literal = [UInt8]()
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{") {
            // `{` followed by a known slot name and `}` is a placeholder; anything else (LaTeX
            // such as `\mathcal{O}`) is literal text.
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
                let slot = Slot(rawValue: String(rest[afterOpen..<close]))
            {
                literal.append(contentsOf: rest[..<open].utf8)
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = []
                pieces.append(.slot(slot))
                rest = rest[rest.index(after: close)...]
            } else {
                literal.append(contentsOf: rest[...open].utf8)
                rest = rest[afterOpen...]
            }
        }
        literal.append(contentsOf: rest.utf8)
        if !literal.isEmpty { pieces.append(.text(literal)) }
        precondition(!pieces.isEmpty, "empty template")
        self.pieces = pieces
    }

    static func list(_ sources: [String]) -> [Template] { sources.map(Template.init) }
}
