import ExactNumbers
import Algebra
import NetworkModel

/// The analysis of a conclusion on an input domain D (contract §5): the identities are read on
/// D (`DomainIdentities`: midpoint affinity, additivity and homogeneity over points that stay
/// in D) and the report carries `DomainFindings` (how D was decided, its dimension, the stable
/// and unstable unit counts).
///
/// On a lower-dimensional D the map is not unique; the network's own map on D is reported,
/// and when the affine hull of D misses the origin its bias is folded into W' (every affine
/// map on D is then linear on D).
enum DomainEvidence {
    /// The analysis of `conclusion`, reached by the domain strategies over `context`.
    static func make(_ conclusion: Conclusion, context: DecisionContext, domain: DomainDecision) -> Analysis {
        let network = context.network
        guard let geometry = domain.geometry else {
            var result = Analysis.undecided(network, findings: context.findings, reason: .emptyDomain)
            result.domainFindings = DomainFindings(
                method: .undecided, dimension: -1, inputDimension: network.inputDimension,
                stableUnits: nil, unstableUnits: nil, mapIsUnique: false, biasFolded: false)
            return result
        }
        switch conclusion {
        case .collapses(let map, let provenance):
            var result = collapsed(
                network, findings: domain.findings ?? context.findings, map: map, geometry: geometry,
                method: domain.method, provenance: provenance, counts: domain.counts,
                polynomialOutputs: context.polynomialOutputs)
            if let normalization = domain.normalization { result.normalization = normalization }
            return result
        case .refuted(let affinity, _, _, let provenance):
            return refuted(
                network, findings: context.findings, geometry: geometry, witness: affinity, provenance: provenance,
                counts: domain.counts, search: &domain.search!)
        case .undecided(let reason, _, _):
            return undecided(
                network, findings: context.findings, geometry: geometry, reason: reason, counts: domain.counts)
        }
    }

    /// The network simplified with the pre-activation bounds proved on D
    /// (`BoundPropagation`): equal to F at every point of D; nil when nothing changes.
    static func simplifiedOnDomain(_ network: Network, domain: InputDomain) -> Normalization? {
        guard let bounds = BoundPropagation.preActivationBounds(network, domain: domain) else { return nil }
        let ranges = bounds.map { layer in layer.map { Optional(UnitRange(lo: $0.lo, hi: $0.hi)) } }
        let result = SemanticNormalization.normalize(network, ranges: ranges, irrationalConstants: false)
        return result.changed ? result : nil
    }

    // MARK: Results

    static func collapsed(
        _ network: Network, findings: [LayerFinding], map original: CollapsedMap, geometry: DomainGeometry,
        method: DomainFindings.Method, provenance original_: CollapseProvenance, counts: (Int, Int)?,
        polynomialOutputs: [Polynomial]?
    ) -> Analysis {
        var map = original
        var provenance = original_
        var biasFolded = false
        if !map.biasIsZero, let w = geometry.unitFunctional {
            map = foldBias(map, along: w)
            provenance = .biasFoldedOnDomain(original: original, provenance: original_)
            biasFolded = true
        }
        let checks = DomainIdentities.collapsed(map, geometry: geometry)
        var result = Analysis(
            network: network,
            outcome: .collapses(map: map, rank: RankFinding.of(map, in: network), provenance: provenance),
            additivity: checks.additivity, homogeneity: checks.homogeneity, affinity: checks.affinity,
            layerFindings: findings, polynomialOutputs: polynomialOutputs)
        result.domainFindings = DomainFindings(
            method: method, dimension: geometry.affineDimension, inputDimension: geometry.inputDimension,
            stableUnits: counts?.0, unstableUnits: counts?.1,
            mapIsUnique: geometry.isFullDimensional, biasFolded: biasFolded)
        return result
    }

    /// W + b·wᵀ with zero bias: equal to W x + b wherever w·x = 1.
    static func foldBias(_ map: CollapsedMap, along w: [Rational]) -> CollapsedMap {
        switch map {
        case .numeric(let m):
            let entries = (0..<m.outputDimension).flatMap { i in
                (0..<m.inputDimension).map { j in m.weights[i, j] + m.bias[i] * w[j] }
            }
            return .numeric(
                AffineMap(
                    weights: Matrix(rows: m.outputDimension, columns: m.inputDimension, entries: entries),
                    bias: m.bias.map { _ in .zero }))
        case .symbolic(let m):
            let entries = (0..<m.outputDimension).flatMap { i in
                (0..<m.inputDimension).map { j in m.weights[i, j] + m.bias[i] * Polynomial(w[j]) }
            }
            return .symbolic(
                AffineMap(
                    weights: Matrix(rows: m.outputDimension, columns: m.inputDimension, entries: entries),
                    bias: m.bias.map { _ in Polynomial(Rational.zero) }))
        }
    }

    static func refuted(
        _ network: Network, findings: [LayerFinding], geometry: DomainGeometry, witness: Witness,
        provenance: RefutationProvenance, counts: (Int, Int)?, search: inout DomainWitnessSearch
    ) -> Analysis {
        let additivity = search.additivityWitness(
            candidates: DomainIdentities.additivePair(geometry).map { [$0] } ?? [])
        let homogeneity = search.homogeneityWitness(
            candidates: DomainIdentities.homogeneousPair(geometry).map { [$0] } ?? [])
        var result = Analysis.refuted(
            network, findings: findings, affinity: witness, additivity: additivity,
            homogeneity: homogeneity, provenance: provenance)
        let method: DomainFindings.Method
        if case .domainRegionWitness = provenance { method = .regions } else { method = .witnessSearch }
        result.domainFindings = DomainFindings(
            method: method, dimension: geometry.affineDimension,
            inputDimension: geometry.inputDimension, stableUnits: counts?.0, unstableUnits: counts?.1,
            mapIsUnique: geometry.isFullDimensional, biasFolded: false)
        return result
    }

    static func undecided(
        _ network: Network, findings: [LayerFinding], geometry: DomainGeometry, reason: UndecidedReason,
        counts: (Int, Int)?
    ) -> Analysis {
        var result = Analysis.undecided(network, findings: findings, reason: reason)
        result.domainFindings = DomainFindings(
            method: .undecided, dimension: geometry.affineDimension, inputDimension: geometry.inputDimension,
            stableUnits: counts?.0, unstableUnits: counts?.1, mapIsUnique: geometry.isFullDimensional, biasFolded: false
        )
        return result
    }
}
