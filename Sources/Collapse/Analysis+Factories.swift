import ExactNumbers
import Algebra
import NetworkModel

extension IdentityCheck {
    /// The check an optional counterexample gives: `holds == false` with the witness, or
    /// undecided (`nil`) without one.
    static func refuted(_ identity: Identity, by witness: Witness?) -> IdentityCheck {
        IdentityCheck(identity: identity, holds: witness == nil ? nil : false, witness: witness, residual: nil)
    }
}

extension Analysis {
    /// The analysis of a network proved equal to the affine map `map`: the one place that
    /// computes the rank of W' and the three identity checks of a collapse.
    static func collapsed(
        _ network: Network, findings: [LayerFinding], map: CollapsedMap,
        provenance: CollapseProvenance, polynomialOutputs: [Polynomial]? = nil,
        options: AnalysisOptions = .defaults
    ) -> Analysis {
        let checks = IdentityEvidence.forCollapsed(network, map: map, options: options)
        return Analysis(
            network: network,
            outcome: .collapses(
                map: map, rank: RankFinding.of(map, in: network, options: options), provenance: provenance),
            additivity: checks.additivity, homogeneity: checks.homogeneity, affinity: checks.affinity,
            layerFindings: findings, polynomialOutputs: polynomialOutputs)
    }

    /// The analysis of a network refuted by the affinity witness `affinity` (re-checked), with
    /// whatever additivity and homogeneity witnesses were found.
    /// Missing additivity and homogeneity witnesses are derived from `affinity`
    /// (`DerivedWitnesses`): a not-affine F is never additive.
    static func refuted(
        _ network: Network, findings: [LayerFinding], affinity: Witness, additivity: Witness?,
        homogeneity: Witness?, provenance: RefutationProvenance,
        polynomialOutputs: [Polynomial]? = nil, options: AnalysisOptions = .defaults
    ) -> Analysis {
        let (additivity, homogeneity) = DerivedWitnesses.complete(
            network, affinity: affinity, additivity: additivity,
            homogeneity: homogeneity, options: options)
        return Analysis(
            network: network, outcome: .refuted(witness: affinity, provenance: provenance),
            additivity: .refuted(.additivity, by: additivity), homogeneity: .refuted(.homogeneity, by: homogeneity),
            affinity: .refuted(.affinity, by: affinity),
            layerFindings: findings, polynomialOutputs: polynomialOutputs)
    }

    /// The analysis of an undecided network, with any counterexamples to additivity or
    /// homogeneity that were found on the way (they do not refute affinity).
    static func undecided(
        _ network: Network, findings: [LayerFinding], reason: UndecidedReason,
        additivity: Witness? = nil, homogeneity: Witness? = nil,
        polynomialOutputs: [Polynomial]? = nil
    ) -> Analysis {
        Analysis(
            network: network, outcome: .undecided(reason),
            additivity: .refuted(.additivity, by: additivity), homogeneity: .refuted(.homogeneity, by: homogeneity),
            affinity: .refuted(.affinity, by: nil),
            layerFindings: findings, polynomialOutputs: polynomialOutputs)
    }
}

extension RankFinding {
    /// rank W' of `map`, and the narrowest layer of `network` that may cap it (exact:
    /// `rank(atMost:)` over the rationals, `genericRank(atMost:)` over the rational functions
    /// in the symbols).
    static func of(_ map: CollapsedMap, in network: Network, options: AnalysisOptions = .defaults) -> RankFinding {
        var narrowest = network.inputDimension
        var narrowestLayer: Int? = nil
        var width = network.inputDimension
        for (index, layer) in network.layers.enumerated() {
            if let dense = layer.dense { width = dense.outputDimension }
            if index < network.layers.count - 1, width < narrowest {
                narrowest = width
                narrowestLayer = index + 1
            }
        }
        let full = min(map.inputDimension, map.outputDimension)
        let rank: Int
        let generic: Bool
        var certificate: GenericRank? = nil
        switch map {
        case .numeric(let m): rank = m.weights.rank(atMost: min(narrowest, full)); generic = false
        case .symbolic(let m) where (0..<m.weights.rows).allSatisfy({ m.weights.rowArray($0).allSatisfy(\.isConstant) }):
            // Exact constants in b' only: W' is rational.
            rank = m.weights.map { $0.constantValue! }.rank(atMost: min(narrowest, full)); generic = false
        case .symbolic(let m) where map.hasConstantEntries:
            // Exact constants (√2): the generic rank (atoms as indeterminates) is an upper bound;
            // a nonzero minor proved by enclosures is a lower bound. Equal: the rank is proven.
            let c = m.weights.genericRankCertificate(
                atMost: min(narrowest, full), seed: options.seed, budget: options.polynomialBudget)
            if c.isProven, ExactConstantMap.provenRankLowerBound(m.weights) == c.rank {
                (rank, generic) = (c.rank, false)
            } else {
                (rank, generic, certificate) = (c.rank, true, c)
            }
        case .symbolic(let m):
            let c = m.weights.genericRankCertificate(
                atMost: min(narrowest, full), seed: options.seed, budget: options.polynomialBudget)
            (rank, generic, certificate) = (c.rank, true, c)
        }
        return RankFinding(
            rank: rank, isGeneric: generic, narrowestWidth: min(narrowest, full),
            narrowestLayer: narrowest < full ? narrowestLayer : nil, fullRank: full, certificate: certificate)
    }
}
