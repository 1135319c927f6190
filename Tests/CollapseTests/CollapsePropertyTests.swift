import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse
import TestSupport

/// Property tests over random networks with fixed seeds: each compares two independent
/// computations and names the seed on failure.
@Suite struct CollapseProperties {
    static let affineActivations: [Activation] = [
        .identity,
        .affine(slope: Polynomial(Rational(2, 3)), intercept: Polynomial(Rational(-1, 2))),
        .polynomial([Polynomial(Rational(1)), Polynomial(Rational(-3))]),
        .leakyRelu(alpha: Polynomial(Rational(1))),
    ]

    @Test(arguments: 0..<24)
    func collapsedMapEqualsLayerByLayerEvaluation(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        let activation = Self.affineActivations[seed % Self.affineActivations.count]
        let inputs = Int.random(in: 1...4, using: &rng)
        let network = RandomNetwork.make(
            inputs: inputs, layers: Int.random(in: 1...4, using: &rng),
            width: Int.random(in: 1...4, using: &rng), outputs: Int.random(in: 1...3, using: &rng),
            activation: activation, seed: UInt64(seed), withBias: seed % 3 != 0)
        let a = analyzed(network)
        guard case .numeric(let map)? = a.collapsed else {
            Issue.record("seed \(seed): an affine network did not collapse (\(a.verdict))")
            return
        }
        #expect(a.verdict == (map.bias.allSatisfy(\.isZero) ? .linear : .affine), "seed \(seed)")
        for _ in 0..<5 {
            let x = (0..<inputs).map { _ in Rational.random(numerators: -20...20, denominators: 1...9, using: &rng) }
            #expect(map.apply(x) == (try exactly(network, x)), "seed \(seed) at x = \(x)")
        }
        // The symbolic residuals agree with the closed form: −b' and (1 − c)·b'.
        let c = Polynomial(Symbol("c"))
        #expect(a.additivity.residual == map.bias.map { Polynomial(-$0) }, "seed \(seed)")
        #expect(a.homogeneity.residual == map.bias.map { (Polynomial(1) - c) * Polynomial($0) }, "seed \(seed)")
        if a.verdict == .affine {
            #expect(witnessRechecks(network, a.additivity) && witnessRechecks(network, a.homogeneity), "seed \(seed)")
        }
        // The rank agrees with an independent elimination over the rationals.
        #expect(a.rank?.rank == referenceRank(map.weights), "seed \(seed)")
    }

    @Test(arguments: 0..<24)
    func everyReluWitnessRechecksIndependently(seed: Int) {
        var rng = SplitMix64(seed: UInt64(1000 + seed))
        let activations: [Activation] = [
            .relu, .abs, .hardtanh, .step, .sign, .leakyRelu(alpha: Polynomial(Rational(1, 5))),
        ]
        let network = RandomNetwork.make(
            inputs: Int.random(in: 1...3, using: &rng), layers: Int.random(in: 1...3, using: &rng),
            width: Int.random(in: 1...4, using: &rng), outputs: 1,
            activation: activations[seed % activations.count], seed: UInt64(seed))
        let a = analyzed(network)
        #expect(a.verdict != .linear && a.verdict != .affine || a.collapsed != nil, "seed \(seed)")
        for check in [a.additivity, a.homogeneity, a.affinity] where check.witness != nil {
            #expect(check.holds == false, "seed \(seed)")
            #expect(witnessRechecks(network, check), "seed \(seed): \(check.identity) witness must re-check")
        }
        if a.verdict == .notAffine { #expect(a.affinity.witness != nil, "seed \(seed)") }
    }

    @Test(arguments: 0..<10)
    func propertyCheckAgreesWithTheVerdict(seed: Int) {
        let activation: Activation = seed % 2 == 0 ? .identity : .relu
        let network = RandomNetwork.make(
            inputs: 2, layers: 2, width: 3, outputs: 2, activation: activation, seed: UInt64(seed))
        let a = analyzed(network)
        let summary = PropertyCheck.run(network, analysis: a, trials: 10, seed: UInt64(seed))
        #expect(summary.allPassed, "seed \(seed): \(summary.failures)")
        #expect(summary.passed > 0)
    }
}
