import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// Symbols around one layer of hinges (issue 10 item 5): `affine_if` is necessary and
/// sufficient, checked against the numeric engine on the network with the symbols replaced.
struct SymbolicHingeTests {
    @Test func leakyReluWithSymbolicAlphaIsAffineExactlyWhenAlphaIsOne() throws {
        let network = try spec(
            """
            input: [x1, x2]
            layers:
              - dense: {weights: [[1, 2], [1, -1]], bias: [0, 1]}
                activation: {leaky_relu: {alpha: a}}
              - dense: {weights: [[1, 1]]}
            """)
        let a = analyzed(network)
        #expect(a.verdict == .unknown)
        #expect(a.affineIf == [poly("a - 1")])
        // Both directions, by the numeric engine: a = 1 collapses; other values do not.
        let one = analyzed(network.substituting([Symbol("a"): .one]))
        #expect(one.verdict.collapses)
        for value in ["0", "1/5", "-3", "2", "99/100"] {
            let other = analyzed(network.substituting([Symbol("a"): q(value)]))
            #expect(other.verdict == .notAffine, "a = \(value)")
            #expect(witnessRechecks(other.network, other.affinity))
        }
    }

    @Test func outgoingSymbolsGiveOneConditionPerHyperplane() throws {
        // relu(x), relu(-x) share a hyperplane (relu(-t) = relu(t) - t); relu(2x + 1) has its own.
        let network = try spec(
            """
            input: [x1]
            layers:
              - dense: {weights: [[1], [-1], [2]], bias: [0, 0, 1]}
                activation: relu
              - dense: {weights: [[w1, w2, w3]]}
            """)
        let a = analyzed(network)
        #expect(a.verdict == .unknown)
        #expect(a.affineIf == [poly("w1 + w2"), poly("w3")])
        let onCondition = analyzed(
            network.substituting([Symbol("w1"): q("3"), Symbol("w2"): q("-3"), Symbol("w3"): .zero]))
        #expect(onCondition.verdict.collapses)
        let off = analyzed(network.substituting([Symbol("w1"): q("3"), Symbol("w2"): q("3"), Symbol("w3"): .zero]))
        #expect(off.verdict == .notAffine)
    }

    @Test func hingesThatCancelForEveryValueCollapse() throws {
        let network = try spec(
            """
            input: [x1]
            layers:
              - dense: {weights: [[1], [-1]]}
                activation: relu
              - dense: {weights: [[w, "-w"]], bias: [b]}
            """)
        let a = analyzed(network)
        #expect(a.verdict == .affine)
        guard case .collapses(.symbolic(let map), _, .hingesCancel(1)) = a.outcome else {
            Issue.record("expected a hinge cancellation, got \(a.outcome)")
            return
        }
        #expect(map.weights[0, 0] == poly("w") && map.bias == [poly("b")])
        #expect(a.linearIf == [poly("b")])
    }

    @Test func aNumericHingeCoefficientRefutesForEveryValue() throws {
        let network = try spec(
            """
            input: [x1, x2]
            layers:
              - dense: {weights: [[1, 0], [0, 1]]}
                activation: relu
              - dense: {weights: [[w, 1]]}
            """)
        let a = analyzed(network)
        #expect(a.verdict == .notAffine)
        let w = try #require(a.affinity.witness)
        // The witness holds for any value of w: re-check it with several.
        for value in ["0", "1", "-7/2", "100"] {
            let numeric = network.substituting([Symbol("w"): q(value)])
            let lhs = try zip(exactly(numeric, zip(w.x, w.y!).map { $0 + $1 }), exactly(numeric, [.zero, .zero])).map {
                $0 + $1
            }
            let rhs = try zip(exactly(numeric, w.x), exactly(numeric, w.y!)).map { $0 + $1 }
            #expect(lhs != rhs, "w = \(value)")
        }
    }

