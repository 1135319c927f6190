import ExactNumbers

extension Polynomial {
    /// The exact quotient q with q · divisor == self, or nil when divisor does not divide self
    /// in ℚ[symbols].
    ///
    /// Multivariate division by leading terms in the graded-lex monomial order: when divisor
    /// divides self, the leading monomial of every remainder is divisible by the divisor's
    /// leading monomial, so the first failure proves non-divisibility. Constant divisors divide
    /// every polynomial (coefficients are rational). This is the exact division of fraction-free
    /// (Bareiss) elimination over polynomials.
    ///
    /// Precondition: divisor is not zero.
    public func dividedExactly(by divisor: Polynomial) -> Polynomial? {
        precondition(!divisor.isZero, "Polynomial division by zero")
        if let c = divisor.constantValue { return scaled(by: c.reciprocal) }
        if isZero { return .zero }
        if isConstant { return nil }  // a nonzero constant over a non-constant divisor
        guard divisor.totalDegree <= totalDegree else { return nil }
        guard let (leadMonomial, leadCoefficient) = divisor.leadingTerm else { return nil }
        let inverseLead = leadCoefficient.reciprocal
        var remainder = self
        var quotient: [Monomial: Rational] = [:]
        while let (m, c) = remainder.leadingTerm {
            guard let qm = m.dividedExactly(by: leadMonomial) else { return nil }
            let qc = c * inverseLead
            quotient[qm] = qc
            remainder -= divisor * Polynomial(coefficient: qc, monomial: qm)
        }
        return Polynomial(normalizing: quotient)
    }
}
