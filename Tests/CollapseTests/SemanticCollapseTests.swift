import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// The examples of issue 10's first paragraph, and every cancellation identity both ways:
/// a pair that cancels (the network collapses, with exact W' and b') and a pair that does not.
@Suite struct SemanticCollapse {
    func map(_ weights: [[Rational]], _ bias: [Rational]) -> CollapsedMap {
        .numeric(AffineMap(weights: Matrix(rows: weights), bias: bias))
    }

    @Test func sigmoidUnitsWithZeroOutgoingWeightsAreTheConstant() throws {
        let n = try spec(
            """
            input: 2
            layers:
              - dense: {weights: [[1, 2], [3, -4]], bias: [1, 0]}
                activation: sigmoid
              - dense: {weights: [[0, 0]], bias: [1]}
            """)
        let a = Analyzer.analyze(n)
        #expect(a.verdict == .affine)
        #expect(a.collapsed == map([[0, 0]], [1]))
        #expect(
            a.normalization?.steps.first
                == NormalizationStep(layer: 1, units: [1, 2], activation: .sigmoid, kind: .irrelevant))
    }

    @Test func sigmoidOfTPlusSigmoidOfMinusTIsOne() throws {
        let n = try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[2], [-2]], bias: [1, -1]}
                activation: sigmoid
              - dense: {weights: [[3, 3]], bias: [-1]}
            """)
        let a = Analyzer.analyze(n)
        #expect(a.verdict == .affine)
        #expect(a.collapsed == map([[0]], [2]))
        #expect(a.normalization?.steps.first?.kind == .cancel(identity: .complement, scales: [1, -1]))
        // σ(t) − σ(−t) = 2σ(t) − 1 does not cancel: nothing is simplified and F stays non-affine.
        let m = try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[2], [-2]], bias: [1, -1]}
                activation: sigmoid
              - dense: {weights: [[3, -3]]}
            """)
        let b = Analyzer.analyze(m)
        #expect(b.verdict == .notAffine)
        #expect(b.normalization == nil)
        #expect(witnessRechecks(m, b.affinity))
    }

    @Test func oddActivationsCancelWithEqualWeights() throws {
        for name in ["tanh", "arctan", "sign", "hardtanh"] {
            let n = try spec(
                """
                input: 1
                layers:
                  - dense: {weights: [[1], [-1]], bias: ["1/3", "-1/3"]}
                    activation: \(name)
                  - dense: {weights: [[5, 5]], bias: [2]}
                """)
            let a = Analyzer.analyze(n)
            #expect(a.verdict == .affine, "\(name)")
            #expect(a.collapsed == map([[0]], [2]), "\(name)")
            let m = try spec(
                """
                input: 1
                layers:
                  - dense: {weights: [[1], [-1]], bias: ["1/3", "-1/3"]}
                    activation: \(name)
                  - dense: {weights: [[5, -5]], bias: [2]}
                """)
            #expect(Analyzer.analyze(m).verdict == .notAffine, "\(name)")
        }
    }

    @Test func reluOfTMinusReluOfMinusTIsTOnThirteenInputs() throws {
        let inputs = 13
        var rows = [[Rational]](), out = [Rational]()
        for i in 0..<inputs {
            var e = [Rational](repeating: 0, count: inputs)
            e[i] = 1; rows.append(e)
            e[i] = -1; rows.append(e)
            out += [Rational(i + 1), Rational(-(i + 1))]
        }
        let n = Network(
            inputNames: (1...inputs).map { "x\($0)" },
            layers: [
                Layer(
                    dense: .numeric(
                        AffineMap(weights: Matrix(rows: rows), bias: Array(repeating: 0, count: 2 * inputs))),
                    activation: .relu),
                Layer(dense: .numeric(AffineMap(weights: Matrix(rows: [out]), bias: [0]))),
            ])
        let a = Analyzer.analyze(n)
        #expect(a.verdict == .linear)
        #expect(a.collapsed == map([(1...inputs).map { Rational($0) }], [0]))
        #expect(a.normalization?.steps.count == inputs + 1)
        #expect(a.regions == nil)  // decided before any region enumeration
    }

    @Test func reluOfTMinusReluOfMinusTStaysWithAGenuineUnit() throws {
        // 6 cancelling pairs plus relu(x1): the pairs leave the affine part through one pair.
        var rows = [[Rational]](), out = [Rational]()
        for i in 0..<6 {
            var e = [Rational](repeating: 0, count: 6)
            e[i] = 1; rows.append(e)
            e[i] = -1; rows.append(e)
            out += [1, -1]
        }
        rows.append([1, 1, 0, 0, 0, 0]); out.append(1)
        let n = Network(
            inputNames: (1...6).map { "x\($0)" },
            layers: [
                Layer(
                    dense: .numeric(AffineMap(weights: Matrix(rows: rows), bias: Array(repeating: 0, count: 13))),
                    activation: .relu),
                Layer(dense: .numeric(AffineMap(weights: Matrix(rows: [out]), bias: [0]))),
            ])
        let s = SemanticNormalization.normalize(n)
        #expect(s.steps.last?.kind == .passThrough(pairs: 1, slope: 1))
        #expect(s.simplified.layers[0].dense?.outputDimension == 3)
        let a = Analyzer.analyze(n)
        #expect(a.verdict == .notAffine)
        #expect(witnessRechecks(n, a.affinity))
    }

    @Test func reluOfASquarePlusOneIsTheIdentityOnIt() throws {
        // relu(t² + 1) − relu(t²) = 1: both pre-activations are never negative (Sturm).
        let n = try spec(
            """
            input: [t]
            layers:
              - dense: {weights: [[1], [1]]}
                activation: square
              - dense: {weights: [[1, 0], [0, 1]], bias: [1, 0]}
                activation: relu
              - dense: {weights: [[1, -1]]}
            """)
        let a = Analyzer.analyze(n)
        #expect(a.verdict == .affine)
        #expect(a.collapsed == map([[0]], [1]))
        let stable = a.normalization?.steps.filter { if case .stable = $0.kind { return true } else { return false } }
        #expect(stable?.count == 2)
        // relu(t² − 1) is not stable: it bends at t = ±1, so F is not affine.
        let m = try spec(
            """
            input: [t]
            layers:
              - dense: {weights: [[1], [1]]}
                activation: square
              - dense: {weights: [[1, 0], [0, 1]], bias: [-1, 0]}
                activation: relu
              - dense: {weights: [[1, -1]]}
            """)
        #expect(Analyzer.analyze(m).verdict == .notAffine)
    }

    @Test func severalInputsUseASumOfSquares() throws {
        // step((x − y)² + 1/2) = 1 for every x, y: a Gram matrix proves the pre-activation >= 1/2.
        let n = try spec(
            """
            input: [x, y]
            layers:
              - dense: {weights: [[1, -1]]}
                activation: square
              - dense: {weights: [[1]], bias: ["1/2"]}
                activation: step
              - dense: {weights: [[3]]}
            """)
        let a = Analyzer.analyze(n)
        #expect(a.verdict == .affine)
        #expect(a.collapsed == map([[0, 0]], [3]))
    }

    @Test func shiftedReflectionsCancelToTheLinearPart() throws {
        // f(t) − f(−t) = s·t: relu, softplus, silu, gelu (s = 1), leaky_relu (s = 1 + alpha).
        let cases: [(String, Rational)] = [
            ("relu", 1), ("softplus", 1), ("silu", 1), ("gelu", 1), ("{leaky_relu: {alpha: \"1/5\"}}", Rational(6, 5)),
        ]
        for (name, s) in cases {
            let n = try spec(
                """
                input: 1
                layers:
                  - dense: {weights: [[2], [-2]], bias: [1, -1]}
                    activation: \(name)
                  - dense: {weights: [[1, -1]]}
                """)
            let a = Analyzer.analyze(n)
            #expect(a.verdict == .affine, "\(name)")
            #expect(a.collapsed == map([[2 * s]], [s]), "\(name)")
            // f(t) + f(−t) does not cancel (relu: |t|).
            let m = try spec(
                """
                input: 1
                layers:
                  - dense: {weights: [[2], [-2]], bias: [1, -1]}
                    activation: \(name)
                  - dense: {weights: [[1, 1]]}
                """)
            #expect(Analyzer.analyze(m).verdict == .notAffine, "\(name)")
        }
    }

    @Test func absIsEvenAndHomogeneousScalesCombine() throws {
        // |2t| − 2|−t| = 0 and relu(3t) − 3 relu(t) = 0.
        for name in ["abs", "relu"] {
            let n = try spec(
                """
                input: 1
                layers:
                  - dense: {weights: [[2], [\(name == "abs" ? -1 : 1)]], bias: [0, 0]}
                    activation: \(name)
                  - dense: {weights: [[1, -2]], bias: [7]}
                """)
            let a = Analyzer.analyze(n)
            #expect(a.verdict == .affine, "\(name)")
            #expect(a.collapsed == map([[0]], [7]), "\(name)")
        }
        // step(t) + step(−t) is 1 except at t = 0: no cancellation is claimed.
        let m = try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[1], [-1]]}
                activation: step
              - dense: {weights: [[1, 1]]}
            """)
        let b = Analyzer.analyze(m)
        #expect(b.verdict != .affine && b.verdict != .linear)
    }

    @Test func cancellationThroughALaterLayer() throws {
        // Layer 1 cancels to t, then relu(t) − relu(−t) again in layer 2 over the folded map.
        let n = try spec(
            """
            input: 2
            layers:
              - dense: {weights: [[1, 1], [-1, -1]]}
                activation: tanh
              - dense: {weights: [[1, 1], [2, 2]], bias: [0, 0]}
                activation: relu
              - dense: {weights: [[1, 2]], bias: [5]}
            """)
        let a = Analyzer.analyze(n)
        #expect(a.verdict == .affine)
        #expect(a.collapsed == map([[0, 0]], [5]))
    }
}

/// The normalisation with ranges proved on an input domain (contract §5): units stable on D
/// act as their piece, and the simplified network equals F on D.
@Suite struct SemanticCollapseOnDomain {
    @Test func aReluDeadOnTheDomainMakesFConstantThere() throws {
        // 3·relu(σ(x) − 1) + 5: σ(x) − 1 < 0 on [1, 2] (and everywhere, which the whole-space
        // analysis cannot see through the sigmoid), so F = 5 on D.
        let n = try spec(
            """
            input: [x]
            domain:
              box: {x: [1, 2]}
            layers:
              - dense: {weights: [[1]]}
                activation: sigmoid
              - dense: {weights: [[1], [2]], bias: [-1, 0]}
                activation: relu
              - dense: {weights: [[3, 0]], bias: [5]}
            """)
        let a = analyzed(n)
        #expect(a.verdict == .affine)
        #expect(a.collapsed == .numeric(AffineMap(weights: Matrix(rows: [[0]]), bias: [5])))
        #expect(a.domainFindings?.method == .simplifiedOnDomain)
        let steps = try #require(a.normalization?.steps)
        #expect(steps.allSatisfy { $0.onDomain })
        #expect(
            steps.contains {
                if case .stable(_, 0, 0) = $0.kind { return $0.layer == 2 && $0.units == [1] } else { return false }
            })
        // The simplified network equals F at D's ends and inside.
        var whole = n
        whole.domain = nil
        let simplified = try #require(a.normalization?.simplified)
        for p in [Rational(1), Rational(3, 2), Rational(2)] {
            #expect(try exactly(whole, [p]) == exactly(simplified, [p]))
        }
    }
}
