import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

@Suite struct TextbookExamples {
    @Test func twoStackedLayersCollapseToTheProductMap() throws {
        let n = try spec(
            """
            input: [x1, x2]
            layers:
              - dense: {weights: [[1, 2], ["1/2", -1]], bias: [1, 0]}
              - dense: {weights: [[3, -2]], bias: ["-1/2"]}
            """)
        let a = analyzed(n)
        #expect(a.verdict == .affine)
        guard case .numeric(let m)? = a.collapsed else { Issue.record("no collapsed map"); return }
        // W2 W1 and W2 b1 + b2, computed here by hand-independent matrix products.
        let w1 = Matrix(rows: [qs("1", "2"), qs("1/2", "-1")]), w2 = Matrix(rows: [qs("3", "-2")])
        #expect(m.weights == w2 * w1)
        #expect(m.bias == zip(w2.applied(to: qs("1", "0")), qs("-1/2")).map { $0 + $1 })
        #expect(m.weights.entries == qs("2", "8") && m.bias == qs("5/2"))
        #expect(a.rank?.rank == 1)
        // Evidence: additivity fails at x = y = 0 with F(0) = b' and 2F(0) = 2b'.
        #expect(a.additivity.holds == false && a.homogeneity.holds == false && a.affinity.holds == true)
        #expect(witnessRechecks(n, a.additivity) && witnessRechecks(n, a.homogeneity))
        #expect(a.additivity.residual == [Polynomial(q("-5/2"))])
        let c = Polynomial(Symbol("c"))
        #expect(a.homogeneity.residual == [(Polynomial(1) - c) * Polynomial(q("5/2"))])
        #expect(a.affinity.residual == [Polynomial(0)])
    }

    @Test func threeLayersWithBiasesMatchLayerByLayerEvaluation() throws {
        let n = try spec(
            """
            input: 2
            layers:
              - dense: {weights: [[1, -1], [2, "1/3"], [0, 1]], bias: [1, 2, 3]}
              - dense: {weights: [[1, 0, -1], ["2/5", 1, 1]], bias: [-1, "1/2"]}
              - dense: {weights: [[3, 4]], bias: [0.25]}
            """)
        let a = analyzed(n)
        guard case .numeric(let m)? = a.collapsed else { Issue.record("no collapsed map"); return }
        for p in [qs("0", "0"), qs("1", "0"), qs("-3/7", "5/2"), qs("100", "-1/9")] {
            #expect(m.apply(p) == (try exactly(n, p)))
        }
        #expect(a.verdict == (m.bias.allSatisfy(\.isZero) ? .linear : .affine))
    }

    @Test func symbolicTwoTwoOneNetworkCollapsesToTheTextbookWeights() throws {
        let n = try spec(
            """
            input: [x1, x2]
            layers:
              - dense: {weights: [[w11, w12], [w21, w22]]}
              - dense: {weights: [[z1, z2]]}
            """)
        let a = analyzed(n)
        #expect(a.verdict == .linear)
        guard case .symbolic(let m)? = a.collapsed else { Issue.record("expected symbolic map"); return }
        #expect(m.weights.entries == [poly("z1*w11 + z2*w21"), poly("z1*w12 + z2*w22")])
        #expect(a.additivity.holds == true && a.homogeneity.holds == true)
        #expect(a.additivity.residual == [Polynomial(0)] && a.homogeneity.residual == [Polynomial(0)])
        #expect(a.rank?.rank == 1 && a.rank?.isGeneric == true)
    }

    @Test func symbolicBiasesDecideLinearity() throws {
        let n = try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[a]], bias: [b]}
              - dense: {weights: [[2]], bias: ["-2*b"]}
            """)
        let a = analyzed(n)
        // b' = 2b − 2b = 0 identically: linear for every value of a and b.
        #expect(a.verdict == .linear)
        let m = try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[a]], bias: [b]}
            """)
        let am = analyzed(m)
        #expect(am.verdict == .affine)
        #expect(am.linearIf == [poly("b")])
        #expect(am.additivity.witness?.lhs == [.symbolic(poly("b"))])
        #expect(am.additivity.witness?.rhs == [.symbolic(poly("2*b"))])
    }

    @Test func bottleneckLimitsTheRank() throws {
        let n = try spec(
            """
            input: 3
            layers:
              - dense: {weights: [[1, 2, 3], [0, 1, -1]]}
              - dense: {weights: [[1, 0], [0, 1], [1, 1]]}
            """)
        let a = analyzed(n)
        #expect(a.verdict == .linear)
        #expect(a.rank?.rank == 2)
        #expect(a.rank?.isBottleneck == true && a.rank?.narrowestWidth == 2 && a.rank?.narrowestLayer == 1)
    }

    @Test func affineActivationsFoldIntoTheirLayers() throws {
        let n = try spec(
            """
            input: 2
            layers:
              - dense: {weights: [[1, 1], [1, -1]], bias: [0, 1]}
                activation: {affine: {slope: 2, intercept: -1}}
              - activation: {polynomial: ["1/2", 3]}
              - dense: {weights: [[1, 2]]}
            """)
        let a = analyzed(n)
        guard case .numeric(let m)? = a.collapsed else { Issue.record("no collapsed map"); return }
        for p in [qs("0", "0"), qs("2", "-1/3"), qs("-5", "7")] {
            #expect(m.apply(p) == (try exactly(n, p)))
        }
        #expect(a.layerFindings[0].affineFold != nil)
    }

    @Test func offsetsThatCancelGiveALinearMap() throws {
        let n = try spec(
            """
            input: 2
            layers:
              - dense: {weights: [[1, 0], [0, 1]], bias: [3, -2]}
              - dense: {weights: [[1, 1]], bias: [-1]}
            """)
        let a = analyzed(n)
        #expect(a.verdict == .linear)
        #expect(a.collapsed?.biasIsZero == true)
        #expect(a.additivity.holds == true && a.additivity.witness == nil)
    }

    @Test func quadraticActivationsThatCancelAreAffine() throws {
        // (t)^2 − (t)^2 + t: the degree-2 terms cancel exactly.
        let n = try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[1], [1]], bias: [0, 0]}
                activation: square
              - dense: {weights: [[1, -1]], bias: [0]}
            """)
        var options = AnalysisOptions()
        options.simplifies = false  // the polynomial stage alone (normalisation removes the duplicate pair first)
        let a = analyzed(n, options: options)
        #expect(a.verdict == .linear)
        #expect(a.polynomialOutputs == [Polynomial(0)])
        #expect(analyzed(n).normalization?.steps.first?.kind == .cancel(identity: .duplicate, scales: [1, 1]))
    }
}

@Test func aNetworkWithNoLayersIsTheIdentity() {
    let n = Network(name: nil, inputNames: ["x1", "x2"], layers: [])
    let a = analyzed(n)
    #expect(a.verdict == .linear)
    guard case .numeric(let m)? = a.collapsed else { Issue.record("no collapsed map"); return }
    #expect(m.weights == Matrix<Rational>.identity(2) && m.bias.allSatisfy(\.isZero))
    #expect(a.rank?.rank == 2)
}
