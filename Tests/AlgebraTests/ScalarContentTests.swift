import Algebra
import ExactNumbers
import PropertyBased
import Testing
import TestSupport

private let s = Symbol("s")

@Suite struct ScalarContentTests {
    /// The homogeneity residual (1 − s)·b' factors back into 1 − s and b'.
    @Test func homogeneityResidualFactors() throws {
        let b = try Polynomial.parse("b1*v1 + b2*v2 + c0")
        let residual = (Polynomial.one - Polynomial(s)) * b
        let (u, q) = try #require(residual.content(in: s))
        #expect(u == [Rational.one, Rational(-1)])
        #expect(q == b)
        #expect(Polynomial.zero.content(in: s) == nil)
        #expect(b.content(in: s) == nil, "free of s: nothing to factor")
        #expect(try Polynomial.parse("s*a + b").content(in: s) == nil, "coefficients a, b not proportional")
    }

    /// For random u(s) and q free of s, the content of u·q is (u, q) up to the normalisation
    /// (the lowest nonzero coefficient of u is 1), and u·q rebuilt from it is the product.
    @Test func contentInvertsTheProduct() {
        forAll(
            seed: 41,
            Generator { rng in
                (Arbitrary.polynomial(&rng, symbols: ["a", "b"]), (0...2).map { _ in Arbitrary.rational(&rng) })
            }
        ) { value, note in
            let (q, coefficients) = value
            var u = Polynomial.zero
            for (e, c) in coefficients.enumerated() {
                u += Polynomial(coefficient: c, monomial: e == 0 ? .one : Monomial(s, exponent: e))
            }
            let p = u * q
            guard !q.isZero, coefficients.dropFirst().contains(where: { !$0.isZero }) else {
                #expect(p.content(in: s) == nil, note)
                return
            }
            let found = p.content(in: s)
            #expect(found != nil, note)
            if let (fu, fq) = found {
                var rebuilt = Polynomial.zero
                for (e, c) in fu.enumerated() {
                    rebuilt += Polynomial(coefficient: c, monomial: e == 0 ? .one : Monomial(s, exponent: e))
                }
                #expect(rebuilt * fq == p, note)
                #expect(fu.first(where: { !$0.isZero }) == Rational.one, note)
                #expect(fq.degree(in: s) == 0, note)
            }
        }
    }
}
