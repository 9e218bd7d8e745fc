import GraphStore

public enum AnalysisInfo {
    public static let name = "Analysis"
}
