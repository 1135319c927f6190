public import ExactNumbers
import Algebra
public import NetworkModel

/// An input domain D (contract §5) as a polyhedron the exact simplex can work with.
///
/// D = {x : lo ≤ x ≤ hi, a·x ≤ b, a'·x ≥ b'} becomes conditions a·x ≤ b and a·x = b
/// (`LinearConstraint`). Implicit equalities (inequalities that hold with equality at every
/// point of D, such as lo = hi, or x1 + x2 ≤ 1 with x1 + x2 ≥ 1) are made explicit, so that
/// `constraints` describe D with `.equal` rows spanning the affine hull aff(D) and `.lessOrEqual`
/// rows that can all be strict at once; `point` is such a relative-interior point.
/// `affineDimension` = n − rank(equalities) is the dimension of D. Every decision is an exact
/// linear program (`LinearFeasibility`).
public struct DomainGeometry: Sendable {
    /// The domain as the user gave it.
    public let domain: InputDomain
    /// The number of inputs.
    public let inputDimension: Int
    /// D as `.lessOrEqual` and `.equal` conditions (implicit equalities explicit).
    public let constraints: [LinearConstraint]
    /// A point in the relative interior of D.
    public let point: [Rational]
    /// The dimension of D (of its affine hull).
    public let affineDimension: Int

    /// The geometry of `domain` for `n` inputs, or nil when D is empty (decided exactly).
    public init?(_ domain: InputDomain, inputDimension n: Int) {
        self.domain = domain
        inputDimension = n
        var raw = [LinearConstraint]()
        for (i, interval) in domain.box.enumerated() where i < n {
            var e = [Rational](repeating: .zero, count: n)
            e[i] = .one
            if let lo = interval.lo, let hi = interval.hi, lo == hi {
                raw.append(LinearConstraint(e, .equal, lo))
                continue
            }
            if let hi = interval.hi { raw.append(LinearConstraint(e, .lessOrEqual, hi)) }
            if let lo = interval.lo { raw.append(LinearConstraint(e.map { -$0 }, .lessOrEqual, -lo)) }
        }
        for c in domain.constraints {
            let a = c.relation == .lessOrEqual ? c.coefficients : c.coefficients.map { -$0 }
            let b = c.relation == .lessOrEqual ? c.bound : -c.bound
            if a.allSatisfy(\.isZero) {
                if b.signum < 0 { return nil }
                continue
            }
            raw.append(LinearConstraint(a, .lessOrEqual, b).normalized())
        }
        guard let feasible = LinearFeasibility.point(satisfying: raw, dimension: n) else { return nil }
        var system = raw
        var interior = LinearFeasibility.interiorPoint(of: system, dimension: n)
        if interior == nil {
            // Some inequalities are implicit equalities: those that cannot be strict alone.
            for (i, c) in system.enumerated() where c.relation == .lessOrEqual {
                var trial = system
                trial[i] = LinearConstraint(c.coefficients, .less, c.bound)
                if LinearFeasibility.point(satisfying: trial, dimension: n) == nil {
                    system[i] = LinearConstraint(c.coefficients, .equal, c.bound)
                }
            }
            interior = LinearFeasibility.interiorPoint(of: system, dimension: n) ?? feasible
        }
        constraints = system
        point = interior!
        let equalities = system.filter { $0.relation == .equal }.map(\.coefficients)
        affineDimension = equalities.isEmpty ? n : n - Matrix<Rational>(rows: equalities).rank()
    }

    /// Whether D has the full dimension n (a nonempty interior).
    public var isFullDimensional: Bool { affineDimension == inputDimension }

    /// The equalities of aff(D), as (normal, bound) pairs.
    var equalities: [LinearConstraint] { constraints.filter { $0.relation == .equal } }

    /// Whether x lies in D (exactly).
    public func contains(_ x: [Rational]) -> Bool { domain.contains(x) }

    /// A vector w with w·x = 1 for every x in aff(D), when 0 is not in aff(D).
    var unitFunctional: [Rational]? {
        guard let e = equalities.first(where: { !$0.bound.isZero }) else { return nil }
        return e.coefficients.map { $0 / e.bound }
    }

    /// Rows A, b with D = {x : A x ≤ b} (equalities as two rows).
    var rows: (a: [[Rational]], b: [Rational]) {
        var a = [[Rational]](), b = [Rational]()
        for c in constraints {
            a.append(c.coefficients); b.append(c.bound)
            if c.relation == .equal { a.append(c.coefficients.map { -$0 }); b.append(-c.bound) }
        }
        return (a, b)
    }

    /// The largest value of objective·x over D and a point attaining it; nil when unbounded.
    func maximize(_ objective: [Rational]) -> (value: Rational, point: [Rational])? {
        let (a, b) = rows
        guard case .optimal(let p, let v, _) = Simplex.maximize(objective: objective, rows: a, bounds: b, start: point)
        else { return nil }
        return (v, p)
    }

    /// The exact range of the affine function g·x + c over D (nil ends: unbounded). For a box
    /// without constraints this is interval arithmetic; otherwise two linear programs.
    func range(of g: [Rational], plus c: Rational) -> (lo: Rational?, hi: Rational?) {
        if g.allSatisfy(\.isZero) { return (c, c) }
        if domain.constraints.isEmpty {
            var lo: Rational? = c, hi: Rational? = c
            for (i, w) in g.enumerated() where !w.isZero {
                let interval = domain.box[i]
                let (low, high) = w.signum > 0 ? (interval.lo, interval.hi) : (interval.hi, interval.lo)
                lo = lo.flatMap { s in low.map { s + w * $0 } }
                hi = hi.flatMap { s in high.map { s + w * $0 } }
            }
            return (lo, hi)
        }
        let hi = maximize(g).map { $0.value + c }
        let lo = maximize(g.map { -$0 }).map { -$0.value + c }
        return (lo, hi)
    }

    /// Deterministic sample points of D (from `rng`): random points of the box when D is a
    /// bounded box, otherwise random convex combinations of the relative-interior point and
    /// optima of random objectives; every point returned is checked to lie in D.
    func samples(_ count: Int, rng: inout SplitMix64) -> [[Rational]] {
        var result = [point]
        let n = inputDimension
        if domain.constraints.isEmpty {
            for _ in 0..<count {
                let x = (0..<n).map { i -> Rational in
                    let interval = domain.box[i]
                    let t = Rational(Int.random(in: 0...1024, using: &rng), 1024)
                    switch (interval.lo, interval.hi) {
                    case (let lo?, let hi?): return lo + t * (hi - lo)
                    case (let lo?, nil): return lo + Rational(4) * t
                    case (nil, let hi?): return hi - Rational(4) * t
                    case (nil, nil): return Rational(8) * t - Rational(4)
                    }
                }
                if contains(x) { result.append(x) }
            }
            return result
        }
        var corners = [point]
        for _ in 0..<min(2 * n + 2, 12) {
            let objective = (0..<n).map { _ in Rational(Int.random(in: -8...8, using: &rng)) }
            if let (_, p) = maximize(objective) { corners.append(p) }
        }
        for _ in 0..<count {
            var weights = corners.map { _ in Rational(Int.random(in: 0...16, using: &rng)) }
            weights[0] += .one
            let total = weights.reduce(Rational.zero, +)
            var x = [Rational](repeating: .zero, count: n)
            for (w, p) in zip(weights, corners) where !w.isZero {
                for i in 0..<n { x[i] += w / total * p[i] }
            }
            if contains(x) { result.append(x) }
        }
        return result
    }
}
