import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

@Suite struct Counterexamples {
    func singleUnit(_ activation: String, weight: String = "1", bias: String = "0") throws -> Network {
        try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[\(weight)]], bias: [\(bias)]}
                activation: \(activation)
            """)
    }

    @Test(arguments: [
        "relu", "step", "square", "sigmoid", "tanh", "abs", "hardtanh", "sign", "softplus", "silu", "gelu", "arctan",
        "elu", "{leaky_relu: {alpha: \"1/5\"}}",
    ])
    func nonAffineActivationsGiveRecheckedWitnesses(_ activation: String) throws {
        let n = try singleUnit(activation)
        let a = analyzed(n)
        #expect(a.verdict == .notAffine, "\(activation): \(a.outcome)")
        #expect(a.collapsed == nil && a.rank == nil)
        #expect(a.affinity.holds == false)
        #expect(witnessRechecks(n, a.affinity), "affinity witness of \(activation) re-checks")
        if a.additivity.witness != nil { #expect(witnessRechecks(n, a.additivity)) }
        if a.homogeneity.witness != nil { #expect(witnessRechecks(n, a.homogeneity)) }
    }

    @Test func reluBreaksAdditivityButIsPositivelyHomogeneous() throws {
        let n = try singleUnit("relu")
        let a = analyzed(n)
        #expect(a.additivity.holds == false)
        #expect(a.homogeneity.holds == false)
        #expect(
            a.homogeneity.witness?.c.map { $0.signum < 0 } == true,
            "a ReLU with no bias is positively homogeneous, so c must be negative")
        // relu(1 + (-1)) = 0 but relu(1) + relu(-1) = 1, and relu is positively homogeneous.
        guard case .notAffine(let brk?) = a.layerFindings[0].behaviour else {
            Issue.record("relu has no scalar break: \(a.layerFindings[0].behaviour)")
            return
        }
        #expect(brk.s == Rational(1) && brk.t == Rational(-1) && brk.fixesZero)
        #expect(brk.lhs == .exact(.zero) && brk.rhs == .exact(.one))
        #expect(a.layerFindings[0].activation.isPositivelyHomogeneous)
    }

    @Test func reluAfterADeepLayerIsFoundThroughItsBreakpoint() throws {
        // The second-layer unit only switches where x1 + x2 = 7/2; the search must find it.
        let n = try spec(
            """
            input: 2
            layers:
              - dense: {weights: [[1, 0], [0, 1]], bias: [10, 10]}
                activation: relu
              - dense: {weights: [[1, 1]], bias: ["-47/2"]}
                activation: relu
            """)
        let a = analyzed(n)
        #expect(a.verdict == .notAffine)
        #expect(witnessRechecks(n, a.affinity))
    }

    @Test func sigmoidWitnessUsesDisjointEnclosures() throws {
        let n = try singleUnit("sigmoid")
        let a = analyzed(n)
        let w = try #require(a.affinity.witness)
        #expect(w.lhs.provablyDiffers(from: w.rhs))
        // sigmoid(0) = 1/2 exactly: the homogeneity witness x = 0, c = 2 is exact.
        #expect(a.homogeneity.witness?.lhs == [.exact(q("1/2"))])
    }

    @Test func symbolicReluNetworkIsUndecided() throws {
        let n = try singleUnit("relu", weight: "w")
        let a = analyzed(n)
        #expect(a.verdict == .unknown)
        guard case .undecided(.symbolicWeightsReachNonAffine(let culprit)) = a.outcome else {
            Issue.record("expected undecided by symbolic weights: \(a.outcome)")
            return
        }
        #expect(culprit == Culprit(layer: 1, activation: .relu))
    }

    @Test func reluOfAnAlwaysPositiveUnitIsNotRefuted() throws {
        // relu(0*x + 1) = 1: constant, affine. The search finds no witness; without the
        // piecewise-linear decision the honest verdict is unknown, never not-affine.
        let n = try singleUnit("relu", weight: "0", bias: "1")
        let a = analyzed(n)
        #expect(a.verdict != .notAffine)
    }

    @Test func aWideActivationOnlyReLULayerGetsAWitnessWithinTheBudget() throws {
        // 1000 inputs and no dense layer: the search used to spend its whole budget on
        // (e, e) and (e, 2e) pairs of every coordinate and then enumerate regions for minutes.
        let n = try spec("input: 1000\nlayers: [{activation: relu}]\n")
        let a = analyzed(n)
        #expect(a.verdict == .notAffine)
        #expect(witnessRechecks(n, a.affinity) && witnessRechecks(n, a.additivity) && witnessRechecks(n, a.homogeneity))
    }
}

@Test func softmaxOverASingleUnitIsTheConstantOne() throws {
    let n = try spec(
        """
        input: 2
        layers:
          - dense: {weights: [[1, -2]], bias: [3]}
            activation: softmax
        """)
    let a = analyzed(n)
    #expect(a.verdict == .affine)
    guard case .numeric(let m)? = a.collapsed else { Issue.record("no collapsed map"); return }
    #expect(m.weights.entries.allSatisfy(\.isZero) && m.bias == [Rational(1)])
    #expect(try exactly(n, qs("5", "-7/3")) == [Rational(1)])
    #expect(a.network == n)
    #expect(a.layerFindings[0].activation == .softmax && a.layerFindings[0].behaviour == .constantSoftmax)
}

@Test func symbolicPolynomialWithAConstantSquareTermIsNotAffineForEveryValue() throws {
    // F(t) = a·t + t²: F(x+y) + F(0) − F(x) − F(y) = 2xy, whatever a is.
    let n = try spec(
        """
        input: 1
        layers:
          - dense: {weights: [[1]]}
            activation: {polynomial: [0, a, 1]}
        """)
    let an = analyzed(n)
    #expect(an.verdict == .notAffine)
    let w = try #require(an.affinity.witness)
    // Re-check independently: substitute several values for a and evaluate exactly.
    for value in [Rational(0), Rational(-3), Rational(7, 2)] {
        let numeric = try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[1]]}
                activation: {polynomial: [0, "\(value)", 1]}
            """)
        let sides = try #require(WitnessRecheck.sides(numeric, identity: .affinity, witness: w))
        #expect(sides.lhs.provablyDiffers(from: sides.rhs), "a = \(value)")
    }
    // With w² in front the coefficient can vanish (w = 0): no verdict for all values.
    let m = try spec(
        """
        input: 1
        layers:
          - dense: {weights: [[w]]}
            activation: square
        """)
    #expect(analyzed(m).verdict == .unknown)
}
