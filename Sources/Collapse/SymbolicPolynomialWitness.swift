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
        func values(_ v: [Polynomial]) -> [ExactValue] {
            v.map { $0.constantValue.map { .exact($0) } ?? .symbolic($0) }
        }
        /// Whether some coordinate of lhs − rhs is nonzero for every real value of the symbols.
        func differsEverywhere(_ lhs: [Polynomial], _ rhs: [Polynomial]) -> Bool {
            zip(lhs, rhs).contains { a, b in neverZero(a - b) }
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
        search: for x in [zero] + points {
            for y in [zero] + points {
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
        return .refuted(
            affinity: affinity, additivity: additivity, homogeneity: homogeneity, .symbolicPolynomial(degree: degree))
    }

    /// Whether `p` is nonzero for every real value of its symbols (a sufficient test): a
    /// nonzero constant, or a nonzero constant plus terms that are all even powers with
    /// coefficients of the constant's sign (then |p| >= |constant| > 0), as −a² − 2.
    static func neverZero(_ p: Polynomial) -> Bool {
        if let constant = p.constantValue { return !constant.isZero }
        let constant = p.coefficient(of: .one)
        guard !constant.isZero else { return false }
        return p.terms.allSatisfy { monomial, coefficient in
            coefficient.signum == constant.signum && monomial.exponents.allSatisfy { $0 % 2 == 0 }
        }
    }
}
