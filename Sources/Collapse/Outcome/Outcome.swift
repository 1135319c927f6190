import ExactNumbers
public import Algebra
public import NetworkModel

/// The result of a decision: the network collapses, it is refuted, or it is undecided; each
/// case carries its evidence as data (never a sentence: Rendering writes those).
///
/// - `collapses`: F(x) = W'x + b' for every x, with the rank of W' and how it was proved;
/// - `refuted`: no affine map equals F, with an affinity witness F(x+y) + F(0) ≠ F(x) + F(y)
///   re-checked by exact evaluation (or disjoint enclosures), and how it was found;
/// - `undecided`: why neither was proved.
public enum Outcome: Sendable {
    /// F equals the affine map `map`; `rank` is rank W'.
    case collapses(map: CollapsedMap, rank: RankFinding, provenance: CollapseProvenance)
    /// `witness` refutes affinity.
    case refuted(witness: Witness, provenance: RefutationProvenance)
    /// Not decided.
    case undecided(UndecidedReason)

    /// The verdict this outcome means: `linear` or `affine` (by b' = 0), `not-affine`, `unknown`.
    public var verdict: Verdict {
        switch self {
        case .collapses(let map, _, _): return map.biasIsZero ? .linear : .affine
        case .refuted: return .notAffine
        case .undecided: return .unknown
        }
    }
}

/// How a collapse was proved.
public enum CollapseProvenance: Sendable {
    /// Every activation is affine, f(t) = a·t + c: each folds into its layer, and the folded
    /// layers (in order) compose exactly to W'x + b' (empty when not kept:
    /// `AnalysisOptions.keepsFoldedLayers`).
    case affineFold(layers: [CollapsedMap])
    /// Every activation is a polynomial; expanding F layer by layer, every term of degree >= 2
    /// in the inputs cancels (the expansion is `Analysis.polynomialOutputs`).
    case polynomialCancellation
    /// Piecewise-linear activations: every linear region carries the same affine map
    /// (`regions.commonMap`).
    case regionDecision(regions: RegionAnalysis)
    /// On an input domain D: exact bound propagation found every piecewise-linear unit stable
    /// on D, so F on D is the composition of the units' pieces.
    case stableUnits(count: Int)
    /// On a lower-dimensional D whose affine hull misses 0: F's own map W x + b on D, proved
    /// by `provenance`, rewritten as the linear map (W + b·wᵀ) x, equal to it on D (w·x = 1 there).
    /// Symbols around one layer of hinges (`HingeDecomposition`): every hinge coefficient
    /// c_G(s) is identically zero, so the hinges cancel for every value of the symbols and F
    /// is the affine remainder; `layer` is the hinge layer (1-based).
    case hingesCancel(layer: Int)
    indirect case biasFoldedOnDomain(original: CollapsedMap, provenance: CollapseProvenance)
}

/// The layer that first applies an activation that is not affine.
public struct Culprit: Sendable, Hashable {
    /// 1-based layer index.
    public let layer: Int
    /// Its activation.
    public let activation: Activation

    /// Creates a culprit.
    public init(layer: Int, activation: Activation) {
        self.layer = layer
        self.activation = activation
    }

    /// The first layer of `network` whose activation is not affine (layer 1 when none is).
    public static func first(in network: Network) -> Culprit {
        let index = network.layers.firstIndex { $0.activation.affineForm == nil } ?? 0
        return Culprit(
            layer: index + 1, activation: network.layers.isEmpty ? .identity : network.layers[index].activation)
    }
}

