public import ExactNumbers

/// A proof that a system of linear conditions has no solution (Farkas' lemma, Motzkin's
/// transposition theorem for strict inequalities): one multiplier per condition, λᵢ ≥ 0 for
/// the inequalities (any sign for equalities), such that Σ λᵢ·aᵢ = 0 and Σ λᵢ·bᵢ ≤ 0, with
/// Σ λᵢ·bᵢ < 0 or λᵢ > 0 for some strict condition. Adding the conditions with these
/// multipliers gives 0 ≤ Σ λᵢ·bᵢ < 0 or 0 < Σ λᵢ·bᵢ ≤ 0: a contradiction anyone can check with
/// a few exact multiplications.
public struct FarkasCertificate: Hashable, Sendable {
    /// The conditions, as stated.
    public let constraints: [LinearConstraint]
    /// One multiplier per condition.
    public let multipliers: [Rational]

    /// Creates a certificate (not checked: call `isValid`).
    public init(constraints: [LinearConstraint], multipliers: [Rational]) {
        self.constraints = constraints
        self.multipliers = multipliers
    }

    /// Whether the multipliers prove the system empty, by exact arithmetic.
    public var isValid: Bool { Self.check(constraints, multipliers) }

    /// The check itself: signs, Σ λᵢ·aᵢ = 0, and the contradiction in the bounds.
    public static func check(_ constraints: [LinearConstraint], _ multipliers: [Rational]) -> Bool {
        guard multipliers.count == constraints.count, let n = constraints.first?.coefficients.count else {
            return false
        }
        var combination = [Rational](repeating: .zero, count: n)
        var bound = Rational.zero
        var strictUsed = false
        for (c, lambda) in zip(constraints, multipliers) {
            guard c.coefficients.count == n else { return false }
            if c.relation != .equal, lambda.signum < 0 { return false }
            if lambda.isZero { continue }
            if c.relation == .less { strictUsed = true }
            for j in 0..<n where !c.coefficients[j].isZero { combination[j] += lambda * c.coefficients[j] }
            bound += lambda * c.bound
        }
        guard combination.allSatisfy(\.isZero) else { return false }
        return bound.signum < 0 || (bound.isZero && strictUsed)
    }
}

extension LinearFeasibility {
    /// A point satisfying every condition (strict ones strictly), or a Farkas certificate that
    /// none exists, read off the dual solution of the simplex's final program.
    public static func pointOrCertificate(satisfying constraints: [LinearConstraint], dimension n: Int) -> Result<
        [Rational], FarkasInfeasibility
    > {
        var lpCount = 0
        return pointOrCertificate(satisfying: constraints, dimension: n, lpCount: &lpCount)
    }

    static func pointOrCertificate(satisfying constraints: [LinearConstraint], dimension n: Int, lpCount: inout Int)
        -> Result<[Rational], FarkasInfeasibility>
    {
        // Phase 1 (see `point(satisfying:)`): maximise s with aᵢ·x + s ≤ bᵢ; s* < 0 means the
        // closed system is empty, and the dual y (Σ yᵢ·aᵢ = 0, Σ yᵢ·bᵢ = s* < 0) is the proof.
        var rows = [[Rational]](), bounds = [Rational]()
        for c in constraints {
            rows.append(c.coefficients + [.one]); bounds.append(c.bound)
            if c.relation == .equal { rows.append(c.coefficients.map { -$0 } + [.one]); bounds.append(-c.bound) }
        }
        rows.append([Rational](repeating: .zero, count: n) + [.one]); bounds.append(.zero)
        let s0 = bounds.reduce(Rational.zero) { Rational.min($0, $1) }
        let objective = [Rational](repeating: .zero, count: n) + [.one]
        lpCount += 1
        guard
            case .optimal(let p, let value, let dual) = Simplex.maximize(
                objective: objective, rows: rows, bounds: bounds,
                start: [Rational](repeating: .zero, count: n) + [s0])
        else {
            preconditionFailure("the phase-1 program is bounded by s ≤ 0")
        }
        if !value.isZero {
            return .failure(
                FarkasInfeasibility(FarkasCertificate(constraints: constraints, multipliers: merge(dual, constraints))))
        }
        return deepenOrCertificate(constraints, dimension: n, start: Array(p.prefix(n)), lpCount: &lpCount)
    }

    /// Phase 2 with a certificate: maximise t with aⱼ·x + t ≤ bⱼ for the strict conditions and
    /// t ≤ 1; t* ≤ 0 means no point satisfies them strictly, and the dual y (Σ yᵢ·aᵢ = 0,
    /// Σ_strict yᵢ + y_t = 1, Σ yᵢ·bᵢ + y_t = t* ≤ 0) restricted to the conditions is the proof.
    static func deepenOrCertificate(
        _ constraints: [LinearConstraint], dimension n: Int, start: [Rational], lpCount: inout Int
    ) -> Result<[Rational], FarkasInfeasibility> {
        if constraints.allSatisfy({ $0.isSatisfied(by: start) }) { return .success(start) }
        var rows = [[Rational]](), bounds = [Rational]()
        var t0 = Rational.one
        for c in constraints {
            let tCoefficient: Rational = c.relation == .less ? .one : .zero
            if c.relation == .less { t0 = Rational.min(t0, c.bound - c.value(at: start)) }
            rows.append(c.coefficients + [tCoefficient]); bounds.append(c.bound)
            if c.relation == .equal { rows.append(c.coefficients.map { -$0 } + [.zero]); bounds.append(-c.bound) }
        }
        rows.append([Rational](repeating: .zero, count: n) + [.one]); bounds.append(.one)
        let objective = [Rational](repeating: .zero, count: n) + [.one]
        lpCount += 1
        guard
            case .optimal(let p, let t, let dual) = Simplex.maximize(
                objective: objective, rows: rows, bounds: bounds, start: start + [t0])
        else {
            preconditionFailure("the phase-2 program is bounded by t ≤ 1")
        }
        if t.signum > 0 { return .success(Array(p.prefix(n))) }
        return .failure(
            FarkasInfeasibility(FarkasCertificate(constraints: constraints, multipliers: merge(dual, constraints))))
    }

    /// The dual of the rows (equalities as two rows) folded back to one multiplier per
    /// condition: y⁺ − y⁻ for an equality.
    static func merge(_ dual: [Rational], _ constraints: [LinearConstraint]) -> [Rational] {
        var result = [Rational]()
        result.reserveCapacity(constraints.count)
        var r = 0
        for c in constraints {
            if c.relation == .equal {
                result.append(dual[r] - dual[r + 1]); r += 2
            } else {
                result.append(dual[r]); r += 1
            }
        }
        return result
    }
}

/// The failure of a feasibility question: the system is empty, with the proof.
public struct FarkasInfeasibility: Error, Hashable, Sendable {
    /// The proof.
    public let certificate: FarkasCertificate
    /// Wraps a certificate.
    public init(_ certificate: FarkasCertificate) { self.certificate = certificate }
}
