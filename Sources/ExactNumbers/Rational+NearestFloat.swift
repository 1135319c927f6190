extension Rational {
    /// The binary floating-point number nearest to this rational, ties to even (IEEE 754
    /// round-to-nearest-even), computed exactly: ±m·2^e with m < 2^p (p significand bits,
    /// the leading bit included), subnormals below 2^minExponent. Nil when the rounded value
    /// overflows (|value| ≥ 2^(maxExponent+1) after rounding), where IEEE rounds to infinity.
    ///
    /// Method: with k = ⌊log₂|r|⌋, the spacing of the format near r is 2^e with
    /// e = max(k, minExponent) − (p − 1); m is |r|/2^e rounded to the nearest integer (ties to
    /// the even one) by one exact integer division.
    public func nearestBinary(significandBits p: Int, minExponent: Int, maxExponent: Int) -> (
        negative: Bool, significand: BigInt, exponent: Int
    )? {
        if isZero { return (false, BigInt(0), 0) }
        let negative = signum < 0
        let n = numerator.magnitude, d = denominator
        // k = ⌊log₂(n/d)⌋: start from the bit widths and correct by one.
        var k = n.bitWidth - d.bitWidth
        let scaledN = k >= 0 ? n : n.shiftedLeft(-k)
        let scaledD = k >= 0 ? d.shiftedLeft(k) : d
        if scaledN < scaledD { k -= 1 }
        let e = Swift.max(k, minExponent) - (p - 1)
        let top = e >= 0 ? n : n.shiftedLeft(-e)
        let bottom = e >= 0 ? d.shiftedLeft(e) : d
        var (m, remainder) = top.quotientAndRemainder(dividingBy: bottom)
        let twice = remainder.shiftedLeft(1)
        if twice > bottom || (twice == bottom && m.isOdd) { m = m + BigInt(1) }
        if m.bitWidth + e - 1 > maxExponent { return nil }
        return (negative, m, e)
    }

    /// The nearest float32 (round to nearest, ties to even); nil on overflow.
    ///
    /// Fast path (the float32 weights of a model file): an inline p/q with |p| ≤ 2^24 and
    /// q ≤ 2^24 is one IEEE division of two exact floats, which rounds correctly; with q a
    /// power of two 2^k (k ≤ 62), p·2^-k is exact (a normal float32). Otherwise the exact
    /// integer method.
    public var nearestFloat: Float? {
        if big == nil, smallNumerator.magnitude <= 1 << 24 {
            let d = smallDenominator
            if d <= 1 << 24 { return Float(smallNumerator) / Float(d) }
            if d & (d - 1) == 0 {
                return Float(smallNumerator) * Float(sign: .plus, exponent: -d.trailingZeroBitCount, significand: 1)
            }
        }
        guard let (negative, m, e) = nearestBinary(significandBits: 24, minExponent: -126, maxExponent: 127) else {
            return nil
        }
        let magnitude = Float(sign: .plus, exponent: e, significand: Float(m.exactInt!))
        return negative ? -magnitude : magnitude
    }

    /// The nearest float64 (round to nearest, ties to even); nil on overflow.
    ///
    /// Fast path: an inline p/q with |p| ≤ 2^53 and q ≤ 2^53 is one IEEE division of two
    /// exact doubles, which rounds correctly; with q a power of two 2^k (k ≤ 62), p·2^-k is
    /// exact. Otherwise the exact integer method.
    public var nearestDouble: Double? {
        if big == nil, smallNumerator.magnitude <= 1 << 53 {
            let d = smallDenominator
            if d <= 1 << 53 { return Double(smallNumerator) / Double(d) }
            if d & (d - 1) == 0 {
                return Double(smallNumerator) * Double(sign: .plus, exponent: -d.trailingZeroBitCount, significand: 1)
            }
        }
        guard let (negative, m, e) = nearestBinary(significandBits: 53, minExponent: -1022, maxExponent: 1023) else {
            return nil
        }
        let magnitude = Double(sign: .plus, exponent: e, significand: Double(m.exactInt!))
        return negative ? -magnitude : magnitude
    }

    /// The exact value of the nearest float32, as a rational; nil on overflow.
    public var nearestFloat32Value: Rational? {
        guard let (negative, m, e) = nearestBinary(significandBits: 24, minExponent: -126, maxExponent: 127) else {
            return nil
        }
        let signed = negative ? -m : m
        if e >= 0 { return Rational(signed.shiftedLeft(e)) }
        return Rational(numerator: signed, denominator: BigInt(1).shiftedLeft(-e))
    }
}
