import Algebra
import ExactNumbers
import PropertyBased
import Testing
import TestSupport

/// Three random rational matrices of chainable random shapes m×n, n×p, p×q (sizes 0...4).
private let rationalChain = Generator { rng in
    let d = (0..<4).map { _ in Int.random(in: 0...4, using: &rng) }
    return (
        Arbitrary.rationalMatrix(rows: d[0], columns: d[1], &rng),
        Arbitrary.rationalMatrix(rows: d[1], columns: d[2], &rng),
        Arbitrary.rationalMatrix(rows: d[2], columns: d[3], &rng)
    )
}

private let polynomialChain = Generator { rng in
    let d = (0..<4).map { _ in Int.random(in: 0...3, using: &rng) }
    return (
        Arbitrary.polynomialMatrix(rows: d[0], columns: d[1], &rng),
        Arbitrary.polynomialMatrix(rows: d[1], columns: d[2], &rng),
        Arbitrary.polynomialMatrix(rows: d[2], columns: d[3], &rng)
    )
}

@Suite struct MatrixAlgebraLaws {
    @Test func rationalProductIsAssociative() {
        forAll(seed: 20, rationalChain) { value, note in
            let (x, y, z) = value
            #expect((x * y) * z == x * (y * z), note)
        }
    }

    @Test func polynomialProductIsAssociative() {
        forAll(seed: 21, count: 40, polynomialChain) { value, note in
            let (x, y, z) = value
            #expect((x * y) * z == x * (y * z), note)
        }
    }

    @Test func rationalProductDistributesOverSum() {
        forAll(seed: 22, rationalChain) { value, note in
            let (x, y, _) = value
            let y2 = y.map { $0 * Rational(-3, 2) + 1 }
            #expect(x * (y + y2) == x * y + x * y2, note)
            #expect((y + y2).transposed() == y.transposed() + y2.transposed(), note)
            #expect(x * (y - y2) == x * y - x * y2, note)
        }
    }

    @Test func polynomialProductDistributesOverSum() {
        forAll(seed: 23, count: 40, polynomialChain) { value, note in
            let (x, y, z) = value
            let y2 = y.map { $0 * Polynomial(Symbol("c")) - 2 }
            #expect(x * (y + y2) == x * y + x * y2, note)
            let x2 = x.scaled(by: Polynomial(Symbol("a")))
            #expect((x + x2) * y == x * y + x2 * y, note)
            #expect(((x * y) * z).transposed() == z.transposed() * (y.transposed() * x.transposed()), note)
        }
    }

    @Test func identityIsNeutralAndTransposeReversesProducts() {
        forAll(seed: 24, rationalChain) { value, note in
            let (x, y, _) = value
            #expect(Matrix.identity(x.rows) * x == x, note)
            #expect(x * Matrix.identity(x.columns) == x, note)
            #expect((x * y).transposed() == y.transposed() * x.transposed(), note)
            #expect(x.transposed().transposed() == x, note)
        }
    }

    @Test func productAgreesWithApplyingColumnByColumn() {
        forAll(seed: 25, rationalChain) { value, note in
            let (x, y, _) = value
            let product = x * y
            for j in 0..<y.columns {
                #expect(product.columnArray(j) == x.applied(to: y.columnArray(j)), note)
            }
        }
    }
}

@Suite struct ClearedDenominatorProduct {
    @Test func clearedProductEqualsPlainEntrywiseProduct() {
        forAll(seed: 30, count: 200, rationalChain) { value, note in
            let (x, y, _) = value
            let plain = x.plainProduct(y)
            #expect(x.clearedProduct(y) == plain, note)
            #expect(x * y == plain, note)
            #expect((x * y).entries.allSatisfy { $0.checkInvariants() }, note)
        }
    }

    @Test func clearedProductHandlesLargeDenominatorsAndEntries() {
        let gen = Generator { rng in
            let n = Int.random(in: 1...5, using: &rng)
            let big = { (rng: inout any RandomNumberGenerator) -> Rational in
                Rational(
                    numerator: BigInt(Int.random(in: -1_000_000...1_000_000, using: &rng)).power(3),
                    denominator: BigInt(Int.random(in: 1...100_000, using: &rng)).power(2))
            }
            return (
                Arbitrary.matrix(rows: n, columns: n, &rng, entry: big),
                Arbitrary.matrix(rows: n, columns: n, &rng, entry: big)
            )
        }
        forAll(seed: 31, count: 50, gen) { value, note in
            let (x, y) = value
            #expect(x.clearedProduct(y) == x.plainProduct(y), note)
        }
    }

