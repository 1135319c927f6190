import ExactNumbers
import Algebra
import NetworkModel

/// Decides what F computes on its input domain D (contract §5): `linear`/`affine` when one
/// affine map equals F at every point of D, `not-affine` with a midpoint witness x, y ∈ D,
/// `unknown` otherwise.
///
/// 1. Numeric piecewise-linear networks: exact bound propagation (`BoundPropagation`); when
///    every unit is stable on D, F on D is the composition of the units' pieces. Otherwise
///    the linear regions of F restricted to D are enumerated (D's conditions in every linear
///    program, stable units not split): F is affine on D exactly when every region's map
///    agrees with one map on the region's affine hull; two regions that disagree give a
///    witness on a segment between them.
/// 2. Other networks: when F is affine on the whole space it is on D; otherwise a witness is
///    searched at points of D (a polynomial F that is not affine is not affine on any D with
///    an interior, so a witness exists there).
/// A polynomial F on a lower-dimensional D is decided on D's affine hull
/// (`PolynomialOnAffineHull`). On a lower-dimensional D the map is not unique; the network's own map on D is reported,
/// and when the affine hull of D misses the origin its bias is folded into W' (every affine
/// map on D is then linear on D).
enum DomainAnalyzer {
    static func analyze(_ network: Network, domain: InputDomain, options: AnalysisOptions) -> Analysis {
        let findings = LayerFindings.make(network)
        guard let geometry = DomainGeometry(domain, inputDimension: network.inputDimension) else {
            var result = Analysis.undecided(network, findings: findings, reason: .emptyDomain)
            result.domainFindings = DomainFindings(
                method: .undecided, dimension: -1, inputDimension: network.inputDimension,
                stableUnits: nil, unstableUnits: nil, mapIsUnique: false, biasFolded: false)
            return result
        }
        let budget = options.budget.resolved(onDomain: options.domainEvaluations)
        var search = DomainWitnessSearch(
            network: network, geometry: geometry, precision: options.precision, seed: options.seed, budget: budget)
        if RegionEnumerator.supports(network), let propagation = BoundPropagation.propagate(network, geometry: geometry)
        {
            let counts = (propagation.stableCount, propagation.unstableCount)
            if let map = propagation.map {
                return collapsed(
                    network, findings: findings, map: .numeric(map), geometry: geometry, method: .stableUnits,
                    provenance: .stableUnits(count: propagation.stableCount), counts: counts, polynomialOutputs: nil)
            }
            return regionDecision(
                network, findings: findings, geometry: geometry, propagation: propagation, options: options,
                search: &search)
        }
        var whole = network
        whole.domain = nil
        var everywhere = Analyzer.analyze(whole, options: options)
        var findingsOfWhole = everywhere.layerFindings
        var method = DomainFindings.Method.wholeSpace
        if !everywhere.verdict.collapses, options.simplifies, let onDomain = simplifiedOnDomain(whole, domain: domain) {
            // G equals F on D (units stable on D act as their piece): G affine everywhere
            // makes F affine on D with G's map.
            let g = Analyzer.analyze(onDomain.simplified, options: options)
            if g.verdict.collapses {
                everywhere = g
                findingsOfWhole = findings
                method = .simplifiedOnDomain
                everywhere.normalization = Normalization(
                    original: whole, simplified: g.normalization?.simplified ?? onDomain.simplified,
                    steps: onDomain.steps + (g.normalization?.steps ?? []))
            }
        }
        if case .collapses(let map, _, let provenance) = everywhere.outcome {
            var result = collapsed(
                network, findings: findingsOfWhole, map: map, geometry: geometry, method: method,
                provenance: provenance, counts: nil, polynomialOutputs: everywhere.polynomialOutputs)
            result.network = network
            result.normalization = everywhere.normalization
            return result
        }
        if let outputs = everywhere.polynomialOutputs,
            let map = PolynomialOnAffineHull.map(
                outputs: outputs, inputs: Composition.inputSymbols(whole), geometry: geometry,
                numeric: network.isNumeric)
        {
            return collapsed(
                network, findings: findings, map: map, geometry: geometry, method: .polynomialOnAffineHull,
                provenance: .polynomialCancellation, counts: nil, polynomialOutputs: outputs)
        }
        if network.isNumeric, let witness = search.affinityWitness() {
            return refuted(
                network, findings: findings, geometry: geometry, witness: witness, provenance: .domainWitnessSearch,
                counts: nil, search: &search)
        }
        let reason: UndecidedReason =
            network.isNumeric
            ? .domainWitnessNotFound(
                evaluations: budget - search.budget, notAffineEverywhere: everywhere.verdict == .notAffine)
            : .domainSymbolicWeights
        return undecided(network, findings: findings, geometry: geometry, reason: reason, counts: nil)
    }

