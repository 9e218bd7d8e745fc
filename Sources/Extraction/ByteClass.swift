// Byte classification for the UTF-8 scanners. Everything a link can contain is ASCII; any byte
// >= 0x80 (a non-ASCII scalar such as `。`, `”` or a non-breaking space) ends a link.

@usableFromInline
enum ByteClass {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }

    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }

    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

    /// ASCII whitespace. Non-ASCII spaces (U+00A0, U+3000, …) end links anyway, being non-ASCII.
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b &- 0x09 < 5)  // space, \t \n \v \f \r
    }

    /// Bytes of a host name as scanned: letters, digits, `-`, `.`.
    @inline(__always) static func isHostByte(_ b: UInt8) -> Bool {
        isAlnum(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    /// Bytes that may continue a URL path, query or fragment. `\` is handled by the caller
    /// (LaTeX escapes such as `\_`). Braces, `|`, `$`, `^`, `"`, `<`, `>` and the backtick end a
    /// URL because in abstracts they are LaTeX, math or markup around it, not part of it.
    @inline(__always) static func isPathByte(_ b: UInt8) -> Bool {
        guard b > 0x20 && b < 0x7F else { return false }
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"),
            UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"),
            UInt8(ascii: "}"), UInt8(ascii: "$"):
            return false
        default:
            return true
        }
    }

    /// Characters a LaTeX source escapes with a backslash and that belong to the URL.
    @inline(__always) static func isLatexEscapable(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "_") || b == UInt8(ascii: "%") || b == UInt8(ascii: "#")
            || b == UInt8(ascii: "&") || b == UInt8(ascii: "~") || b == UInt8(ascii: "$")
    }

    /// Punctuation that ends a sentence or a clause rather than a URL when it is a URL's last
    /// character: `https://x.org/a.` `…/a,` `…/a;` `…/a:` `…/a!` `…/a?` `…/a'` `…/a*`.
    @inline(__always) static func isTrailingPunctuation(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
            UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "\""),
            UInt8(ascii: "*"):
            return true
        default:
            return false
        }
    }
}

/// Eight bytes at a time: finding the few bytes the scanner stops at without a branch per byte.
enum SWAR {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// A high bit set in each byte of `v` that is zero. Bytes after the first zero may be set
    /// spuriously (borrow), so only the lowest set bit is exact.
    @inline(__always) static func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }

    @inline(__always) static func splat(_ b: UInt8) -> UInt64 { ones &* UInt64(b) }

    @inline(__always) static func load(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        // Unaligned little-endian load; callers guarantee `i + 8 <= p.count`.
        UInt64(littleEndian: UnsafeRawPointer(p.baseAddress.unsafelyUnwrapped + i).loadUnaligned(as: UInt64.self))
    }

    /// One bit per byte of `w` (bit k for byte k) that is an ASCII letter.
    @inline(__always) static func letterBits(_ w: UInt64) -> UInt8 {
        let x = (w | splat(0x20)) & splat(0x7F)
        let atLeastA = (x &+ splat(0x1F)) & highs  // x >= 0x61
        let pastZ = (x &+ splat(0x05)) & highs  // x >= 0x7B
        let letters = atLeastA & ~pastZ & ~(w & highs)
        // Gather the high bit of each byte into one byte (no two partial products overlap).
        return UInt8(truncatingIfNeeded: ((letters >> 7) &* 0x0102_0408_1020_4080) >> 56)
    }

    /// Index of the first `.`, `:` or `\` at or after `i`, or `p.count`.
    static func firstTrigger(in p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = p.count
        var i = start
        let dot = splat(UInt8(ascii: ".")), colon = splat(UInt8(ascii: ":")), backslash = splat(UInt8(ascii: "\\"))
        while i + 8 <= n {
            let w = load(p, i)
            let m = zeroBytes(w ^ dot) | zeroBytes(w ^ colon) | zeroBytes(w ^ backslash)
            if m != 0 { return i + m.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n {
            let b = p[i]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ":") || b == UInt8(ascii: "\\") { return i }
            i += 1
        }
        return n
    }
}
