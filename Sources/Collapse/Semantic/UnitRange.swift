public import ExactNumbers

/// One end of what is known of a unit's pre-activation t: t >= value (or t > value when
/// `strict`) for a lower bound, t <= value (t < value) for an upper bound.
public struct RangeBound: Sendable, Hashable {
    /// The bounding rational.
    public let value: Rational
    /// Whether the bound is never attained.
    public let strict: Bool

    /// Creates a bound.
    public init(_ value: Rational, strict: Bool = false) {
        self.value = value
        self.strict = strict
    }
}

/// What is proved about the values a unit's pre-activation takes (on the whole input space,
/// or on a domain when the caller supplies domain bounds): a lower and an upper bound, each
/// optional (nil: nothing is known on that side).
///
/// Built from exact arguments only: a constant pre-activation, the sign of a polynomial
/// (Sturm sequences, a Gram-matrix sum of squares), or bounds a caller proved (exact bound
/// propagation on a domain). Never from sampling.
public struct UnitRange: Sendable, Hashable {
    /// t >= lower (t > lower when strict).
    public var lower: RangeBound?
    /// t <= upper (t < upper when strict).
    public var upper: RangeBound?

    /// Creates a range.
    public init(lower: RangeBound? = nil, upper: RangeBound? = nil) {
        self.lower = lower
        self.upper = upper
    }

    /// Closed bounds lo <= t <= hi (either may be nil), the shape exact bound propagation on
    /// a box gives.
    public init(lo: Rational?, hi: Rational?) {
        self.init(lower: lo.map { RangeBound($0) }, upper: hi.map { RangeBound($0) })
    }

    /// Nothing known.
    public static let unbounded = UnitRange()

    /// The single value c, when lower = upper = c closed.
    public var constant: Rational? {
        guard let l = lower, let u = upper, !l.strict, !u.strict, l.value == u.value else { return nil }
        return l.value
    }

    /// Whether t >= c (strict: t > c) is proved.
    public func isAtLeast(_ c: Rational, strict: Bool = false) -> Bool {
        guard let l = lower else { return false }
        if l.value > c { return true }
        return l.value == c && (!strict || l.strict)
    }

    /// Whether t <= c (strict: t < c) is proved.
    public func isAtMost(_ c: Rational, strict: Bool = false) -> Bool {
        guard let u = upper else { return false }
        if u.value < c { return true }
        return u.value == c && (!strict || u.strict)
    }

    /// The tighter of the two ranges on each side (both hold, so their intersection does).
    public func intersected(with other: UnitRange) -> UnitRange {
        func tighterLower(_ a: RangeBound?, _ b: RangeBound?) -> RangeBound? {
            guard let a else { return b }
            guard let b else { return a }
            if a.value != b.value { return a.value > b.value ? a : b }
            return a.strict ? a : b
        }
        func tighterUpper(_ a: RangeBound?, _ b: RangeBound?) -> RangeBound? {
            guard let a else { return b }
            guard let b else { return a }
            if a.value != b.value { return a.value < b.value ? a : b }
            return a.strict ? a : b
        }
        return UnitRange(lower: tighterLower(lower, other.lower), upper: tighterUpper(upper, other.upper))
    }
}
