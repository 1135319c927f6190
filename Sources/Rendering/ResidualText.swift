import ExactNumbers
import Algebra

/// An identity's residual factored where it factors in the scalar: the homogeneity residual
/// F(c·x) − c·F(x) of an affine map is (1 − c)·b', shown as `(1 - c)*(b1*w1 + b2)` rather
/// than its expansion `b1*w1 + b2 - c*b1*w1 - c*b2` (`Polynomial.content(in:)`). Entries that
/// do not factor are shown expanded.
enum ResidualText {
    /// The univariate factor u(s) in increasing powers, for code: `1 - c`, `c`, `1 - c^2`.
    static func factorText(_ factor: [Rational], _ s: String, power: (String, Int) -> String) -> String {
        var out = ""
        for (e, c) in factor.enumerated() where !c.isZero {
            let magnitude = c.magnitude
            let body: String
            if e == 0 {
                body = magnitude.description
            } else {
                body = (magnitude.isOne ? "" : magnitude.description + "*") + power(s, e)
            }
            if out.isEmpty {
                out = (c.signum < 0 ? "-" : "") + body
            } else {
                out += (c.signum < 0 ? " - " : " + ") + body
            }
        }
        return out
    }

    /// Whether u(s) is a single term (printed without parentheses when it is the whole factor).
    static func isMonomial(_ factor: [Rational]) -> Bool { factor.filter { !$0.isZero }.count == 1 }

    /// One nonzero coefficient, and it is positive: the factor is written without a sign and
    /// needs no parentheses.
    static func isPositiveMonomial(_ factor: [Rational]) -> Bool {
        isMonomial(factor) && factor.contains { $0.signum > 0 }
    }

    /// A residual entry for the text report: factored as `(1 - c)*(…)` when it factors,
    /// else the expansion.
    static func text(_ p: Polynomial, scalar: String) -> String {
        guard let (u, q) = p.content(in: Symbol(scalar)) else { return p.description }
        let factor = factorText(u, scalar) { $1 == 1 ? $0 : "\($0)^\($1)" }
        let left = isPositiveMonomial(u) ? factor : "(\(factor))"
        if let c = q.constantValue { return c.isOne ? left : "\(left)*\(c.signum < 0 ? "(\(c))" : c.description)" }
        let positiveTerm = q.termCount == 1 && q.sortedTerms[0].coefficient.signum > 0
        return positiveTerm ? "\(left)*\(q)" : "\(left)*(\(q))"
    }
}
