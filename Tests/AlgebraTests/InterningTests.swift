import Algebra
import ExactNumbers
import PropertyBased
import Testing
import TestSupport

/// Symbols interned in an order unrelated to their names, so id order and name order differ.
/// (Names unique to this file: tests run in parallel in one process.)
private let shuffledNames = ["q_zeta", "q_b2", "q_alpha", "q_b10", "q_Z", "q_b1", "q__", "q_m"]
private let shuffledSymbols = shuffledNames.map { Symbol($0) }

/// Graded lex by NAME from the public views: the reference for `Monomial.<`.
private func referencePrecedes(_ x: Monomial, _ y: Monomial) -> Bool {
    if x.totalDegree != y.totalDegree { return x.totalDegree < y.totalDegree }
    let names = Set(x.symbols.map(\.name) + y.symbols.map(\.name)).sorted()
    for n in names {
        let (ex, ey) = (x.exponent(of: Symbol(n)), y.exponent(of: Symbol(n)))
        if ex != ey { return ex < ey }
    }
    return false
}

private func shuffledMonomial(_ rng: inout some RandomNumberGenerator) -> Monomial {
    var powers: [Symbol: Int] = [:]
    for s in shuffledSymbols { powers[s] = Int.random(in: 0...2, using: &rng) * Int.random(in: 0...1, using: &rng) }
    return Monomial(powers)
}

/// Coefficients near the word size, so the machine-integer path overflows to rationals.
private func hugeOrSmall(_ rng: inout some RandomNumberGenerator) -> Rational {
    switch Int.random(in: 0..<4, using: &rng) {
    case 0: return Rational(Int.max - Int.random(in: 0...3, using: &rng))
    case 1: return Rational(Int.min + Int.random(in: 0...3, using: &rng))
    default: return Arbitrary.rational(&rng)
    }
}

/// A random polynomial in the shuffled symbols with coefficients from `hugeOrSmall`.
private func shuffledPolynomial(_ rng: inout some RandomNumberGenerator, terms: Int) -> Polynomial {
    var p = Polynomial(hugeOrSmall(&rng))
    for _ in 0..<Int.random(in: 0...terms, using: &rng) {
        p += Polynomial(coefficient: hugeOrSmall(&rng), monomial: shuffledMonomial(&rng))
    }
    return p
}

@Suite struct SymbolInterning {
    @Test func symbolsAreEqualAndHashEqualExactlyWhenNamesAre() {
        let a1 = Symbol("q_same"), a2: Symbol = "q_same", b = Symbol("q_other")
        #expect(a1 == a2 && a1.hashValue == a2.hashValue)
        #expect(a1 != b)
        #expect(Set([a1, a2, b]).count == 2)
        #expect(b < a1 && !(a1 < a2) && !(a2 < a1))
    }

    @Test func monomialViewsListSymbolsInNameOrder() {
        // "q_zeta" was interned before "q_alpha" (it comes first in shuffledNames).
        let m = Monomial([Symbol("q_zeta"): 1, Symbol("q_alpha"): 2, Symbol("q_b10"): 3])
        #expect(m.symbols.map(\.name) == ["q_alpha", "q_b10", "q_zeta"])
        #expect(m.exponents == [2, 3, 1])
        #expect(m.description == "q_alpha^2*q_b10^3*q_zeta")
        #expect(m.symbols == m.symbols.sorted())
        #expect(m.checkInvariants())
    }

    @Test func differentConstructionsGiveEqualMonomialsAndPolynomials() throws {
        let (z, a) = (Symbol("q_zeta"), Symbol("q_alpha"))
        let built = Monomial(z) * Monomial(a, exponent: 2)
        let other = Monomial(a) * Monomial(z) * Monomial(a)
        let fromDictionary = Monomial([a: 2, z: 1])
        #expect(built == other && other == fromDictionary)
        #expect(Set([built.hashValue, other.hashValue, fromDictionary.hashValue]).count == 1)
        let parsed = try Polynomial.parse("q_zeta*q_alpha^2 + 3*q_alpha - 1")
        let reparsed = try Polynomial.parse("-1 + q_alpha*3 + q_alpha*q_zeta*q_alpha")
        let constructed = Polynomial(coefficient: 1, monomial: fromDictionary) + Polynomial(a).scaled(by: 3) - 1
        #expect(parsed == reparsed && reparsed == constructed)
        #expect(parsed.hashValue == constructed.hashValue)
        #expect(parsed.description == "q_alpha^2*q_zeta + 3*q_alpha - 1")
        #expect(parsed.latex == constructed.latex)
        #expect(parsed.symbols.map(\.name) == ["q_alpha", "q_zeta"])
        #expect(Set([parsed, reparsed, constructed]).count == 1)
    }

    @Test func printedTermOrderIsByNameNotByInterningOrder() throws {
        let p = try Polynomial.parse("q_zeta + q_alpha + q_b2 + q_b10 + q_Z + q__ + q_m")
        // String order: "q_Z" < "q__" < "q_alpha" < "q_b10" < "q_b2" < "q_m" < "q_zeta"; a > b.
        #expect(p.description == "q_Z + q__ + q_alpha + q_b10 + q_b2 + q_m + q_zeta")
        #expect(p.leadingTerm?.monomial == Monomial(Symbol("q_Z")))
    }

