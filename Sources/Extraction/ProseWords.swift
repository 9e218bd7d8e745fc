/// Small word lists used to tell prose from link text.
enum ProseWords {
    /// Function words that start the next part of a sentence after a URL at a line end
    /// (`…/abc/\nand we`), so they never continue a wrapped URL.
    private static let functionWords: Set<[UInt8]> = Set(
        [
            "a", "an", "the", "and", "or", "but", "nor", "we", "our", "us", "it", "its", "this", "that",
            "these", "those", "is", "are", "was", "were", "be", "been", "being", "for", "to", "of", "in",
            "on", "at", "by", "with", "from", "as", "which", "where", "while", "who", "whose", "also",
            "can", "could", "will", "would", "may", "might", "should", "has", "have", "had", "not", "all",
            "both", "each", "more", "most", "such", "than", "then", "there", "their", "they", "them",
            "via", "into", "onto", "over", "under", "using", "used", "including", "respectively", "etc",
            "see", "if", "so", "thus", "hence", "i", "you", "your", "he", "she", "his", "her", "after",
            "before", "during", "through", "between", "about", "without", "within", "upon", "here",
        ].map { Array($0.utf8) })

    /// `word` must be lower-case ASCII.
    static func isFunctionWord(_ word: [UInt8]) -> Bool { functionWords.contains(word) }
}
