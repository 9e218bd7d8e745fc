import ArgumentParser

@main
struct PapergraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "papergraph",
        abstract: "Extract and explore the links in research-paper abstracts."
    )
}