    /// Random hinge layers (relu, abs, leaky_relu 1/4, hardtanh) with hyperplanes repeated up to
    /// scale and sign, and a symbol per outgoing weight: for assignments that cancel some
    /// groups and not others, the conditions vanish exactly when the numeric engine collapses
    /// the substituted network; and the decomposition's F equals exact evaluation.
    @Test func conditionsAgreeWithTheNumericEngine() throws {
        var rng = SplitMix64(seed: 1010)
        func r(_ lo: Int, _ hi: Int) -> Int { lo + Int(rng.next() % UInt64(hi - lo + 1)) }
        func rat() -> Rational { Rational(r(-6, 6), r(1, 3)) }
        var collapsed = 0, refuted = 0
        for trial in 0..<30 {
            let n = r(1, 2)
            let activation = ["relu", "abs", "{leaky_relu: {alpha: \"1/4\"}}", "hardtanh"][trial % 4]
            // Groups of units on one hyperplane: rows λ·(g, c).
            var rows = [[Rational]](), bias = [Rational](), lambdas = [Rational](), groups = [[Int]]()
            for _ in 0..<r(1, 3) {
                var g = (0..<n).map { _ in rat() }
                if g.allSatisfy(\.isZero) { g[0] = .one }
                let c = rat()
                var members = [Int]()
                for _ in 0..<r(1, 3) {
                    var lambda = Rational(r(-3, 3), r(1, 2))
                    if lambda.isZero { lambda = .one }
                    if activation == "hardtanh" { lambda = .one }  // hardtanh's kinks at ±1 move with λ otherwise
                    members.append(rows.count)
                    rows.append(g.map { lambda * $0 })
                    bias.append(lambda * c)
                    lambdas.append(lambda)
                }
                groups.append(members)
            }
            let symbols = rows.indices.map { "w\($0 + 1)" }
            let yaml = """
                input: \(n)
                layers:
                  - dense: {weights: [\(rows.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }.joined(separator: ", "))], bias: [\(bias.map { "\"\($0)\"" }.joined(separator: ", "))]}
                    activation: \(activation)
                  - dense: {weights: [[\(symbols.joined(separator: ", "))]]}
                """
            let network = try spec(yaml)
            let a = analyzed(network)
            let conditions = try #require(a.affineIf, "trial \(trial)")
            // An assignment: each group cancels (Σ |λ_i| w_i = 0) or not, at random.
            var values = [Symbol: Rational]()
            var allCancel = true
            for members in groups {
                let cancel = r(0, 1) == 1
                allCancel = allCancel && cancel
                var sum = Rational.zero
                for i in members.dropLast() {
                    values[Symbol(symbols[i])] = rat()
                    sum += lambdas[i].magnitude * values[Symbol(symbols[i])]!
                }
                let last = members.last!
                let cancelling = -sum / lambdas[last].magnitude
                values[Symbol(symbols[last])] = cancel ? cancelling : cancelling + Rational(r(1, 4))
            }
            let vanish = conditions.allSatisfy { $0.evaluated(at: values).isZero }
            #expect(vanish == allCancel, "trial \(trial): \(yaml)")
            let numeric = analyzed(network.substituting(values))
            #expect(numeric.verdict.collapses == vanish, "trial \(trial): \(numeric.verdict) \(yaml) \(values)")
            if numeric.verdict.collapses { collapsed += 1 } else { refuted += 1 }
            // F from the decomposition equals exact evaluation at random points, kinks included.
            let hinges = try #require(HingeDecomposition(network))
            for _ in 0..<4 {
                let x = (0..<n).map { _ in rat() }
                let symbolic = hinges.evaluate(x).map { $0.evaluated(at: values) }
                #expect(try symbolic == exactly(network.substituting(values), x))
            }
        }
        #expect(collapsed >= 5 && refuted >= 5, "collapsed \(collapsed), refuted \(refuted)")
    }

    @Test func hingeFormsMatchTheActivations() throws {
        var rng = SplitMix64(seed: 77)
        for activation in [
            Activation.relu, .abs, .hardtanh, .leakyRelu(alpha: Polynomial(Rational(1, 5))),
            .clip(lower: Polynomial(Rational(-2)), upper: Polynomial(Rational(3))),
            .hardSigmoid(alpha: Polynomial(Rational(1, 4)), beta: Polynomial(Rational(1, 2))),
        ] {
            let form = try #require(activation.hingeForm, "\(activation)")
            for k in 0..<40 {
                // Breakpoints and random points.
                let t =
                    k < 5
                    ? [Rational(-2), Rational(-1), .zero, .one, Rational(3)][k]
                    : Rational(Int(rng.next() % 41) - 20, Int(rng.next() % 4) + 1)
                let exact = try #require(
                    ActivationEvaluation.exactScalar(activation, t) ?? nil, "\(activation) at \(t)")
                #expect(form.value(at: t).constantValue == exact, "\(activation) at \(t)")
            }
        }
        #expect(
            Activation.step.hingeForm == nil && Activation.sign.hingeForm == nil && Activation.sigmoid.hingeForm == nil)
    }
}
