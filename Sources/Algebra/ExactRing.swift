public import ExactNumbers

/// A commutative ring with exact arithmetic and exact equality: the scalars of `Matrix` and
/// `AffineMap`.
///
/// Laws (checked by the property tests): `+` and `*` are associative and commutative, `*`
/// distributes over `+`, `zero` and `one` are the identities, `x + (-x) == zero`. Equality is
/// mathematical equality, so values must be kept in a canonical form: equal values are `==`
/// and hash equal however they were computed. There is no rounding anywhere.
///
/// `init(_: Rational)` embeds the rationals, so every ring here is a ℚ-algebra
/// (`Rational` itself, and `Polynomial` with rational coefficients).
public protocol ExactRing: Hashable, Sendable, CustomStringConvertible {
    /// The additive identity.
    static var zero: Self { get }
    /// The multiplicative identity.
    static var one: Self { get }
    /// Whether this equals `zero`.
    var isZero: Bool { get }

    /// The embedding ℚ → Self (a ring homomorphism).
    init(_ value: Rational)

    /// Sum.
    static func + (lhs: Self, rhs: Self) -> Self
    /// Difference.
    static func - (lhs: Self, rhs: Self) -> Self
    /// Product.
    static func * (lhs: Self, rhs: Self) -> Self
    /// Additive inverse.
    static prefix func - (operand: Self) -> Self

    /// In-place sum (default: `lhs = lhs + rhs`).
    static func += (lhs: inout Self, rhs: Self)
    /// In-place difference (default: `lhs = lhs - rhs`).
    static func -= (lhs: inout Self, rhs: Self)
    /// In-place product (default: `lhs = lhs * rhs`).
    static func *= (lhs: inout Self, rhs: Self)
}

extension ExactRing {
    /// In-place sum through `+`.
    public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
    /// In-place difference through `-`.
    public static func -= (lhs: inout Self, rhs: Self) { lhs = lhs - rhs }
    /// In-place product through `*`.
    public static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }
}
