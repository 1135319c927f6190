public import ExactNumbers
public import Algebra

/// A sufficient exact test that a multivariate polynomial is bounded below: q = SOS + d.
///
/// The half-degree monomials m = (m_1, ..., m_r, 1) (those whose square is a term of q with
/// a positive coefficient, and the constant monomial last) and a Gram matrix G with
/// q = mᵀ G m, built by splitting each term's coefficient equally among the pairs
/// (m_i, m_j) with m_i m_j equal to it. An exact LDLᵀ factorisation G = L D Lᵀ (L unit lower
/// triangular, no pivoting) then gives q = Σ_k d_k ((Lᵀ m)_k)²; the last entry of Lᵀ m is
/// the constant 1, so when d_1, ..., d_{r} >= 0, q(x) >= d_{r+1} for every real x.
///
/// The test is sufficient, not necessary: a polynomial that is bounded below with no Gram
/// matrix of this shape is reported as `nil` (undecided), never guessed.
///
/// Complexity: O(r³) rational operations; r is capped by `maxMonomials`.
public enum SumOfSquares {
    /// A rational d with q(x) >= d for every real x, proved by an exact LDLᵀ of a Gram
    /// matrix; nil when this test does not settle it.
    public static func lowerBound(_ q: Polynomial, maxMonomials: Int = 48) -> Rational? {
        if let c = q.constantValue { return c }
        let terms = q.terms
        guard q.totalDegree % 2 == 0 else { return nil }
        // Half-degree monomials whose square is a positive term of q.
        var half = [Monomial]()
        for (m, c) in terms where c.signum > 0 && !m.isOne {
            guard m.powers.allSatisfy({ $0.exponent % 2 == 0 }) else { continue }
            var powers = [Symbol: Int]()
            for (s, e) in m.powers { powers[s] = e / 2 }
            half.append(Monomial(powers))
        }
        half.sort()
        half.append(.one)
        let r = half.count
        guard r <= maxMonomials else { return nil }
        var index = [Monomial: [(Int, Int)]]()
        for i in 0..<r {
            for j in i..<r { index[half[i] * half[j], default: []].append((i, j)) }
        }
        var g = Array(repeating: Array(repeating: Rational.zero, count: r), count: r)
        for (m, c) in terms {
            guard let pairs = index[m], !pairs.isEmpty else { return nil }
            let share = c / Rational(pairs.count)
            for (i, j) in pairs {
                if i == j {
                    g[i][i] += share
                } else {
                    let half = share / Rational(2)
                    g[i][j] += half
                    g[j][i] += half
                }
            }
        }
        // LDLᵀ without pivoting: pivots must be non-negative, a zero pivot needs a zero column.
        for k in 0..<r {
            let pivot = g[k][k]
            if k == r - 1 { return pivot }
            if pivot.signum < 0 { return nil }
            if pivot.isZero {
                for i in (k + 1)..<r where !g[i][k].isZero { return nil }
                continue
            }
            for i in (k + 1)..<r where !g[i][k].isZero {
                let factor = g[i][k] / pivot
                for j in (k + 1)...i { g[i][j] -= factor * g[k][j] }
                for j in (k + 1)...i { g[j][i] = g[i][j] }
            }
        }
        return nil
    }
}
