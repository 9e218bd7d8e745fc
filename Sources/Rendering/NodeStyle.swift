/// How one node kind is drawn. Colours come from the Okabe–Ito palette, which stays
/// distinguishable under the common forms of colour blindness; fills are light tints of the
/// border colour so black text stays readable, and every kind also has its own shape so
/// colour is never the only cue.
public struct NodeStyle: Sendable, Hashable {
    public var shape: String
    public var style: String
    /// Border colour.
    public var color: String
    public var fillColor: String
    /// Name shown in the legend.
    public var legendName: String

    public init(shape: String, style: String, color: String, fillColor: String, legendName: String) {
        self.shape = shape
        self.style = style
        self.color = color
        self.fillColor = fillColor
        self.legendName = legendName
    }

    public static func `for`(_ kind: NodeKind) -> NodeStyle {
        switch kind {
        case .paper:
            NodeStyle(shape: "box", style: "rounded,filled", color: "#0072B2", fillColor: "#D9EAF7", legendName: "paper")
        case .repo:
            NodeStyle(shape: "folder", style: "filled", color: "#B07800", fillColor: "#FCE9C0", legendName: "repository")
        case .owner:
            NodeStyle(shape: "tab", style: "filled", color: "#D55E00", fillColor: "#F9DCC8", legendName: "owner / org")
        case .page:
            NodeStyle(shape: "note", style: "filled", color: "#009E73", fillColor: "#CDEFE4", legendName: "project page")
        case .artifact:
            NodeStyle(shape: "cylinder", style: "filled", color: "#CC79A7", fillColor: "#F6E0EC", legendName: "dataset / model")
        case .topic:
            NodeStyle(shape: "ellipse", style: "filled", color: "#8A7E00", fillColor: "#F8F2B0", legendName: "topic")
        }
    }
}
