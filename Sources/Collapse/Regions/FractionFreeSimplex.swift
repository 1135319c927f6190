import ExactNumbers

/// The exact simplex of `Simplex` on an integer (fraction-free) dictionary: the same
/// program, the same pivots, the same optimum, point and dual, with no rational arithmetic
/// and no gcd while pivoting.
///
/// Integer form. The start v₀ is written u/d (d > 0 the common denominator), each row
/// aᵢ·v ≤ bᵢ is scaled by Lᵢ > 0 (the lcm of its denominators), and the variables are scaled
/// to integers: w = d·(v − v₀) for the free ones, s̃ᵢ = d·Lᵢ·sᵢ for the slacks. Then the
/// dictionary is integral: s̃ᵢ = (d·Lᵢbᵢ − Lᵢaᵢ·u) − Lᵢaᵢ·w, and the objective, scaled by
/// d·L_c, is L_c·c·w. Every later dictionary is kept as integers over one common
/// denominator D > 0 (the basis determinant, up to sign): xᵦ = (Bᵢ + Σⱼ Aᵢⱼ·xⱼ)/D, and a
/// pivot on p = A_re is the Bareiss–Edmonds update
/// A′ᵢⱼ = sign(p)·(Aᵢⱼ·p − Aᵢₑ·A_rj)/D, D′ = |p|, where the division is exact (every entry
/// is a minor of the first integer dictionary).
///
/// Same choices as `Simplex`. The scaled dictionary is the rational one with variable j
/// multiplied by Sⱼ (d for the free variables, d·Lᵢ for slack i): the rational objective
/// coefficient is Gⱼ·Sⱼ/(d·L_c·D), so Dantzig's rule compares |Gⱼ|·Sⱼ; in a column, the
/// ratio of row i is Bᵢ/(|Aᵢₑ|·Sₑ), so the ratio test compares Bᵢ/|Aᵢₑ|; ties, eligibility
/// (signs), the switch to Bland's rule at the first degenerate pivot (B_r = 0) and Bland's
/// order are the same. The answer is therefore the reference's: point v₀ + B/(D·d) on the
/// free basic variables, dual yᵢ = −Gⱼ·Lᵢ/(L_c·D) on the nonbasic slacks.
///
/// Arithmetic. First in machine words: entries are `Int`, each update is one 128-bit
/// product-difference and exact division, and a result that does not fit a word abandons the
/// word attempt; the program is then solved again with `BigInt` entries (GMP, exact division,
/// no gcd). The dictionary is one flat array updated in place: no allocation per pivot.
enum FractionFreeSimplex {
    /// `Simplex.maximize`'s program and answer (same preconditions), solved fraction-free.
    static func maximize(objective c: [Rational], rows a: [[Rational]], bounds b: [Rational], start v0: [Rational])
        -> Simplex.Outcome
    {
        if let outcome = solve(Int.self, objective: c, rows: a, bounds: b, start: v0) { return outcome }
        return solve(BigInt.self, objective: c, rows: a, bounds: b, start: v0)!
    }

    /// The program over entries of type T; nil when a word-size entry would overflow.
    static func solve<T: FractionFreeEntry>(
        _: T.Type, objective c: [Rational], rows a: [[Rational]], bounds b: [Rational],
        start v0: [Rational]
    ) -> Simplex.Outcome? {
        guard let program = IntegerProgram<T>(objective: c, rows: a, bounds: b, start: v0) else { return nil }
        return solve(program, objective: c, start: v0)
    }

