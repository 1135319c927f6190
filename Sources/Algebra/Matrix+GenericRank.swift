import ExactNumbers

/// The generic rank of a matrix of polynomials (its rank over the field ℚ(symbols)) and how
/// firmly it is established.
///
/// - `isProven`: the rank is exact. Either a rank modulo a prime at a point reached a known
///   upper bound (min(rows, columns), or a structural bound such as the narrowest layer of a
///   chain), or the exact fraction-free elimination over the polynomials ran.
/// - otherwise `rank` is a PROVEN LOWER BOUND (a minor of that size is a nonzero polynomial:
///   it is nonzero modulo p at a point), and it equals the generic rank with probability at
///   least 1 − 2^(−`failureExponent`) over the random points (Schwartz–Zippel: a nonzero
///   minor of degree D vanishes at a uniform point of 𝔽_p^n with probability at most D/p,
///   and the trials use independent points and distinct primes). The exact elimination was
///   refused by its size guard (`PolynomialBudget`).
public struct GenericRank: Sendable, Hashable {
    /// The rank (exact when `isProven`, else a proven lower bound).
    public let rank: Int
    /// Whether `rank` is the exact generic rank.
    public let isProven: Bool
    /// When not proven: the generic rank exceeds `rank` with probability at most
    /// 2^(−failureExponent). 0 when proven.
    public let failureExponent: Int
    /// Points (each modulo its own prime) at which the rank was computed.
    public let trials: Int
}

extension Matrix where Scalar == Polynomial {

    /// The generic rank with its certificate (see `GenericRank`).
    ///
    /// 1. A matrix of constants: the exact rank over ℚ.
    /// 2. Up to three trials: every symbol gets a uniform random value modulo a prime p just
    ///    below 2³¹ (from a SplitMix64 stream seeded by `seed`), the entries are evaluated
    ///    modulo p (coefficients by their residues), and the rank over 𝔽_p is computed. Each
    ///    is a proven lower bound of the generic rank; when one reaches
    ///    min(`upperBound`, rows, columns) that is the rank, proven.
    /// 3. Otherwise the exact fraction-free (Bareiss) elimination over the polynomials, when
    ///    the bound of its intermediate sizes (k×k minors: at most k!·T^k terms for entries
    ///    of at most T terms) fits `budget`; else the best lower bound, unproven, with its
    ///    failure probability.
    ///
    /// Precondition: the generic rank is at most `upperBound` (a rank above it, found at a
    /// point, voids the bound and the answer is computed without it).
    public func genericRankCertificate(
        atMost upperBound: Int? = nil, seed: UInt64 = 0x5EED,
        budget: PolynomialBudget = .standard
    ) -> GenericRank {
        if rows == 0 || columns == 0 { return GenericRank(rank: 0, isProven: true, failureExponent: 0, trials: 0) }
        if let numeric = asRationalMatrix() {
            return GenericRank(
                rank: upperBound.map { numeric.rank(atMost: $0) } ?? numeric.rank(),
                isProven: true, failureExponent: 0, trials: 0)
        }
        let full = Swift.min(rows, columns)
        var bound = Swift.min(upperBound ?? full, full)
        if bound <= 0 { bound = full }  // a non-constant entry: rank >= 1, the given bound is false
        var rng = SplitMix64(seed: seed)
        var best = 0
        var trials = 0
        for p in Matrix<Rational>.rankPrimes {
            guard let r = rankAtRandomPoint(modulo: p, using: &rng) else { continue }
            trials += 1
            if r > bound { bound = full }  // the structural bound was false: only the shape bounds it
            best = Swift.max(best, r)
            if best == bound { return GenericRank(rank: best, isProven: true, failureExponent: 0, trials: trials) }
        }
        let maxTerms = entries.map(\.termCount).max() ?? 0
        let maxDegree = entries.map(\.totalDegree).max() ?? 0
        let k = best + 1  // the minors whose vanishing the elimination must prove
        var estimate = 1
        for i in 1...k {
            estimate = PolynomialBudget.saturatingProduct(estimate, PolynomialBudget.saturatingProduct(i, maxTerms))
        }
        if estimate <= budget.maxTerms && PolynomialBudget.saturatingProduct(k, maxDegree) <= budget.maxDegree {
            return GenericRank(
                rank: fractionFreeRank(entries, rows: rows, columns: columns), isProven: true, failureExponent: 0,
                trials: trials)
        }
        // Each trial misses a nonzero k×k minor (degree <= k·maxDegree) with probability at most
        // k·maxDegree / p < 2^(log2(k·maxDegree) + 1 − 31).
        let degreeBits = Swift.max(1, PolynomialBudget.saturatingProduct(k, Swift.max(maxDegree, 1)).bitWidthUsed)
        let perTrial = Swift.max(0, 30 - degreeBits)
        return GenericRank(rank: best, isProven: false, failureExponent: perTrial * trials, trials: trials)
    }

    /// The rank over 𝔽_p of the matrix at a uniform random point of 𝔽_p^n (one value per
    /// symbol); nil when p divides a coefficient's denominator (no reduction mod p).
    func rankAtRandomPoint(modulo p: UInt, using rng: inout SplitMix64) -> Int? {
        var values: [UInt] = []  // per symbol id: its value + 1, or 0 before its first use
        var residues = [UInt](repeating: 0, count: entries.count)
        for (index, entry) in entries.enumerated() {
            var sum: UInt = 0
            switch entry.representation {
            case .constant(let c):
                guard let r = c.residue(modulo: p) else { return nil }
                sum = r
            case .general(let t):
                let stride = t.stride
                for term in 0..<t.count {
                    guard var value = t.coefficients[term].residue(modulo: p) else { return nil }
                    var k = 1
                    while k < stride, t.words[term * stride + k] != 0 {
                        let word = t.words[term * stride + k]
                        let id = Int(PackedTerms.id(ofKeyWord: word))
                        if id >= values.count {
                            values.append(contentsOf: repeatElement(0, count: id + 1 - values.count))
                        }
                        if values[id] == 0 { values[id] = uniformResidue(below: p, using: &rng) + 1 }
                        value = value * powerModulo(values[id] - 1, Int(word & 0xFFFF_FFFF), p) % p
                        k += 1
                    }
                    sum = (sum + value) % p
                }
            }
            residues[index] = sum
        }
        return residueRank(&residues, rows: rows, columns: columns, modulo: p)
    }
}

/// A uniform value in 0..<p (p < 2³²), by rejection from 32 random bits.
private func uniformResidue(below p: UInt, using rng: inout SplitMix64) -> UInt {
    while true {
        let r = UInt(rng.next() >> 32)
        if r < p { return r }
    }
}

/// bᵉ mod p for p < 2³² (square and multiply).
private func powerModulo(_ b: UInt, _ e: Int, _ p: UInt) -> UInt {
    var result: UInt = 1, base = b % p, e = e
    while e > 0 {
        if e & 1 == 1 { result = result * base % p }
        base = base * base % p
        e >>= 1
    }
    return result
}

extension Int {
    /// The number of bits of a non-negative integer (0 for 0).
    fileprivate var bitWidthUsed: Int { self <= 0 ? 0 : Int.bitWidth - leadingZeroBitCount }
}

extension Matrix where Scalar == Polynomial {
    /// The generic rank by fraction-free elimination alone, with no size guard: the reference
    /// `genericRankCertificate` is tested against (small matrices only).
    public func bareissGenericRank() -> Int {
        if rows == 0 || columns == 0 { return 0 }
        return fractionFreeRank(entries, rows: rows, columns: columns)
    }
}
