import Testing
import ExactNumbers
import Enclosures
import Algebra
import NetworkModel
@testable import Collapse

/// Constant units whose value is an irrational constant (contract §4): the verdict, W', b'
/// as exact expressions, and their enclosures against an independent evaluation.
@Suite struct ConstantUnitsTests {
    @Test func zeroWeightSigmoidIsTheAffineMapTwoSigmaOfOnePlusOne() throws {
        let network = try spec(
            """
            input: [x1, x2]
            layers:
              - dense: {weights: [[0, 0], [1, 2]], bias: [1, 0]}
                activation: sigmoid
              - dense: {weights: [[2, 0]], bias: [1]}
            """)
        let a = analyzed(network)
        #expect(a.verdict == .affine)
        let map = try #require(a.collapsed)
        #expect(map.weightTexts == [["0", "0"]])
        #expect(map.biasTexts == ["2*sigmoid(1) + 1"])
        #expect(map.hasConstantEntries)
        #expect(a.linearIf == nil)
        let enclosures = map.constantEnclosures()
        #expect(enclosures.weights.isEmpty)
        #expect(enclosures.bias.count == 1 && enclosures.bias[0].index == 0)
        // Independent: F(0) through the network as written, by the evaluator's enclosures.
        let f0 = try Evaluator.evaluate(network, at: [.zero, .zero], precision: 256)[0].interval!
        #expect(enclosures.bias[0].enclosure.overlaps(f0))
        #expect(a.rank?.rank == 0 && a.rank?.isGeneric == false)
        #expect(a.additivity.holds == false && a.homogeneity.holds == false && a.affinity.holds == true)
    }

    @Test func nestedConstantsStayExact() throws {
        let network = try spec(
            """
            input: [x]
            layers:
              - dense: {weights: [[0], [0]], bias: [1, -1]}
                activation: sigmoid
              - dense: {weights: [[2, 0], [1, 1]], bias: [1, -1]}
              - dense: {weights: [[1, 0], [0, 1]], bias: [0, 0]}
                activation: sigmoid
              - dense: {weights: [[1, 0], [0, 3]], bias: [0, "1/2"]}
            """)
        let a = analyzed(network)
        #expect(a.verdict == .affine)
        // σ(1) + σ(−1) − 1 = 0 exactly, so the second unit of layer 3 is σ(0) = 1/2.
        #expect(a.collapsed?.biasTexts == ["sigmoid(2*sigmoid(1) + 1)", "2"])
    }

    @Test func cancellingConstantsGiveLinear() throws {
        let network = try spec(
            """
            input: [x1, x2]
            layers:
              - dense: {weights: [[0, 0], [0, 0], [1, 0], [0, 1]], bias: ["1/3", "-1/3", 0, 0]}
                activation: tanh
              - dense: {weights: [[1, 1, 0, 0], [0, 0, 0, 0]], bias: [0, 0]}
            """)
        let a = analyzed(network)
        #expect(a.verdict == .linear)
        #expect(a.collapsed?.biasTexts == ["0", "0"])
    }

    @Test func aTrueZeroThatIsNotCanonicalIsUndecided() throws {
        // silu(1) − silu(σ(1)) + silu(−σ(1)) = silu(1) − σ(1) = 0, but no known identity
        // relates silu(1) and σ(1) in the canonical form.
        let network = try spec(
            """
            input: [x]
            layers:
              - dense: {weights: [[0]], bias: [1]}
                activation: sigmoid
              - dense: {weights: [[0], [1], [-1]], bias: [1, 0, 0]}
                activation: silu
              - dense: {weights: [[1, -1, 1]], bias: [0]}
            """)
        let a = analyzed(network)
        #expect(a.verdict == .unknown)
        guard case .undecided(.constantBiasUndecided(let map, let entries)) = a.outcome else {
            Issue.record("expected constantBiasUndecided, got \(a.outcome)")
            return
        }
        #expect(entries == [0])
        #expect(map.bias[0].description == "-sigmoid(1) + silu(1)")
    }

    /// Random networks whose transcendental units have zero weights (constant) or zero
    /// outgoing weights: the collapsed map, evaluated through the enclosures of W' and b',
    /// overlaps F evaluated independently by the evaluator on the network as written.
    @Test func randomConstantNetworksAgreeWithTheEvaluator() throws {
        var rng = SplitMix64(seed: 20261126)
        let functions: [Activation] = [
            .sigmoid, .tanh, .arctan, .softplus, .silu, .gelu, .elu(alpha: Polynomial(Rational(2))),
        ]
        func r(_ range: Int = 9) -> Rational {
            Rational(Int(rng.next() % UInt64(2 * range + 1)) - range, Int(rng.next() % 4) + 1)
        }
        var checked = 0
        for trial in 0..<24 {
            let n = Int(rng.next() % 3) + 1, width = Int(rng.next() % 4) + 2, out = Int(rng.next() % 2) + 1
            let f = functions[trial % functions.count]
            // Units: even-indexed are constant (zero row), odd-indexed have zero outgoing weights.
            var w1 = [Rational](), b1 = [Rational]()
            for i in 0..<width {
                for _ in 0..<n { w1.append(i % 2 == 0 ? .zero : r()) }
                b1.append(f == .elu(alpha: Polynomial(Rational(2))) && i % 2 == 0 ? -(r().magnitude) - 1 : r())
            }
            var w2 = [Rational]()
            for _ in 0..<out { for i in 0..<width { w2.append(i % 2 == 0 ? r() : .zero) } }
            let network = Network(
                inputNames: (1...n).map { "x\($0)" },
                layers: [
                    Layer(
                        dense: .numeric(AffineMap(weights: Matrix(rows: width, columns: n, entries: w1), bias: b1)),
                        activation: f),
                    Layer(
                        dense: .numeric(
                            AffineMap(
                                weights: Matrix(rows: out, columns: width, entries: w2),
                                bias: (0..<out).map { _ in r() }))),
                ])
            let a = analyzed(network)
            #expect(a.verdict == .affine || a.verdict == .linear, "trial \(trial): \(a.verdict)")
            guard case .symbolic(let m)? = a.collapsed else { continue }
            for _ in 0..<3 {
                let x = (0..<n).map { _ in r() }
                let f = try Evaluator.evaluate(network, at: x, precision: 200)
                for i in 0..<out {
                    var total = ExactConstant(m.bias[i])!.enclosure(precision: 200)
                    for j in 0..<n {
                        total =
                            total + ExactConstant(m.weights[i, j])!.enclosure(precision: 200)
                            * RationalInterval(exactly: x[j])
                    }
                    #expect(total.overlaps(f[i].interval!), "trial \(trial), output \(i) at \(x)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 30)
    }
}