    /// The integer program's optimum (see the type's description); nil on word overflow.
    static func solve<T: FractionFreeEntry>(_ program: IntegerProgram<T>, objective c: [Rational], start v0: [Rational])
        -> Simplex.Outcome?
    {
        let k = program.k, m = program.beta.count
        var beta = program.beta, alpha = program.alpha, gamma = program.gamma
        let scale = program.scale, d = program.d, lc = program.lc
        var denominator = T.one
        var basic = Array(k..<(k + m))
        var nonbasic = Array(0..<k)
        var bland = false

        while true {
            // Entering column: as `Simplex`, comparing |Gⱼ|·Sⱼ for Dantzig's rule.
            var enter = -1
            for j in 0..<k {
                let g = gamma[j]
                let eligible = nonbasic[j] < k ? g.sign != 0 : g.sign > 0
                guard eligible else { continue }
                if enter < 0 { enter = j; continue }
                if bland {
                    if nonbasic[j] < nonbasic[enter] { enter = j }
                } else if T.productLess(gamma[enter], scale[nonbasic[enter]], g, scale[nonbasic[j]]) {
                    enter = j
                }
            }
            if enter < 0 { break }
            let sigma = gamma[enter].sign
            // Leaving row: the smallest Bᵢ/|Aᵢₑ| over the rows whose slack decreases.
            var leave = -1
            for i in 0..<m where basic[i] >= k {
                let rate = alpha[i * k + enter]
                guard rate.sign == -sigma else { continue }
                if leave < 0 { leave = i; continue }
                // Bᵢ/|Aᵢₑ| < B_l/|A_le|  ⇔  Bᵢ·|A_le| < B_l·|Aᵢₑ|.
                let lhsRate = alpha[leave * k + enter]
                if T.productLess(beta[i], lhsRate, beta[leave], rate) {
                    leave = i
                } else if !T.productLess(beta[leave], rate, beta[i], lhsRate), basic[i] < basic[leave] {
                    leave = i
                }
            }
            if leave < 0 { return .unbounded }
            if beta[leave].sign == 0 { bland = true }
            guard
                pivot(
                    row: leave, column: enter, k: k, beta: &beta, alpha: &alpha, gamma: &gamma,
                    denominator: &denominator)
            else { return nil }
            swap(&basic[leave], &nonbasic[enter])
        }
        let dd = Rational(denominator.bigValue * d.bigValue)
        var point = v0
        for i in 0..<m where basic[i] < k { point[basic[i]] = v0[basic[i]] + Rational(beta[i].bigValue) / dd }
        var dual = [Rational](repeating: .zero, count: m)
        let dualDenominator = Rational(lc.bigValue * denominator.bigValue)
        for (j, variable) in nonbasic.enumerated() where variable >= k && gamma[j].sign != 0 {
            let l = scale[variable].bigValue.dividedExactly(by: d.bigValue)
            dual[variable - k] = -Rational(gamma[j].bigValue * l) / dualDenominator
        }
        return .optimal(point: point, value: dot(c, point), dual: dual)
    }

    /// The fraction-free exchange of the basic variable of row r with the nonbasic variable
    /// of column e (see the type's description); false when a word entry would overflow.
    private static func pivot<T: FractionFreeEntry>(
        row r: Int, column e: Int, k: Int, beta: inout [T], alpha: inout [T],
        gamma: inout [T], denominator: inout T
    ) -> Bool {
        let p = alpha[r * k + e]
        let negate = p.sign < 0
        let d = denominator
        let br = beta[r]
        let m = beta.count
        for i in 0..<m where i != r {
            let f = alpha[i * k + e]
            guard let nb = T.combine(beta[i], p, f, br, d, negate: negate) else { return false }
            beta[i] = nb
            for j in 0..<k where j != e {
                guard let v = T.combine(alpha[i * k + j], p, f, alpha[r * k + j], d, negate: negate) else {
                    return false
                }
                alpha[i * k + j] = v
            }
            alpha[i * k + e] = negate ? T.negated(f) : f
        }
        let f = gamma[e]
        for j in 0..<k where j != e {
            guard let v = T.combine(gamma[j], p, f, alpha[r * k + j], d, negate: negate) else { return false }
            gamma[j] = v
        }
        gamma[e] = negate ? T.negated(f) : f
        // Row r: x_e = (−B_r + D·x_r − Σ A_rj·xⱼ)/p, over |p|.
        beta[r] = negate ? br : T.negated(br)
        for j in 0..<k where j != e { alpha[r * k + j] = negate ? alpha[r * k + j] : T.negated(alpha[r * k + j]) }
        alpha[r * k + e] = negate ? T.negated(d) : d
        denominator = negate ? T.negated(p) : p
        return true
    }
}

