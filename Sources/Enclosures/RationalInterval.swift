public import ExactNumbers

/// A closed interval [lo, hi] of the rational line with exact rational endpoints.
///
/// Mathematically the set { t ∈ ℚ-closure : lo ≤ t ≤ hi }; a value v is *enclosed* when
/// lo ≤ v ≤ hi. Enclosures of transcendental values (e^1, tanh(1/3), ...) are intervals whose
/// endpoints were rounded outward, so they contain the real value they stand for.
///
/// Invariant (checked by `checkInvariants()`, enforced by the initialisers): lo ≤ hi. A point
/// interval (lo = hi) is an exact value.
public struct RationalInterval: Hashable, Sendable {
    /// The lower endpoint.
    public let lo: Rational
    /// The upper endpoint, never below `lo`.
    public let hi: Rational

    /// The point interval [value, value]: an exact value.
    public init(exactly value: Rational) {
        lo = value
        hi = value
    }

    /// The interval [lo, hi]. Precondition: lo ≤ hi.
    public init(lo: Rational, hi: Rational) {
        precondition(lo <= hi, "RationalInterval needs lo <= hi, got [\(lo), \(hi)]")
        self.lo = lo
        self.hi = hi
    }

    /// The smallest interval containing both `a` and `b`, in either order.
    public init(hullOf a: Rational, _ b: Rational) {
        if a <= b { self.init(lo: a, hi: b) } else { self.init(lo: b, hi: a) }
    }

    /// Whether this is a single exact value (lo = hi).
    public var isPoint: Bool { lo == hi }

    /// Whether lo ≤ value ≤ hi.
    public func contains(_ value: Rational) -> Bool { lo <= value && value <= hi }

    /// Whether `other` ⊆ self.
    public func contains(_ other: RationalInterval) -> Bool { lo <= other.lo && other.hi <= hi }

    /// hi − lo, exactly; 0 for a point.
    public var width: Rational { hi - lo }

    /// (lo + hi)/2, exactly.
    public var midpoint: Rational { (lo + hi) / Rational(2) }

    /// Whether the two closed intervals share a point. Two enclosures that do *not* overlap
    /// prove that the values they enclose differ.
    public func overlaps(_ other: RationalInterval) -> Bool { lo <= other.hi && other.lo <= hi }

    /// The smallest interval containing both (the convex hull of the union).
    public func hull(_ other: RationalInterval) -> RationalInterval {
        RationalInterval(lo: Swift.min(lo, other.lo), hi: Swift.max(hi, other.hi))
    }

    /// Whether every point is > 0.
    public var isPositive: Bool { lo.signum > 0 }
    /// Whether 0 lies in the interval.
    public var containsZero: Bool { lo.signum <= 0 && hi.signum >= 0 }

    /// Verifies the invariant lo ≤ hi and that both endpoints are canonical rationals.
    public func checkInvariants() -> Bool {
        lo <= hi && lo.checkInvariants() && hi.checkInvariants()
    }
}

extension RationalInterval: CustomStringConvertible {
    /// `[lo, hi]` with each endpoint as `p/q` in lowest terms (`[1/3, 1/2]`, `[-1, 1]`).
    public var description: String { "[\(lo), \(hi)]" }
}
