import ExactNumbers
import Algebra

/// SMT-LIB 2.6 text for exact numbers and polynomials (the theory of reals).
///
/// A rational p/q is the term `(/ p q)`, a negative one `(- (/ p q))`, an integer `5` or
/// `(- 5)`: exact terms, never decimals. A polynomial Σ c·m is a sum of products of its
/// coefficient and the symbols of its monomial, each symbol written through `name`.
enum SMTText {
    /// The exact term of a rational: `0`, `5`, `(- 5)`, `(/ 3 4)`, `(- (/ 3 4))`.
    static func rational(_ r: Rational) -> String {
        let magnitude = r.magnitude
        let body =
            magnitude.isInteger
            ? magnitude.numerator.description
            : "(/ \(magnitude.numerator) \(magnitude.denominator))"
        return r.signum < 0 ? "(- \(body))" : body
    }

    /// The term of a polynomial whose symbols are written by `name`.
    static func polynomial(_ p: Polynomial, name: (Symbol) -> String) -> String {
        if let c = p.constantValue { return rational(c) }
        let terms = p.sortedTerms.map { term -> String in
            var factors = [String]()
            for (symbol, exponent) in term.monomial.powers {
                factors += Array(repeating: name(symbol), count: exponent)
            }
            if !term.coefficient.isOne { factors.insert(rational(term.coefficient), at: 0) }
            return factors.count == 1 ? factors[0] : "(* \(factors.joined(separator: " ")))"
        }
        return sum(terms)
    }

    /// `(+ a b ...)`, `a` for one term, `0` for none.
    static func sum(_ terms: [String]) -> String {
        switch terms.count {
        case 0: return "0"
        case 1: return terms[0]
        default: return "(+ \(terms.joined(separator: " ")))"
        }
    }

    /// `(and a b ...)`, `a` for one, `true` for none.
    static func and(_ terms: [String]) -> String {
        switch terms.count {
        case 0: return "true"
        case 1: return terms[0]
        default: return "(and \(terms.joined(separator: " ")))"
        }
    }

    /// `(or a b ...)`, `a` for one, `false` for none.
    static func or(_ terms: [String]) -> String {
        switch terms.count {
        case 0: return "false"
        case 1: return terms[0]
        default: return "(or \(terms.joined(separator: " ")))"
        }
    }

    /// c·t as a term: `t` when c = 1, nothing when c = 0.
    static func scaled(_ c: Rational, _ t: String) -> String? {
        if c.isZero { return nil }
        if c.isOne { return t }
        return "(* \(rational(c)) \(t))"
    }

    /// A named real value: `(declare-fun name () Real)` and `(assert (= name term))`.
    static func named(_ name: String, _ term: String) -> String {
        "(declare-fun \(name) () Real)\n(assert (= \(name) \(term)))\n"
    }

    /// A comment line (`; text`), newlines in `text` becoming further comment lines.
    static func comment(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "; \($0)" }.joined(separator: "\n") + "\n"
    }
}
