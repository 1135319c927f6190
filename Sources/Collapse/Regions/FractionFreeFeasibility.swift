import ExactNumbers

extension FractionFreeSimplex {
    /// What `LinearFeasibility.deepen` concludes.
    enum DeepenAnswer {
        /// The start satisfies every condition (no program solved).
        case start
        /// The program's optimal point, with every strict condition strict.
        case point([Rational])
        /// No point satisfies the strict conditions strictly.
        case empty
    }

    /// `LinearFeasibility.deepen` as integers from the conditions themselves: the start is
    /// read as u/d, each condition (a, b) as the integer row Lᵢ·(a, b), its slack at the
    /// start as d·Lᵢ·b − Lᵢ·a·u, and the program (maximise t with a·x + t ≤ b on the strict
    /// rows, t ≤ 1, from (start, t₀)) is built directly as the integer dictionary of
    /// `IntegerProgram`, with no rational arithmetic. The same decisions, t₀, program and
    /// pivots as the rational route, so the same answer. Over machine words (T = Int) first;
    /// nil when a word entry would overflow (never for `BigInt`) or when the start violates a
    /// closed condition (the rational route then stops on it as before).
    static func deepen<T: FractionFreeEntry>(
        _: T.Type, _ constraints: [LinearConstraint], dimension n: Int, start: [Rational]
    ) -> DeepenAnswer? {
        var d = T.one
        for x in start { guard let (_, q) = T.parts(x), let l = T.commonMultiple(d, q) else { return nil }; d = l }
        var u = [T]()
        u.reserveCapacity(n)
        for x in start {
            guard let (p, q) = T.parts(x), let s = T.mul(p, T.divExact(d, q)) else { return nil }; u.append(s)
        }
        // Integer rows: A (n entries) and B per condition, with the scale L and slack d·B − A·u.
        let count = constraints.count
        var rowA = [T]()
        rowA.reserveCapacity(count * n)
        var rowL = [T](), slack = [T]()
        rowL.reserveCapacity(count); slack.reserveCapacity(count)
        var satisfied = true
        // t₀ = min(1, slack/(d·L) over the strict conditions), as tn/td.
        var tn = T.one, td = T.one
        for c in constraints {
            var l = T.one
            for x in c.coefficients where !x.isZero {
                guard let (_, q) = T.parts(x), let m = T.commonMultiple(l, q) else { return nil }; l = m
            }
            guard let (bp, bq) = T.parts(c.bound), let bl = T.commonMultiple(l, bq) else { return nil }
            l = bl
            guard let b = T.mul(bp, T.divExact(l, bq)), var s = T.mul(b, d) else { return nil }
            for (j, x) in c.coefficients.enumerated() {
                if x.isZero { rowA.append(T.zero); continue }
                guard let (p, q) = T.parts(x), let a = T.mul(p, T.divExact(l, q)), let term = T.mul(a, u[j]),
                    let rest = T.sub(s, term)
                else { return nil }
                rowA.append(a)
                s = rest
            }
            rowL.append(l); slack.append(s)
            switch c.relation {
            case .less:
                if s.sign <= 0 { satisfied = false }
                // s/(d·l) < tn/td ⇔ s·td < tn·d·l.
                guard let dl = T.mul(d, l) else { return nil }
                if T.signedProductLess(s, td, tn, dl) { tn = s; td = dl }
            case .lessOrEqual: if s.sign < 0 { satisfied = false }
            case .equal: if s.sign != 0 { satisfied = false }
            }
        }
        if satisfied { return .start }
        let g = T.commonDivisor(tn, td)
        tn = T.divExact(tn, g); td = T.divExact(td, g)
        // The program in x and t from (u/d, tn/td): common denominator d′ = lcm(d, td).
        guard let dt = T.commonMultiple(d, td) else { return nil }
        let fu = T.divExact(dt, d), ft = T.divExact(dt, td)
        guard let tu = T.mul(tn, ft) else { return nil }
        let k = n + 1
        var beta = [T](), alpha = [T](), scale = [T](repeating: dt, count: k)
        beta.reserveCapacity(count + 1); alpha.reserveCapacity((count + 1) * k); scale.reserveCapacity(k + count + 1)
        func addRow(_ i: Int, negate: Bool, t: T) -> Bool {
            // Slack at (u′, tu) over d′: (dt/d)·(±s) − t·tu, where t = L for a strict row.
            let si = negate ? T.negated(slack[i]) : slack[i]
            guard let shifted = T.mul(si, fu), let tt = T.mul(t, tu), let value = T.sub(shifted, tt),
                value.sign >= 0, let sc = T.mul(dt, rowL[i])
            else { return false }
            beta.append(value)
            for j in 0..<n { alpha.append(negate ? rowA[i * n + j] : T.negated(rowA[i * n + j])) }
            alpha.append(T.negated(t))
            scale.append(sc)
            return true
        }
        for (i, c) in constraints.enumerated() {
            switch c.relation {
            case .less: guard addRow(i, negate: false, t: rowL[i]) else { return nil }
            case .lessOrEqual: guard addRow(i, negate: false, t: T.zero) else { return nil }
            case .equal:
                guard addRow(i, negate: false, t: T.zero), addRow(i, negate: true, t: T.zero) else { return nil }
            }
        }
        // t ≤ 1: slack (dt − tu) over d′, coefficient −1 on t.
        guard let last = T.sub(dt, tu) else { return nil }
        beta.append(last)
        for _ in 0..<n { alpha.append(T.zero) }
        alpha.append(T.negated(T.one))
        scale.append(dt)
        var gamma = [T](repeating: T.zero, count: k)
        gamma[n] = T.one
        let program = IntegerProgram<T>(k: k, d: dt, lc: T.one, beta: beta, alpha: alpha, gamma: gamma, scale: scale)
        var objective = [Rational](repeating: .zero, count: k)
        objective[n] = .one
        guard
            let outcome = solve(
                program, objective: objective,
                start: start + [Rational(numerator: tn.bigValue, denominator: td.bigValue)])
        else { return nil }
        guard case .optimal(let p, let t, _) = outcome, t.signum > 0 else { return .empty }
        return .point(Array(p.prefix(n)))
    }
}
