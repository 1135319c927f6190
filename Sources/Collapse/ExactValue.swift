import ExactNumbers
import Enclosures

/// A real number known exactly (a rational) or only within a rigorous rational enclosure.
///
/// Enclosures come from transcendental activations (sigmoid, tanh, ...): the true value lies
/// in `[lo, hi]`, proved by directed rounding. Comparisons that would decide a verdict are
/// made only when exact values differ or enclosures are disjoint.
public enum ExactValue: Sendable, Hashable, CustomStringConvertible {
    /// A value known exactly.
    case exact(Rational)
    /// A value known to lie in the closed interval.
    case enclosed(RationalInterval)

    /// The value as an interval (a point interval when exact).
    public var interval: RationalInterval {
        switch self {
        case .exact(let r): return RationalInterval(exactly: r)
        case .enclosed(let i): return i
        }
    }

    /// The exact value when known.
    public var exactValue: Rational? {
        if case .exact(let r) = self { return r }
        return nil
    }

    /// Builds from an interval, collapsing a point interval to an exact value.
    public init(_ interval: RationalInterval) {
        self = interval.isPoint ? .exact(interval.lo) : .enclosed(interval)
    }

    /// `p/q` when exact, `[lo, hi]` when enclosed.
    public var description: String {
        switch self {
        case .exact(let r): return r.description
        case .enclosed(let i): return "[\(i.lo), \(i.hi)]"
        }
    }

    /// Whether the two values are provably different: exact and unequal, or disjoint
    /// enclosures.
    public func provablyDiffers(from other: ExactValue) -> Bool {
        switch (self, other) {
        case (.exact(let a), .exact(let b)): return a != b
        default: return !interval.overlaps(other.interval)
        }
    }

    /// Whether the two values are provably equal: both exact and equal.
    public func provablyEquals(_ other: ExactValue) -> Bool {
        if case .exact(let a) = self, case .exact(let b) = other { return a == b }
        return false
    }
}

extension Array where Element == ExactValue {
    /// Whether the two vectors provably differ in at least one coordinate.
    public func provablyDiffers(from other: [ExactValue]) -> Bool {
        count != other.count || zip(self, other).contains { $0.provablyDiffers(from: $1) }
    }
}
