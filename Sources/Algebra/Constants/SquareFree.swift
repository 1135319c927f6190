import ExactNumbers

/// n = s²·m with m free of the square factors found: the canonical radicand of √n.
///
/// Exact for every n < 2^64 (trial division by every prime up to n^(1/3); what remains has at
/// most two prime factors, so it is square-free unless it is a perfect square, which is then
/// tested exactly). Above 2^64 the powers of 2 and of the primes below 2^16 are removed, and a
/// square cofactor is detected; a square of a larger prime may remain, which only makes
/// two atoms stand for rationally dependent values (equality then falls back to enclosures:
/// never a wrong answer).
enum SquareFree {
    /// (s, m) with n = s²·m, for n >= 1.
    static func decompose(_ n: BigInt) -> (square: BigInt, radicand: BigInt) {
        precondition(n.signum > 0, "SquareFree.decompose needs n >= 1")
        var s = BigInt(1)
        var m = BigInt(1)
        var rest = n
        // Powers of two first (binary floats give huge powers of two).
        var twos = 0
        while !rest.isZero, rest.isDivisible(by: BigInt(2)) {
            rest = rest.dividedExactly(by: BigInt(2))
            twos += 1
        }
        s = s * BigInt(1).shiftedLeft(twos / 2)
        if twos % 2 == 1 { m = m * BigInt(2) }
        if let small = rest.exactInt, small >= 0 {
            let (a, b) = decompose(UInt64(small))
            return (s * BigInt(Int(a)), m * BigInt(Int(b)))
        }
        var p = 3
        while p < 65_536 {
            let bp = BigInt(p)
            var e = 0
            while rest.isDivisible(by: bp) {
                rest = rest.dividedExactly(by: bp)
                e += 1
            }
            if e > 0 {
                s = s * bp.power(e / 2)
                if e % 2 == 1 { m = m * bp }
            }
            p += 2
        }
        if let r = integerSquareRoot(rest) {
            s = s * r
        } else {
            m = m * rest
        }
        return (s, m)
    }

    /// (s, m) with n = s²·m and m square-free, for 1 <= n < 2^63 (odd trial division to n^(1/3)).
    static func decompose(_ n: UInt64) -> (UInt64, UInt64) {
        var rest = n, s: UInt64 = 1, m: UInt64 = 1
        var p: UInt64 = 2
        while p * p * p <= rest {
            var e = 0
            while rest % p == 0 { rest /= p; e += 1 }
            if e > 0 {
                for _ in 0..<(e / 2) { s *= p }
                if e % 2 == 1 { m *= p }
            }
            p += p == 2 ? 1 : 2
        }
        // rest has at most two prime factors, each > the cube root of what was left.
        let r = UInt64(Double(rest).squareRoot())
        for c in [r &- 1, r, r &+ 1] where c > 1 && c * c == rest {
            return (s * c, m)
        }
        return (s, m * rest)
    }

    /// ⌊√n⌋ when n >= 0 is a perfect square, else nil (Newton's iteration from above).
    static func integerSquareRoot(_ n: BigInt) -> BigInt? {
        if n.isZero { return n }
        var x = BigInt(1).shiftedLeft((n.bitWidth + 1) / 2 + 1)
        while true {
            let y = (x + n.quotientAndRemainder(dividingBy: x).quotient).quotientAndRemainder(dividingBy: BigInt(2))
                .quotient
            if y >= x { break }
            x = y
        }
        return x * x == n ? x : nil
    }
}
