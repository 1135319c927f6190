public import ExactNumbers
public import Algebra
public import NetworkModel

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
    public init(
        rank: Int, isGeneric: Bool, narrowestWidth: Int, narrowestLayer: Int?, fullRank: Int,
        certificate: GenericRank? = nil
    ) {
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

/// Everything prove-collapse proved about a network: the outcome and its evidence.
///
/// The outcome (`Outcome`) is the decision; the verdict, W', b', the rank, `linear_if`,
/// `affine_if`, the folded layers and the deciding regions are read from it, so they cannot
/// disagree with it. Built only by the factories in `Analysis+Factories.swift` (which compute
/// the identity checks and the rank in one place); `checkInvariants()` states and checks what
/// the types do not.
public struct Analysis: Sendable {
    /// The network analysed (as written in the spec).
    public internal(set) var network: Network
    /// The decision and how it was reached.
    public let outcome: Outcome
    /// F(x+y) = F(x) + F(y).
    public let additivity: IdentityCheck
    /// F(c·x) = c·F(x).
    public let homogeneity: IdentityCheck
    /// F(x+y) + F(0) = F(x) + F(y).
    public let affinity: IdentityCheck
    /// Per layer: how its activation folds or why it breaks linearity.
    public internal(set) var layerFindings: [LayerFinding]
    /// With polynomial activations: F's outputs as polynomials in the input names.
    public let polynomialOutputs: [Polynomial]?
    /// Regions of a small piecewise-linear network whose non-affinity the witness search
    /// proved: they only illustrate the verdict (`decidesVerdict == false`).
    public internal(set) var illustration: RegionAnalysis?
    /// The exact simplifications made before deciding (contract §4), when any: the outcome
    /// and the evidence are about `normalization.simplified`, which computes the same F.
    public internal(set) var normalization: Normalization?
    /// With an input domain (contract §5): how the verdict on D was reached (nil without a domain).
    public internal(set) var domainFindings: DomainFindings? = nil

    /// Creates an analysis from its parts (the engine uses the factories; this is for code
    /// that builds analyses by hand, such as rendering tests).
    public init(
        network: Network, outcome: Outcome, additivity: IdentityCheck, homogeneity: IdentityCheck,
        affinity: IdentityCheck, layerFindings: [LayerFinding], polynomialOutputs: [Polynomial]? = nil,
        illustration: RegionAnalysis? = nil
    ) {
        self.network = network
        self.outcome = outcome
        self.additivity = additivity
        self.homogeneity = homogeneity
        self.affinity = affinity
        self.layerFindings = layerFindings
        self.polynomialOutputs = polynomialOutputs
        self.illustration = illustration
    }

    /// The verdict, derived from the outcome.
    public var verdict: Verdict { outcome.verdict }

    /// W' and b', when the network collapses.
    public var collapsed: CollapsedMap? {
        if case .collapses(let map, _, _) = outcome { return map }
        return nil
    }

    /// The rank of W', when the network collapses.
    public var rank: RankFinding? {
        if case .collapses(_, let rank, _) = outcome { return rank }
        return nil
    }

    /// With symbolic weights: polynomials that must all vanish for the map to be linear (the
    /// nonzero entries of b', when none of them is a nonzero constant); nil when the symbols
    /// do not decide.
    public var linearIf: [Polynomial]? {
        guard case .collapses(.symbolic(let m), _, _) = outcome else { return nil }
        // Exact constants (σ(1), √2) are numbers, not symbols: b' = 0 or not is decided.
        if m.bias.allSatisfy(\.isConstantExpression) { return nil }
        let nonzero = m.bias.filter { !$0.isZero }
        guard !nonzero.isEmpty, nonzero.allSatisfy({ !$0.isConstant }) else { return nil }
        return nonzero
    }

    /// With symbolic weights and polynomial activations: coefficients of degree >= 2 that
    /// must all vanish for the map to be affine; around one layer of hinges: the hinge
    /// coefficients (`HingeDecomposition.conditions`); nil when the symbols do not decide.
    public var affineIf: [Polynomial]? {
        if case .undecided(.symbolicConditions(let conditions)) = outcome { return conditions }
        if case .undecided(.symbolicHinges(let conditions, _, _)) = outcome { return conditions }
        return nil
    }

    /// Each layer with its affine activation folded in, in order, when the network collapses
    /// by folding: the maps whose composition is W'x + b' (empty otherwise, and when the
    /// analysis was asked not to keep them: `AnalysisOptions.keepsFoldedLayers`).
    public var foldedLayers: [CollapsedMap] {
        if case .collapses(_, _, .affineFold(let layers)) = outcome { return layers }
        return []
    }

    /// With piecewise-linear activations: what the enumeration of the linear regions found
    /// (nil when it did not run). It decided the verdict when `decidesVerdict`; otherwise it
    /// illustrates a `not-affine` verdict proved by the witness search.
    public var regions: RegionAnalysis? {
        switch outcome {
        case .collapses(_, _, .regionDecision(let regions)): return regions
        case .refuted(_, .regionWitness(_, _, let regions)): return regions
        case .undecided(.regionLimit(let regions)): return regions
        case .undecided(.regionsDifferWithoutWitness(_, _, let regions)): return regions
        case .undecided(.resourceLimit(.timedOut(_, .regionEnumeration(let regions)))): return regions
        case .refuted(_, .domainRegionWitness(_, _, let regions)): return regions
        case .undecided(.domainRegionLimit(let regions)): return regions
        default: return illustration
        }
    }
}
