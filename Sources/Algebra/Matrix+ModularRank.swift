import ExactNumbers

extension Matrix where Scalar == Rational {
    /// The rank of the matrix reduced modulo the prime `p` (< 2^32), or nil when some
    /// denominator is divisible by p. Reduction mod p can only lose rank, so the result is a
    /// proven LOWER bound on the rank over the rationals.
    ///
    /// Complexity: O(rows · columns · min(rows, columns)) word operations after one reduction
    /// per entry.
    public func rankModulo(_ p: UInt64) -> Int? {
        precondition(p > 2 && p < (1 << 32), "rankModulo needs an odd prime below 2^32")
        let prime = BigInt(Int(p))
        var a = [UInt64]()
        a.reserveCapacity(entries.count)
        for e in entries {
            let num = e.numerator.quotientAndRemainder(dividingBy: prime).remainder.exactInt!
            let den = e.denominator.quotientAndRemainder(dividingBy: prime).remainder.exactInt!
            if den == 0 { return nil }
            a.append(UInt64(num) * Self.inverse(UInt64(den), p) % p)
        }
        var rank = 0
        for col in 0..<columns where rank < rows {
            guard let pivot = (rank..<rows).first(where: { a[$0 * columns + col] != 0 }) else { continue }
            if pivot != rank {
                for k in 0..<columns { a.swapAt(pivot * columns + k, rank * columns + k) }
            }
            let inv = Self.inverse(a[rank * columns + col], p)
            for r in (rank + 1)..<rows {
                let f = a[r * columns + col] * inv % p
                if f == 0 { continue }
                for k in col..<columns {
                    a[r * columns + k] = (a[r * columns + k] + (p - f) * a[rank * columns + k] % p) % p
                }
            }
            rank += 1
        }
        return rank
    }

    /// The exact rank, fast when it equals `upperBound` (a bound known from the matrix's
    /// structure, e.g. the narrowest layer of a product chain): ranks modulo two primes are
    /// proven lower bounds, and a lower bound that meets the upper bound is the rank.
    /// Otherwise falls back to exact fraction-free elimination (`rank()`).
    public func rank(atMost upperBound: Int) -> Int {
        let bound = Swift.min(upperBound, rows, columns)
        var best = 0
        for p: UInt64 in [4_294_967_291, 4_294_967_279] {
            if let r = rankModulo(p) { best = Swift.max(best, r) }
            if best >= bound { return bound }
        }
        return rank()
    }

    /// x^(p−2) mod p: the inverse of a nonzero x modulo the prime p (Fermat).
    static func inverse(_ x: UInt64, _ p: UInt64) -> UInt64 {
        var result: UInt64 = 1, base = x % p, e = p - 2
        while e > 0 {
            if e & 1 == 1 { result = result * base % p }
            base = base * base % p
            e >>= 1
        }
        return result
    }
}
