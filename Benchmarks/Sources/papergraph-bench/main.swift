print("papergraph-bench: not yet implemented")
