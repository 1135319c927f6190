/// How a verdict about F on an input domain D (contract §5) was reached, as data.
public struct DomainFindings: Sendable, Hashable {
    /// How the verdict on D was decided.
    public enum Method: String, Sendable, Hashable {
        /// Exact bound propagation found every piecewise-linear unit stable on D: F is the
        /// composition of the pieces, one affine map.
        case stableUnits = "stable-units"
        /// The linear regions of F restricted to D were enumerated exactly.
        case regions
        /// F is affine on the whole space (so on D).
        case wholeSpace = "whole-space"
        /// Units stable on D (exact bound propagation) act as their piece; the network
        /// simplified with them (`SemanticNormalization`, equal to F on D) is affine everywhere.
        case simplifiedOnDomain = "simplified-on-domain"
        /// An exact witness inside D refutes affinity on D.
        /// A polynomial F on a lower-dimensional D: affine on D's affine hull
        /// (`PolynomialOnAffineHull`), though not on the whole space.
        case polynomialOnAffineHull = "polynomial-on-domain"
        case witnessSearch = "witness-search"
        /// Not decided.
        case undecided
    }

    /// The method.
    public let method: Method
    /// The dimension of D (of its affine hull); the number of inputs when D has an interior.
    public let dimension: Int
    /// The number of inputs.
    public let inputDimension: Int
    /// Piecewise-linear units that stay on one piece over D (from bound propagation), when computed.
    public let stableUnits: Int?
    /// Piecewise-linear units that may change piece over D, when computed.
    public let unstableUnits: Int?
    /// When D is lower-dimensional, W' and b' are not unique (any map agreeing on the affine
    /// hull of D will do): false then.
    public let mapIsUnique: Bool
    /// True when the affine hull of D misses the origin and the bias of F's map on D was
    /// folded into W' (every affine map on such a D is linear there: b = b·(w·x) with w·x = 1 on D).
    public let biasFolded: Bool

    /// Creates findings.
    public init(
        method: Method, dimension: Int, inputDimension: Int, stableUnits: Int?, unstableUnits: Int?, mapIsUnique: Bool,
        biasFolded: Bool
    ) {
        self.method = method
        self.dimension = dimension
        self.inputDimension = inputDimension
        self.stableUnits = stableUnits
        self.unstableUnits = unstableUnits
        self.mapIsUnique = mapIsUnique
        self.biasFolded = biasFolded
    }
}
