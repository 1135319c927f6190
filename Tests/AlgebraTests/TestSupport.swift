import Algebra
import ExactNumbers
import PropertyBased
import Testing

/// Runs `body` on `count` values of `generator` drawn from a Xoshiro generator seeded with
/// `seed`, so every run sees the same cases. `body` receives a comment naming the seed, the
/// case number and the operands, to pass to `#expect` so a failure prints them.
///
/// (PropertyBased's `.fixedSeed` trait is meant for reproducing a failure: it runs one case and
/// reports an issue when nothing fails, so it cannot pin a passing property test.)
func forAll<Value>(
    seed: UInt64, count: Int = 100, _ generator: Generator<Value, some Sequence>,
    _ body: (Value, Comment) throws -> Void
) rethrows {
    var rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB))
    for index in 0..<count {
        let value = generator.run(using: &rng)
        try body(value, "seed \(seed), case \(index): \(value)")
    }
}

/// Random exact values for the property tests.
enum Arbitrary {
    static let symbols: [Symbol] = ["a", "b", "c"]

    /// n/d with small n, d; occasionally a large numerator to exercise multi-limb arithmetic.
    static func rational(_ rng: inout some RandomNumberGenerator) -> Rational {
        let n = Int.random(in: -9...9, using: &rng)
        let d = Int.random(in: 1...6, using: &rng)
        if Int.random(in: 0..<10, using: &rng) == 0 {
            return Rational(numerator: BigInt(n) * BigInt(10).power(25) + BigInt(7), denominator: BigInt(d))
        }
        return Rational(n, d)
    }

    /// A sum of up to `maxTerms` random terms in `symbols` with exponents <= maxExponent;
    /// about one in five is a constant (the fast path).
    static func polynomial(_ rng: inout some RandomNumberGenerator, symbols: [Symbol] = symbols,
                           maxTerms: Int = 4, maxExponent: Int = 2) -> Polynomial {
        if Int.random(in: 0..<5, using: &rng) == 0 { return Polynomial(rational(&rng)) }
        var p = Polynomial.zero
        for _ in 0..<Int.random(in: 0...maxTerms, using: &rng) {
            var powers: [Symbol: Int] = [:]
            for s in symbols { powers[s] = Int.random(in: 0...maxExponent, using: &rng) }
            p += Polynomial(coefficient: rational(&rng), monomial: Monomial(powers))
        }
        return p
    }

    /// A rows × columns matrix of random entries; about one entry in four is zero.
    static func matrix<S: ExactRing>(rows: Int, columns: Int, _ rng: inout some RandomNumberGenerator,
                                     entry: (inout any RandomNumberGenerator) -> S) -> Matrix<S> {
        var any: any RandomNumberGenerator = SplitRandom(seed: rng.next())
        let entries = (0..<(rows * columns)).map { _ in
            Int.random(in: 0..<4, using: &any) == 0 ? S.zero : entry(&any)
        }
        return Matrix(rows: rows, columns: columns, entries: entries)
    }

    static func rationalMatrix(rows: Int, columns: Int, _ rng: inout some RandomNumberGenerator) -> Matrix<Rational> {
        matrix(rows: rows, columns: columns, &rng) { rational(&$0) }
    }

    static func polynomialMatrix(rows: Int, columns: Int, _ rng: inout some RandomNumberGenerator) -> Matrix<Polynomial> {
        matrix(rows: rows, columns: columns, &rng) { polynomial(&$0, maxTerms: 2, maxExponent: 1) }
    }

    /// An integer matrix of the given rank (a product of random full-size factors plus a
    /// random chance of lower rank), with small entries.
    static func lowRankMatrix(rows: Int, columns: Int, innerRank: Int, _ rng: inout some RandomNumberGenerator) -> Matrix<Rational> {
        let left = rationalMatrix(rows: rows, columns: innerRank, &rng)
        let right = rationalMatrix(rows: innerRank, columns: columns, &rng)
        return left.plainProduct(right)
    }
}

/// splitmix64: a tiny deterministic generator for sub-streams.
struct SplitRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generators built on the arbitrary values.
enum Gens {
    static let rational = Generator { rng in Arbitrary.rational(&rng) }
    static let polynomial = Generator { rng in Arbitrary.polynomial(&rng) }
    static let polynomialTriple = Generator { rng in
        (Arbitrary.polynomial(&rng), Arbitrary.polynomial(&rng), Arbitrary.polynomial(&rng))
    }
    /// Values for a, b, c.
    static func point(_ rng: inout some RandomNumberGenerator) -> [Symbol: Rational] {
        Dictionary(uniqueKeysWithValues: Arbitrary.symbols.map { ($0, Arbitrary.rational(&rng)) })
    }
}

/// Rank by ordinary Gaussian elimination over ℚ: the plain reference for `rank()`.
func referenceRank(_ m: Matrix<Rational>) -> Int {
    var a = m.rowArrays
    var rank = 0
    for column in 0..<m.columns where rank < m.rows {
        guard let p = (rank..<m.rows).first(where: { !a[$0][column].isZero }) else { continue }
        a.swapAt(p, rank)
        for i in (rank + 1)..<m.rows where !a[i][column].isZero {
            let f = a[i][column] / a[rank][column]
            for j in column..<m.columns { a[i][j] -= f * a[rank][j] }
        }
        rank += 1
    }
    return rank
}
