import Corpus
import Extraction
import GRDB

/// Placeholder until the store lands; keeps the package building for parallel work.
public enum GraphStoreInfo {
    public static let schemaVersion = 0
}
