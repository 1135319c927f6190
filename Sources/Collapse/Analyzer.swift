import ExactNumbers
import Algebra
public import NetworkModel

/// Decides what a network computes and gathers the evidence (contract §3).
///
/// The decision is a pipeline: the normalisation steps rewrite the network into an
/// equivalent one, then the strategies run in order over one `DecisionContext`; the first
/// that concludes decides, a strategy that cannot passes. The conclusion becomes an
/// `Analysis` through the factories (rank and identity checks computed in one place; on an
/// input domain, `DomainEvidence` reads them on D).
///
/// On an input domain (contract §5) the network is decided as written (no normalisation) and
/// the domain strategies, first in the list, decide: the last of them always concludes, so
/// the whole-space strategies only see networks without a domain (the domain strategies run
/// them on F over the whole space through `analyze`, the domain removed).
public enum Analyzer {
    /// The rewrites, in order.
    static let normalisation: [any NormalisationStep] = [SingleUnitSoftmax()]

    /// The strategies, in order.
    static let strategies: [any DecisionStrategy] = [
        EmptyDomainStrategy(),
        DomainStableUnitsStrategy(),
        DomainRegionStrategy(),
        DomainWholeSpaceStrategy(),
        DomainSimplifiedStrategy(),
        DomainPolynomialHullStrategy(),
        DomainWitnessSearchStrategy(),
        AffineFoldStrategy(),
        DegreeBudgetStrategy(),
        PolynomialExpansionStrategy(),
        SymbolicHingeStrategy(),
        SymbolicWeightsStrategy(),
        WitnessSearchStrategy(),
        RegionDecisionStrategy(),
    ]

    /// The verdict with its evidence. Never guesses: `linear`/`affine` rest on exact
    /// composition, `not-affine` on a re-checked exact witness, everything else is `unknown`
    /// with a reason.
    public static func analyze(_ network: Network, options: AnalysisOptions = AnalysisOptions()) -> Analysis {
        if network.domain != nil { return decide(DecisionContext(network: network, options: options)) }
        var rewrites = [(step: any NormalisationStep, before: Network, after: Network)]()
        var current = network
        for step in normalisation {
            if let rewritten = step.rewrite(current) {
                rewrites.append((step, current, rewritten))
                current = rewritten
            }
        }
        // The semantic normalisation (contract §4): an exactly equivalent simpler network.
        let beforeSemantic = current
        var semantic =
            options.simplifies && current.layers.count <= options.simplificationLayerLimit
            ? SemanticNormalization.normalize(
                current, termLimit: min(options.termLimit, options.normalizationTermLimit)) : nil
        if let s = semantic, !ExactConstantMap.usable(s.simplified) {
            // Irrational constants help only when they lead to an affine network.
            semantic = SemanticNormalization.normalize(
                current, termLimit: min(options.termLimit, options.normalizationTermLimit), irrationalConstants: false)
        }
        if let semantic, semantic.changed { current = semantic.simplified }
        let context = DecisionContext(network: current, options: options)
        var analysis = decide(context)
        if case .refuted(_, .witnessSearch) = analysis.outcome, options.illustrateRegions,
            RegionEnumerator.supports(current)
        {
            analysis.illustration = RegionDecision.illustrate(current, options: options)
        }
        if let semantic, semantic.changed {
            analysis.normalization = semantic
            analysis.layerFindings = LayerFindings.make(beforeSemantic)
        }
        for rewrite in rewrites.reversed() {
            analysis.layerFindings = rewrite.step.findings(
                original: rewrite.before, rewritten: rewrite.after, analysis.layerFindings)
        }
        analysis.network = network
        return analysis
    }

    /// The strategies in order over `context`; the first conclusion (or the fallback an earlier
    /// strategy left) becomes the analysis.
    static func decide(_ context: DecisionContext) -> Analysis {
        var conclusion: Conclusion? = nil
        for strategy in strategies {
            conclusion = strategy.decide(context)
            if conclusion != nil { break }
        }
        return make(
            conclusion ?? context.fallback ?? .undecided(.witnessNotFound(evaluations: 0, allPiecewiseLinear: false)),
            context: context)
    }

    /// The analysis of a conclusion: through the factories, with the facts the context gathered.
    static func make(_ conclusion: Conclusion, context: DecisionContext) -> Analysis {
        if let domain = context.domain { return DomainEvidence.make(conclusion, context: context, domain: domain) }
        let network = context.network, findings = context.findings, outputs = context.polynomialOutputs
        switch conclusion {
        case .collapses(let map, let provenance):
            return .collapsed(
                network, findings: findings, map: map, provenance: provenance,
                polynomialOutputs: outputs, options: context.options)
        case .refuted(let affinity, let additivity, let homogeneity, let provenance):
            return .refuted(
                network, findings: findings, affinity: affinity, additivity: additivity,
                homogeneity: homogeneity, provenance: provenance, polynomialOutputs: outputs,
                options: context.options)
        case .undecided(let reason, let additivity, let homogeneity):
            return .undecided(
                network, findings: findings, reason: reason, additivity: additivity,
                homogeneity: homogeneity, polynomialOutputs: outputs)
        }
    }
}
