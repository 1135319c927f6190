/// A floating-point simplex that only proposes: the program of `LinearFeasibility.deepen`
/// (maximise t with aᵢ·x + sᵢ·t ≤ bᵢ on the strict rows, aᵢ·x ≤ bᵢ on the others, t ≤ 1),
/// solved in `Double` from the start, each strict row scaled by sᵢ = max |aᵢⱼ| so that t is
/// a margin of comparable size on every row. Nothing it returns is trusted: the caller
/// confirms a proposed point by exact evaluation and a proposed empty answer by an exact
/// Farkas combination of the rows it names (`ConfirmedFeasibility`).
enum FloatSimplex {
    /// What the floating-point program suggests.
    enum Proposal {
        /// A point with margin t > 0 (strict rows likely strict).
        case point([Double])
        /// t ≤ 0 at the optimum: the rows (indices into the expanded rows) that were tight,
        /// where an exact Farkas combination should be found.
        case empty(tight: [Int])
    }

    /// Rows: coefficients a, bound b, whether the row carries t (strict), n variables.
    /// Nil when the floating-point pivoting gives up (iteration cap, non-finite values).
    static func propose(rows a: [[Double]], bounds b: [Double], strict: [Bool], start x0: [Double]) -> Proposal? {
        propose(flatRows: a.flatMap { $0 }, bounds: b, strict: strict, start: x0)
    }

    /// `propose(rows:bounds:strict:start:)` with the rows' coefficients in one row-major array
    /// (`flatRows[i·n + j]` for row i, variable j, n = `start.count`).
    static func propose(flatRows a: [Double], bounds b: [Double], strict: [Bool], start x0: [Double]) -> Proposal? {
        let n = x0.count, m = b.count
        let k = n + 1
        var scale = [Double](repeating: 1, count: m)
        var t0 = 1.0
        var beta = [Double](repeating: 0, count: m + 1)
        var alpha = [Double](repeating: 0, count: (m + 1) * k)
        for i in 0..<m {
            var ax = 0.0
            var s = 0.0
            for j in 0..<n {
                ax += a[i * n + j] * x0[j]; s = max(s, abs(a[i * n + j]))
            }
            if strict[i] {
                scale[i] = s > 0 ? s : 1
                t0 = min(t0, (b[i] - ax) / scale[i])
            }
            beta[i] = b[i] - ax
        }
        guard t0.isFinite else { return nil }
        // Variables: w = x − x₀ (free), t′ = t − t₀ (free); slackᵢ = βᵢ − aᵢ·w − sᵢ·t′ ≥ 0.
        for i in 0..<m {
            if strict[i] { beta[i] -= scale[i] * t0 }
            beta[i] = max(beta[i], 0)
            for j in 0..<n { alpha[i * k + j] = -a[i * n + j] }
            alpha[i * k + n] = strict[i] ? -scale[i] : 0
        }
        // t ≤ 1.
        beta[m] = max(1 - t0, 0)
        alpha[m * k + n] = -1
        let rows = m + 1
        var gamma = [Double](repeating: 0, count: k)
        gamma[n] = 1
        var value = 0.0
        var basic = Array(k..<(k + rows))
        var nonbasic = Array(0..<k)
        let eps = 1e-11
        var iterations = 0
        var bland = false
        while true {
            iterations += 1
            if iterations > 4 * (rows + k) + 50 { return nil }
            var enter = -1
            var best = 0.0
            for j in 0..<k {
                let g = gamma[j]
                let eligible = nonbasic[j] < k ? abs(g) > eps : g > eps
                guard eligible else { continue }
                if bland {
                    if enter < 0 || nonbasic[j] < nonbasic[enter] { enter = j }
                } else if abs(g) > best {
                    best = abs(g); enter = j
                }
            }
            if enter < 0 { break }
            let sigma: Double = gamma[enter] > 0 ? 1 : -1
            var leave = -1
            var ratio = Double.infinity
            for i in 0..<rows where basic[i] >= k {
                let rate = alpha[i * k + enter] * sigma
                guard rate < -eps else { continue }
                let r = beta[i] / -rate
                if r < ratio - 1e-12 || (r <= ratio + 1e-12 && leave >= 0 && basic[i] < basic[leave]) {
                    if r < ratio { ratio = r }
                    leave = i
                }
            }
            if leave < 0 { return nil }
            if beta[leave] <= eps { bland = true }
            // Pivot: x_e leaves nonbasic, the basic variable of row r becomes nonbasic.
            let p = alpha[leave * k + enter]
            let row = leave * k
            // x_e = (−β_r − Σ_{j≠e} α_rj·xⱼ + x_r)/p.
            var newRow = [Double](repeating: 0, count: k)
            for j in 0..<k where j != enter { newRow[j] = -alpha[row + j] / p }
            newRow[enter] = 1 / p
            let newBeta = -beta[leave] / p
            for i in 0..<rows where i != leave {
                let f = alpha[i * k + enter]
                if f == 0 { continue }
                beta[i] += f * newBeta
                if beta[i] < 0, basic[i] >= k { beta[i] = max(beta[i], 0) }
                for j in 0..<k where j != enter { alpha[i * k + j] += f * newRow[j] }
                alpha[i * k + enter] = f * newRow[enter]
            }
            let f = gamma[enter]
            value += f * newBeta
            for j in 0..<k where j != enter { gamma[j] += f * newRow[j] }
            gamma[enter] = f * newRow[enter]
            beta[leave] = newBeta
            for j in 0..<k { alpha[row + j] = newRow[j] }
            swap(&basic[leave], &nonbasic[enter])
            guard value.isFinite else { return nil }
        }
        let t = t0 + value
        if t > 1e-9 {
            var x = x0
            for i in 0..<rows where basic[i] < n { x[basic[i]] += beta[i] }
            return x.allSatisfy(\.isFinite) ? .point(x) : nil
        }
        return .empty(tight: nonbasic.filter { $0 >= k && $0 - k < m }.map { $0 - k })
    }
}
