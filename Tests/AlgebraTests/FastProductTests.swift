@testable import Algebra
import ExactNumbers
import PropertyBased
import Testing
import TestSupport

/// A chain of 1...6 random rational affine maps with widths 0...9 (so both the sequential and
/// the integer-tree path run), entries sometimes with large numerators or denominators.
private let wideChain = Generator { rng in
    let widths = (0...Int.random(in: 1...6, using: &rng)).map { _ in Int.random(in: 0...9, using: &rng) }
    return zip(widths, widths.dropFirst()).map { input, output in
        AffineMap(
            weights: Arbitrary.rationalMatrix(rows: output, columns: input, &rng),
            bias: (0..<output).map { _ in FastProductData.rational(&rng) })
    }
}

/// A random big integer of up to `bits` bits (either sign), zero about one time in five.
private func bigInteger(_ rng: inout some RandomNumberGenerator, bits: Int) -> BigInt {
    if Int.random(in: 0..<5, using: &rng) == 0 { return BigInt() }
    var x = BigInt()
    for _ in 0..<max(1, bits / 60) { x = x.shiftedLeft(60) + BigInt(Int.random(in: 0..<(1 << 60), using: &rng)) }
    return Bool.random(using: &rng) ? -x : x
}

enum FastProductData {
    /// A rational whose denominator is smooth, a power of 2 beyond a word, or has a large prime.
    static func rational(_ rng: inout some RandomNumberGenerator) -> Rational {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            return Rational(numerator: BigInt(Int.random(in: -50...50, using: &rng)), denominator: BigInt(2).power(70))
        case 1: return Rational(Int.random(in: -50...50, using: &rng), 1_000_003)
        default: return Arbitrary.rational(&rng)
        }
    }

    /// The plain integer product, by `BigInt.addProduct`.
    static func plainProduct(_ a: [BigInt], _ b: [BigInt], m: Int, n: Int, p: Int) -> [BigInt] {
        var out = [BigInt](repeating: BigInt(), count: m * p)
        for i in 0..<m { for k in 0..<n { for j in 0..<p { out[i * p + j].addProduct(a[i * n + k], b[k * p + j]) } } }
        return out
    }
}

/// Shapes m × n times n × p with dimensions 0...12 and entries up to `bits` bits.
private let integerProductCase = Generator { rng in
    let (m, n, p) = (
        Int.random(in: 0...12, using: &rng), Int.random(in: 0...12, using: &rng), Int.random(in: 0...12, using: &rng)
    )
    let bits = [8, 62, 64, 200, 700].randomElement(using: &rng)!
    let a = (0..<(m * n)).map { _ in bigInteger(&rng, bits: bits) }
    let b = (0..<(n * p)).map { _ in bigInteger(&rng, bits: bits) }
    return (m, n, p, a, b)
}

@Suite struct FastProduct {
    @Test func integerTreeChainEqualsSequentialChain() {
        forAll(seed: 501, count: 150, wideChain) { maps, note in
            let sequential = AffineMap<Rational>.composeChainSequential(maps)
            let tree = AffineMap<Rational>.composeChainIntegerTree(maps)
            let rightToLeft = AffineMap<Rational>.composeChainIntegerTree(maps, order: .rightToLeft)
            #expect(tree == sequential, note)
            #expect(rightToLeft == sequential, note)
            #expect(tree.weights.entries.allSatisfy { $0.checkInvariants() }, note)
            #expect(tree.bias.allSatisfy { $0.checkInvariants() }, note)
            #expect(AffineMap.composeChain(maps) == sequential, note)
            // One map at a time, each asked for once, in order.
            var calls = [Int]()
            let streamed = AffineMap<Rational>.composeChain(count: maps.count) { k in
                calls.append(k)
                return maps[k]
            }
            #expect(streamed == sequential, note)
            #expect(calls == Array(maps.indices), note)
        }
    }

    @Test func integerTreeChainEqualsLayerByLayerEvaluation() {
        forAll(seed: 502, count: 60, wideChain) { maps, note in
            var rng = SplitMix64(seed: 7)
            let x = (0..<maps[0].inputDimension).map { _ in FastProductData.rational(&rng) }
            #expect(AffineMap<Rational>.composeChainIntegerTree(maps).apply(x) == maps.reduce(x) { $1.apply($0) }, note)
        }
    }

    @Test func largeChainUsesIntegerTreeAndMatchesSequential() {
        var rng = SplitMix64(seed: 503)
        let maps = (0..<5).map { _ in
            AffineMap(
                weights: Arbitrary.rationalMatrix(rows: 24, columns: 24, &rng),
                bias: (0..<24).map { _ in Arbitrary.rational(&rng) })
        }
        #expect(AffineMap.composeChain(maps) == AffineMap<Rational>.composeChainSequential(maps))
    }

