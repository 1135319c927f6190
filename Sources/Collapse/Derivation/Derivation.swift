public import ExactNumbers
public import Algebra
public import NetworkModel

/// The mathematics a derivation shows, computed once in Collapse: the LaTeX document only
/// typesets these values (it never evaluates the network, multiplies matrices or re-runs
/// analysis). Built on demand for a LaTeX document (`init(_:)`), never for text or JSON.
///
/// Every part is about the network the derivation is about (`network`: the simplified
/// network when the analysis normalised it, else the network as written), and is present
/// exactly when the analysis's outcome calls for it:
/// - a collapse whose every layer folds: the substitution chain with its running products;
/// - a refutation with a two-point affinity witness: the witness traced layer by layer (at
///   x, z, x + z and 0; on a domain at x, z and (x + z)/2), whether F(0) = 0, and the truth
///   table of a Boolean network;
/// - every non-collapse: each non-affine activation's scalar counterexample with its values,
///   and the degrees of a polynomial network;
/// - region facts: the case analysis over the kept regions.
public struct Derivation: Sendable {
    /// The substitution chain, with numeric or symbolic scalars.
    public enum Chain: Hashable, Sendable {
        /// Every folded layer has numeric weights.
        case numeric(ProductChain<Rational>)
        /// Some folded layer has symbolic weights.
        case symbolic(ProductChain<Polynomial>)

        /// The chain over polynomials (a numeric chain's rationals as constants).
        public var symbolic: ProductChain<Polynomial> {
            switch self {
            case .numeric(let chain): return chain.converted { Polynomial($0) }
            case .symbolic(let chain): return chain
            }
        }
    }

    /// The network the derivation is about.
    public let network: Network
    /// The chain of a collapse whose every layer folds to an affine map; nil otherwise (a
    /// polynomial cancellation, cancelling hinges, a region decision, a non-collapse).
    public let chain: Chain?
    /// The affinity witness of a non-collapse traced (`WitnessTrace`) at x, z, x + z and 0, or
    /// on an input domain at x, z and the midpoint (x + z)/2; or why the network could not be
    /// evaluated there. Nil when there is no two-point witness.
    public let witnessTrace: Result<WitnessTrace, EvaluationError>?
    /// Whether F(0) = 0 provably (each coordinate exactly 0), with a witness trace.
    public let vanishesAtZero: Bool
    /// F on the corners of the unit cube, for 2 to `truthTableInputs` inputs when F is
    /// Boolean there and the affinity witness's x, z and x + z are corners; else nil.
    public let truthTable: TruthTable?
    /// Each non-affine unit-wise activation's scalar counterexample with its values, for a
    /// network that does not collapse.
    public let scalarBreaks: [Activation: ScalarBreakValues]
    /// The degrees of a polynomial network that does not collapse.
    public let polynomialDegrees: PolynomialDegrees?
    /// The case analysis over the regions the analysis carries.
    public let caseAnalysis: CaseAnalysis?
    /// ∂F/∂x of a collapse (`Jacobian.of`): nil when the network does not collapse or F has no
    /// Jacobian on a lower-dimensional domain.
    public let jacobian: CollapsedMap?

    /// The regions of a `--figures` picture (`FigureRegions`); nil unless asked for.
    public let figures: FigureRegions?

    /// Most inputs for which a truth table is computed (2⁴ = 16 corners).
    public static let truthTableInputs = 4

    /// The derivation of `analysis`; with `figures`, also the regions of its picture (at most
    /// `AnalysisOptions.defaults.figureRegionLimit` in the picture's box).
    public init(_ analysis: Analysis, figures: Bool = false) {
        let network = analysis.normalization?.simplified ?? analysis.network
        self.network = network
        let collapses = analysis.verdict.collapses
        let folded = analysis.foldedLayers
        if collapses, !folded.isEmpty || network.layers.isEmpty, folded.count == network.layers.count {
            let numeric = folded.compactMap { layer -> AffineMap<Rational>? in
                if case .numeric(let m) = layer { return m }
                return nil
            }
            chain =
                numeric.count == folded.count
                ? .numeric(ProductChain(folded: numeric, network: network))
                : .symbolic(ProductChain(folded: folded.map(\.symbolicMap), network: network))
        } else {
            chain = nil
        }
        var trace: Result<WitnessTrace, EvaluationError>? = nil
        var vanishes = false
        var table: TruthTable? = nil
        if !collapses, let w = analysis.affinity.witness, let y = w.y {
            let zero = [Rational](repeating: .zero, count: w.x.count)
            let points =
                network.domain == nil
                ? [w.x, y, zip(w.x, y).map { $0 + $1 }, zero] : [w.x, y, zip(w.x, y).map { ($0 + $1) / Rational(2) }]
            trace = Result { () throws(EvaluationError) in try WitnessTrace(network: network, points: points) }
            if network.domain == nil, let f0 = try? Evaluator.evaluate(network, at: zero) {
                vanishes = f0.allSatisfy { $0.provablyEquals(.exact(.zero)) }
            }
        }
        if !collapses, let w = analysis.affinity.witness, let y = w.y,
            (2...Self.truthTableInputs).contains(network.inputDimension)
        {
            let isCorner = { (p: [Rational]) in p.allSatisfy { $0.isZero || $0.isOne } }
            if isCorner(w.x), isCorner(y), isCorner(zip(w.x, y).map { $0 + $1 }) {
                table = TruthTable(network: network)
            }
        }
        witnessTrace = trace
        vanishesAtZero = vanishes
        truthTable = table
        var breaks = [Activation: ScalarBreakValues]()
        if !collapses {
            for layer in network.layers where layer.activation.affineForm == nil && breaks[layer.activation] == nil {
                if let values = ScalarBreakValues(layer.activation) { breaks[layer.activation] = values }
            }
        }
        scalarBreaks = breaks
        polynomialDegrees =
            !collapses ? analysis.polynomialOutputs.map { PolynomialDegrees(network: network, outputs: $0) } : nil
        caseAnalysis = analysis.regions.map { CaseAnalysis($0, network: network, affinity: analysis.affinity) }
        jacobian = Jacobian.of(analysis)
        self.figures =
            figures
            ? FigureRegions(
                network: network, analysis: analysis, limit: AnalysisOptions.defaults.figureRegionLimit) : nil
    }
}
