extension Float32Matrix {
    /// The matrix of these rationals (row-major) when every one is exactly a finite float32
    /// number, in its 4-byte form; nil as soon as one is not (its value is not ±m·2^e with
    /// m < 2^24 in float32's exponent range, or its numerator or denominator exceeds a word,
    /// as for the smallest subnormals, which are refused).
    ///
    /// Each entry is converted by IEEE operations and kept only when the float read back
    /// (`value(bits:)`) equals it exactly, so the matrix's values are exactly `values`.
    /// Precondition: `values.count == rows * columns`.
    public init?(exactly values: [Rational], rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0 && values.count == rows * columns, "Float32Matrix shape")
        var bits = [UInt32]()
        bits.reserveCapacity(values.count)
        for x in values {
            guard let b = Float32Matrix.exactBits(x) else { return nil }
            bits.append(b)
        }
        self.init(rows: rows, columns: columns, bits: bits)
    }

    /// The float32 bit pattern whose value is exactly x (+0 for zero), or nil.
    static func exactBits(_ x: Rational) -> UInt32? {
        let p: Int, q: Int
        if x.big == nil {
            (p, q) = (x.smallNumerator, x.smallDenominator)
        } else {
            guard let n = x.numerator.exactInt, let d = x.denominator.exactInt else { return nil }
            (p, q) = (n, d)
        }
        if p == 0 { return 0 }
        // p exactly a float (at most 24 significant bits) and q a power of two: p/q is one
        // correctly rounded division, exact unless it underflows.
        guard q & (q - 1) == 0, p.magnitude >> p.magnitude.trailingZeroBitCount < 1 << 24 else { return nil }
        let f = Float(p) / Float(q)
        guard f.isFinite else { return nil }
        let b = f.bitPattern
        return value(bits: b) == x ? b : nil
    }
}
