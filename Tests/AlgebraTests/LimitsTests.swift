import Algebra
import ExactNumbers
import PropertyBased
import Testing
import TestSupport

/// Issue 14/16: products and powers are refused before they could exhaust memory or overflow
/// an exponent; the generic rank certifies full rank from random points modulo primes.
@Suite struct LimitsTests {
    @Test func productAndPowerEstimatesBoundTheTrueSizes() {
        let gen = Generator { rng -> (Polynomial, Polynomial, Int) in
            (Arbitrary.polynomial(&rng), Arbitrary.polynomial(&rng), Int.random(in: 0...6, using: &rng))
        }
        forAll(seed: 1401, count: 80, gen) { value, note in
            let (p, q, n) = value
            let product = PolynomialBudget.productEstimate(p, q)
            #expect((p * q).termCount <= product.terms, note)
            #expect((p * q).totalDegree <= product.degree, note)
            let power = PolynomialBudget.powerEstimate(p, n)
            #expect(p.power(n).termCount <= power.terms, note)
            #expect(p.power(n).totalDegree <= power.degree, note)
        }
    }

    @Test func powerEstimateIsTheMultisetCount() {
        // (a + b + c)^4 has exactly C(6, 2) = 15 monomials: the bound is attained.
        let p = Polynomial(Symbol("a")) + Polynomial(Symbol("b")) + Polynomial(Symbol("c"))
        #expect(PolynomialBudget.powerEstimate(p, 4).terms == 15)
        #expect(p.power(4).termCount == 15)
    }

    @Test func budgetRefusesBeforeComputing() throws {
        let p = try Polynomial.parse("a*b + c + d + e + f")
        #expect(throws: PolynomialBudgetExceeded.self) { try p.power(300, within: .standard) }
        let small = PolynomialBudget(maxTerms: 10)
        #expect(throws: PolynomialBudgetExceeded.self) { try p.multiplied(by: p, within: small) }
        #expect(try p.multiplied(by: p, within: .standard) == p * p)
    }

    @Test func exponentsThatWouldOverflowAreRefusedByDegree() throws {
        // x^(10^12) would overflow the 32-bit exponent of a monomial: refused by the degree budget.
        let x = Polynomial(Symbol("x"))
        let big = try x.power(1000, within: .standard).power(1000, within: .standard)
        #expect(big.totalDegree == 1_000_000)
        do {
            _ = try big.power(1_000_000, within: .standard)
            Issue.record("x^(10^12) was not refused")
        } catch {
            #expect(error.estimatedDegree == 1_000_000_000_000)
            #expect(error.description.contains("degree budget"))
        }
    }

    @Test func parserRefusesBlowUpsWithAnOffset() throws {
        #expect(throws: ExpressionParseError.self) { try Polynomial.parse("(a*b + c + d + e + f)^300") }
        do {
            _ = try Polynomial.parse("1 + (a + b + c + d + e + f)^300")
        } catch {
            #expect(error.offset == 28)  // the exponent
            #expect(error.message.contains("terms"))
        }
        #expect(throws: ExpressionParseError.self) { try Polynomial.parse("((x^1000)^1000)^1000)^1000") }
        let deep = String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000)
        #expect(throws: ExpressionParseError.self) { try Polynomial.parse(deep) }
        // A long run of signs needs no recursion.
        let signs = String(repeating: "- ", count: 20_001) + "a"
        #expect(try Polynomial.parse(signs) == -Polynomial(Symbol("a")))
    }

    private static func symbolicSquare(_ n: Int, tag: String) -> Matrix<Polynomial> {
        Matrix(rows: (0..<n).map { i in (0..<n).map { j in Polynomial(Symbol("\(tag)\(i)_\(j)")) } })
    }

    @Test func fullRankOfSymbolicChainIsCertified() {
        // W4·W3·W2·W1, 8×8, every entry a symbol: full rank, proven by one point modulo a prime.
        let product = (1...4).map { Self.symbolicSquare(8, tag: "lim\($0)w") }.reduce(Matrix<Polynomial>.identity(8)) {
            $1 * $0
        }
        let rank = product.genericRankCertificate()
        #expect(rank.rank == 8)
        #expect(rank.isProven)
        #expect(rank.trials >= 1)
    }

    @Test func lowerRankIsProvedByEliminationWhenSmall() {
        // A 4×2 times 2×4 symbolic product has generic rank 2 < 4; the exact elimination fits.
        let left = Matrix<Polynomial>(rows: (0..<4).map { i in (0..<2).map { j in Polynomial(Symbol("lu\(i)_\(j)")) } })
        let right = Matrix<Polynomial>(
            rows: (0..<2).map { i in (0..<4).map { j in Polynomial(Symbol("lv\(i)_\(j)")) } })
        let rank = (left * right).genericRankCertificate()
        #expect(rank.rank == 2)
        #expect(rank.isProven)
    }

    @Test func lowerRankPastTheBudgetIsALowerBoundWithItsProbability() {
        let left = Matrix<Polynomial>(rows: (0..<4).map { i in (0..<2).map { j in Polynomial(Symbol("mu\(i)_\(j)")) } })
        let right = Matrix<Polynomial>(
            rows: (0..<2).map { i in (0..<4).map { j in Polynomial(Symbol("mv\(i)_\(j)")) } })
        let rank = (left * right).genericRankCertificate(budget: PolynomialBudget(maxTerms: 4))
        #expect(rank.rank == 2)
        #expect(!rank.isProven)
        #expect(rank.failureExponent >= 60)  // three trials, each failing with probability < 2^-25
        // With the structural bound 2 (the inner dimension) it is proven without elimination.
        #expect((left * right).genericRankCertificate(atMost: 2, budget: PolynomialBudget(maxTerms: 4)).isProven)
    }

    @Test func randomPointRankMatchesExactEliminationOnRandomMatrices() {
        let gen = Generator { rng -> Matrix<Polynomial> in
            let (m, k, n) = (
                Int.random(in: 1...3, using: &rng), Int.random(in: 1...3, using: &rng),
                Int.random(in: 1...3, using: &rng)
            )
            return Arbitrary.polynomialMatrix(rows: m, columns: k, &rng)
                * Arbitrary.polynomialMatrix(rows: k, columns: n, &rng)
        }
        forAll(seed: 1402, count: 60, gen) { m, note in
            let certificate = m.genericRankCertificate()
            #expect(certificate.isProven, note)
            // Two independent computations: random points modulo primes (+ elimination when
            // below full rank) and the elimination alone.
            let exact = m.rows == 0 || m.columns == 0 ? 0 : m.bareissGenericRank()
            #expect(certificate.rank == exact, note)
        }
    }
}
