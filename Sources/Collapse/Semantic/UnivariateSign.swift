public import ExactNumbers

/// The sign of a univariate polynomial over the rationals on the whole real line, decided
/// exactly: squarefree decomposition (Yun) and Sturm sequences, no root is approximated.
///
/// A polynomial is a coefficient list `[c0, c1, ..., ck]` (increasing degree).
/// - `isNonNegative(q)`: q(t) >= 0 for every real t. q = lc · Π a_i^i with a_i squarefree,
///   monic and pairwise coprime (Yun); q changes sign only at real roots of odd
///   multiplicity, the roots of Π_{i odd} a_i. When that product has no real root (Sturm
///   count 0), q has the sign of its leading coefficient off its roots.
/// - `isPositive(q)`: q(t) > 0 for every real t: the squarefree part q / gcd(q, q') has no
///   real root and the leading coefficient is positive.
///
/// Complexity: polynomial in the degree (remainder sequences over the rationals).
public enum UnivariateSign {
    /// Whether q(t) >= 0 for every real t (the zero polynomial included).
    public static func isNonNegative(_ q: [Rational]) -> Bool {
        let q = trimmed(q)
        guard let lc = q.last else { return true }
        if q.count == 1 { return lc.signum >= 0 }
        guard lc.signum > 0 else { return false }
        var odd: [Rational] = [.one]
        for (index, factor) in squarefreeFactors(q).enumerated() where index % 2 == 0 {
            odd = multiply(odd, factor)
        }
        return realRootCount(odd) == 0
    }

    /// Whether q(t) > 0 for every real t.
    public static func isPositive(_ q: [Rational]) -> Bool {
        let q = trimmed(q)
        guard let lc = q.last, lc.signum > 0 else { return false }
        if q.count == 1 { return true }
        let g = gcd(q, derivative(q))
        let squarefree = divide(q, g).quotient
        return realRootCount(squarefree) == 0
    }

    /// The number of distinct real roots of a squarefree q: V(−∞) − V(+∞), the sign changes
    /// of its Sturm sequence at the two ends (read off the leading coefficients).
    static func realRootCount(_ q: [Rational]) -> Int {
        let q = trimmed(q)
        guard q.count > 1 else { return 0 }
        var sequence = [q, derivative(q)]
        while true {
            let r = trimmed(divide(sequence[sequence.count - 2], sequence[sequence.count - 1]).remainder)
            if r.isEmpty { break }
            sequence.append(r.map { -$0 })
        }
        let atPlus = sequence.map { $0.last!.signum }
        let atMinus = sequence.map { ($0.count - 1) % 2 == 0 ? $0.last!.signum : -$0.last!.signum }
        return signChanges(atMinus) - signChanges(atPlus)
    }

    static func signChanges(_ signs: [Int]) -> Int {
        var count = 0, previous = 0
        for s in signs where s != 0 {
            if previous != 0 && s != previous { count += 1 }
            previous = s
        }
        return count
    }

    /// Yun's squarefree decomposition: [a1, a2, ...] with q = lc·Π a_i^i, each a_i monic,
    /// squarefree, pairwise coprime (a_i = 1 where no root has multiplicity i).
    static func squarefreeFactors(_ q: [Rational]) -> [[Rational]] {
        var factors = [[Rational]]()
        let q1 = derivative(q)
        var a = gcd(q, q1)
        var b = divide(q, a).quotient
        var c = divide(q1, a).quotient
        var d = subtract(c, derivative(b))
        while trimmed(b).count > 1 {
            a = gcd(b, d)
            factors.append(monic(a))
            b = divide(b, a).quotient
            c = divide(d, a).quotient
            d = subtract(c, derivative(b))
        }
        return factors
    }

    static func trimmed(_ p: [Rational]) -> [Rational] {
        var p = p
        while let last = p.last, last.isZero { p.removeLast() }
        return p
    }

    static func monic(_ p: [Rational]) -> [Rational] {
        let p = trimmed(p)
        guard let lc = p.last else { return p }
        return p.map { $0 / lc }
    }

    static func derivative(_ p: [Rational]) -> [Rational] {
        guard p.count > 1 else { return [] }
        return (1..<p.count).map { Rational($0) * p[$0] }
    }

    static func subtract(_ a: [Rational], _ b: [Rational]) -> [Rational] {
        var out = a + Array(repeating: Rational.zero, count: Swift.max(0, b.count - a.count))
        for (i, c) in b.enumerated() { out[i] -= c }
        return trimmed(out)
    }

    static func multiply(_ a: [Rational], _ b: [Rational]) -> [Rational] {
        let a = trimmed(a), b = trimmed(b)
        guard !a.isEmpty, !b.isEmpty else { return [] }
        var out = Array(repeating: Rational.zero, count: a.count + b.count - 1)
        for (i, x) in a.enumerated() where !x.isZero {
            for (j, y) in b.enumerated() { out[i + j] += x * y }
        }
        return trimmed(out)
    }

    /// Euclidean division: a = quotient·b + remainder, deg remainder < deg b (b ≠ 0).
    static func divide(_ a: [Rational], _ b: [Rational]) -> (quotient: [Rational], remainder: [Rational]) {
        let b = trimmed(b)
        var r = trimmed(a)
        precondition(!b.isEmpty, "division by the zero polynomial")
        guard r.count >= b.count else { return ([], r) }
        var q = Array(repeating: Rational.zero, count: r.count - b.count + 1)
        let lc = b.last!
        while r.count >= b.count {
            let shift = r.count - b.count
            let factor = r.last! / lc
            q[shift] = factor
            for (i, c) in b.enumerated() { r[shift + i] -= factor * c }
            r.removeLast()  // the leading term cancels exactly
            r = trimmed(r)
        }
        return (trimmed(q), r)
    }

    /// The monic greatest common divisor (gcd(0, 0) = 0).
    static func gcd(_ a: [Rational], _ b: [Rational]) -> [Rational] {
        var x = trimmed(a), y = trimmed(b)
        while !y.isEmpty {
            (x, y) = (y, divide(x, y).remainder)
        }
        return monic(x)
    }
}
