import ExactNumbers
import Algebra
import NetworkModel

/// Witnesses for polynomial networks with symbolic weights that hold for EVERY value of the
/// symbols: points where the two sides of an identity, as polynomials in the weight symbols,
/// differ by a nonzero constant in some coordinate (so no assignment can make them equal).
enum SymbolicPolynomialWitness {
    /// `not-affine` with such witnesses, or nil when small integer points give none.
    static func refute(_ network: Network, outputs: [Polynomial]) -> Conclusion? {
        let n = network.inputDimension
        let zero = [Rational](repeating: .zero, count: n)
        func f(_ p: [Rational]) -> [Polynomial]? {
            Composition.polynomialOutputs(network, inputs: p.map { Polynomial($0) })
        }
        func values(_ v: [Polynomial]) -> [ExactValue] { v.map { $0.constantValue.map { .exact($0) } ?? .symbolic($0) } }
        /// Whether some coordinate of lhs − rhs is a nonzero constant.
        func differsEverywhere(_ lhs: [Polynomial], _ rhs: [Polynomial]) -> Bool {
            zip(lhs, rhs).contains { a, b in ((a - b).constantValue.map { !$0.isZero }) ?? false }
        }
        var points = [[Rational]]()
        for i in 0..<n {
            for scale in [1, 2, -1] {
                var e = zero
                e[i] = Rational(scale)
                points.append(e)
            }
        }
        if n > 1 { points.append(zero.map { _ in Rational.one }) }
        /// The witness of `identity` at (x, y) or (x, c) when its sides differ by a nonzero
        /// constant; `failed` when F cannot be expanded there.
        var failed = false
        func witness(_ identity: Identity, _ x: [Rational], y: [Rational]? = nil, c: Rational? = nil) -> Witness? {
            guard let (lhs, rhs) = identity.sides(x: x, y: y, c: c, in: .symbolicValues, f) else {
                failed = true
                return nil
            }
            return differsEverywhere(lhs, rhs) ? Witness(x: x, y: y, c: c, lhs: values(lhs), rhs: values(rhs)) : nil
        }

        var affinity: Witness? = nil, additivity: Witness? = nil, homogeneity: Witness? = nil
        search: for x in points {
            for y in points {
                if affinity == nil { affinity = witness(.affinity, x, y: y) }
                if additivity == nil { additivity = witness(.additivity, x, y: y) }
                if failed { return nil }
                if affinity != nil && additivity != nil { break search }
            }
        }
        guard let affinity else { return nil }
        search: for x in [zero] + points {
            for c in [Rational(2), Rational(-1), Rational(1, 2), Rational(3)] {
                homogeneity = witness(.homogeneity, x, c: c)
                if failed || homogeneity != nil { break search }
            }
        }
        let degree = outputs.map(\.totalDegree).max() ?? 0
        return .refuted(affinity: affinity, additivity: additivity, homogeneity: homogeneity, .symbolicPolynomial(degree: degree))
    }
}
