import ExactNumbers
import Algebra
import NetworkModel

/// The state one decision shares across its strategies: the (normalised) network, the
/// policy, the evaluation budget, the witness-search cache, what earlier strategies found
/// for later ones, and on an input domain what the domain strategies share (`domain`).
final class DecisionContext {
    /// The network the strategies decide (after normalisation: it computes the same F as
    /// the network written in the spec).
    let network: Network
    /// The policy.
    let options: AnalysisOptions
    /// The evaluations each witness search may spend (the policy's budget, resolved).
    let budget: Int
    /// F at the points evaluated so far, at the policy's precision: shared by every search.
    let cache = EvaluationCache()
    /// The per-layer findings of `network`.
    let findings: [LayerFinding]
    /// F's outputs as polynomials in the inputs, when a strategy expanded them.
    var polynomialOutputs: [Polynomial]?
    /// F's degree in the inputs, when it is a polynomial map of degree >= 2.
    var polynomialDegree: Int?
    /// The conclusion to report when no later strategy decides (an `undecided` one).
    var fallback: Conclusion?
    /// What the domain strategies share, when the network has an input domain (nil otherwise).
    let domain: DomainDecision?

    init(network: Network, options: AnalysisOptions) {
        self.network = network
        self.options = options
        self.findings = LayerFindings.make(network)
        if let inputDomain = network.domain {
            budget = DomainDecision.budget(options)
            domain = DomainDecision(network: network, domain: inputDomain, options: options, budget: budget)
        } else {
            budget = options.budget.resolved(for: network)
            domain = nil
        }
    }

    /// A fresh witness search over the shared cache: its random candidates start from the
    /// policy's seed, and it may spend the policy's budget.
    func witnessSearch() -> WitnessSearch {
        WitnessSearch(
            network: network, precision: options.precision, seed: options.seed, budget: budget, cache: cache,
            crossingCostLimit: options.crossingCostLimit)
    }
}

/// Values of F already computed, by input point (exact rationals as keys).
final class EvaluationCache {
    var values: [[Rational]: [ExactValue]] = [:]
}

/// What a strategy concluded; `Analyzer` turns it into an `Analysis` through the factories
/// (which compute the rank and the identity checks).
enum Conclusion {
    /// F equals `map`.
    case collapses(CollapsedMap, CollapseProvenance)
    /// The affinity witness refutes affinity; additivity and homogeneity witnesses when found.
    case refuted(affinity: Witness, additivity: Witness?, homogeneity: Witness?, RefutationProvenance)
    /// Not decided; counterexamples to additivity or homogeneity when found.
    case undecided(UndecidedReason, additivity: Witness? = nil, homogeneity: Witness? = nil)
}

/// One way of deciding: it returns a conclusion, or nil to pass to the next strategy.
///
/// A strategy reads the context (network, policy, findings), may record facts for later
/// strategies (`polynomialOutputs`, `fallback`), and never writes sentences.
protocol DecisionStrategy: Sendable {
    func decide(_ context: DecisionContext) -> Conclusion?
}