    @Test func integerMatrixProductEqualsPlainProduct() {
        forAll(seed: 504, count: 120, integerProductCase) { value, note in
            let (m, n, p, a, b) = value
            let product =
                IntegerMatrix(rows: m, columns: n, entries: a) * IntegerMatrix(rows: n, columns: p, entries: b)
            #expect(product.rows == m && product.columns == p, note)
            #expect(product.entries == FastProductData.plainProduct(a, b, m: m, n: n, p: p), note)
        }
    }

    @Test func integerMatrixSquaringInPlaceEqualsPlainSquare() {
        forAll(seed: 505, count: 40, integerProductCase) { value, note in
            let (n, _, _, a, _) = value
            let entries = Array(a.prefix(n * n)) + [BigInt](repeating: BigInt(3), count: max(0, n * n - a.count))
            var m = IntegerMatrix(rows: n, columns: n, entries: entries)
            let copy = m
            m = m * m  // aliased operands
            #expect(m.entries == FastProductData.plainProduct(entries, entries, m: n, n: n, p: n), note)
            #expect(copy.entries == entries, note)  // the copy is not changed
        }
    }

    @Test func chainProductOrdersAgree() {
        var rng = SplitMix64(seed: 506)
        // 1...9 factors: every way the depth-first tree splits (powers of two, odd counts).
        for count in 1...9 {
            let dims = (0...count).map { _ in Int.random(in: 0...20, using: &rng) }
            let factors = zip(dims, dims.dropFirst()).map { r, c in
                IntegerMatrix(rows: r, columns: c, entries: (0..<(r * c)).map { _ in bigInteger(&rng, bits: 100) })
            }
            let tree = IntegerMatrix.product(factors)
            let chain = IntegerMatrix.product(factors, order: .rightToLeft)
            let plain = factors.dropFirst().reduce(factors[0].entries) { acc, f in
                FastProductData.plainProduct(acc, f.entries, m: factors[0].rows, n: f.rows, p: f.columns)
            }
            #expect(tree == chain, "\(dims)")
            #expect(tree.entries == plain, "\(dims)")
        }
    }

    @Test func quotientsAreCanonicalForSmoothAndNonSmoothDenominators() {
        var rng = SplitMix64(seed: 507)
        let denominators: [BigInt] = [
            1, 2, BigInt(2).power(200), BigInt(2).power(40) * BigInt(3).power(45) * BigInt(97).power(12),
            BigInt(1_000_003) * 360, BigInt(16411) * BigInt(7).power(30), BigInt(10).power(19) + 51,
            // Odd primes below 100 to the 8th (no capped power): gcds of hundreds of bits.
            [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]
                .reduce(BigInt(2).power(48)) { $0 * BigInt($1).power(8) },
        ]
        for d in denominators {
            let entries = (0..<(9 * 11)).map { k -> BigInt in
                k % 7 == 0
                    ? d * BigInt(k) : bigInteger(&rng, bits: 300) * BigInt(2).power(k % 5) * BigInt(3).power(k % 4)
            }
            let m = IntegerMatrix(rows: 9, columns: 11, entries: entries)
            let q = m.quotients(by: d, rows: 0..<9)
            #expect(q == entries.map { Rational(numerator: $0, denominator: d) }, "\(d)")
            #expect(q.allSatisfy { $0.checkInvariants() }, "\(d)")
            #expect(m.quotients(by: d, rows: 3..<5) == Array(q[33..<55]), "\(d)")
            // Blocks of columns: the same entries as the full rows, row-major.
            for columns in [0..<10, 10..<11, 4..<7, 0..<0] {
                let block = m.quotients(by: d, rows: 2..<9, columns: columns)
                let expected = (2..<9).flatMap { i in columns.map { j in q[i * 11 + j] } }
                #expect(block == expected, "\(d) \(columns)")
            }
        }
    }

    @Test func clearingScalesByTheCommonDenominator() {
        var rng = SplitMix64(seed: 508)
        for (r, c) in [(0, 0), (0, 3), (3, 0), (1, 1), (5, 7)] {
            let values = (0..<(r * c)).map { _ in FastProductData.rational(&rng) }
            let (m, d) = IntegerMatrix.clearing(values, rows: r, columns: c)
            #expect(d.signum > 0)
            #expect(m.entries.map { Rational(numerator: $0, denominator: d) } == values)
        }
    }

    @Test func modularRankEqualsBareissRank() {
        var rng = SplitMix64(seed: 509)
        for _ in 0..<40 {
            let (rows, columns) = (Int.random(in: 0...9, using: &rng), Int.random(in: 0...9, using: &rng))
            let inner = Int.random(in: 0...max(rows, columns), using: &rng)
            let m = Arbitrary.lowRankMatrix(rows: rows, columns: columns, innerRank: inner, &rng)
            #expect(m.rank() == m.bareissRank(), "\(m)")
        }
        // A denominator divisible by the first rank prime: that prime is skipped.
        let p = Matrix<Rational>.rankPrimes[0]
        let m = Matrix(rows: [[Rational(numerator: 1, denominator: BigInt(Int(p))), 1], [0, 1]])
        #expect(m.rankModulo(p) == nil)
        #expect(m.rank() == 2)
    }
}
