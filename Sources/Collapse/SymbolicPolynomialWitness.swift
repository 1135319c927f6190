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
        guard let f0 = f(zero) else { return nil }

        var affinity: Witness? = nil, additivity: Witness? = nil, homogeneity: Witness? = nil
        search: for x in [zero] + points {
            for y in [zero] + points {
                guard let fx = f(x), let fy = f(y), let fxy = f(zip(x, y).map { $0 + $1 }) else { return nil }
                let sum = zip(fx, fy).map { $0 + $1 }
                if affinity == nil {
                    let lhs = zip(fxy, f0).map { $0 + $1 }
                    if differsEverywhere(lhs, sum) {
                        affinity = Witness(x: x, y: y, c: nil, lhs: values(lhs), rhs: values(sum))
                    }
                }
                if additivity == nil, differsEverywhere(fxy, sum) {
                    additivity = Witness(x: x, y: y, c: nil, lhs: values(fxy), rhs: values(sum))
                }
                if affinity != nil && additivity != nil { break search }
            }
        }
        guard let affinity else { return nil }
        search: for x in [zero] + points {
            guard let fx = f(x) else { break }
            for c in [Rational(2), Rational(-1), Rational(1, 2), Rational(3)] {
                guard let fcx = f(x.map { c * $0 }) else { break search }
                let scaled = fx.map { Polynomial(c) * $0 }
                if differsEverywhere(fcx, scaled) {
                    homogeneity = Witness(x: x, y: nil, c: c, lhs: values(fcx), rhs: values(scaled))
                    break search
                }
            }
        }
        let degree = outputs.map(\.totalDegree).max() ?? 0
        return .refuted(affinity: affinity, additivity: additivity, homogeneity: homogeneity, .symbolicPolynomial(degree: degree))
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
