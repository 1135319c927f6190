import ExactNumbers

/// An independent oracle for `Rational`: a fraction of two `Int128`s in lowest terms with a
/// positive denominator, normalised by Euclid's gcd.
///
/// Every operation traps on overflow (plain `*`, `+`), so a test that drives the oracle past
/// `Int128` crashes loudly instead of comparing against a wrapped value. Tests keep operands
/// within ±10^6 and expressions shallow so that never happens.
struct Fraction: Equatable, Comparable, CustomStringConvertible, Sendable {
    let numerator: Int128
    let denominator: Int128

    /// n/d in lowest terms. Precondition: d != 0.
    init(_ n: Int128, _ d: Int128 = 1) {
        precondition(d != 0, "oracle: zero denominator")
        let g = Fraction.gcd(n, d)
        let sign: Int128 = d < 0 ? -1 : 1
        numerator = sign * n / g
        denominator = sign * d / g
    }

    /// Euclid's algorithm on magnitudes; gcd(0, 0) = 1 so that 0/d normalises to 0/1.
    static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : Int128(x)
    }

    static func + (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func - (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func * (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    static func / (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator, a.denominator * b.numerator)
    }
    static prefix func - (a: Fraction) -> Fraction { Fraction(-a.numerator, a.denominator) }

    static func < (a: Fraction, b: Fraction) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    var isZero: Bool { numerator == 0 }
    var magnitude: Fraction { Fraction(numerator < 0 ? -numerator : numerator, denominator) }
    var signum: Int { numerator > 0 ? 1 : numerator < 0 ? -1 : 0 }

    /// self^e by repeated multiplication (e may be negative when self != 0).
    func power(_ e: Int) -> Fraction {
        var result = Fraction(1)
        for _ in 0..<abs(e) { result = result * self }
        return e < 0 ? Fraction(1) / result : result
    }

    /// ⌊n/d⌋ from truncating division, corrected towards −∞.
    var floor: Int128 {
        let q = numerator / denominator
        return numerator % denominator != 0 && numerator < 0 ? q - 1 : q
    }
    /// ⌈n/d⌉ = −⌊−n/d⌋.
    var ceiling: Int128 { -(-self).floor }

    /// gcd(p1/q1, p2/q2) = gcd(p1, p2) / lcm(q1, q2), with gcd(0, 0) = 0.
    static func rationalGCD(_ a: Fraction, _ b: Fraction) -> Fraction {
        if a.isZero && b.isZero { return Fraction(0) }
        let top = Fraction.gcd(a.numerator, b.numerator)
        let lcm = a.denominator / Fraction.gcd(a.denominator, b.denominator) * b.denominator
        return Fraction(top, lcm)
    }

    /// The canonical text `Rational` must print: `p` or `p/q`, sign on p.
    var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    /// The same value as a `Rational`, built from decimal text of the parts (not via the oracle's
    /// arithmetic and not via `Rational.parse`).
    var rational: Rational {
        Rational(numerator: BigInt(int128: numerator), denominator: BigInt(int128: denominator))
    }
}

extension BigInt {
    /// An `Int128` via its decimal text.
    init(int128 value: Int128) { self.init(String(value))! }
}

/// Every `Rational` the test suite produces must satisfy the canonical-form invariant and
/// print as the oracle does.
func agrees(_ r: Rational, with f: Fraction) -> Bool {
    r.checkInvariants() && r.description == f.description && r == f.rational
}
