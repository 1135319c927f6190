public import ExactNumbers
public import Algebra

/// Which of the contract's three identities a check is about.
public enum Identity: String, Sendable, Hashable, CaseIterable {
    /// F(x+y) = F(x) + F(y) for all x, y.
    case additivity
    /// F(c·x) = c·F(x) for all x and scalars c.
    case homogeneity
    /// F(x+y) + F(0) = F(x) + F(y) for all x, y (F is affine).
    case affinity
}

/// A concrete counterexample to an identity, evaluated exactly (or by disjoint enclosures).
///
/// `lhs` and `rhs` are the two sides as the contract writes them: F(x+y) and F(x)+F(y) for
/// additivity; F(c·x) and c·F(x) for homogeneity; F(x+y)+F(0) and F(x)+F(y) for affinity.
/// Invariant: some coordinate of `lhs` provably differs from `rhs`.
public struct Witness: Sendable, Hashable {
    /// The point x.
    public let x: [Rational]
    /// The point y (additivity and affinity).
    public let y: [Rational]?
    /// The scalar c (homogeneity).
    public let c: Rational?
    /// The left side, evaluated.
    public let lhs: [ExactValue]
    /// The right side, evaluated.
    public let rhs: [ExactValue]

    /// Creates a witness; callers must have checked that lhs provably differs from rhs.
    public init(x: [Rational], y: [Rational]?, c: Rational?, lhs: [ExactValue], rhs: [ExactValue]) {
        self.x = x
        self.y = y
        self.c = c
        self.lhs = lhs
        self.rhs = rhs
    }
}

/// The outcome of one identity: whether it holds for all inputs, and the evidence.
///
/// `holds == true` is proved symbolically (the residual simplified to zero); `false` comes
/// with a re-checked `witness`; `nil` means undecided. `residual` is the simplified symbolic
/// difference of the two sides when the network collapses (zero, −b', or (1 − c)·b').
public struct IdentityCheck: Sendable, Hashable {
    /// The identity checked.
    public let identity: Identity
    /// true: proved for all inputs; false: a witness refutes it; nil: undecided.
    public let holds: Bool?
    /// The counterexample, when `holds == false`.
    public let witness: Witness?
    /// The simplified residual lhs − rhs as polynomials in x, y, c (and weight symbols),
    /// when computed symbolically.
    public let residual: [Polynomial]?

    /// Creates a check result.
    public init(identity: Identity, holds: Bool?, witness: Witness?, residual: [Polynomial]?) {
        self.identity = identity
        self.holds = holds
        self.witness = witness
        self.residual = residual
    }
}
