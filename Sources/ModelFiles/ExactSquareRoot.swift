import ExactNumbers

/// Exact square roots of rationals that are squares of rationals.
enum ExactSquareRoot {
    /// r with r² = v and r ≥ 0, when v ≥ 0 is the square of a rational (numerator and
    /// denominator, in lowest terms, are perfect squares); nil otherwise.
    static func of(_ v: Rational) -> Rational? {
        guard v.signum >= 0 else { return nil }
        guard let p = root(v.numerator), let q = root(v.denominator) else { return nil }
        return Rational(numerator: p, denominator: q)
    }

    /// The integer square root of n ≥ 0 when n is a perfect square (Newton's iteration from
    /// above, which decreases to ⌊√n⌋).
    static func root(_ n: BigInt) -> BigInt? {
        if n.isZero { return n }
        var x = BigInt(1).shiftedLeft((n.bitWidth + 1) / 2 + 1)
        while true {
            let y = (x + n.quotientAndRemainder(dividingBy: x).quotient).quotientAndRemainder(dividingBy: BigInt(2)).quotient
            if y >= x { break }
            x = y
        }
        return x * x == n ? x : nil
    }
}