/// How a refuting witness was found.
public enum RefutationProvenance: Sendable {
    /// The witness search evaluated F exactly around the breakpoints (or where the culprit's
    /// units bend) and found two sides that provably differ.
    case witnessSearch(culprit: Culprit)
    /// A numeric polynomial network of degree `degree` >= 2 in the inputs whose higher terms
    /// do not cancel; the witness search found the witness.
    case polynomialWitnessSearch(degree: Int)
    /// Two regions `a` and `b` carry different affine maps; the witness was constructed from
    /// them (`b` may be lower-dimensional, a unit on a jump).
    case regionWitness(a: LinearRegion, b: LinearRegion, regions: RegionAnalysis)
    /// Symbolic weights, polynomial activations: at the witness the two sides, polynomials in
    /// the weight symbols, differ for every real value of the symbols (their difference is a
    /// nonzero constant, or a nonzero constant plus even powers with coefficients of its sign).
    /// `degree` is F's total degree in the inputs and weights.
    case symbolicPolynomial(degree: Int)
    /// On an input domain D: two regions of F inside D carry different maps; the midpoint
    /// witness lies on a segment between them, in D.
    case domainRegionWitness(a: LinearRegion, b: LinearRegion, regions: RegionAnalysis)
    /// On an input domain D: a midpoint witness found at sample points of D.
    case domainWitnessSearch
    /// Symbols around one layer of hinges (`HingeDecomposition`) with a hinge coefficient
    /// that is a nonzero number: at the witness the affinity residual, a polynomial in the
    /// symbols, is nonzero for every value of them. `layer` is the hinge layer (1-based).
    case symbolicHinges(layer: Int)
}

/// Why a network was not decided, with the facts.
public enum UndecidedReason: Sendable {
    /// Symbolic weights reach a non-affine activation: the answer depends on the symbols.
    case symbolicWeightsReachNonAffine(culprit: Culprit)
    /// The witness search spent `evaluations` evaluations without a witness; affinity is not
    /// proved either. `allPiecewiseLinear` says which explanation applies.
    case witnessNotFound(evaluations: Int, allPiecewiseLinear: Bool)
    /// The region enumeration stopped at `regions.maxRegions` with every full-dimensional
    /// region so far carrying the same map.
    case regionLimit(regions: RegionAnalysis)
    /// Regions `a` and `b` carry different maps (so F is not affine) but no exact witness was
    /// constructed.
    case regionsDifferWithoutWitness(a: LinearRegion, b: LinearRegion, regions: RegionAnalysis)
    /// A symbolic polynomial map whose higher terms do not all cancel, but no point refutes
    /// affinity for every value of the symbols.
    case noUniformSymbolicWitness
    /// A symbolic polynomial map that is affine exactly when every polynomial in `affineIf`
    /// (its coefficients of degree >= 2 in the inputs) vanishes.
    case symbolicConditions(affineIf: [Polynomial])
    /// Symbols around one layer of hinges (`HingeDecomposition`): F is affine exactly when
    /// every polynomial in `affineIf` (the hinge coefficients) vanishes; `neverAffine` when
    /// one of them is a nonzero number (F is affine for no value, but no witness holds for
    /// every value). `layer` is the hinge layer (1-based).
    case symbolicHinges(affineIf: [Polynomial], layer: Int, neverAffine: Bool)
    /// The input domain has no point (the CLI rejects such domains before analysis).
    case emptyDomain
    /// On an input domain: no midpoint witness inside D within the budget, affinity on D not
    /// proved; `notAffineEverywhere` when F is known not affine on the whole space.
    case domainWitnessNotFound(evaluations: Int, notAffineEverywhere: Bool)
    /// On an input domain: the region enumeration inside D stopped at the limit.
    case domainRegionLimit(regions: RegionAnalysis)
    /// On an input domain with symbolic weights and a non-affine F on the whole space.
    case domainSymbolicWeights
    /// A size budget or the deadline stopped the decision (`ResourceLimit`).
    case resourceLimit(ResourceLimit)
    /// F equals the affine map `map` (exact constants, contract §4), but for the entries
    /// `entries` of b' (0-based) neither the canonical form is 0 nor an enclosure up to 4096
    /// bits excludes 0: linear versus affine is undecided.
    case constantBiasUndecided(map: AffineMap<Polynomial>, entries: [Int])
}
