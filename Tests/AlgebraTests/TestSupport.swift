import Algebra
import ExactNumbers
import PropertyBased
import Testing

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
    static func polynomial(
        _ rng: inout some RandomNumberGenerator, symbols: [Symbol] = symbols,
        maxTerms: Int = 4, maxExponent: Int = 2
    ) -> Polynomial {
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
    static func matrix<S: ExactRing>(
        rows: Int, columns: Int, _ rng: inout some RandomNumberGenerator,
        entry: (inout any RandomNumberGenerator) -> S
    ) -> Matrix<S> {
        var any: any RandomNumberGenerator = SplitMix64(seed: rng.next())
        let entries = (0..<(rows * columns)).map { _ in
            Int.random(in: 0..<4, using: &any) == 0 ? S.zero : entry(&any)
        }
        return Matrix(rows: rows, columns: columns, entries: entries)
    }

    static func rationalMatrix(rows: Int, columns: Int, _ rng: inout some RandomNumberGenerator) -> Matrix<Rational> {
        matrix(rows: rows, columns: columns, &rng) { rational(&$0) }
    }

    static func polynomialMatrix(rows: Int, columns: Int, _ rng: inout some RandomNumberGenerator) -> Matrix<Polynomial>
    {
        matrix(rows: rows, columns: columns, &rng) { polynomial(&$0, maxTerms: 2, maxExponent: 1) }
    }

    /// An integer matrix of the given rank (a product of random full-size factors plus a
    /// random chance of lower rank), with small entries.
    static func lowRankMatrix(rows: Int, columns: Int, innerRank: Int, _ rng: inout some RandomNumberGenerator)
        -> Matrix<Rational>
    {
        let left = rationalMatrix(rows: rows, columns: innerRank, &rng)
        let right = rationalMatrix(rows: innerRank, columns: columns, &rng)
        return left.plainProduct(right)
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
