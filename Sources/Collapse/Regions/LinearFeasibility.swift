public import ExactNumbers

/// Exact feasibility of systems of linear conditions, with a witness point.
///
/// A system {aᵢ·x ≤ bᵢ, aⱼ·x < bⱼ, a_k·x = b_k} is decided with at most two exact linear
/// programs (`Simplex`):
/// 1. find a point of the closed system: maximise s subject to aᵢ·x + s ≤ bᵢ for every
///    inequality, ±(a_k·x − b_k) + s ≤ 0 for every equality, and s ≤ 0, started at x = 0 and
///    s = min(0, bᵢ, ...); the closed system is feasible exactly when the optimum is s = 0;
/// 2. when there are strict conditions, push the point inside them: maximise t subject to
///    aⱼ·x + t ≤ bⱼ for the strict ones, the others unchanged, and t ≤ 1; the system is
///    feasible exactly when t > 0, and the optimal x satisfies every strict condition with
///    slack at least t.
///
/// `interiorPoint` makes every inequality strict: a point in the interior of the polyhedron
/// (relative to the equalities), which exists exactly when the region is full-dimensional
/// within the equalities.
public enum LinearFeasibility {
    /// A point satisfying every condition (strict ones strictly), or nil when none exists.
    /// Precondition: every condition has `dimension` coefficients.
    public static func point(satisfying constraints: [LinearConstraint], dimension n: Int) -> [Rational]? {
        var lpCount = 0
        return point(satisfying: constraints, dimension: n, lpCount: &lpCount)
    }

    /// A point satisfying the equalities and every inequality strictly, or nil.
    public static func interiorPoint(of constraints: [LinearConstraint], dimension n: Int) -> [Rational]? {
        let strict = constraints.map { c in
            c.relation == .lessOrEqual ? LinearConstraint(c.coefficients, .less, c.bound) : c
        }
        return point(satisfying: strict, dimension: n)
    }

    /// `point(satisfying:dimension:)`, counting the linear programs solved.
    static func point(satisfying constraints: [LinearConstraint], dimension n: Int, lpCount: inout Int) -> [Rational]? {
        // Phase 1: a point of the closed system.
        var rows = [[Rational]](), bounds = [Rational]()
        for c in constraints {
            switch c.relation {
            case .lessOrEqual, .less:
                rows.append(c.coefficients + [.one]); bounds.append(c.bound)
            case .equal:
                rows.append(c.coefficients + [.one]); bounds.append(c.bound)
                rows.append(c.coefficients.map { -$0 } + [.one]); bounds.append(-c.bound)
            }
        }
        rows.append([Rational](repeating: .zero, count: n) + [.one]); bounds.append(.zero)
        let s0 = bounds.reduce(Rational.zero) { Rational.min($0, $1) }
        let objective = [Rational](repeating: .zero, count: n) + [.one]
        lpCount += 1
        guard
            case .optimal(let p, let value, _) = Simplex.maximize(
                objective: objective, rows: rows, bounds: bounds,
                start: [Rational](repeating: .zero, count: n) + [s0]),
            value.isZero
        else { return nil }
        let closedPoint = Array(p.prefix(n))
        guard constraints.contains(where: { $0.relation == .less }) else { return closedPoint }
        return deepen(constraints, dimension: n, start: closedPoint, lpCount: &lpCount)
    }

    /// Phase 2: from `start`, which satisfies the closed system (strict conditions at least
    /// with ≤), a point satisfying the strict conditions strictly, or nil when none exists.
    /// The start may violate strict rows too: t starts negative enough to make it feasible.
    static func deepen(_ constraints: [LinearConstraint], dimension n: Int, start: [Rational], lpCount: inout Int)
        -> [Rational]?
    {
        if !Simplex.usesReference,
            let answer = FractionFreeSimplex.deepen(Int.self, constraints, dimension: n, start: start)
                ?? FractionFreeSimplex.deepen(BigInt.self, constraints, dimension: n, start: start)
        {
            // The same program as integers (see `FractionFreeSimplex.deepen`).
            switch answer {
            case .start: return start
            case .point(let p): lpCount += 1; return p
            case .empty: lpCount += 1; return nil
            }
        }
        if constraints.allSatisfy({ $0.isSatisfied(by: start) }) { return start }
        var rows = [[Rational]](), bounds = [Rational]()
        var t0 = Rational.one
        for c in constraints {
            switch c.relation {
            case .less:
                rows.append(c.coefficients + [.one]); bounds.append(c.bound)
                t0 = Rational.min(t0, c.bound - c.value(at: start))
            case .lessOrEqual:
                rows.append(c.coefficients + [.zero]); bounds.append(c.bound)
            case .equal:
                rows.append(c.coefficients + [.zero]); bounds.append(c.bound)
                rows.append(c.coefficients.map { -$0 } + [.zero]); bounds.append(-c.bound)
            }
        }
        rows.append([Rational](repeating: .zero, count: n) + [.one]); bounds.append(.one)
        let objective = [Rational](repeating: .zero, count: n) + [.one]
        lpCount += 1
        guard
            case .optimal(let p, let t, _) = Simplex.maximize(
                objective: objective, rows: rows, bounds: bounds, start: start + [t0]),
            t.signum > 0
        else { return nil }
        return Array(p.prefix(n))
    }

    /// The largest value of `objective`·x over the closed system {constraints with ≤ for <},
    /// from a feasible `start`; nil when unbounded.
    static func maximum(
        of objective: [Rational], over constraints: [LinearConstraint], start: [Rational], lpCount: inout Int
    ) -> Rational? {
        var rows = [[Rational]](), bounds = [Rational]()
        for c in constraints {
            rows.append(c.coefficients); bounds.append(c.bound)
            if c.relation == .equal { rows.append(c.coefficients.map { -$0 }); bounds.append(-c.bound) }
        }
        lpCount += 1
        guard
            case .optimal(_, let value, _) = Simplex.maximize(
                objective: objective, rows: rows, bounds: bounds, start: start)
        else { return nil }
        return value
    }

    /// The conditions of a region that are not implied by the others (over the closure of
    /// the region), in their order; `point` must satisfy all of them.
    public static func irredundant(_ constraints: [LinearConstraint], point: [Rational]) -> [LinearConstraint] {
        var lpCount = 0
        var kept = constraints
        var i = 0
        while i < kept.count {
            let c = kept[i]
            if c.relation == .equal { i += 1; continue }
            var others = kept
            others.remove(at: i)
            if let maximum = maximum(of: c.coefficients, over: others, start: point, lpCount: &lpCount),
                maximum <= c.bound
            {
                kept = others
            } else {
                i += 1
            }
        }
        return kept
    }
}
