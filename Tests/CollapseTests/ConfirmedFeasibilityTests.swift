import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// The floating-point-proposed, exactly confirmed feasibility programs of `regions --count`
/// against the exact programs: the same decisions on random systems, points that satisfy every
/// condition exactly, Farkas checks that never accept a feasible system, and whole
/// enumerations with the same regions, counts and distinct maps as the exact walk and the
/// rational reference.
@Suite struct ConfirmedFeasibilityTests {
    /// A random system around a start x₀ (strict rows may be violated there, as in the walk).
    static func system(seed: Int) -> (constraints: [LinearConstraint], n: Int, x0: [Rational]) {
        var rng = SplitMix64(seed: UInt64(seed) &+ 977)
        let n = 1 + seed % 5
        let x0 = (0..<n).map { _ in Rational.random(numerators: -9...9, denominators: 1...7, using: &rng) }
        var constraints = [LinearConstraint]()
        for _ in 0..<(2 + seed % 13) {
            let a = (0..<n).map { _ in Rational.random(numerators: -5...5, denominators: 1...6, using: &rng) }
            let relation: LinearConstraint.Relation = [.less, .less, .less, .less, .lessOrEqual, .equal][
                Int.random(in: 0..<6, using: &rng)]
            let slack =
                relation == .less
                ? Rational.random(numerators: -4...3, denominators: 1...4, using: &rng)
                : relation == .lessOrEqual
                    ? Rational.random(numerators: 0...3, denominators: 1...4, using: &rng) : .zero
            constraints.append(LinearConstraint(a, relation, dot(a, x0) + slack))
        }
        return (constraints, n, x0)
    }

    @Test func sameDecisionsAsTheExactProgram() {
        var tally = ConfirmedFeasibility.Tally()
        var empty = 0, feasible = 0, proposedPoints = 0, proposedEmpty = 0
        for seed in 0..<300 {
            let (constraints, n, x0) = Self.system(seed: seed)
            var count = 0, exactCount = 0
            let confirmed = ConfirmedFeasibility.deepen(
                constraints, dimension: n, start: x0, lpCount: &count, tally: &tally)
            let exact = LinearFeasibility.deepen(constraints, dimension: n, start: x0, lpCount: &exactCount)
            #expect((confirmed == nil) == (exact == nil), "seed \(seed): the same decision")
            // The proposal alone, when confirmed, decides the same way.
            if !constraints.allSatisfy({ $0.isSatisfied(by: x0) }),
                let proposed = ConfirmedFeasibility.confirmed(constraints, dimension: n, start: x0)
            {
                #expect((proposed == nil) == (exact == nil), "seed \(seed): the same decision from the proposal")
                if let p = proposed {
                    #expect(constraints.allSatisfy { $0.isSatisfied(by: p) }, "seed \(seed): a confirmed witness")
                    proposedPoints += 1
                } else {
                    proposedEmpty += 1
                }
            }
            if let confirmed {
                feasible += 1
                #expect(constraints.allSatisfy { $0.isSatisfied(by: confirmed) }, "seed \(seed): a witness")
            } else {
                empty += 1
            }
        }
        // Not vacuous: both answers occur, and most are confirmed from the proposal.
        #expect(empty > 20 && feasible > 20, "\(empty) empty, \(feasible) feasible")
        #expect(proposedPoints > 20 && proposedEmpty > 20, "\(proposedPoints) points, \(proposedEmpty) empty")
        #expect(tally.wordPrograms > 20, "\(tally)")
    }

