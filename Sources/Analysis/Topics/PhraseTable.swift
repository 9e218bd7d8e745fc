/// Interned phrases of up to four word ids (the last one folded to the singular), with what
/// display needs: how often the last word was written in the plural, and the acronym a phrase
/// is defined with.
struct PhraseTable: Sendable {
    typealias Key = (Int32, Int32, Int32, Int32)

    /// Four word ids per phrase, unused positions -1.
    private(set) var keys: [Int32] = []
    private var slots: [Int32] = [Int32](repeating: -1, count: 1 << 16)
    private var blocked: [Bool] = []
    /// Occurrences whose last word was written in its singular form / another (plural) form.
    private var singularUses: [Int32] = []
    private var pluralUses: [Int32] = []
    private var pluralWord: [Int32] = []
    /// The acronym word a phrase stands for (`lora` for `low-rank adaptation`), if any.
    private(set) var acronym: [Int32: Int32] = [:]

    var count: Int { blocked.count }

    @inline(__always)
    private static func hash(_ key: Key) -> Int {
        @inline(__always) func mix(_ h: UInt64, _ w: Int32) -> UInt64 {
            let m = (h ^ UInt64(UInt32(bitPattern: w))) &* 0xFF51_AFD7_ED55_8CCD
            return m ^ (m >> 29)
        }
        return Int(truncatingIfNeeded: mix(mix(mix(mix(0x9E37_79B9_7F4A_7C15, key.0), key.1), key.2), key.3))
    }

    @inline(__always)
    private func matches(_ id: Int32, _ key: Key) -> Bool {
        let o = Int(id) * 4
        return keys[o] == key.0 && keys[o + 1] == key.1 && keys[o + 2] == key.2 && keys[o + 3] == key.3
    }

    func find(_ key: Key) -> Int32? {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if matches(id, key) { return id }
            slot = (slot + 1) & mask
        }
    }

    mutating func intern(_ key: Key) -> Int32 {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if matches(id, key) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(blocked.count)
        keys.append(key.0)
        keys.append(key.1)
        keys.append(key.2)
        keys.append(key.3)
        blocked.append(false)
        singularUses.append(0)
        pluralUses.append(0)
        pluralWord.append(-1)
        slots[slot] = id
        if blocked.count * 2 > slots.count { grow() }
        return id
    }

    /// Adds `other`'s phrases (their words mapped by `words`) and surface counts, as if
    /// `other`'s papers had been counted here after this table's. Returns the id here of
    /// every phrase of `other`.
    mutating func absorb(_ other: PhraseTable, words: [Int32]) -> [Int32] {
        var remap = [Int32](repeating: -1, count: other.count)
        func mapped(_ w: Int32) -> Int32 { w < 0 ? w : words[Int(w)] }
        for q in 0..<other.count {
            let o = q * 4
            let id = intern((mapped(other.keys[o]), mapped(other.keys[o + 1]), mapped(other.keys[o + 2]), mapped(other.keys[o + 3])))
            remap[q] = id
            let i = Int(id)
            if other.blocked[q] { blocked[i] = true }
            singularUses[i] += other.singularUses[q]
            pluralUses[i] += other.pluralUses[q]
            if pluralWord[i] < 0 && other.pluralWord[q] >= 0 { pluralWord[i] = mapped(other.pluralWord[q]) }
        }
        for (phrase, word) in other.acronym where acronym[remap[Int(phrase)]] == nil {
            acronym[remap[Int(phrase)]] = mapped(word)
        }
        return remap
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for id in 0..<blocked.count {
            let o = id * 4
            var slot = Self.hash((keys[o], keys[o + 1], keys[o + 2], keys[o + 3])) & mask
            while bigger[slot] >= 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id)
        }
        slots = bigger
    }

    func isBlocked(_ id: Int32) -> Bool { blocked[Int(id)] }
    mutating func block(_ id: Int32) { blocked[Int(id)] = true }

    /// Word ids of the phrase (last one singular).
    func words(_ id: Int32) -> [Int32] {
        let o = Int(id) * 4
        return (o..<(o + 4)).map { keys[$0] }.filter { $0 >= 0 }
    }

    mutating func noteSurface(_ id: Int32, lastWord: Int32, singular: Int32) {
        let i = Int(id)
        if lastWord == singular {
            singularUses[i] += 1
        } else {
            pluralUses[i] += 1
            if pluralWord[i] < 0 { pluralWord[i] = lastWord }
        }
    }

    mutating func noteAcronym(_ id: Int32, word: Int32) {
        if acronym[id] == nil { acronym[id] = word }
    }

    /// The phrase as people write it: the last word in the form used most (the singular on a
    /// tie), each word capitalised as running text does, and the acronym after it:
    /// `low-rank adaptation (LoRA)`.
    func display(_ id: Int32, words table: WordTable) -> String {
        var ids = words(id)
        let i = Int(id)
        if pluralUses[i] > singularUses[i], pluralWord[i] >= 0, let last = ids.indices.last { ids[last] = pluralWord[i] }
        var text = ids.map { table.display($0) }.joined(separator: " ")
        if let acronymWord = acronym[id], ids.count > 1 || ids.first != acronymWord {
            text += " (" + table.display(acronymWord) + ")"
        }
        return text
    }
}
