public import ExactNumbers

/// A region D of the input space that a verdict is restricted to (contract §5):
/// a closed box lo_i ≤ x_i ≤ hi_i intersected with finitely many linear inequalities
/// a·x ≤ b or a·x ≥ b, all with exact rational data.
///
/// A network with a domain is analysed as F restricted to D: `linear`/`affine` mean
/// F(x) = W'x (+ b') for every x in D. Bounds on inputs are optional per coordinate (nil: that
/// side is unbounded); `SpecReader` and the `--domain` reader reject an empty box (lo > hi).
public struct InputDomain: Hashable, Sendable {
    /// A closed interval [lo, hi] of one input; nil ends are unbounded.
    public struct Interval: Hashable, Sendable {
        /// The lower end, or nil for −∞.
        public var lo: Rational?
        /// The upper end, or nil for +∞.
        public var hi: Rational?
        /// Creates [lo, hi].
        public init(lo: Rational?, hi: Rational?) {
            self.lo = lo
            self.hi = hi
        }
    }

    /// One linear inequality Σ coefficients[i]·x_i (≤ or ≥) bound, as written by the user.
    public struct Constraint: Hashable, Sendable {
        /// The relation between the left side and the bound.
        public enum Relation: String, Hashable, Sendable {
            /// a·x ≤ b
            case lessOrEqual = "<="
            /// a·x ≥ b
            case greaterOrEqual = ">="
        }
        /// One coefficient per input, in input order.
        public var coefficients: [Rational]
        /// ≤ or ≥.
        public var relation: Relation
        /// The right-hand side b.
        public var bound: Rational
        /// The text the user wrote (echoed in reports), e.g. `x1 + x2 <= 1`.
        public var text: String
        /// Creates a constraint.
        public init(coefficients: [Rational], relation: Relation, bound: Rational, text: String) {
            self.coefficients = coefficients
            self.relation = relation
            self.bound = bound
            self.text = text
        }
    }

    /// One interval per input, in input order (an unbounded input has `Interval(lo: nil, hi: nil)`).
    public var box: [Interval]
    /// Linear inequalities, in the order written.
    public var constraints: [Constraint]
    /// Where the domain was given (the `domain:` key, or the `--domain` file), for messages.
    public var location: SourceLocation

    /// Creates a domain.
    public init(box: [Interval], constraints: [Constraint] = [], location: SourceLocation = .unspecified) {
        self.box = box
        self.constraints = constraints
        self.location = location
    }

    /// Whether x (one rational per input) lies in D: inside every interval and satisfying
    /// every constraint, decided exactly.
    public func contains(_ x: [Rational]) -> Bool {
        guard x.count == box.count else { return false }
        for (value, interval) in zip(x, box) {
            if let lo = interval.lo, value < lo { return false }
            if let hi = interval.hi, value > hi { return false }
        }
        for constraint in constraints {
            var sum = Rational.zero
            for (a, v) in zip(constraint.coefficients, x) where !a.isZero { sum += a * v }
            switch constraint.relation {
            case .lessOrEqual: if sum > constraint.bound { return false }
            case .greaterOrEqual: if sum < constraint.bound { return false }
            }
        }
        return true
    }

    /// Equality ignores `location`.
    public static func == (lhs: InputDomain, rhs: InputDomain) -> Bool {
        lhs.box == rhs.box && lhs.constraints == rhs.constraints
    }

    /// Hashes box and constraints (not the location).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(box)
        hasher.combine(constraints)
    }
}
