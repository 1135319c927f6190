import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// The fraction-free simplex against the reference rational simplex: the same programs
/// must give the same outcome, optimal point, value and dual, and whole region enumerations
/// the same regions (patterns, points, conditions, maps) and linear-program counts.
@Suite struct FractionFreeSimplexTests {
    /// A random feasible program: rows aᵢ, a start v₀, bounds bᵢ = aᵢ·v₀ + slackᵢ with some
    /// slacks 0 (degenerate starts), and an objective. `big` makes entries exceed a word.
    static func program(seed: Int, big: Bool) -> (c: [Rational], a: [[Rational]], b: [Rational], v0: [Rational]) {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919)
        let k = 1 + seed % 5, m = 2 + seed % 11
        let huge = Rational(BigInt(1).shiftedLeft(70))
        func entry() -> Rational {
            let r = Rational.random(numerators: -6...6, denominators: 1...5, using: &rng)
            return big && Int.random(in: 0..<4, using: &rng) == 0 ? r * huge + Rational(1, 3) : r
        }
        let v0 = (0..<k).map { _ in entry() }
        var a = [[Rational]](), b = [Rational]()
        for _ in 0..<m {
            let row = (0..<k).map { _ in Int.random(in: 0..<5, using: &rng) == 0 ? Rational.zero : entry() }
            let slack =
                Int.random(in: 0..<3, using: &rng) == 0
                ? Rational.zero : Rational.random(numerators: 0...7, denominators: 1...3, using: &rng)
            a.append(row)
            b.append(dot(row, v0) + slack)
        }
        // Bound the free variables in some programs (a box around v₀), not in others.
        if seed % 3 != 0 {
            for j in 0..<k {
                var e = [Rational](repeating: .zero, count: k)
                e[j] = .one
                a.append(e); b.append(v0[j] + 2)
                e[j] = -1
                a.append(e); b.append(-v0[j] + 3)
            }
        }
        let c = (0..<k).map { _ in entry() }
        return (c, a, b, v0)
    }

    @Test(arguments: 0..<120)
    func sameOutcomeAsTheReference(seed: Int) {
        for big in [false, true] {
            let (c, a, b, v0) = Self.program(seed: seed, big: big)
            let reference = Simplex.referenceMaximize(objective: c, rows: a, bounds: b, start: v0)
            #expect(
                FractionFreeSimplex.maximize(objective: c, rows: a, bounds: b, start: v0) == reference,
                "seed \(seed) big \(big)")
            // The BigInt dictionary alone (the fallback when a word overflows).
            #expect(
                FractionFreeSimplex.solve(BigInt.self, objective: c, rows: a, bounds: b, start: v0) == reference,
                "seed \(seed) big \(big): BigInt path")
            if case .optimal(let point, let value, let dual) = reference {
                // The reference's answer is itself a certificate: feasible point, dual ≥ 0,
                // Σ yᵢ·aᵢ = c and Σ yᵢ·bᵢ = value.
                #expect(zip(a, b).allSatisfy { dot($0, point) <= $1 })
                #expect(dual.allSatisfy { $0.signum >= 0 })
                #expect(
                    (0..<c.count).allSatisfy { j in zip(dual, a).reduce(Rational.zero) { $0 + $1.0 * $1.1[j] } == c[j] }
                )
                #expect(zip(dual, b).reduce(Rational.zero) { $0 + $1.0 * $1.1 } == value)
            }
        }
        // Word overflow happens in the big programs: the Int attempt must give up, not err.
        let (c, a, b, v0) = Self.program(seed: seed, big: true)
        if a.joined().contains(where: { $0.wordParts == nil }) {
            #expect(FractionFreeSimplex.solve(Int.self, objective: c, rows: a, bounds: b, start: v0) == nil)
        }
    }

    @Test(arguments: 0..<60)
    func deepenMatchesTheRationalRoute(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &+ 4242)
        let n = 1 + seed % 4
        let x0 = (0..<n).map { _ in Rational.random(numerators: -9...9, denominators: 1...7, using: &rng) }
        var constraints = [LinearConstraint]()
        for _ in 0..<(2 + seed % 9) {
            let a = (0..<n).map { _ in Rational.random(numerators: -5...5, denominators: 1...6, using: &rng) }
            let relation: LinearConstraint.Relation = [.less, .less, .less, .lessOrEqual, .equal][
                Int.random(in: 0..<5, using: &rng)]
            // Strict rows may be violated at the start (t₀ < 0); the others hold there.
            let slack =
                relation == .less
                ? Rational.random(numerators: -3...3, denominators: 1...4, using: &rng)
                : relation == .lessOrEqual
                    ? Rational.random(numerators: 0...3, denominators: 1...4, using: &rng) : .zero
            constraints.append(LinearConstraint(a, relation, dot(a, x0) + slack))
        }
        var fastCount = 0, referenceCount = 0
        let fast = LinearFeasibility.deepen(constraints, dimension: n, start: x0, lpCount: &fastCount)
        let reference = Simplex.$usesReference.withValue(true) {
            LinearFeasibility.deepen(constraints, dimension: n, start: x0, lpCount: &referenceCount)
        }
        #expect(fast == reference, "seed \(seed)")
        #expect(fastCount == referenceCount, "seed \(seed): programs counted")
        if let fast {
            #expect(
                constraints.allSatisfy { $0.isSatisfied(by: fast) }, "seed \(seed): the point satisfies every condition"
            )
        }
    }

    @Test(arguments: 1...10)
    func enumerationMatchesTheReferenceSimplex(seed: Int) throws {
        let inputs = 2 + seed % 3
        let network = RandomNetwork.make(
            inputs: inputs, layers: 1 + seed % 3, width: 3 + seed % 4, outputs: 1,
            activation: seed % 5 == 0 ? .hardtanh : (seed % 7 == 0 ? .step : .relu), seed: UInt64(seed) &* 31)
        var options = RegionEnumerationOptions(maxRegions: 400)
        options.collectCertificates = seed % 2 == 0
        let (fast, fastSummary) = try #require(RegionEnumerator.regions(network, options: options))
        let (reference, referenceSummary) = try #require(
            Simplex.$usesReference.withValue(true) { RegionEnumerator.regions(network, options: options) })
        #expect(fast.count > 1, "seed \(seed): a network with several regions")
        #expect(fast == reference, "seed \(seed): the same regions in the same order")
        #expect(fastSummary == referenceSummary, "seed \(seed): the same counts and certificates")
        let pruned = fast.prefix(20).map { $0.withoutRedundantConstraints() }
        let prunedReference = Simplex.$usesReference.withValue(true) {
            reference.prefix(20).map { $0.withoutRedundantConstraints() }
        }
        #expect(pruned == prunedReference, "seed \(seed): the same irredundant conditions")
    }
}
