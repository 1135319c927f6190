import Algebra
import ExactNumbers
import PropertyBased
import Testing
import TestSupport

/// A chain of 1...5 random rational affine maps with random widths 0...4, and an input point.
private let rationalChain = Generator { rng in
    let widths = (0...Int.random(in: 1...5, using: &rng)).map { _ in Int.random(in: 0...4, using: &rng) }
    let maps = zip(widths, widths.dropFirst()).map { input, output in
        AffineMap(
            weights: Arbitrary.rationalMatrix(rows: output, columns: input, &rng),
            bias: (0..<output).map { _ in Arbitrary.rational(&rng) })
    }
    let x = (0..<widths[0]).map { _ in Arbitrary.rational(&rng) }
    return (maps, x)
}

@Suite struct AffineMapComposition {
    @Test func chainCompositionEqualsApplyingTheLayersOneByOne() {
        forAll(seed: 50, count: 200, rationalChain) { value, note in
            let (maps, x) = value
            let sequential = maps.reduce(x) { $1.apply($0) }
            let collapsed = AffineMap.composeChain(maps)
            #expect(collapsed.apply(x) == sequential, note)
            #expect(collapsed.inputDimension == maps.first!.inputDimension, note)
            #expect(collapsed.outputDimension == maps.last!.outputDimension, note)
        }
    }

    @Test func clearedChainEqualsPlainFold() {
        forAll(seed: 51, count: 200, rationalChain) { value, note in
            let (maps, _) = value
            let plain = maps.dropFirst().reduce(maps[0]) { inner, outer in
                AffineMap(
                    weights: outer.weights.plainProduct(inner.weights),
                    bias: zip(outer.weights.applied(to: inner.bias), outer.bias).map { $0 + $1 })
            }
            let cleared = AffineMap.composeChain(maps)
            #expect(cleared == plain, note)
            #expect(cleared.weights.entries.allSatisfy { $0.checkInvariants() }, note)
            #expect(cleared.bias.allSatisfy { $0.checkInvariants() }, note)
        }
    }

    @Test func composedAfterIsAssociativeAndMatchesTheChain() {
        var cases = CaseCounter()
        forAll(seed: 52, count: 100, rationalChain) { value, note in
            let (maps, _) = value
            if maps.count < 3 { return }  // three maps are needed; counted below
            cases.count()
            let (f, g, h) = (maps[0], maps[1], maps[2])
            #expect(h.composed(after: g).composed(after: f) == h.composed(after: g.composed(after: f)), note)
            #expect(AffineMap.composeChain([f, g, h]) == h.composed(after: g).composed(after: f), note)
            #expect(f.composed(after: .identity(f.inputDimension)) == f, note)
        }
        cases.requireAtLeast(30)
    }

    @Test func symbolicChainEvaluatesLikeTheNumericChain() {
        // Symbolic 2-2-1 network; substitute random weights and compare with the numeric chain.
        let sym = { (name: String) in Polynomial(Symbol(name)) }
        let first = AffineMap(
            weights: Matrix(rows: [[sym("w11"), sym("w12")], [sym("w21"), sym("w22")]]), bias: [sym("b1"), sym("b2")])
        let second = AffineMap(weights: Matrix(rows: [[sym("v1"), sym("v2")]]), bias: [sym("c")])
        let collapsed = AffineMap.composeChain([first, second])
        let names = ["w11", "w12", "w21", "w22", "b1", "b2", "v1", "v2", "c", "x1", "x2"]
        let gen = Generator { rng in
            Dictionary(uniqueKeysWithValues: names.map { (Symbol($0), Arbitrary.rational(&rng)) })
        }
        forAll(seed: 53, count: 30, gen) { point, note in
            let numeric = [first, second].map { map in
                AffineMap(
                    weights: map.weights.map { $0.evaluated(at: point) }, bias: map.bias.map { $0.evaluated(at: point) }
                )
            }
            let x = [point[Symbol("x1")]!, point[Symbol("x2")]!]
            let symbolicOutput = collapsed.apply([sym("x1"), sym("x2")]).map { $0.evaluated(at: point) }
            #expect(symbolicOutput == numeric.reduce(x) { $1.apply($0) }, note)
        }
        #expect(collapsed.weights[0, 0] == sym("v1") * sym("w11") + sym("v2") * sym("w21"))
    }

    @Test func zeroWidthLayersCollapseToConstantMaps() {
        let squeeze = AffineMap<Rational>(weights: .zero(rows: 0, columns: 3))
        let expand = AffineMap<Rational>(weights: .zero(rows: 2, columns: 0), bias: [Rational(1, 2), -4])
        let collapsed = AffineMap.composeChain([squeeze, expand])
        #expect(collapsed.inputDimension == 3 && collapsed.outputDimension == 2)
        #expect(collapsed.weights == .zero(rows: 2, columns: 3))
        #expect(collapsed.bias == expand.bias)
        #expect(collapsed.apply([1, 2, 3]) == expand.apply(squeeze.apply([1, 2, 3])))
    }
}