    @Test func aliasedProductMatchesTheOriginal() {
        let gen = Generator { rng in
            let n = Int.random(in: 0...4, using: &rng)
            return Arbitrary.rationalMatrix(rows: n, columns: n, &rng)
        }
        forAll(seed: 32, gen) { m, note in
            let original = m
            var aliased = m
            aliased = aliased * aliased
            #expect(aliased == original.plainProduct(original), note)
            #expect(m == original, note)
            var squaredInPlace = m
            squaredInPlace = squaredInPlace.clearedProduct(squaredInPlace)
            #expect(squaredInPlace == aliased, note)
        }
    }
}

@Suite struct MatrixShapesAndValueSemantics {
    @Test func subscriptSetIsCopyOnWrite() {
        let original = Matrix<Rational>(rows: [[1, 2], [3, 4]])
        var copy = original
        copy[0, 1] = Rational(9, 7)
        #expect(original[0, 1] == 2)
        #expect(copy[0, 1] == Rational(9, 7))
        #expect(copy.rowArray(0) == [1, Rational(9, 7)])
        #expect(original.rowArray(0) == [1, 2])
        var polynomials = original.map { Polynomial($0) }
        let snapshot = polynomials
        polynomials[1, 0] = Polynomial(Symbol("a"))
        #expect(snapshot[1, 0] == 3)
        #expect(polynomials[1, 0] == Polynomial(Symbol("a")))
    }

    @Test func emptyInnerDimensionGivesTheZeroProduct() {
        let left = Matrix<Rational>.zero(rows: 2, columns: 0)
        let right = Matrix<Rational>(rows: 0, columns: 3, entries: [])
        let product = left * right
        #expect(product.rows == 2 && product.columns == 3)
        #expect(product == .zero(rows: 2, columns: 3))
        #expect(left.plainProduct(right) == product)
        let symbolic = Matrix<Polynomial>.zero(rows: 2, columns: 0) * Matrix<Polynomial>.zero(rows: 0, columns: 3)
        #expect(symbolic == .zero(rows: 2, columns: 3))
    }

    @Test func emptyShapesBehave() {
        let rowsOnly = Matrix<Rational>(rows: [[], []])
        #expect(rowsOnly.rows == 2 && rowsOnly.columns == 0)
        #expect(rowsOnly.transposed().rows == 0 && rowsOnly.transposed().columns == 2)
        #expect(rowsOnly.applied(to: []) == [0, 0])
        #expect(rowsOnly.rowArray(1) == [])
        let none = Matrix<Rational>(rows: [])
        #expect(none.rows == 0 && none.columns == 0)
        #expect(none == .identity(0))
        #expect(none.rank() == 0)
        #expect(Matrix<Rational>.zero(rows: 0, columns: 4).applied(to: [1, 2, 3, 4]) == [])
        #expect(
            Matrix<Rational>.zero(rows: 0, columns: 4) * Matrix<Rational>.zero(rows: 4, columns: 2)
                == .zero(rows: 0, columns: 2))
        #expect(rowsOnly + rowsOnly == rowsOnly)
        #expect(Matrix<Polynomial>.zero(rows: 0, columns: 3).genericRank() == 0)
    }

    @Test func oneByOneMatricesAreScalars() {
        forAll(seed: 33, zip(Gens.rational, Gens.rational)) { value, note in
            let (x, y) = value
            let mx = Matrix(rows: [[x]]), my = Matrix(rows: [[y]])
            #expect(mx * my == Matrix(rows: [[x * y]]), note)
            #expect(mx + my == Matrix(rows: [[x + y]]), note)
            #expect(mx.applied(to: [y]) == [x * y], note)
            #expect(mx.rank() == (x.isZero ? 0 : 1), note)
            #expect(mx.transposed() == mx, note)
        }
    }

    @Test func constructorsAgree() {
        let byRows = Matrix<Rational>(rows: [[1, 2, 3], [4, 5, 6]])
        let byEntries = Matrix<Rational>(rows: 2, columns: 3, entries: [1, 2, 3, 4, 5, 6])
        #expect(byRows == byEntries)
        #expect(byRows.hashValue == byEntries.hashValue)
        #expect(byRows.rowArrays == [[1, 2, 3], [4, 5, 6]])
        #expect(byRows[1, 2] == 6)
        #expect(byRows.scaled(by: 2) == byRows + byRows)
        #expect(byRows.description == "[[1, 2, 3], [4, 5, 6]]")
        #expect(Matrix<Rational>.identity(2) == Matrix(rows: [[1, 0], [0, 1]]))
    }
}
