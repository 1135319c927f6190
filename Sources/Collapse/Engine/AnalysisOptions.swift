import ExactNumbers
public import Algebra
public import NetworkModel

/// How many network evaluations the witness search may spend: automatic or a number.
public enum EvaluationBudget: Sendable, Hashable {
    /// Scaled to the network: max(60, min(3000, 4 000 000 / size)) with size = inputs + the
    /// weights of every dense layer, so a search costs about the same on every network; on an
    /// input domain, `AnalysisOptions.domainEvaluations`.
    case automatic
    /// Exactly this many evaluations (a network evaluation counts once).
    case evaluations(Int)

    /// The fewest and most evaluations of the automatic budget.
    public static let automaticRange = 60...3000
    /// The work (evaluations × network size) the automatic budget aims at.
    public static let automaticWork = 4_000_000

    /// The number of evaluations for `network`.
    public func resolved(for network: Network) -> Int {
        switch self {
        case .evaluations(let count): return count
        case .automatic:
            let size = network.layers.reduce(network.inputDimension) { acc, layer in
                acc + (layer.dense.map { $0.outputDimension * $0.inputDimension } ?? 0)
            }
            let range = Self.automaticRange
            return max(range.lowerBound, min(range.upperBound, Self.automaticWork / max(size, 1)))
        }
    }

    /// The number of evaluations on an input domain: `automatic` there is `evaluations`.
    public func resolved(onDomain automatic: Int) -> Int {
        if case .evaluations(let count) = self { return count }
        return automatic
    }
}

/// The analysis policy: every threshold and default of a decision, in one value.
///
/// | setting | default | what it bounds |
/// | --- | --- | --- |
/// | `precision` | 128 bits | enclosures of transcendental activations (retried at 4×) |
/// | `seed` | 1 | the witness search's random candidates (the search is deterministic) |
/// | `budget` | automatic | network evaluations of the witness search, shared by every strategy that searches |
/// | `domainEvaluations` | 400 | the automatic budget of the witness search on an input domain |
/// | `termLimit` | 20 000 | terms of a polynomial built when expanding polynomial activations |
/// | `normalizationTermLimit` | 5 000 | terms of a polynomial the semantic normalisation builds (at most `termLimit`) |
/// | `maxRegions` | 4096 | linear regions the complete decision enumerates (`--max-regions`); past it, `unknown` |
/// | `progressInterval` | 5000 | regions between two progress reports |
/// | `crossingCostLimit` | 400 000 | work of the breakpoint-crossing candidates (layers' weights × inputs) |
/// | `evaluationLimit` | 50 000 | parameters up to which F(0) of a collapsed network is evaluated through the layers (above: F(0) = b') |
/// | `symbolicLimit` | 2 000 | inputs × parameters up to which the identity residuals are computed layer by layer |
/// | `illustrateRegions` | true | whether a not-affine piecewise-linear verdict is illustrated by its regions (only the LaTeX derivation shows them) |
/// | `keepsFoldedLayers` | true | whether a collapse by folding keeps its folded layers (`Analysis.foldedLayers`, only the LaTeX derivation shows them); without them the layers are made rational one at a time for the product |
/// | `illustrationInputs`, `illustrationUnits` | 8, 64 | largest networks illustrated |
/// | `keptRegions` | 64 | regions kept for the case analysis |
/// | `breakpointRegionLimit` | 100 000 | regions enumerated along a line to find the breakpoints of a witness segment |
/// | `figureRegionLimit` | 4096 | regions a LaTeX picture enumerates in its box (`--figures`) |
/// | `listingSimplificationLimit` | 512 | largest `regions` listing whose regions are shown without redundant inequalities |
/// | `polynomialBudget` | 1 000 000 terms, degree 2^20 | every polynomial product of a composition (checked before it runs), the degree of F (`--max-terms`) |
/// | `deadline` | none | the long loops: witness search, region enumeration, compositions (`--timeout`) |
/// | `simplifies` | true | whether the semantic normalisation runs before the strategies |
/// | `simplificationLayerLimit` | 256 | deeper networks skip the semantic normalisation (its passes cost grows with depth squared) |
/// | `fusionLayerLimit`, `fusionParameterLimit` | 24, 20 000 | largest networks whose runs `fuse` extends through non-affine activations by a decision |
/// | `constantSignPrecision` | 4096 bits | the largest precision tried to prove an entry of b' with exact constants nonzero |
/// | `checkTrials` | 100 | random trials of `check` (`--trials`) |
/// | `checkPrecision` | 256 bits | enclosures of W'x + b' with exact constants in `check` |
///
/// The command's option defaults read these values (`AnalysisOptions.defaults`): `--seed`,
/// `--max-regions`, `--max-terms`, `--trials`; `--timeout` has no default (no deadline).
public struct AnalysisOptions: Sendable {
    /// The defaults, for the command line's option defaults.
    public static let defaults = AnalysisOptions()