/// The first integer dictionary of a program (see `FractionFreeSimplex`): the start's
/// common denominator d, the rows' constants Bᵢ = Lᵢ·(d·bᵢ − aᵢ·u) and coefficients −Lᵢ·aᵢ,
/// the objective L_c·c, and the scale Sⱼ of every variable (d, or d·Lᵢ for slack i).
struct IntegerProgram<T: FractionFreeEntry> {
    var k: Int
    var d: T
    var lc: T
    var beta = [T]()
    var alpha = [T]()
    var gamma = [T]()
    var scale: [T]

    /// From rational data; nil when an entry does not fit T.
    init?(objective c: [Rational], rows a: [[Rational]], bounds b: [Rational], start v0: [Rational]) {
        k = v0.count
        let m = a.count
        // d and u = d·v₀.
        var d = T.one
        for x in v0 { guard let (_, q) = T.parts(x), let l = T.commonMultiple(d, q) else { return nil }; d = l }
        var u = [T]()
        u.reserveCapacity(k)
        for x in v0 {
            guard let (p, q) = T.parts(x), let s = T.mul(p, T.divExact(d, q)) else { return nil }
            u.append(s)
        }
        self.d = d
        scale = [T](repeating: d, count: k + m)
        beta.reserveCapacity(m)
        alpha.reserveCapacity(m * k)
        for i in 0..<m {
            var l = T.one
            for x in a[i] where !x.isZero {
                guard let (_, q) = T.parts(x), let n = T.commonMultiple(l, q) else { return nil }; l = n
            }
            guard let (bp, bq) = T.parts(b[i]), let bl = T.commonMultiple(l, bq) else { return nil }
            l = bl
            guard let lb = T.mul(bp, T.divExact(l, bq)), var slack = T.mul(lb, d) else { return nil }
            for j in 0..<k {
                let x = a[i][j]
                if x.isZero { alpha.append(T.zero); continue }
                guard let (p, q) = T.parts(x), let coefficient = T.mul(p, T.divExact(l, q)) else { return nil }
                alpha.append(T.negated(coefficient))
                guard let term = T.mul(coefficient, u[j]), let rest = T.sub(slack, term) else { return nil }
                slack = rest
            }
            precondition(slack.sign >= 0, "Simplex.maximize: the start violates row \(i)")
            beta.append(slack)
            guard let s = T.mul(d, l) else { return nil }
            scale[k + i] = s
        }
        // Objective: G = L_c·c.
        var lc = T.one
        for x in c where !x.isZero {
            guard let (_, q) = T.parts(x), let n = T.commonMultiple(lc, q) else { return nil }; lc = n
        }
        self.lc = lc
        gamma.reserveCapacity(k)
        for x in c {
            if x.isZero { gamma.append(T.zero); continue }
            guard let (p, q) = T.parts(x), let g = T.mul(p, T.divExact(lc, q)) else { return nil }
            gamma.append(g)
        }
    }

    /// Directly from integer data: rows whose constants and coefficients are already
    /// `beta` and `alpha`, row scales L (so Sᵢ = d·Lᵢ), objective L_c·c = `gamma`.
    init(k: Int, d: T, lc: T, beta: [T], alpha: [T], gamma: [T], scale: [T]) {
        self.k = k
        self.d = d
        self.lc = lc
        self.beta = beta
        self.alpha = alpha
        self.gamma = gamma
        self.scale = scale
    }
}

/// The integers of a fraction-free dictionary: machine words (every operation reports
/// overflow as nil) or `BigInt` (never nil).
protocol FractionFreeEntry {
    static var zero: Self { get }
    static var one: Self { get }
    /// −1, 0 or 1.
    var sign: Int { get }
    /// The value as a `BigInt`.
    var bigValue: BigInt { get }
    /// A rational's numerator and denominator, when they fit.
    static func parts(_ r: Rational) -> (Self, Self)?
    /// The least common multiple (of positive values).
    static func commonMultiple(_ a: Self, _ b: Self) -> Self?
    static func mul(_ a: Self, _ b: Self) -> Self?
    static func sub(_ a: Self, _ b: Self) -> Self?
    /// a/b for b dividing a.
    static func divExact(_ a: Self, _ b: Self) -> Self
    /// −a (nil never: the word path never holds Int.min, see `combine`).
    static func negated(_ a: Self) -> Self
    /// ±(a·p − f·b)/d (minus when `negate`), the division exact.
    static func combine(_ a: Self, _ p: Self, _ f: Self, _ b: Self, _ d: Self, negate: Bool) -> Self?
    /// |a·b| < |c·d|.
    static func productLess(_ a: Self, _ b: Self, _ c: Self, _ d: Self) -> Bool
    /// a·b < c·d (signed).
    static func signedProductLess(_ a: Self, _ b: Self, _ c: Self, _ d: Self) -> Bool
    /// The greatest common divisor (≥ 0; positive unless both are 0).
    static func commonDivisor(_ a: Self, _ b: Self) -> Self
}

