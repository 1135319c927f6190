import ExactNumbers

/// One condition a·x (< or ≤) b for `verify`'s own feasibility test.
struct Condition: Hashable {
    var coefficients: [Rational]
    var bound: Rational
    var strict: Bool
}

/// Exact feasibility by Fourier–Motzkin elimination, independent of the analysis' simplex:
/// eliminate x₁, x₂, ... in turn (every pair of a lower and an upper bound on the variable
/// gives one condition without it, strict when either is), then read the constant
/// conditions 0 < b or 0 ≤ b. Exact for mixed strict and non-strict systems; doubly
/// exponential in the worst case, so `limit` bounds the conditions kept (nil past it).
enum ExactFeasibility {
    static func isFeasible(_ conditions: [Condition], dimension n: Int, limit: Int = 4000) -> Bool? {
        var system = conditions.map(normalize)
        for variable in 0..<n {
            var lower = [Condition](), upper = [Condition](), rest = [Condition]()
            for c in system {
                let a = c.coefficients[variable]
                if a.isZero { rest.append(c) } else if a.signum > 0 { upper.append(c) } else { lower.append(c) }
            }
            var next = Set(rest)
            for u in upper {
                for l in lower {
                    // u: a·x ≤ b with a_v > 0; l: a'·x ≤ b' with a'_v < 0: combine to cancel x_v.
                    let p = -l.coefficients[variable], q = u.coefficients[variable]
                    let coefficients = zip(u.coefficients, l.coefficients).map { p * $0 + q * $1 }
                    next.insert(
                        normalize(
                            Condition(
                                coefficients: coefficients, bound: p * u.bound + q * l.bound,
                                strict: u.strict || l.strict)))
                    if next.count > limit { return nil }
                }
            }
            system = Array(next)
        }
        return system.allSatisfy { $0.strict ? $0.bound.signum > 0 : $0.bound.signum >= 0 }
    }

    /// Scales a condition so its first nonzero coefficient has magnitude 1 (a positive
    /// factor: the same condition; merges duplicates).
    static func normalize(_ c: Condition) -> Condition {
        guard let first = c.coefficients.first(where: { !$0.isZero }) else { return c }
        let f = first.magnitude.reciprocal
        return Condition(coefficients: c.coefficients.map { $0 * f }, bound: c.bound * f, strict: c.strict)
    }
}
