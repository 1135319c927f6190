import ExactNumbers
import Algebra
import NetworkModel

/// The contract's identities read on a domain D, for a map proved equal to F on D, and the
/// exact tests of whether any points to quantify over exist.
///
/// - affinity (midpoint): D is convex, so (x+y)/2 ∈ D for x, y ∈ D, and an affine F satisfies
///   F((x+y)/2) = (F(x) + F(y))/2: it holds.
/// - additivity over x, y, x+y ∈ D: F(x+y) − F(x) − F(y) = −b'. It holds when b' = 0, fails
///   with a witness when b' ≠ 0 and such x, y exist (one exact linear program in 2n
///   variables), and is `null` when none exist.
/// - homogeneity over x, c·x ∈ D (c ≠ 1; c = 1 says nothing): F(c·x) − c·F(x) = (1 − c)·b'.
///   Such a pair exists exactly when 0 ∈ D (x = 0, c = 2) or a ray from the origin meets D in
///   more than one point: with μ = 1/c, {x ∈ D, x/μ ∈ D} = {A x ≤ b, A x ≤ μ·b}, linear in
///   (x, μ), so two linear programs (largest μ ≤ 2 and smallest μ ≥ 1/2) decide it; μ ≠ 1
///   gives the pair (x, c = 1/μ). Negative c would put 0 on the segment [x, c·x] ⊂ D.
enum DomainIdentities {
    /// x, y with x, y, x+y ∈ D, or nil when there are none.
    static func additivePair(_ g: DomainGeometry) -> ([Rational], [Rational])? {
        let n = g.inputDimension
        let zero = [Rational](repeating: .zero, count: n)
        var system = [LinearConstraint]()
        for c in g.constraints {
            system.append(LinearConstraint(c.coefficients + zero, c.relation, c.bound))
            system.append(LinearConstraint(zero + c.coefficients, c.relation, c.bound))
            system.append(LinearConstraint(c.coefficients + c.coefficients, c.relation, c.bound))
        }
        guard let p = LinearFeasibility.point(satisfying: system, dimension: 2 * n) else { return nil }
        let x = Array(p.prefix(n)), y = Array(p.suffix(n))
        return g.contains(x) && g.contains(y) && g.contains(zip(x, y).map { $0 + $1 }) ? (x, y) : nil
    }

    /// x and c ≠ 1 with x, c·x ∈ D, or nil when there are none.
    static func homogeneousPair(_ g: DomainGeometry) -> ([Rational], Rational)? {
        let n = g.inputDimension
        let zero = [Rational](repeating: .zero, count: n)
        if g.contains(zero) { return (zero, Rational(2)) }
        let (a, b) = g.rows
        var rows = [[Rational]](), bounds = [Rational]()
        for (row, bound) in zip(a, b) {
            rows.append(row + [.zero]); bounds.append(bound)
            rows.append(row + [-bound]); bounds.append(.zero)
        }
        rows.append(zero + [.one]); bounds.append(Rational(2))
        rows.append(zero + [Rational(-1)]); bounds.append(Rational(-1, 2))
        for direction in [Rational.one, Rational(-1)] {
            let objective = zero + [direction]
            guard
                case .optimal(let p, _, _) = Simplex.maximize(
                    objective: objective, rows: rows, bounds: bounds, start: g.point + [.one])
            else { continue }
            let mu = p[n]
            guard mu != .one, mu.signum > 0 else { continue }
            let x = Array(p.prefix(n)), c = mu.reciprocal
            if g.contains(x), g.contains(x.map { c * $0 }) { return (x, c) }
        }
        return nil
    }

    /// The three checks for F = map on D.
    static func collapsed(_ map: CollapsedMap, geometry g: DomainGeometry) -> (
        additivity: IdentityCheck, homogeneity: IdentityCheck, affinity: IdentityCheck
    ) {
        let apply: ([Rational]) -> [ExactValue] = { x in
            switch map {
            case .numeric(let m): return m.apply(x).map { .exact($0) }
            case .symbolic(let m): return m.apply(x.map { Polynomial($0) }).map { .symbolic($0) }
            }
        }
        let affinity = IdentityCheck(identity: .affinity, holds: true, witness: nil, residual: nil)
        var additivity = IdentityCheck(identity: .additivity, holds: nil, witness: nil, residual: nil)
        if let (x, y) = additivePair(g) {
            if map.biasIsZero {
                additivity = IdentityCheck(identity: .additivity, holds: true, witness: nil, residual: nil)
            } else {
                let lhs = apply(zip(x, y).map { $0 + $1 }), rhs = addVectors(apply(x), apply(y))
                additivity = IdentityCheck(
                    identity: .additivity, holds: false, witness: Witness(x: x, y: y, c: nil, lhs: lhs, rhs: rhs),
                    residual: nil)
            }
        }
        var homogeneity = IdentityCheck(identity: .homogeneity, holds: nil, witness: nil, residual: nil)
        if let (x, c) = homogeneousPair(g) {
            if map.biasIsZero {
                homogeneity = IdentityCheck(identity: .homogeneity, holds: true, witness: nil, residual: nil)
            } else {
                let lhs = apply(x.map { c * $0 }), rhs = scaleVector(apply(x), by: c)
                homogeneity = IdentityCheck(
                    identity: .homogeneity, holds: false, witness: Witness(x: x, y: nil, c: c, lhs: lhs, rhs: rhs),
                    residual: nil)
            }
        }
        return (additivity, homogeneity, affinity)
    }
}
