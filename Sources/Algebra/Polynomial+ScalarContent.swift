public import ExactNumbers

extension Polynomial {
    /// The factorisation self = u(s) · q, when it exists, with u a univariate polynomial in the
    /// symbol s that actually depends on s (coefficients u₀, u₁, … of s⁰, s¹, …, the lowest
    /// nonzero one equal to 1) and q free of s: the content of self seen as a polynomial in s
    /// over the other symbols, when all its coefficients are rational multiples of one
    /// polynomial. (1 − c)·b₁ − (1 − c)·b₂ is u = 1 − c, q = b₁ − b₂. Nil when self does not
    /// depend on s, or its coefficients in s are not proportional. The product u · q is
    /// checked to equal self exactly.
    public func content(in s: Symbol) -> (factor: [Rational], cofactor: Polynomial)? {
        var groups: [Int: [Monomial: Rational]] = [:]
        for (monomial, coefficient) in terms {
            let e = monomial.exponent(of: s)
            let rest = e == 0 ? monomial : monomial.dividedExactly(by: Monomial(s, exponent: e))!
            groups[e, default: [:]][rest] = coefficient
        }
        guard groups.count >= 2 || (groups.count == 1 && groups.keys.first! > 0) else { return nil }
        let lowest = groups.keys.min()!
        let q = Polynomial(terms: groups[lowest]!)
        guard let (pivot, pivotCoefficient) = q.terms.first else { return nil }
        var factor = [Rational](repeating: .zero, count: groups.keys.max()! + 1)
        for (e, group) in groups {
            guard group.count == q.terms.count, let c = group[pivot] else { return nil }
            let ratio = c / pivotCoefficient
            guard Polynomial(terms: group) == q.scaled(by: ratio) else { return nil }
            factor[e] = ratio
        }
        var u = Polynomial.zero
        for (e, c) in factor.enumerated() where !c.isZero {
            u += Polynomial(coefficient: c, monomial: e == 0 ? .one : Monomial(s, exponent: e))
        }
        guard u * q == self else { return nil }
        return (factor, q)
    }
}
