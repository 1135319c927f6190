import ExactNumbers
import Algebra
import NetworkModel
import Collapse
import Testing

/// `check` agrees with the analysis (issue 16, item 2): every witness the analysis reports
/// re-checks under the same precision policy, on transcendental networks whose weights are
/// tiny (the two sides differ by about 1e-121) or huge (saturated activations).
@Suite struct CheckAgreementTests {
    static let activations: [Activation] = [
        .tanh, .sigmoid, .arctan, .softplus, .silu, .gelu, .elu(alpha: Polynomial(Rational(1))),
    ]
    static let scales: [Rational] = [
        Rational(1, 10).power(40), Rational(1, 10).power(20), Rational(1), Rational(10).power(20),
    ]

    /// A seeded random network: 1 or 2 inputs, 1 or 2 dense layers with `activation`, weights
    /// small rationals times `scale`.
    static func network(seed: UInt64, activation: Activation, scale: Rational) -> Network {
        var rng = SplitMix64(seed: seed)
        let inputs = 1 + Int(rng.next() % 2)
        let depth = 1 + Int(rng.next() % 2)
        var layers = [Layer]()
        var width = inputs
        for index in 0..<depth {
            let outputs = index == depth - 1 ? 1 : 1 + Int(rng.next() % 2)
            let rows = (0..<outputs).map { _ in (0..<width).map { _ in rng.rational() * scale } }
            let bias = (0..<outputs).map { _ in rng.next() % 3 == 0 ? rng.rational() * scale : Rational.zero }
            layers.append(
                Layer(
                    dense: .numeric(AffineMap(weights: Matrix(rows: rows), bias: bias)),
                    activation: index == 0 ? activation : .identity))
            width = outputs
        }
        return Network(name: nil, inputNames: (1...inputs).map { "x\($0)" }, layers: layers)
    }

    @Test(arguments: Array(0..<4))
    func checkAgreesWithEveryAnalysisOfTranscendentalNetworks(scaleIndex: Int) {
        let scale = Self.scales[scaleIndex]
        for (k, activation) in Self.activations.enumerated() {
            let seed = UInt64(100 * scaleIndex + k)
            let network = Self.network(seed: seed, activation: activation, scale: scale)
            let analysis = Analyzer.analyze(network)
            let summary = PropertyCheck.run(network, analysis: analysis, trials: 2, seed: seed)
            #expect(summary.allPassed, "seed \(seed), \(activation.name), scale \(scale): \(summary.failures)")
            if analysis.verdict == .notAffine {
                #expect(analysis.affinity.witness != nil)
                #expect(summary.passed >= 1, "seed \(seed): no witness was re-checked")
            }
        }
    }

    /// The reproducer: tanh(1e-40·x) is not affine; its witness's sides differ by
    /// about 2.5e-121 and re-check only at the search's higher precision.
    @Test func tinyTanhWitnessRechecks() throws {
        let weight = Rational(1, 10).power(40)
        let network = Network(
            name: nil, inputNames: ["x1"],
            layers: [
                Layer(dense: .numeric(AffineMap(weights: Matrix(rows: [[weight]]), bias: [.zero])), activation: .tanh)
            ])
        let analysis = Analyzer.analyze(network)
        #expect(analysis.verdict == .notAffine)
        let witness = try #require(analysis.affinity.witness)
        // At the policy's first precision the enclosures overlap; the ladder separates them.
        let low = try #require(
            WitnessRecheck.sides(
                network, identity: .affinity, witness: witness, precision: AnalysisOptions.defaults.precision))
        #expect(!low.lhs.provablyDiffers(from: low.rhs))
        let result = try #require(WitnessRecheck.recheck(network, identity: .affinity, witness: witness))
        #expect(result.confirmed)
        #expect(result.precisions == AnalysisOptions.defaults.precisionLadder)
        let summary = PropertyCheck.run(network, analysis: analysis, trials: 3, seed: 1)
        #expect(summary.allPassed, "\(summary.failures)")
    }

    /// A disagreement names the side that moved.
    @Test func disagreementSaysWhichSideMoved() throws {
        let network = Network(
            name: nil, inputNames: ["x1"],
            layers: [
                Layer(
                    dense: .numeric(AffineMap(weights: Matrix(rows: [[Rational(1)]]), bias: [.zero])), activation: .relu
                )
            ])
        // relu at x = -1, y = 1: F(x+y) + F(0) = 0, F(x) + F(y) = 1. A report claiming lhs = 5 is wrong on the left.
        let wrongLeft = Witness(
            x: [Rational(-1)], y: [Rational(1)], c: nil, lhs: [.exact(Rational(5))], rhs: [.exact(Rational(1))])
        let left = try #require(WitnessRecheck.recheck(network, identity: .affinity, witness: wrongLeft))
        #expect(left.confirmed && left.lhsMoved && !left.rhsMoved)
        #expect(left.disagreement(identity: .affinity).hasPrefix("the left side F(x+y) + F(0) moved: reported (5)"))
        // A claimed witness where both sides are in fact equal: relu(1 + 1) = relu(1) + relu(1).
        let wrongRight = Witness(
            x: [Rational(1)], y: [Rational(1)], c: nil, lhs: [.exact(Rational(2))], rhs: [.exact(Rational(3))])
        let right = try #require(WitnessRecheck.recheck(network, identity: .additivity, witness: wrongRight))
        #expect(!right.confirmed && !right.lhsMoved && right.rhsMoved)
        #expect(right.disagreement(identity: .additivity).hasPrefix("the right side F(x) + F(y) moved: reported (3)"))
    }
}

extension SplitMix64 {
    /// A nonzero rational p/q with |p| <= 9, q in 1...5.
    fileprivate mutating func rational() -> Rational {
        let p = Int(next() % 9) + 1
        return Rational(next() % 2 == 0 ? p : -p, Int(next() % 5) + 1)
    }
}