extension Int: FractionFreeEntry {
    static var one: Int { 1 }
    var sign: Int { signum() }
    var bigValue: BigInt { BigInt(self) }
    static func parts(_ r: Rational) -> (Int, Int)? {
        guard let (p, q) = r.wordParts, p != .min else { return nil }
        return (p, q)
    }
    static func commonMultiple(_ a: Int, _ b: Int) -> Int? {
        var x = a, y = b
        while y != 0 { (x, y) = (y, x % y) }
        return mul(a / x, b)
    }
    static func mul(_ a: Int, _ b: Int) -> Int? {
        let (v, o) = a.multipliedReportingOverflow(by: b)
        return o || v == .min ? nil : v
    }
    static func sub(_ a: Int, _ b: Int) -> Int? {
        let (v, o) = a.subtractingReportingOverflow(b)
        return o || v == .min ? nil : v
    }
    static func divExact(_ a: Int, _ b: Int) -> Int { a / b }
    static func negated(_ a: Int) -> Int { -a }
    @inline(__always)
    static func combine(_ a: Int, _ p: Int, _ f: Int, _ b: Int, _ d: Int, negate: Bool) -> Int? {
        if f == 0 {
            // (a·p)/d: the common case of a zero in the pivot column.
            if a == 0 { return 0 }
        }
        let x = Int128(a) * Int128(p) - Int128(f) * Int128(b)
        let q = d == 1 ? x : x / Int128(d)
        let v = negate ? -q : q
        guard v > Int128(Int.min), v <= Int128(Int.max) else { return nil }
        return Int(truncatingIfNeeded: v)
    }
    @inline(__always)
    static func productLess(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Bool {
        (Int128(a) * Int128(b)).magnitude < (Int128(c) * Int128(d)).magnitude
    }
    static func signedProductLess(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Bool {
        Int128(a) * Int128(b) < Int128(c) * Int128(d)
    }
    static func commonDivisor(_ a: Int, _ b: Int) -> Int {
        var x = a.magnitude, y = b.magnitude
        while y != 0 { (x, y) = (y, x % y) }
        return Int(x)
    }
}

extension BigInt: FractionFreeEntry {
    var sign: Int { signum }
    var bigValue: BigInt { self }
    static func parts(_ r: Rational) -> (BigInt, BigInt)? { (r.numerator, r.denominator) }
    static func commonMultiple(_ a: BigInt, _ b: BigInt) -> BigInt? {
        let l: BigInt = BigInt.lcm(a, b)
        return l
    }
    static func mul(_ a: BigInt, _ b: BigInt) -> BigInt? { a * b }
    static func sub(_ a: BigInt, _ b: BigInt) -> BigInt? { a - b }
    static func divExact(_ a: BigInt, _ b: BigInt) -> BigInt { a.dividedExactly(by: b) }
    static func negated(_ a: BigInt) -> BigInt { -a }
    static func combine(_ a: BigInt, _ p: BigInt, _ f: BigInt, _ b: BigInt, _ d: BigInt, negate: Bool) -> BigInt? {
        var x = a * p
        if !f.isZero { x.subtractProduct(f, b) }
        let q = d.isOne ? x : x.dividedExactly(by: d)
        return negate ? -q : q
    }
    static func productLess(_ a: BigInt, _ b: BigInt, _ c: BigInt, _ d: BigInt) -> Bool {
        (a * b).magnitude < (c * d).magnitude
    }
    static func signedProductLess(_ a: BigInt, _ b: BigInt, _ c: BigInt, _ d: BigInt) -> Bool {
        a * b < c * d
    }
    static func commonDivisor(_ a: BigInt, _ b: BigInt) -> BigInt {
        let g: BigInt = BigInt.gcd(a, b)
        return g
    }
}
