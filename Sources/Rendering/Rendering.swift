import Analysis
import CGraphviz

public enum RenderingInfo {
    public static let name = "Rendering"
}
