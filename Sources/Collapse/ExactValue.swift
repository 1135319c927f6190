public import ExactNumbers
public import Enclosures
public import Algebra

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
    /// A value that is a polynomial in the network's weight symbols (symbolic networks).
    case symbolic(Polynomial)

    /// The value as an interval (a point interval when exact); nil when symbolic and
    /// not constant.
    public var interval: RationalInterval? {
        switch self {
        case .exact(let r): return RationalInterval(exactly: r)
        case .enclosed(let i): return i
        case .symbolic(let p): return p.constantValue.map { RationalInterval(exactly: $0) }
        }
    }

    /// The exact value when known.
    public var exactValue: Rational? {
        switch self {
        case .exact(let r): return r
        case .enclosed: return nil
        case .symbolic(let p): return p.constantValue
        }
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
        case .symbolic(let p): return p.description
        }
    }

    /// Whether the two values are provably different: exact and unequal, disjoint
    /// enclosures, or (symbolic) different polynomials, i.e. different for generic values of
    /// the symbols.
    public func provablyDiffers(from other: ExactValue) -> Bool {
        switch (self, other) {
        case (.exact(let a), .exact(let b)): return a != b
        case (.symbolic(let a), .symbolic(let b)): return a != b
        case (.symbolic(let a), .exact(let b)), (.exact(let b), .symbolic(let a)): return a != Polynomial(b)
        default:
            guard let i = interval, let j = other.interval else { return false }
            return !i.overlaps(j)
        }
    }

    /// Whether the two values are provably equal: exact (or symbolic) and equal.
    public func provablyEquals(_ other: ExactValue) -> Bool {
        switch (self, other) {
        case (.exact(let a), .exact(let b)): return a == b
        case (.symbolic(let a), .symbolic(let b)): return a == b
        case (.symbolic(let a), .exact(let b)), (.exact(let b), .symbolic(let a)): return a == Polynomial(b)
        default: return false
        }
    }
}

extension Array where Element == ExactValue {
    /// Whether the two vectors provably differ in at least one coordinate.
    public func provablyDiffers(from other: [ExactValue]) -> Bool {
        count != other.count || zip(self, other).contains { $0.provablyDiffers(from: $1) }
    }
}
