extension RandomAccessCollection where Element: Comparable, Index == Int {
    /// The position of `value` in a collection sorted ascending, found by bisection; nil when it
    /// is not there.
    func sortedIndex(of value: Element) -> Int? {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < endIndex && self[low] == value ? low : nil
    }
}
