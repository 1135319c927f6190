extension Rational {
    /// The binary floating-point number nearest to this rational, ties to even (IEEE 754
    /// round-to-nearest-even), computed exactly: ±m·2^e with m < 2^p (p significand bits,
    /// the leading bit included), subnormals below 2^minExponent. Nil when the rounded value
    /// overflows (|value| ≥ 2^(maxExponent+1) after rounding), where IEEE rounds to infinity.
    ///
    /// Method: with k = ⌊log₂|r|⌋, the spacing of the format near r is 2^e with
    /// e = max(k, minExponent) − (p − 1); m is |r|/2^e rounded to the nearest integer (ties to
    /// the even one) by one exact integer division.
    public func nearestBinary(significandBits p: Int, minExponent: Int, maxExponent: Int) -> (negative: Bool, significand: BigInt, exponent: Int)? {
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
    public var nearestFloat: Float? {
        guard let (negative, m, e) = nearestBinary(significandBits: 24, minExponent: -126, maxExponent: 127) else { return nil }
        let magnitude = Float(sign: .plus, exponent: e, significand: Float(m.exactInt!))
        return negative ? -magnitude : magnitude
    }

    /// The nearest float64 (round to nearest, ties to even); nil on overflow.
    public var nearestDouble: Double? {
        guard let (negative, m, e) = nearestBinary(significandBits: 53, minExponent: -1022, maxExponent: 1023) else { return nil }
        let magnitude = Double(sign: .plus, exponent: e, significand: Double(m.exactInt!))
        return negative ? -magnitude : magnitude
    }

    /// The exact value of the nearest float32, as a rational; nil on overflow.
    public var nearestFloat32Value: Rational? {
        guard let (negative, m, e) = nearestBinary(significandBits: 24, minExponent: -126, maxExponent: 127) else { return nil }
        let signed = negative ? -m : m
        if e >= 0 { return Rational(signed.shiftedLeft(e)) }
        return Rational(numerator: signed, denominator: BigInt(1).shiftedLeft(-e))
    }
}
