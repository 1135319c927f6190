import ExactNumbers

/// An exact simplex method over the rationals for linear programs in free variables:
/// maximise c·v subject to A·v ≤ b, started from a known feasible point.
///
/// The program is shifted so that the start is the origin (v = v₀ + v′, A·v′ ≤ b − A·v₀,
/// a non-negative right-hand side), so no first phase is needed; `LinearFeasibility` builds a
/// feasible start for any system with one auxiliary program. The dictionary has one row per
/// inequality (its slack, ≥ 0) and one column per nonbasic variable. Free variables enter in
/// either direction and never leave the basis. Pivoting follows Dantzig's rule (largest
/// objective coefficient) while the objective strictly improves and switches to Bland's rule
/// (smallest index) for good at the first degenerate pivot, which rules out cycling. Every
/// number is an exact `Rational`: no tolerance, no floating point.
///
/// Complexity: each pivot costs O(m·k) rational operations for m inequalities in k variables.
enum Simplex {
    /// The result of a program.
    enum Outcome: Equatable {
        /// An optimal point, the optimal value, and an optimal dual solution: one multiplier
        /// yᵢ ≥ 0 per row with Σ yᵢ·rows[i] = objective and Σ yᵢ·bounds[i] = value (strong
        /// duality; the certificate of optimality).
        case optimal(point: [Rational], value: Rational, dual: [Rational])
        /// The objective grows without bound along a feasible ray.
        case unbounded
    }

    /// Maximises `objective`·v subject to rows[i]·v ≤ bounds[i], v free, from `start` (which
    /// must satisfy every row). Precondition: `start` is feasible; dimensions agree.
    ///
    /// Solved by `FractionFreeSimplex`: the same pivots on an integer dictionary, so the same
    /// outcome, point and dual as `referenceMaximize`.
    static func maximize(objective c: [Rational], rows a: [[Rational]], bounds b: [Rational], start v0: [Rational])
        -> Outcome
    {
        if usesReference { return referenceMaximize(objective: c, rows: a, bounds: b, start: v0) }
        return FractionFreeSimplex.maximize(objective: c, rows: a, bounds: b, start: v0)
    }

    /// When true (for the task that sets it), `maximize` runs `referenceMaximize`: tests run
    /// whole enumerations both ways and compare them.
    @TaskLocal static var usesReference = false

    /// The reference implementation of `maximize`: the dictionary in reduced rationals. Kept
    /// as the independent computation the fraction-free simplex is tested against.
    static func referenceMaximize(
        objective c: [Rational], rows a: [[Rational]], bounds b: [Rational], start v0: [Rational]
    ) -> Outcome {
        let k = v0.count, m = a.count
        // Dictionary: x_basic[i] = beta[i] + Σ_j alpha[i][j]·x_nonbasic[j]; z = z0 + Σ_j gamma[j]·x_nonbasic[j].
        // Variables 0..<k are the shifted free variables v′, k..<k+m the slacks.
        var beta = [Rational](), alpha = [[Rational]]()
        beta.reserveCapacity(m)
        alpha.reserveCapacity(m)
        for i in 0..<m {
            let slack = b[i] - dot(a[i], v0)
            precondition(slack.signum >= 0, "Simplex.maximize: the start violates row \(i)")
            beta.append(slack)
            alpha.append(a[i].map { -$0 })
        }
        var gamma = c
        var basic = Array(k..<(k + m))
        var nonbasic = Array(0..<k)
        var bland = false

        while true {
            // Entering column.
            var enter = -1
            for j in 0..<nonbasic.count {
                let g = gamma[j]
                let eligible = nonbasic[j] < k ? !g.isZero : g.signum > 0
                guard eligible else { continue }
                if enter < 0 { enter = j; continue }
                if bland {
                    if nonbasic[j] < nonbasic[enter] { enter = j }
                } else if g.magnitude > gamma[enter].magnitude {
                    enter = j
                }
            }
            if enter < 0 { break }
            let sigma = gamma[enter].signum  // +1: the variable increases, −1: it decreases
            // Leaving row: the tightest slack (free basic variables never leave).
            var leave = -1
            var best = Rational.zero
            for i in 0..<m where basic[i] >= k {
                let rate = sigma > 0 ? alpha[i][enter] : -alpha[i][enter]
                guard rate.signum < 0 else { continue }
                let ratio = beta[i] / (-rate)
                if leave < 0 || ratio < best || (ratio == best && basic[i] < basic[leave]) {
                    leave = i
                    best = ratio
                }
            }
            if leave < 0 { return .unbounded }
            if best.isZero { bland = true }
            pivot(row: leave, column: enter, beta: &beta, alpha: &alpha, gamma: &gamma)
            swap(&basic[leave], &nonbasic[enter])
        }
        var shift = [Rational](repeating: .zero, count: k)
        for i in 0..<m where basic[i] < k { shift[basic[i]] = beta[i] }
        let point = zip(v0, shift).map { $0 + $1 }
        // The objective row reads z = z0 + Σ γⱼ·(nonbasic j); at the optimum γⱼ ≤ 0 for every
        // nonbasic slack sᵢ = bᵢ − aᵢ·v and γⱼ = 0 for a nonbasic free variable, so
        // c·v = const − Σ γⱼ·sᵢ gives c = Σ (−γⱼ)·aᵢ: yᵢ = −γⱼ is the dual solution.
        var dual = [Rational](repeating: .zero, count: m)
        for (j, variable) in nonbasic.enumerated() where variable >= k { dual[variable - k] = -gamma[j] }
        return .optimal(point: point, value: dot(c, point), dual: dual)
    }

    /// Exchanges the basic variable of `row` with the nonbasic variable of `column`.
    private static func pivot(
        row r: Int, column e: Int, beta: inout [Rational], alpha: inout [[Rational]], gamma: inout [Rational]
    ) {
        let pivot = alpha[r][e]
        let inverse = pivot.reciprocal
        // Solve row r for the entering variable.
        var newRow = alpha[r].map { -$0 * inverse }
        newRow[e] = inverse
        let newBeta = -beta[r] * inverse
        beta[r] = newBeta
        alpha[r] = newRow
        for i in alpha.indices where i != r {
            let f = alpha[i][e]
            guard !f.isZero else { continue }
            beta[i] += f * newBeta
            for j in newRow.indices where j != e && !newRow[j].isZero { alpha[i][j] += f * newRow[j] }
            alpha[i][e] = f * inverse
        }
        let f = gamma[e]
        if !f.isZero {
            for j in newRow.indices where j != e && !newRow[j].isZero { gamma[j] += f * newRow[j] }
            gamma[e] = f * inverse
        }
    }
}
