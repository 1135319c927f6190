public import ExactNumbers
import NetworkModel

/// Exact linear separability of labelled points (contract §8): either a hyperplane
/// w·x + b that is > 0 on every point labelled 1 and < 0 on every point labelled 0, or a
/// Farkas certificate that none exists.
///
/// One exact linear program (`Simplex`) decides it: with sₖ = +1 for label 1 and −1 for
/// label 0, maximise t subject to sₖ·(w·pₖ + b) ≥ t for every point, −1 ≤ wᵢ ≤ 1 and t ≤ 1,
/// started at w = 0, b = 0, t = 0. The points are separable exactly when t* > 0; then (w, b)
/// separates them with margin t* = minₖ sₖ·(w·pₖ + b), the largest possible for ‖w‖∞ ≤ 1.
/// When t* = 0 the program's dual solution y gives λₖ = yₖ ≥ 0 with Σ λₖ = 1,
/// Σ λₖ·sₖ·pₖ = 0 and Σ λₖ·sₖ = 0: adding the strict inequalities sₖ·(w·pₖ + b) > 0 with these
/// multipliers gives 0 > 0 for every (w, b). The multipliers are reported as the smallest
/// integers with the same ratios (XOR: 1, 1, 1, 1).
public enum Separability {
    /// The outcome.
    public enum Outcome: Hashable, Sendable {
        /// w·x + b separates the points: > 0 on label 1, < 0 on label 0, each by at least
        /// `margin` (= the smallest sₖ·(w·pₖ + b), > 0).
        case separable(weights: [Rational], bias: Rational, margin: Rational)
        /// No hyperplane separates them: `farkas` has one non-negative multiplier per point,
        /// not all zero, with Σ λₖ·sₖ·(pₖ, 1) = 0.
        case notSeparable(farkas: [Rational])
    }

    /// Decides whether `points` (all of one dimension) with `labels` (0 or 1) are linearly
    /// separable. Precondition: one label per point.
    public static func decide(points: [[Rational]], labels: [Int]) -> Outcome {
        let d = points.first?.count ?? 0
        let m = points.count
        // Variables: w (d), b, t.
        var rows = [[Rational]](), bounds = [Rational]()
        for (p, label) in zip(points, labels) {
            let s = Rational(label == 1 ? 1 : -1)
            // −s·(w·p + b) + t ≤ 0
            rows.append(p.map { -s * $0 } + [-s, .one]); bounds.append(.zero)
        }
        for i in 0..<d {
            var up = [Rational](repeating: .zero, count: d + 2); up[i] = .one
            var down = [Rational](repeating: .zero, count: d + 2); down[i] = Rational(-1)
            rows.append(up); bounds.append(.one)
            rows.append(down); bounds.append(.one)
        }
        rows.append([Rational](repeating: .zero, count: d + 1) + [.one]); bounds.append(.one)
        let objective = [Rational](repeating: .zero, count: d + 1) + [.one]
        guard
            case .optimal(let v, let t, let dual) = Simplex.maximize(
                objective: objective, rows: rows, bounds: bounds,
                start: [Rational](repeating: .zero, count: d + 2))
        else {
            preconditionFailure("the separability program is bounded by t ≤ 1")
        }
        if t.signum > 0 {
            let w = Array(v.prefix(d)), b = v[d]
            let margin =
                zip(points, labels).map { p, label in
                    let value = zip(w, p).reduce(b) { $0 + $1.0 * $1.1 }
                    return label == 1 ? value : -value
                }.min() ?? t
            return .separable(weights: w, bias: b, margin: margin)
        }
        return .notSeparable(farkas: integerRatios(Array(dual.prefix(m))))
    }

    /// Whether `farkas` proves the points inseparable: non-negative, not all zero, and
    /// Σ λₖ·sₖ·(pₖ, 1) = 0 (exact arithmetic).
    public static func checkFarkas(_ farkas: [Rational], points: [[Rational]], labels: [Int]) -> Bool {
        guard farkas.count == points.count, farkas.allSatisfy({ $0.signum >= 0 }),
            farkas.contains(where: { !$0.isZero })
        else { return false }
        let d = points.first?.count ?? 0
        var sum = [Rational](repeating: .zero, count: d + 1)
        for (k, (p, label)) in zip(points, labels).enumerated() where !farkas[k].isZero {
            let c = label == 1 ? farkas[k] : -farkas[k]
            for i in 0..<d { sum[i] += c * p[i] }
            sum[d] += c
        }
        return sum.allSatisfy(\.isZero)
    }

    /// Whether w·x + b is > 0 on every point labelled 1 and < 0 on every point labelled 0.
    public static func separates(weights w: [Rational], bias b: Rational, points: [[Rational]], labels: [Int]) -> Bool {
        zip(points, labels).allSatisfy { p, label in
            let value = zip(w, p).reduce(b) { $0 + $1.0 * $1.1 }
            return label == 1 ? value.signum > 0 : value.signum < 0
        }
    }

    /// The same ratios as the smallest non-negative integers (multiply by the lcm of the
    /// denominators, divide by the gcd of the numerators).
    static func integerRatios(_ values: [Rational]) -> [Rational] {
        var lcm = BigInt.one
        for v in values where !v.isZero { lcm = BigInt.lcm(lcm, v.denominator) }
        let scaled = values.map { $0 * Rational(lcm) }
        var g = BigInt.zero
        for v in scaled where !v.isZero { g = g.isZero ? v.numerator.magnitude : BigInt.gcd(g, v.numerator) }
        guard !g.isZero else { return values }
        return scaled.map { $0 / Rational(g) }
    }
}