    /// The exact Farkas check never accepts multipliers for a feasible system, whatever rows
    /// it is given (a proposal naming wrong rows is rejected).
    @Test func farkasNeverAcceptsAFeasibleSystem() {
        var checked = 0
        for seed in 0..<200 {
            let (constraints, n, x0) = Self.system(seed: seed)
            var count = 0
            guard LinearFeasibility.deepen(constraints, dimension: n, start: x0, lpCount: &count) != nil else {
                continue
            }
            var rng = SplitMix64(seed: UInt64(seed) &+ 5)
            for _ in 0..<5 {
                let rows = constraints.indices.filter { _ in Bool.random(using: &rng) }.map {
                    ($0, constraints[$0].relation == .equal && Bool.random(using: &rng))
                }
                #expect(!ConfirmedFeasibility.isEmptyByFarkas(constraints, rows: rows, dimension: n), "seed \(seed)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    /// A system that is empty by an explicit combination: x < 0 and −x < −1 (x > 1).
    @Test func farkasAcceptsAnExplicitCombination() {
        let constraints = [
            LinearConstraint([.one, .zero], .less, .zero), LinearConstraint([-.one, .zero], .less, -.one),
            LinearConstraint([.zero, .one], .less, .one),
        ]
        #expect(ConfirmedFeasibility.isEmptyByFarkas(constraints, rows: [(0, false), (1, false)], dimension: 2))
        #expect(!ConfirmedFeasibility.isEmptyByFarkas(constraints, rows: [(0, false), (2, false)], dimension: 2))
        let proposed = ConfirmedFeasibility.confirmed(constraints, dimension: 2, start: [.zero, .zero])
        #expect(proposed != nil && proposed! == nil, "confirmed empty from the proposal")
    }

    /// Whole enumerations: the counting walk finds the same regions (as a set of patterns), the
    /// same full- and lower-dimensional counts and distinct maps as the exact walk (which
    /// `FractionFreeSimplexTests` compares with the rational reference simplex; the first three
    /// seeds compare with the reference here too).
    @Test(arguments: 1...10)
    func countingWalkMatchesTheExactWalks(seed: Int) throws {
        let inputs = 2 + seed % 3
        let network = RandomNetwork.make(
            inputs: inputs, layers: 1 + seed % 3, width: 3 + seed % 4, outputs: 1,
            activation: seed % 5 == 0 ? .hardtanh : (seed % 7 == 0 ? .step : .relu), seed: UInt64(seed) &* 53)
        let options = RegionEnumerationOptions(maxRegions: 400)
        var counting = options
        counting.confirmedFloatPrograms = true
        func tally(_ regions: [LinearRegion]) -> (Int, Int, Int, Set<[[Int]]>) {
            var t = RegionTally()
            for r in regions { t.count(r) }
            return (t.full, t.lower, t.distinctMaps, Set(regions.map(\.pattern.pieces)))
        }
        let (fast, fastSummary) = try #require(RegionEnumerator.regions(network, options: counting))
        let (exact, exactSummary) = try #require(RegionEnumerator.regions(network, options: options))
        #expect(exact.count > 1, "seed \(seed): several regions")
        // The walk's order is the patterns' (depth-first by piece), whatever the points: a walk
        // stopped at the limit has visited the same regions.
        #expect(fastSummary.complete == exactSummary.complete)
        let (f, l, maps, patterns) = tally(fast)
        let (ef, el, emaps, epatterns) = tally(exact)
        #expect(f == ef && l == el && maps == emaps && patterns == epatterns, "seed \(seed): same as the exact walk")
        if seed <= 3 {
            let (reference, _) = try #require(
                Simplex.$usesReference.withValue(true) { RegionEnumerator.regions(network, options: options) })
            let (rf, rl, rmaps, rpatterns) = tally(reference)
            #expect(f == rf && l == rl && maps == rmaps && patterns == rpatterns, "seed \(seed): same as the reference")
        }
        for region in fast {
            #expect(region.constraints.allSatisfy { $0.isSatisfied(by: region.point) }, "seed \(seed): interior point")
        }
        let t = fastSummary.confirmed
        #expect(
            t.confirmedPoints + t.confirmedEmpty + t.exactFallbacks + t.wordPrograms > 0,
            "seed \(seed): programs were solved")
    }

    /// Weights beyond a machine word (each layer's scaled by 2⁴⁰ + 1/7): the programs go
    /// through the confirmed proposals, with the same regions and counts as the exact walk.
    @Test(arguments: 1...4)
    func countingWalkWithBigNumbers(seed: Int) throws {
        let network = BigNumberNetworks.make(seed: seed)
        let options = RegionEnumerationOptions(maxRegions: 2000)
        var counting = options
        counting.confirmedFloatPrograms = true
        let (fast, summary) = try #require(RegionEnumerator.regions(network, options: counting))
        let (exact, _) = try #require(RegionEnumerator.regions(network, options: options))
        #expect(exact.count > 1)
        #expect(Set(fast.map(\.pattern.pieces)) == Set(exact.map(\.pattern.pieces)), "seed \(seed): same regions")
        #expect(fast.count == exact.count)
        #expect(summary.confirmed.confirmedPoints + summary.confirmed.confirmedEmpty > 0, "\(summary.confirmed)")
        for region in fast {
            #expect(region.constraints.allSatisfy { $0.isSatisfied(by: region.point) }, "seed \(seed): interior point")
        }
    }
}
