import ExactNumbers
import Algebra
import NetworkModel

/// The single affine map a network collapses to, with rational or polynomial entries.
public enum CollapsedMap: Sendable, Hashable {
    /// Every weight is a number: W' and b' are exact rationals.
    case numeric(AffineMap<Rational>)
    /// Some weight is a symbol: W' and b' are polynomials in the symbols.
    case symbolic(AffineMap<Polynomial>)

    /// The map with polynomial entries (numbers as constant polynomials).
    public var symbolicMap: AffineMap<Polynomial> {
        switch self {
        case .symbolic(let m): return m
        case .numeric(let m):
            return AffineMap(weights: m.weights.map { Polynomial($0) }, bias: m.bias.map { Polynomial($0) })
        }
    }

    /// Rows of W' as printed entries (canonical rationals or plain polynomials).
    public var weightTexts: [[String]] {
        switch self {
        case .numeric(let m): return (0..<m.weights.rows).map { i in m.weights.rowArray(i).map(\.description) }
        case .symbolic(let m): return (0..<m.weights.rows).map { i in m.weights.rowArray(i).map(\.description) }
        }
    }

    /// Entries of b' as printed text.
    public var biasTexts: [String] {
        switch self {
        case .numeric(let m): return m.bias.map(\.description)
        case .symbolic(let m): return m.bias.map(\.description)
        }
    }

    /// Whether b' is identically zero.
    public var biasIsZero: Bool {
        switch self {
        case .numeric(let m): return m.bias.allSatisfy(\.isZero)
        case .symbolic(let m): return m.bias.allSatisfy(\.isZero)
        }
    }

    /// The number of inputs.
    public var inputDimension: Int {
        switch self {
        case .numeric(let m): return m.inputDimension
        case .symbolic(let m): return m.inputDimension
        }
    }

    /// The number of outputs.
    public var outputDimension: Int {
        switch self {
        case .numeric(let m): return m.outputDimension
        case .symbolic(let m): return m.outputDimension
        }
    }
}

/// The rank of W' and, where a narrow layer limits it, which one.
public struct RankFinding: Sendable, Hashable {
    /// rank W' (over the rationals, or over the rational functions in the symbols).
    public let rank: Int
    /// true when the weights are symbolic and the rank is the generic one.
    public let isGeneric: Bool
    /// The narrowest width in the chain (input dimension and every dense output size).
    public let narrowestWidth: Int
    /// 1-based index of the narrowest dense layer, or nil when the input itself is narrowest.
    public let narrowestLayer: Int?
    /// min(input dimension, output dimension): the largest rank W' could have.
    public let fullRank: Int
    /// With symbolic weights: how the generic rank was established (`GenericRank`: proven, or
    /// a proven lower bound that is the rank with overwhelming probability).
    public let certificate: GenericRank?

    /// Creates a finding.
    public init(rank: Int, isGeneric: Bool, narrowestWidth: Int, narrowestLayer: Int?, fullRank: Int, certificate: GenericRank? = nil) {
        self.rank = rank
        self.isGeneric = isGeneric
        self.narrowestWidth = narrowestWidth
        self.narrowestLayer = narrowestLayer
        self.fullRank = fullRank
        self.certificate = certificate
    }

    /// Whether `rank` is exact (always for numeric weights; for symbolic ones, see `certificate`).
    public var isProven: Bool { certificate?.isProven ?? true }

    /// Whether a hidden layer narrower than input and output caps the rank (and the rank
    /// reaches that cap): "rank 2 < 3: the width-2 layer is a bottleneck".
    public var isBottleneck: Bool {
        narrowestLayer != nil && narrowestWidth < fullRank && rank <= narrowestWidth
    }
}

