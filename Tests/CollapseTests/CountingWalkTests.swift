import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// `regions --count`'s walk (`CountingWalk`) against the listing walk with exact programs:
/// the same full- and lower-dimensional counts and distinct maps, also when both stop at a
/// region limit; and its floating-point parts against exact arithmetic.
struct CountingWalkTests {
    /// The listing walk's counts (exact programs, every region kept).
    func exactCounts(_ network: Network, _ options: RegionEnumerationOptions) throws -> (RegionTally, Bool) {
        let (regions, summary) = try #require(RegionEnumerator.regions(network, options: options))
        var tally = RegionTally()
        for region in regions { tally.count(region) }
        return (tally, summary.complete)
    }

    func expectSameCounts(_ network: Network, _ options: RegionEnumerationOptions, _ label: String) throws {
        #expect(CountingWalk.applies(to: network, options: options), "\(label): the counting walk applies")
        let (tally, summary) = try #require(RegionEnumerator.count(network, options: options))
        let (exact, complete) = try exactCounts(network, options)
        #expect(exact.full > 1, "\(label): several regions")
        #expect(
            tally.full == exact.full && tally.lower == exact.lower && tally.distinctMaps == exact.distinctMaps,
            "\(label): \(tally.full)/\(tally.distinctMaps) against \(exact.full)/\(exact.distinctMaps)")
        #expect(summary.complete == complete, "\(label): both complete or both stopped")
        #expect(summary.progress.regions == exact.full + exact.lower)
        let t = summary.confirmed
        #expect(t.confirmedPoints + t.confirmedEmpty + t.exactFallbacks > 0, "\(label): programs were solved")
    }

    /// Random networks with relu, leaky relu, abs and hardtanh layers (the walk's open pieces
    /// of one and two ends), 2-4 inputs, 1-3 hidden layers.
    @Test(arguments: 1...12)
    func sameCountsAsTheListingWalk(seed: Int) throws {
        let activations: [Activation] = [.relu, .leakyRelu(alpha: Polynomial(Rational(1, 5))), .abs, .hardtanh]
        let network = RandomNetwork.make(
            inputs: 2 + seed % 3, layers: 1 + seed % 3, width: 3 + seed % 4, outputs: 1 + seed % 2,
            activation: activations[seed % 4], seed: UInt64(seed) &* 97)
        try expectSameCounts(network, RegionEnumerationOptions(maxRegions: 400), "seed \(seed)")
    }

    /// Stopped at a limit, both walks have counted the same first regions (the same
    /// depth-first order by piece).
    @Test(arguments: 1...3)
    func sameCountsAtTheLimit(seed: Int) throws {
        let network = RandomNetwork.make(
            inputs: 3, layers: 2, width: 6, outputs: 1, activation: .relu, seed: UInt64(seed) &* 131)
        let options = RegionEnumerationOptions(maxRegions: 7 + seed)
        try expectSameCounts(network, options, "seed \(seed), limit \(options.maxRegions)")
        let (_, summary) = try #require(RegionEnumerator.count(network, options: options))
        #expect(summary.hitLimit && !summary.complete)
    }

    /// A box domain (closed conditions on the trail).
    @Test(arguments: 1...3)
    func sameCountsInABox(seed: Int) throws {
        let network = RandomNetwork.make(
            inputs: 2, layers: 2, width: 5, outputs: 1, activation: .relu, seed: UInt64(seed) &* 17)
        var box = [LinearConstraint]()
        for j in 0..<2 {
            var e = [Rational](repeating: .zero, count: 2)
            e[j] = .one
            box.append(LinearConstraint(e, .lessOrEqual, Rational(1, 2)))
            box.append(LinearConstraint(e.map { -$0 }, .lessOrEqual, Rational(1, 3)))
        }
        try expectSameCounts(network, RegionEnumerationOptions(maxRegions: 400, domain: box), "seed \(seed) in a box")
    }

    /// Weights beyond a machine word and with long denominators (each layer scaled by
    /// 2⁴⁰ + 1/7): the images' error bounds and the exact fallbacks are exercised.
    @Test(arguments: 1...3)
    func sameCountsWithBigNumbers(seed: Int) throws {
        let network = BigNumberNetworks.make(seed: seed)
        try expectSameCounts(network, RegionEnumerationOptions(maxRegions: 2000), "big seed \(seed)")
    }

    /// Networks the walk does not take (a step layer's breakpoint regions) are counted by the
    /// listing walk, lower-dimensional regions included.
    @Test func stepLayersFallBackToTheListingWalk() throws {
        let network = RandomNetwork.make(inputs: 2, layers: 1, width: 3, outputs: 1, activation: .step, seed: 7)
        let options = RegionEnumerationOptions(maxRegions: 400)
        #expect(!CountingWalk.applies(to: network, options: options))
        let (tally, _) = try #require(RegionEnumerator.count(network, options: options))
        let (exact, _) = try exactCounts(network, options)
        #expect(tally.full == exact.full && tally.lower == exact.lower && tally.lower > 0)
        #expect(tally.distinctMaps == exact.distinctMaps)
    }

    /// The image's sign, whenever it gives one, is the exact sign of c·P + d, on random forms
    /// and dyadic points, with constants chosen to put the value at exactly 0 or within a few
    /// ulps of it (where the bound must refuse).
    @Test func floatImageSignsAreExact() {
        var rng = SplitMix64(seed: 2026)
        var decided = 0, refused = 0
        for trial in 0..<600 {
            let n = 1 + Int(rng.next() % 5)
            let c = (0..<n).map { _ in Rational(Int(rng.next() % 2001) - 1000, 1 + Int(rng.next() % 97)) }
            let p = (0..<n).map { _ in Double(Int(rng.next() % 4001) - 2000) / 64 }
            let exactP = p.map { Rational(exactly: $0)! }
            let value = dot(c, exactP)
            let d: Rational
            switch trial % 3 {
            case 0: d = -value
            case 1: d = -value + Rational(Int(rng.next() % 7) - 3, 1 << 50)
            default: d = Rational(Int(rng.next() % 2001) - 1000, 1 + Int(rng.next() % 89))
            }
            let exact = (value + d).signum
            if let s = FloatImage(c, d).sign(at: p) {
                decided += 1
                #expect(s == exact, "trial \(trial): image \(s), exact \(exact)")
            } else {
                refused += 1
            }
            if exact == 0 { #expect(FloatImage(c, d).sign(at: p) == nil, "trial \(trial): a zero is never decided") }
        }
        #expect(decided > 100 && refused > 100, "decided \(decided), refused \(refused)")
    }

    /// Every basis vector of the fraction-free null space solves A·y = 0 exactly, and there
    /// are r − rank of them (rank by Gaussian elimination over the rationals), for integer
    /// matrices with word-size and with multi-word entries.
    @Test func integerNullSpaceIsTheNullSpace() throws {
        var rng = SplitMix64(seed: 77)
        for trial in 0..<80 {
            let n = 1 + Int(rng.next() % 5), r = 1 + Int(rng.next() % 7)
            let big = trial % 2 == 1
            var entries = [Rational]()
            for _ in 0..<(n * r) {
                let v = Int(rng.next() % 7) - 3
                entries.append(big ? Rational(BigInt(v).shiftedLeft(90) + BigInt(Int(rng.next() % 5))) : Rational(v))
            }
            if trial % 5 == 0, n > 1 {
                // A repeated row: rank deficiency.
                for j in 0..<r { entries[r + j] = entries[j] }
            }
            let basis = try #require(IntegerNullSpace.basis(rows: n, columns: r, entries: entries))
            let rank = Matrix<Rational>(rows: n, columns: r, entries: entries).rank()
            #expect(basis.count == r - rank, "trial \(trial)")
            for y in basis {
                for i in 0..<n {
                    let row = Array(entries[(i * r)..<((i + 1) * r)])
                    #expect(dot(row, y).isZero, "trial \(trial): A·y = 0")
                }
            }
        }
        #expect(IntegerNullSpace.basis(rows: 1, columns: 2, entries: [Rational(1, 2), .one]) == nil)
    }
}
