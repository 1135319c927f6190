public import ExactNumbers
import Dispatch

extension Matrix where Scalar == Rational {
    /// Primes just below 2³¹ for `rankModulo`: residue products fit a 64-bit word.
    static let rankPrimes: [UInt] = [2_147_483_647, 2_147_483_629, 2_147_483_587]

    /// The rank of the matrix reduced modulo the prime p, by Gaussian elimination over 𝔽_p;
    /// nil when p divides a denominator. It is a lower bound of the rank over ℚ (a nonzero
    /// minor mod p is nonzero), so when it equals min(rows, columns) it is the rank.
    /// O(rows·columns·min(rows, columns)) word operations, row updates on all cores for large
    /// matrices. Precondition: p is a prime below 2³¹.
    public func rankModulo(_ p: UInt) -> Int? {
        var a = [UInt](repeating: 0, count: rows * columns)
        for (index, x) in entries.enumerated() {
            if x.isZero { continue }
            guard let r = x.residue(modulo: p) else { return nil }
            a[index] = r
        }
        return residueRank(&a, rows: rows, columns: columns, modulo: p)
    }
}

extension Matrix where Scalar == Rational {
    /// The exact rank, fast when it equals `upperBound`, a bound known from the matrix's
    /// structure (e.g. the narrowest layer of a product chain): ranks modulo primes are proven
    /// lower bounds, and a lower bound that meets an upper bound is the rank. Otherwise exact
    /// fraction-free elimination (`bareissRank()`).
    public func rank(atMost upperBound: Int) -> Int {
        let bound = Swift.min(upperBound, rows, columns)
        if bound <= 0 { return 0 }
        for p in Matrix.rankPrimes where (rankModulo(p) ?? 0) >= bound { return bound }
        return bareissRank()
    }
}

/// The rank over 𝔽_p of a rows × columns matrix of residues in 0..<p (row-major, destroyed),
/// by Gaussian elimination; row updates on all cores for large matrices. Precondition: p is
/// a prime below 2³¹.
func residueRank(_ a: inout [UInt], rows: Int, columns: Int, modulo p: UInt) -> Int {
    var rank = 0
    a.withUnsafeMutableBufferPointer { buffer in
        let base = SendableWords(base: buffer.baseAddress!)
        for column in 0..<columns where rank < rows {
            guard let pivotRow = (rank..<rows).first(where: { base.base[$0 * columns + column] != 0 }) else { continue }
            if pivotRow != rank {
                for j in column..<columns { swap(&base.base[pivotRow * columns + j], &base.base[rank * columns + j]) }
            }
            // Scale the pivot row so the pivot is 1.
            let inverse = modularInverse(base.base[rank * columns + column], p)
            for j in column..<columns { base.base[rank * columns + j] = base.base[rank * columns + j] * inverse % p }
            let below = rows - rank - 1
            let pivot = rank
            let eliminate: @Sendable (Int) -> Void = { i in
                let f = base.base[i * columns + column]
                if f == 0 { return }
                let g = p - f
                for j in column..<columns {
                    base.base[i * columns + j] = (base.base[i * columns + j] + g * base.base[pivot * columns + j]) % p
                }
            }
            let work = below * (columns - column)
            if work >= 1 << 16 {
                let blocks = 8
                DispatchQueue.concurrentPerform(iterations: blocks) { b in
                    for i in (pivot + 1 + b * below / blocks)..<(pivot + 1 + (b + 1) * below / blocks) { eliminate(i) }
                }
            } else {
                for i in (pivot + 1)..<rows { eliminate(i) }
            }
            rank += 1
        }
    }
    return rank
}

/// a⁻¹ mod p for a prime p and a != 0 mod p (Fermat: a^(p−2)).
private func modularInverse(_ a: UInt, _ p: UInt) -> UInt {
    var result: UInt = 1, base = a % p, e = p - 2
    while e > 0 {
        if e & 1 == 1 { result = result * base % p }
        base = base * base % p
        e >>= 1
    }
    return result
}

/// Words of one matrix, updated from several threads on disjoint rows.
private struct SendableWords: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt>
}