    /// Working precision, in bits, of the enclosures of transcendental activations.
    public var precision: Int
    /// Seed of the witness search's random candidates (the search is deterministic).
    public var seed: UInt64
    /// Network evaluations of the witness search.
    public var budget: EvaluationBudget
    /// Network evaluations of the witness search on an input domain when `budget` is automatic.
    public var domainEvaluations: Int = 400
    /// Largest polynomial (in terms) the composition of polynomial activations may build.
    public var termLimit: Int
    /// Largest polynomial (in terms) the semantic normalisation may build (the smaller of
    /// this and `termLimit` applies).
    public var normalizationTermLimit: Int = 5_000
    /// At most this many linear regions in the complete decision for piecewise-linear
    /// networks (`--max-regions`); past it the verdict is `unknown`.
    public var maxRegions: Int
    /// Called now and then during a long region enumeration (the library does no I/O).
    public var progress: (@Sendable (RegionProgress) -> Void)?
    /// Regions between two calls of `progress`.
    public var progressInterval: Int = 5000
    /// Largest work (dense weights plus units, times inputs) for which the witness search
    /// computes breakpoint crossings.
    public var crossingCostLimit: Int = 400_000
    /// Largest network (in parameters) whose F(0) is evaluated through the layers for the
    /// witnesses of a collapse.
    public var evaluationLimit: Int = 50_000
    /// Largest network (inputs × parameters) whose identity residuals are computed layer by layer.
    public var symbolicLimit: Int = 2_000
    /// Whether to enumerate the regions of a small piecewise-linear network refuted by the
    /// witness search, to illustrate it (only the LaTeX derivation shows them).
    public var illustrateRegions: Bool = true
    /// Whether a collapse by folding keeps its folded layers in the analysis
    /// (`Analysis.foldedLayers`, which only the LaTeX derivation shows). When false they are
    /// empty, and the layers are made rational and cleared to integers one at a time for the
    /// product, so that no rational copy of a compact (`float32`) network's weights is alive
    /// during it (peak memory, issue 15); W' and b' are the same.
    public var keepsFoldedLayers: Bool = true
    /// Largest networks (inputs) whose regions illustrate a refutation.
    public var illustrationInputs: Int = 8
    /// Largest networks (piecewise-linear units) whose regions illustrate a refutation.
    public var illustrationUnits: Int = 64
    /// Regions kept for the case analysis of the derivation.
    public var keptRegions: Int = 64
    /// Most regions enumerated along a line to find the breakpoints of a witness segment.
    public var breakpointRegionLimit: Int = 100_000
    /// Most regions a LaTeX picture (`--figures`) enumerates in its box.
    public var figureRegionLimit: Int = 4096
    /// Largest listing of `regions` whose regions are shown without their redundant inequalities.
    public var listingSimplificationLimit: Int = 512
    /// Sizes of the polynomials the analysis may build (`--max-terms`), checked before each
    /// product, and the largest degree of F; past them the verdict is `unknown`.
    public var polynomialBudget: PolynomialBudget = .standard
    /// When set, the long loops stop at this time and the verdict is `unknown` (`--timeout`).
    public var deadline: Deadline? = nil
    /// Whether the semantic normalisation (`SemanticNormalization`: irrelevant, constant,
    /// stable and cancelling units, contract §4) runs before the strategies; off only to
    /// exercise the later stages alone.
    public var simplifies: Bool = true
    /// Networks with more layers than this skip the semantic normalisation, whose passes
    /// cost grows with the square of the depth; they are decided as written.
    public var simplificationLayerLimit: Int = 256
    /// Networks with more layers than this get only syntactic (affine as written) runs from `fuse`.
    public var fusionLayerLimit: Int = 24
    /// Networks with more parameters than this get only syntactic runs from `fuse`.
    public var fusionParameterLimit: Int = 20_000
    /// The largest precision, in bits, tried to prove an entry of b' with exact constants
    /// nonzero (`ExactConstant.sign`); below it, linear versus affine is undecided.
    public var constantSignPrecision: Int = 4096
    /// Random trials of `check` (`--trials`).
    public var checkTrials: Int = 100
    /// Working precision, in bits, of `check`'s enclosures of W'x + b' with exact constants.
    public var checkPrecision: Int = 256
    /// Keep a Farkas certificate for every activation pattern the region enumeration proves
    /// empty (`RegionAnalysis.certificates`; `--region-certificates`).
    public var regionCertificates = false

    /// The precisions, in bits, at which the two sides of an identity are evaluated until
    /// their enclosures separate: `precision`, then 4× (`precisionLadder(from:)`).
    public var precisionLadder: [Int] { Self.precisionLadder(from: precision) }

    /// The one escalation policy: the witness search and every re-check of a witness
    /// (`check`, `WitnessRecheck`) climb the same rungs, so a re-check never stops below the
    /// precision at which the search separated the two sides.
    public static func precisionLadder(from precision: Int) -> [Int] { [precision, precision * 4] }

    /// Defaults: 128 bits, seed 1, a budget scaled to the network's size (`nil`), 20 000
    /// terms, 4096 regions.
    public init(
        precision: Int = 128, seed: UInt64 = 1, evaluationBudget: Int? = nil, termLimit: Int = 20_000,
        maxRegions: Int = 4096, progress: (@Sendable (RegionProgress) -> Void)? = nil
    ) {
        self.precision = precision
        self.seed = seed
        self.budget = evaluationBudget.map { $0 > 0 ? .evaluations($0) : .automatic } ?? .automatic
        self.termLimit = termLimit
        self.maxRegions = maxRegions
        self.progress = progress
    }
}
