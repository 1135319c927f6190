import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// A polynomial F on a lower-dimensional domain D (issue 10): decided on D's affine hull.
struct PolynomialOnDomainTests {
    /// Random points of D = {x : ℓ·x = c} ∩ box, from the relative-interior point and the hull.
    func points(on geometry: DomainGeometry, count: Int, rng: inout SplitMix64) -> [[Rational]] {
        let basis = Matrix<Rational>(rows: geometry.equalities.map(\.coefficients)).nullSpaceBasis()
        var out = [[Rational]]()
        while out.count < count {
            var x = geometry.point
            for b in basis {
                let t = Rational(Int(rng.next() % 13) - 6, Int(rng.next() % 8) + 8)
                x = zip(x, b).map { $0 + t * $1 }
            }
            if geometry.contains(x) { out.append(x) }
        }
        return out
    }

    @Test func aDifferenceOfSquaresIsAffineOnALine() throws {
        // x1² − x2² + 2 = (x1 − x2)(x1 + x2) + 2 = x1 − x2 + 2 on x1 + x2 = 1.
        let network = try spec(
            """
            input: [x1, x2]
            domain:
              box: [[0, 1], [0, 1]]
              constraints: ["x1 + x2 <= 1", "x1 + x2 >= 1"]
            layers:
              - dense: {weights: [[1, 0], [0, 1]]}
                activation: square
              - dense: {weights: [[1, -1]], bias: [2]}
            """)
        let a = analyzed(network)
        #expect(a.verdict.collapses)
        #expect(a.domainFindings?.method == .polynomialOnAffineHull && a.domainFindings?.mapIsUnique == false)
        guard case .numeric(let map)? = a.collapsed else {
            Issue.record("no numeric map: \(a.verdict)")
            return
        }
        var rng = SplitMix64(seed: 5)
        let geometry = try #require(DomainGeometry(network.domain!, inputDimension: 2))
        for x in points(on: geometry, count: 10, rng: &rng) {
            #expect(try exactly(network, x) == map.apply(x), "at \(x)")
        }
    }

    /// F = u·ℓ + v (square units: ((u + ℓ)² − (u − ℓ)²)/4 = u·ℓ) on D = {ℓ = c} ∩ box is affine
    /// on D; F = u·w with w not constant on D is not. Both decided, against exact evaluation.
    @Test func randomProductsOnHyperplanes() throws {
        var rng = SplitMix64(seed: 2026)
        func r(_ lo: Int, _ hi: Int) -> Int { lo + Int(rng.next() % UInt64(hi - lo + 1)) }
        var collapsed = 0, refuted = 0
        for trial in 0..<16 {
            let n = r(2, 3)
            var l = (0..<n).map { _ in r(-3, 3) }
            if l.allSatisfy({ $0 == 0 }) { l[0] = 1 }
            let u = (0..<n).map { _ in r(-3, 3) }
            var w = (0..<n).map { _ in r(-3, 3) }
            w[n - 1] += 7  // not proportional to ℓ in general; checked below
            let cancels = trial % 2 == 0
            let second = cancels ? l : w
            // The hyperplane ℓ·x = c through a point of the box [-2, 2]^n.
            let c = l.enumerated().map { $0.element * (($0.offset % 3) - 1) }.reduce(0, +)
            func row(_ a: [Int], _ sign: Int) -> String {
                "[" + zip(u, a).map { String($0 + sign * $1) }.joined(separator: ", ") + "]"
            }
            let names = (1...n).map { "x\($0)" }
            let lText = zip(l, names).map { "\($0)*\($1)" }.joined(separator: " + ")
            let yaml = """
                input: [\(names.joined(separator: ", "))]
                domain:
                  box: [\(names.map { _ in "[-2, 2]" }.joined(separator: ", "))]
                  constraints: ["\(lText) <= \(c)", "\(lText) >= \(c)"]
                layers:
                  - dense: {weights: [\(row(second, 1)), \(row(second, -1))], bias: [1, 1]}
                    activation: square
                  - dense: {weights: [["1/4", "-1/4"]], bias: [3]}
                """
            // F = (u + s)·... : ((u+s+1)² − (u−s+1)²)/4 + 3 = (u + 1)·s + 3.
            let network = try spec(yaml)
            let a = analyzed(network)
            let geometry = try #require(DomainGeometry(network.domain!, inputDimension: n))
            // Whether s = second·x is constant on D: second ∝ ℓ.
            let proportional = (0..<n).allSatisfy { i in
                (0..<n).allSatisfy { j in second[i] * l[j] == second[j] * l[i] }
            }
            let uConstant = (0..<n).allSatisfy { i in (0..<n).allSatisfy { j in u[i] * l[j] == u[j] * l[i] } }
            let affineOnD = proportional || uConstant
            #expect(a.verdict.collapses == affineOnD, "trial \(trial): \(a.verdict) \(yaml)")
            if case .numeric(let map)? = a.collapsed {
                collapsed += 1
                for x in points(on: geometry, count: 6, rng: &rng) {
                    #expect(try exactly(network, x) == map.apply(x), "trial \(trial) at \(x)")
                }
            } else if a.verdict == .notAffine {
                refuted += 1
                let witness = try #require(a.affinity.witness)
                #expect(geometry.contains(witness.x) && geometry.contains(witness.y!))
            }
        }
        #expect(collapsed >= 4 && refuted >= 4, "collapsed \(collapsed), refuted \(refuted)")
    }
}
