import Testing
import ExactNumbers
import Algebra
import NetworkModel
import TestSupport
@testable import Collapse

/// The two deciders of the engine for numeric piecewise-linear networks must never disagree:
/// the complete region decision and the witness search, run on the same seeded random networks
/// (`RandomPiecewiseLinearNetworks`: half of them cancel their kinks by construction, so both
/// verdicts occur), on the whole space and on a box domain. Each direction is counted, so the
/// property cannot pass vacuously.
@Suite struct EngineAgreement {
    @Test func regionDecisionAndWitnessSearchAgree() throws {
        var refutedByBoth = CaseCounter(), collapsedByRegions = CaseCounter()
        for seed in 0..<40 {
            let n = RandomPiecewiseLinearNetworks.network(seed: seed, cancelling: seed % 2 == 0)
            let decided = try #require(RegionDecision.analysis(n), "seed \(seed): the region decision does not apply")
            #expect(decided.checkInvariants() == [], "seed \(seed)")
            let context = DecisionContext(network: n, options: AnalysisOptions())
            let searched = WitnessSearchStrategy().decide(context)
            if case .refuted(let affinity, _, _, _)? = searched {
                // A witness is a proof: the complete decision must refute too.
                #expect(
                    decided.verdict == .notAffine,
                    "seed \(seed): the witness search refuted, the regions say \(decided.verdict)")
                #expect(
                    witnessRechecks(
                        n, IdentityCheck(identity: .affinity, holds: false, witness: affinity, residual: nil)),
                    "seed \(seed)")
                if decided.verdict == .notAffine { refutedByBoth.count() }
            }
            if decided.verdict.collapses {
                if case .refuted? = searched {
                    Issue.record("seed \(seed): the regions collapse, yet the search found a witness")
                }
                collapsedByRegions.count()
                // The collapsed map is F: compare at a few points.
                guard case .numeric(let map)? = decided.collapsed else {
                    Issue.record("seed \(seed): a numeric network collapsed to a map that is not numeric")
                    continue
                }
                for k in -2...2 {
                    let x = (0..<n.inputDimension).map { Rational(k * ($0 + 1), 3) }
                    #expect(map.apply(x) == (try exactly(n, x)), "seed \(seed) at \(x)")
                }
            }
        }
        refutedByBoth.requireAtLeast(10, "refuted by both")
        collapsedByRegions.requireAtLeast(10, "collapsed by the regions")
    }

    /// On a box domain D: the domain region strategies (stable units, then the regions of F in
    /// D) against the midpoint-witness search at points of D, over one shared context each.
    @Test func domainRegionDecisionAndDomainWitnessSearchAgree() throws {
        var refutedByBoth = CaseCounter(), collapsedOnDomain = CaseCounter()
        for seed in 0..<40 {
            var n = RandomPiecewiseLinearNetworks.network(seed: seed, cancelling: seed % 2 == 0)
            let box = RandomPiecewiseLinearNetworks.box(seed: seed, inputs: n.inputDimension)
            n.domain = box
            let regions = DecisionContext(network: n, options: AnalysisOptions())
            let decided = try #require(
                DomainStableUnitsStrategy().decide(regions) ?? DomainRegionStrategy().decide(regions),
                "seed \(seed): the domain region decision does not apply")
            let searched = DomainWitnessSearchStrategy().decide(DecisionContext(network: n, options: AnalysisOptions()))
            switch (decided, searched) {
            case (.refuted(let a, _, _, _), .refuted(let b, _, _, _)?):
                for witness in [a, b] {
                    #expect(
                        [witness.x, try #require(witness.y)].allSatisfy { box.contains($0) },
                        "seed \(seed): a witness point outside D")
                }
                refutedByBoth.count()
            case (.refuted, _): break  // the complete decision may find what sampling misses
            case (.collapses(.numeric(let map), _), let other):
                if case .refuted? = other { Issue.record("seed \(seed): collapses on D, yet the search refuted") }
                // The map is F on D: compare at the box's corners and centre.
                let corners = box.box.map { [$0.lo!, $0.hi!] }
                var points: [[Rational]] = [[]]
                for choices in corners { points = points.flatMap { p in choices.map { p + [$0] } } }
                points.append(box.box.map { ($0.lo! + $0.hi!) / Rational(2) })
                for x in points { #expect(map.apply(x) == (try exactly(n, x)), "seed \(seed) at \(x)") }
                collapsedOnDomain.count()
            case (let d, _): Issue.record("seed \(seed): the domain region decision gave \(d)")
            }
        }
        refutedByBoth.requireAtLeast(10, "refuted by both on D")
        collapsedOnDomain.requireAtLeast(10, "collapsed on D")
    }
}