    /// The network simplified with the pre-activation bounds proved on D
    /// (`BoundPropagation`): equal to F at every point of D; nil when nothing changes.
    static func simplifiedOnDomain(_ network: Network, domain: InputDomain) -> Normalization? {
        guard let bounds = BoundPropagation.preActivationBounds(network, domain: domain) else { return nil }
        let ranges = bounds.map { layer in layer.map { Optional(UnitRange(lo: $0.lo, hi: $0.hi)) } }
        let result = SemanticNormalization.normalize(network, ranges: ranges, irrationalConstants: false)
        return result.changed ? result : nil
    }

    // MARK: Piecewise-linear networks: regions of F on D

    static func regionDecision(
        _ network: Network, findings: [LayerFinding], geometry: DomainGeometry, propagation: BoundPropagation.Result,
        options: AnalysisOptions, search: inout DomainWitnessSearch
    ) -> Analysis {
        let counts = (propagation.stableCount, propagation.unstableCount)
        search.stablePieces = propagation.stablePieces
        var enumeration = RegionEnumerationOptions(
            maxRegions: options.maxRegions, domain: geometry.constraints,
            progress: options.progress, progressInterval: options.progressInterval)
        enumeration.stablePieces = propagation.stablePieces
        enumeration.deadline = options.deadline
        var reference: LinearRegion? = nil
        var pending = [LinearRegion]()
        var differing: (LinearRegion, LinearRegion)? = nil
        var kept = [LinearRegion]()
        let full = geometry.affineDimension
        let summary = RegionEnumerator.enumerate(network, options: enumeration) { region in
            if kept.count < options.keptRegions { kept.append(region) }
            if region.dimension == full {
                guard let first = reference else {
                    reference = region
                    if let bad = pending.first(where: { !RegionDecision.agrees(region.map, with: $0) }) {
                        differing = (region, bad)
                        return false
                    }
                    pending = []
                    return true
                }
                if !RegionDecision.agrees(first.map, with: region) { differing = (first, region); return false }
            } else if let first = reference {
                if !RegionDecision.agrees(first.map, with: region) { differing = (first, region); return false }
            } else {
                pending.append(region)
            }
            return true
        }!
        let facts = { (differ: [LinearRegion], common: AffineMap<Rational>?) in
            RegionAnalysis(
                complete: summary.complete, hitLimit: summary.hitLimit, maxRegions: options.maxRegions,
                regionsExamined: summary.progress.regions, fullDimensionalRegions: summary.progress.fullDimensional,
                linearPrograms: summary.progress.linearPrograms, regions: kept, commonMap: common, differing: differ)
        }
        if let (a, b) = differing {
            let pairs = WitnessConstruction.lines(a, b) + [(a.point, b.point)]
            var witness: Witness? = nil
            for (p, q) in pairs where geometry.contains(p) && geometry.contains(q) {
                witness = search.affinityWitness(from: p, to: q)
                if witness != nil { break }
            }
            if witness == nil { witness = search.affinityWitness() }
            let regions = facts([a, b], nil)
            guard let witness else {
                return undecided(
                    network, findings: findings, geometry: geometry,
                    reason: .regionsDifferWithoutWitness(a: a, b: b, regions: regions), counts: counts)
            }
            return refuted(
                network, findings: findings, geometry: geometry, witness: witness,
                provenance: .domainRegionWitness(a: a, b: b, regions: regions), counts: counts, search: &search)
        }
        if summary.timedOut, let deadline = options.deadline {
            // Stopped early: the regions seen so far prove nothing about the rest.
            return undecided(
                network, findings: findings, geometry: geometry,
                reason: .resourceLimit(
                    .timedOut(seconds: deadline.seconds, during: .regionEnumeration(facts([], nil)))), counts: counts)
        }
        guard !summary.hitLimit, let reference else {
            return undecided(
                network, findings: findings, geometry: geometry, reason: .domainRegionLimit(regions: facts([], nil)),
                counts: counts)
        }
        return collapsed(
            network, findings: findings, map: .numeric(reference.map), geometry: geometry, method: .regions,
            provenance: .regionDecision(regions: facts([], reference.map)), counts: counts, polynomialOutputs: nil)
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
