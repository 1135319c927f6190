import ExactNumbers
import Algebra
import NetworkModel

/// A numeric piecewise-linear network with some unit unstable on D: the complete decision by
/// the linear regions of F restricted to D (D's conditions in every linear program, the units
/// stable on D not split; the policy's region limit and deadline). F is affine on D exactly
/// when every region's map agrees with one map on the region's affine hull; two regions that
/// disagree give a midpoint witness on a segment between them (the shared search on D), or,
/// failing that, a witness at sample points of D.
struct DomainRegionStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        guard let domain = context.domain, let geometry = domain.geometry, let propagation = domain.propagation
        else { return nil }
        let options = context.options
        domain.search?.stablePieces = propagation.stablePieces
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
        let summary = RegionEnumerator.enumerate(context.network, options: enumeration) { region in
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
                witness = domain.search?.affinityWitness(from: p, to: q)
                if witness != nil { break }
            }
            if witness == nil { witness = domain.search?.affinityWitness() }
            let regions = facts([a, b], nil)
            guard let witness else { return .undecided(.regionsDifferWithoutWitness(a: a, b: b, regions: regions)) }
            return .refuted(
                affinity: witness, additivity: nil, homogeneity: nil,
                .domainRegionWitness(a: a, b: b, regions: regions))
        }
        if summary.timedOut, let deadline = options.deadline {
            // Stopped early: the regions seen so far prove nothing about the rest.
            return .undecided(
                .resourceLimit(.timedOut(seconds: deadline.seconds, during: .regionEnumeration(facts([], nil)))))
        }
        guard !summary.hitLimit, let reference else { return .undecided(.domainRegionLimit(regions: facts([], nil))) }
        domain.method = .regions
        return .collapses(.numeric(reference.map), .regionDecision(regions: facts([], reference.map)))
    }
}
