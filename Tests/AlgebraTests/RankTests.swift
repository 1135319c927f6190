import Algebra
import ExactNumbers
import PropertyBased
import Testing
import TestSupport

private let a = Polynomial(Symbol("a")), b = Polynomial(Symbol("b"))
private let c = Polynomial(Symbol("c")), d = Polynomial(Symbol("d"))

/// A random m×n rational matrix of rank at most r (a product through an r-dimensional space).
private let lowRank = Generator { rng in
    let (m, n, r) = (
        Int.random(in: 0...5, using: &rng), Int.random(in: 0...5, using: &rng), Int.random(in: 0...4, using: &rng)
    )
    return Arbitrary.lowRankMatrix(rows: m, columns: n, innerRank: r, &rng)
}

@Suite struct RankLaws {
    @Test func bareissRankEqualsGaussianEliminationRank() {
        forAll(seed: 40, count: 200, lowRank) { m, note in
            #expect(m.rank() == referenceRank(m), note)
        }
    }

    @Test func rankOfTransposeEqualsRank() {
        forAll(seed: 41, lowRank) { m, note in
            #expect(m.transposed().rank() == m.rank(), note)
        }
    }

    @Test func rankOfProductIsAtMostEachFactorsRank() {
        let gen = Generator { rng in
            let (m, n, p) = (
                Int.random(in: 0...4, using: &rng), Int.random(in: 0...4, using: &rng),
                Int.random(in: 0...4, using: &rng)
            )
            return (
                Arbitrary.lowRankMatrix(rows: m, columns: n, innerRank: Int.random(in: 0...3, using: &rng), &rng),
                Arbitrary.lowRankMatrix(rows: n, columns: p, innerRank: Int.random(in: 0...3, using: &rng), &rng)
            )
        }
        forAll(seed: 42, gen) { value, note in
            let (x, y) = value
            #expect((x * y).rank() <= min(x.rank(), y.rank()), note)
            #expect(x.rank() <= min(x.rows, x.columns), note)
        }
    }

    @Test func bottleneckProductHasRankAtMostTwoAndTwoGenerically() {
        let gen = Generator { rng in
            (Arbitrary.rationalMatrix(rows: 3, columns: 2, &rng), Arbitrary.rationalMatrix(rows: 2, columns: 3, &rng))
        }
        forAll(seed: 43, gen) { value, note in
            let (w2, w1) = value
            let product = w2 * w1
            #expect(product.rank() <= 2, note)
            #expect(product.rank() == min(w2.rank(), w1.rank()) || product.rank() < 2, note)
            #expect(product.rank() == referenceRank(product), note)
        }
        // Symbolic weights: the generic rank of the bottleneck is exactly 2.
        let w2 = Matrix<Polynomial>(rows: (1...3).map { i in (1...2).map { j in Polynomial(Symbol("u\(i)\(j)")) } })
        let w1 = Matrix<Polynomial>(rows: (1...2).map { i in (1...3).map { j in Polynomial(Symbol("v\(i)\(j)")) } })
        #expect((w2 * w1).genericRank() == 2)
        #expect(w2.genericRank() == 2 && w1.genericRank() == 2)
    }

    @Test func rankIgnoresRowScalingByDenominators() {
        let m = Matrix<Rational>(rows: [[Rational(1, 2), Rational(1, 3)], [Rational(3, 2), 1]])
        #expect(m.rank() == referenceRank(m))
        #expect(m.rank() == 1)
        #expect(Matrix<Rational>.identity(4).rank() == 4)
        #expect(Matrix<Rational>.zero(rows: 3, columns: 2).rank() == 0)
    }
}

@Suite struct GenericRank {
    @Test func symbolicTwoByTwoHasGenericRankTwo() {
        #expect(Matrix(rows: [[a, b], [c, d]]).genericRank() == 2)
    }

    @Test func proportionalRowsHaveGenericRankOne() {
        #expect(Matrix(rows: [[a, b], [a.scaled(by: 2), b.scaled(by: 2)]]).genericRank() == 1)
        #expect(Matrix(rows: [[a, b], [a * c, b * c]]).genericRank() == 1)
        #expect(Matrix(rows: [[a - a, b - b]]).genericRank() == 0)
    }

    @Test func vandermondeHasFullGenericRank() {
        let xs = [a, b, c]
        let m = Matrix(rows: xs.map { x in (0..<3).map { x.power($0) } })
        #expect(m.genericRank() == 3)
        // Two equal nodes: rank drops to 2.
        let degenerate = Matrix(rows: [a, b, a].map { x in (0..<3).map { x.power($0) } })
        #expect(degenerate.genericRank() == 2)
    }

    @Test func genericRankIsAnUpperBoundOfRankAtEveryPoint() {
        let gen = Generator { rng in
            (
                Arbitrary.polynomialMatrix(
                    rows: Int.random(in: 1...3, using: &rng), columns: Int.random(in: 1...3, using: &rng), &rng),
                Gens.point(&rng)
            )
        }
        forAll(seed: 44, count: 60, gen) { value, note in
            let (m, point) = value
            let atPoint = m.map { Polynomial($0.evaluated(at: point)) }.asRationalMatrix()!
            #expect(atPoint.rank() <= m.genericRank(), note)
            #expect(m.transposed().genericRank() == m.genericRank(), note)
        }
    }

    @Test func constantPolynomialMatrixRankEqualsRationalRank() {
        forAll(seed: 45, lowRank) { m, note in
            #expect(m.map { Polynomial($0) }.genericRank() == m.rank(), note)
        }
    }
}
