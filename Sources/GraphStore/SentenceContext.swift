/// Cuts the sentence that contains a span, for showing evidence next to an edge.
public enum SentenceContext {
    /// Offsets are Unicode-scalar offsets, as stored on mentions.
    public static func around(start: Int, end: Int, in text: String, limit: Int = 320) -> String {
        let scalars = Array(text.unicodeScalars)
        guard start >= 0, end <= scalars.count, start <= end else { return "" }
        var lower = start
        while lower > 0 {
            let previous = scalars[lower - 1]
            if previous == "\n" && lower >= 2 && scalars[lower - 2] == "\n" { break }
            if (previous == " " || previous == "\n") && lower >= 2 && ".!?".unicodeScalars.contains(scalars[lower - 2]) {
                break
            }
            lower -= 1
        }
        var upper = end
        while upper < scalars.count {
            let scalar = scalars[upper]
            upper += 1
            if ".!?".unicodeScalars.contains(scalar)
                && (upper == scalars.count || scalars[upper] == " " || scalars[upper] == "\n")
            {
                break
            }
        }
        if upper - lower > limit {
            lower = max(lower, start - limit / 2)
            upper = min(upper, max(end, lower + limit))
        }
        var sentence = String(String.UnicodeScalarView(scalars[lower..<upper]))
        sentence = sentence.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
        return sentence
    }
}
