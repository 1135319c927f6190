public import ExactNumbers

/// Interval arithmetic with exact rational endpoints: each operation returns the exact range
/// { x ∘ y : x ∈ a, y ∈ b }, so no rounding happens and containment holds by construction:
/// if x ∈ a and y ∈ b then x ∘ y ∈ a ∘ b.
extension RationalInterval {
    /// [a.lo + b.lo, a.hi + b.hi].
    public static func + (a: RationalInterval, b: RationalInterval) -> RationalInterval {
        RationalInterval(lo: a.lo + b.lo, hi: a.hi + b.hi)
    }

    /// [a.lo − b.hi, a.hi − b.lo].
    public static func - (a: RationalInterval, b: RationalInterval) -> RationalInterval {
        RationalInterval(lo: a.lo - b.hi, hi: a.hi - b.lo)
    }

    /// [−hi, −lo].
    public static prefix func - (a: RationalInterval) -> RationalInterval {
        RationalInterval(lo: -a.hi, hi: -a.lo)
    }

    /// The hull of the four endpoint products (the exact range of x·y).
    public static func * (a: RationalInterval, b: RationalInterval) -> RationalInterval {
        if a.isPoint { return b.scaled(by: a.lo) }
        if b.isPoint { return a.scaled(by: b.lo) }
        let p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
        return RationalInterval(lo: p.min()!, hi: p.max()!)
    }

    /// c·[lo, hi]: [c·lo, c·hi] when c ≥ 0, [c·hi, c·lo] when c < 0.
    public func scaled(by c: Rational) -> RationalInterval {
        c.signum >= 0 ? RationalInterval(lo: c * lo, hi: c * hi) : RationalInterval(lo: c * hi, hi: c * lo)
    }

    /// Scalar product c·a.
    public static func * (c: Rational, a: RationalInterval) -> RationalInterval { a.scaled(by: c) }
    /// Scalar product a·c.
    public static func * (a: RationalInterval, c: Rational) -> RationalInterval { a.scaled(by: c) }

    /// [1/hi, 1/lo], the exact range of 1/x. Precondition: 0 ∉ self.
    public var reciprocal: RationalInterval {
        precondition(!containsZero, "RationalInterval reciprocal of an interval containing 0: \(self)")
        return RationalInterval(lo: hi.reciprocal, hi: lo.reciprocal)
    }

    /// a · (1/b), the exact range of x/y. Precondition: 0 ∉ b.
    public static func / (a: RationalInterval, b: RationalInterval) -> RationalInterval {
        precondition(!b.containsZero, "RationalInterval division by an interval containing 0: \(b)")
        return a * b.reciprocal
    }

    /// [lo/c, hi/c] (swapped when c < 0). Precondition: c ≠ 0.
    public static func / (a: RationalInterval, c: Rational) -> RationalInterval {
        precondition(!c.isZero, "RationalInterval division by zero")
        return a.scaled(by: c.reciprocal)
    }

    /// Sum with an exact scalar: [lo + c, hi + c].
    public static func + (a: RationalInterval, c: Rational) -> RationalInterval {
        RationalInterval(lo: a.lo + c, hi: a.hi + c)
    }
    /// Sum with an exact scalar.
    public static func + (c: Rational, a: RationalInterval) -> RationalInterval { a + c }
    /// Difference with an exact scalar: [lo − c, hi − c].
    public static func - (a: RationalInterval, c: Rational) -> RationalInterval {
        RationalInterval(lo: a.lo - c, hi: a.hi - c)
    }
    /// Exact scalar minus an interval: [c − hi, c − lo].
    public static func - (c: Rational, a: RationalInterval) -> RationalInterval {
        RationalInterval(lo: c - a.hi, hi: c - a.lo)
    }
}