/// What one layer's activation does to linearity, stated with exact scalar evidence.
public struct LayerFinding: Sendable, Hashable {
    /// 1-based layer index.
    public let layer: Int
    /// The layer's activation.
    public let activation: Activation
    /// a and c when the activation is affine, f(t) = a·t + c, and folds into its layer.
    public let affineFold: (slope: Polynomial, intercept: Polynomial)?
    /// A sentence a person reads: why the activation keeps or breaks linearity, with an exact
    /// scalar counterexample (relu(1 + (−1)) = 0 but relu(1) + relu(−1) = 1).
    public let summary: String

    /// Creates a finding.
    public init(layer: Int, activation: Activation, affineFold: (slope: Polynomial, intercept: Polynomial)?, summary: String) {
        self.layer = layer
        self.activation = activation
        self.affineFold = affineFold
        self.summary = summary
    }

    /// Equality by layer, activation and summary.
    public static func == (lhs: LayerFinding, rhs: LayerFinding) -> Bool {
        lhs.layer == rhs.layer && lhs.activation == rhs.activation && lhs.summary == rhs.summary
    }

    /// Hashes layer, activation and summary.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(layer)
        hasher.combine(activation)
        hasher.combine(summary)
    }
}

/// Everything prove-collapse proved about a network: the verdict and its evidence.
///
/// Invariants: `collapsed` and `rank` are non-nil exactly when `verdict.collapses`; a
/// `notAffine` verdict carries an `affinity` witness that was re-checked by exact evaluation
/// (or disjoint enclosures); `unknown` carries a `reason`.
public struct Analysis: Sendable {
    /// The network analysed (as written in the spec).
    public internal(set) var network: Network
    /// The verdict.
    public let verdict: Verdict
    /// Why the verdict is `unknown` or `not-affine`, in a sentence.
    public let reason: String?
    /// W' and b', when the network collapses.
    public let collapsed: CollapsedMap?
    /// The rank of W', when the network collapses.
    public let rank: RankFinding?
    /// F(x+y) = F(x) + F(y).
    public let additivity: IdentityCheck
    /// F(c·x) = c·F(x).
    public let homogeneity: IdentityCheck
    /// F(x+y) + F(0) = F(x) + F(y).
    public let affinity: IdentityCheck
    /// With symbolic weights: polynomials that must all vanish for the map to be linear
    /// (the entries of b'); nil when the symbols do not decide.
    public let linearIf: [Polynomial]?
    /// With symbolic weights and polynomial activations: coefficients of degree >= 2 that
    /// must all vanish for the map to be affine; nil when the symbols do not decide.
    public let affineIf: [Polynomial]?
    /// Per layer: how its activation folds or why it breaks linearity.
    public internal(set) var layerFindings: [LayerFinding]
    /// Each layer with its affine activation folded in, in order (only when the network
    /// collapses): the maps whose composition is W'x + b'.
    public let foldedLayers: [CollapsedMap]
    /// With polynomial activations: F's outputs as polynomials in the input names.
    public let polynomialOutputs: [Polynomial]?
    /// With piecewise-linear activations: what the enumeration of the linear regions found
    /// (nil when it did not run). It decided the verdict when `decidesVerdict`; otherwise it
    /// illustrates a `not-affine` verdict proved by the witness search.
    public internal(set) var regions: RegionAnalysis?

    /// Creates an analysis.
    public init(network: Network, verdict: Verdict, reason: String?, collapsed: CollapsedMap?, rank: RankFinding?,
                additivity: IdentityCheck, homogeneity: IdentityCheck, affinity: IdentityCheck,
                linearIf: [Polynomial]?, affineIf: [Polynomial]?, layerFindings: [LayerFinding],
                foldedLayers: [CollapsedMap], polynomialOutputs: [Polynomial]?, regions: RegionAnalysis? = nil) {
        self.network = network
        self.verdict = verdict
        self.reason = reason
        self.collapsed = collapsed
        self.rank = rank
        self.additivity = additivity
        self.homogeneity = homogeneity
        self.affinity = affinity
        self.linearIf = linearIf
        self.affineIf = affineIf
        self.layerFindings = layerFindings
        self.foldedLayers = foldedLayers
        self.polynomialOutputs = polynomialOutputs
        self.regions = regions
    }
}
