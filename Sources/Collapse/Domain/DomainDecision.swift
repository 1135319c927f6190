import ExactNumbers
import Algebra
import NetworkModel

/// What a decision on an input domain D (contract §5) shares across the domain strategies:
/// D's geometry, the midpoint-witness search at points of D (it spends the context's budget
/// from the context's seed, and the region strategy and the witness strategy share it), the
/// exact bound propagation on D, the whole-space analysis once a strategy ran it, and how the
/// conclusion was reached (`DomainFindings`).
final class DomainDecision {
    /// The network with its domain removed: F on the whole space.
    let wholeSpace: Network
    /// D, or nil when D has no point.
    let geometry: DomainGeometry?
    /// Exact bound propagation on D, for a numeric piecewise-linear network (nil otherwise,
    /// or when it does not apply).
    let propagation: BoundPropagation.Result?
    /// The midpoint-witness search over D (nil when D has no point).
    var search: DomainWitnessSearch?
    /// F analysed on the whole space, once `DomainWholeSpaceStrategy` ran.
    var wholeSpaceAnalysis: Analysis?
    /// How a collapse was proved, for `DomainFindings` (a refutation's method follows from its
    /// provenance, an undecided one is `.undecided`).
    var method = DomainFindings.Method.undecided
    /// Findings to report instead of the context's (those of the whole-space analysis).
    var findings: [LayerFinding]?
    /// The normalisation to report (that of the whole-space analysis, or the simplification
    /// on D followed by it).
    var normalization: Normalization?

    /// The stable and unstable unit counts of the bound propagation, when it ran.
    var counts: (Int, Int)? { propagation.map { ($0.stableCount, $0.unstableCount) } }

    init(network: Network, domain: InputDomain, options: AnalysisOptions, budget: Int) {
        var whole = network
        whole.domain = nil
        wholeSpace = whole
        geometry = DomainGeometry(domain, inputDimension: network.inputDimension)
        if let geometry {
            search = DomainWitnessSearch(
                network: network, geometry: geometry, precision: options.precision, seed: options.seed,
                budget: budget)
            propagation =
                RegionEnumerator.supports(network) ? BoundPropagation.propagate(network, geometry: geometry) : nil
        } else {
            propagation = nil
        }
    }

    /// The evaluations the search on D may spend: the policy's number, or its
    /// `domainEvaluations` when the budget is automatic.
    static func budget(_ options: AnalysisOptions) -> Int {
        options.budget.resolved(onDomain: options.domainEvaluations)
    }
}