    @Test func monomialOrderMatchesTheNameReference() {
        let gen = Generator { rng -> (Monomial, Monomial, Monomial) in
            (shuffledMonomial(&rng), shuffledMonomial(&rng), shuffledMonomial(&rng))
        }
        forAll(seed: 70, count: 300, gen) { value, note in
            let (x, y, z) = value
            #expect((x < y) == referencePrecedes(x, y), note)
            #expect((y < x) == referencePrecedes(y, x), note)
            if x < y { #expect(x * z < y * z, note) }
            #expect((x * z).dividedExactly(by: z) == x, note)
            #expect((x * y).checkInvariants(), note)
        }
    }

    @Test func sortedTermsAreInDecreasingMonomialOrder() {
        let gen = Generator { rng -> Polynomial in shuffledPolynomial(&rng, terms: 6) }
        forAll(seed: 71, gen) { p, note in
            let sorted = p.sortedTerms.map(\.monomial)
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $1 < $0 }, note)
            if let lead = p.leadingTerm { #expect(lead.monomial == sorted.first, note) }
        }
    }
}

@Suite struct ProductKernel {
    @Test func kernelProductEqualsTermByTermProductAtWordOverflow() {
        let gen = Generator { rng -> (Polynomial, Polynomial) in
            (shuffledPolynomial(&rng, terms: 4), shuffledPolynomial(&rng, terms: 4))
        }
        forAll(seed: 72, gen) { value, note in
            let (x, y) = value
            // Reference: Σ over term pairs, each one product of a monomial by a rational.
            var reference = Polynomial.zero
            for (m, c) in x.terms {
                for (n, d) in y.terms { reference += Polynomial(coefficient: c * d, monomial: m * n) }
            }
            #expect(x * y == reference, note)
            #expect((x * y).checkInvariants(), note)
            #expect(x * y - y * x == .zero, note)
        }
    }

    @Test func symbolicMatrixProductEqualsThePlainProduct() {
        let gen = Generator { rng -> (Matrix<Polynomial>, Matrix<Polynomial>, [Polynomial]) in
            let (m, n, p) = (
                Int.random(in: 0...3, using: &rng), Int.random(in: 0...3, using: &rng),
                Int.random(in: 0...3, using: &rng)
            )
            return (
                Arbitrary.polynomialMatrix(rows: m, columns: n, &rng),
                Arbitrary.polynomialMatrix(rows: n, columns: p, &rng),
                (0..<n).map { _ in Arbitrary.polynomial(&rng) }
            )
        }
        forAll(seed: 73, gen) { value, note in
            let (x, y, v) = value
            #expect(x * y == x.plainProduct(y), note)
            let reference = (0..<x.rows).map { i in (0..<x.columns).reduce(Polynomial.zero) { $0 + x[i, $1] * v[$1] } }
            #expect(x.applied(to: v) == reference, note)
            var aliased = x
            if x.rows == x.columns { aliased = aliased * aliased; #expect(aliased == x.plainProduct(x), note) }
        }
    }
}

@Suite struct GenericRankWithBound {
    /// A symbolic m×k times k×n product: generic rank min(m, k, n).
    private static func symbolicProduct(_ m: Int, _ k: Int, _ n: Int, tag: String) -> Matrix<Polynomial> {
        let left = Matrix<Polynomial>(
            rows: (0..<m).map { i in (0..<k).map { j in Polynomial(Symbol("\(tag)u\(i)_\(j)")) } })
        let right = Matrix<Polynomial>(
            rows: (0..<k).map { i in (0..<n).map { j in Polynomial(Symbol("\(tag)v\(i)_\(j)")) } })
        return left * right
    }

    @Test func boundedRankEqualsExactRankOnRandomSymbolicProducts() {
        let gen = Generator { rng -> (Matrix<Polynomial>, Int) in
            let (m, k, n) = (
                Int.random(in: 1...3, using: &rng), Int.random(in: 1...3, using: &rng),
                Int.random(in: 1...3, using: &rng)
            )
            // A symbolic left factor times a random polynomial right factor.
            let left = Matrix<Polynomial>(
                rows: (0..<m).map { i in (0..<k).map { j in Polynomial(Symbol("g\(i)_\(j)")) } })
            return (left * Arbitrary.polynomialMatrix(rows: k, columns: n, &rng), k)
        }
        forAll(seed: 74, count: 60, gen) { value, note in
            let (product, k) = value
            let exact = product.genericRank()
            #expect(product.genericRank(atMost: k) == exact, note)
            #expect(product.genericRank(atMost: k + 1) == exact, note)
            #expect(exact <= k, note)
        }
    }

    @Test func bottleneckProductsHaveTheNarrowWidthAsRank() {
        #expect(Self.symbolicProduct(3, 2, 3, tag: "p").genericRank() == 2)
        #expect(Self.symbolicProduct(3, 2, 3, tag: "p").genericRank(atMost: 2) == 2)
        #expect(Self.symbolicProduct(4, 3, 4, tag: "q").genericRank(atMost: 3) == 3)
        #expect(Self.symbolicProduct(5, 4, 5, tag: "r").genericRank(atMost: 4) == 4)
        // A false bound does not give a wrong answer when a point exceeds it.
        #expect(Self.symbolicProduct(3, 3, 3, tag: "s").genericRank(atMost: 1) == 3)
        #expect(Matrix<Polynomial>(rows: [[0, 0]]).genericRank(atMost: 0) == 0)
        #expect(Matrix<Polynomial>.zero(rows: 0, columns: 3).genericRank(atMost: 2) == 0)
    }
}
