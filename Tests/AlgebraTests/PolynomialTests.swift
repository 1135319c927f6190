import Algebra
import ExactNumbers
import PropertyBased
import Testing
import TestSupport

private let a = Polynomial(Symbol("a")), b = Polynomial(Symbol("b")), c = Polynomial(Symbol("c"))

@Suite struct PolynomialRingLaws {
    @Test func additionAndMultiplicationAreAssociative() {
        forAll(seed: 1, Gens.polynomialTriple) { value, note in
            let (x, y, z) = value
            #expect((x + y) + z == x + (y + z), note)
            #expect((x * y) * z == x * (y * z), note)
        }
    }

    @Test func additionAndMultiplicationAreCommutative() {
        forAll(seed: 2, Gens.polynomialTriple) { value, note in
            let (x, y, _) = value
            #expect(x + y == y + x, note)
            #expect(x * y == y * x, note)
        }
    }

    @Test func multiplicationDistributesOverAddition() {
        forAll(seed: 3, Gens.polynomialTriple) { value, note in
            let (x, y, z) = value
            #expect(x * (y + z) == x * y + x * z, note)
            #expect((x - y) * z == x * z - y * z, note)
        }
    }

    @Test func identitiesAndInversesHold() {
        forAll(seed: 4, Gens.polynomial) { x, note in
            #expect(x + .zero == x, note)
            #expect(x * .one == x, note)
            #expect((x + (-x)).isZero, note)
            #expect(x - x == .zero, note)
            #expect((x * .zero).isZero, note)
        }
    }

    @Test func everyResultIsCanonical() {
        forAll(seed: 5, Gens.polynomialTriple) { value, note in
            let (x, y, z) = value
            for p in [x, y, z, x + y, x - y, x * y, x * y - y * x, (x + z).power(3)] {
                #expect(p.checkInvariants(), note)
                #expect(p.terms.values.allSatisfy { !$0.isZero }, note)
            }
        }
    }

    @Test func powerIsRepeatedMultiplication() {
        let gen = Generator { rng in (Arbitrary.polynomial(&rng, maxTerms: 3), Int.random(in: 0...5, using: &rng)) }
        forAll(seed: 6, count: 40, gen) { value, note in
            let (x, n) = value
            let repeated = (0..<n).reduce(Polynomial.one) { acc, _ in acc * x }
            #expect(x.power(n) == repeated, note)
        }
    }

    @Test func degreesAndSymbolsAreConsistentWithTerms() {
        forAll(seed: 7, Gens.polynomial) { x, note in
            #expect(x.totalDegree == (x.terms.keys.map(\.totalDegree).max() ?? 0), note)
            let occurring = Set(x.terms.keys.flatMap(\.symbols))
            #expect(x.symbols == occurring.sorted(), note)
            for s in Arbitrary.symbols {
                #expect(x.degree(in: s) == (x.terms.keys.map { $0.exponent(of: s) }.max() ?? 0), note)
            }
            #expect(x.isConstant == (x.constantValue != nil), note)
            #expect(x.isConstant == x.symbols.isEmpty, note)
        }
    }
}

@Suite struct PolynomialCanonicalForm {
    @Test func differentConstructionsOfOnePolynomialAreEqualAndHashEqual() throws {
        let built = a * a + a.scaled(by: 2) + 1
        let squared = (a + 1).power(2)
        let parsed = try Polynomial.parse("a^2 + 2*a + 1")
        let parsedSquare = try Polynomial.parse("(a + 1)^2")
        let fromTerms = Polynomial(terms: [
            Monomial(Symbol("a"), exponent: 2): 1, Monomial(Symbol("a")): 2, .one: 1, Monomial(Symbol("b")): 0,
        ])
        let cancelled = a * a + b + a + 1 + a - b
        let all = [built, squared, parsed, parsedSquare, fromTerms, cancelled]
        for p in all {
            #expect(p == built)
            #expect(p.hashValue == built.hashValue)
        }
        #expect(Set(all).count == 1)
    }

    @Test func cancellationToAConstantGivesTheConstantForm() {
        let p = (a + 3) - a
        #expect(p.constantValue == 3)
        #expect(p == Polynomial(3))
        #expect(p.hashValue == Polynomial(Rational(3)).hashValue)
        #expect((a - a).isZero)
        #expect((a - a).totalDegree == 0)
        #expect(Polynomial(terms: [Monomial(Symbol("a")): 0]) == .zero)
    }

    @Test func rebuildingFromTermsGivesTheSamePolynomial() {
        forAll(seed: 8, Gens.polynomial) { x, note in
            let rebuilt = Polynomial(terms: x.terms)
            #expect(rebuilt == x, note)
            #expect(rebuilt.hashValue == x.hashValue, note)
            let summed = x.terms.reduce(Polynomial.zero) { $0 + Polynomial(coefficient: $1.value, monomial: $1.key) }
            #expect(summed == x, note)
        }
    }

    @Test func monomialOrderIsGradedLexAndMultiplicative() {
        let sa: Symbol = "a", sb: Symbol = "b"
        #expect(Monomial(sb) < Monomial(sa))
        #expect(Monomial(sa) < Monomial(sb, exponent: 2))
        #expect(Monomial([sb: 2]) < Monomial([sa: 1, sb: 1]))
        #expect(Monomial([sa: 1, sb: 1]) < Monomial([sa: 2]))
        #expect(Monomial.one < Monomial(sb))
        let gen = Generator { rng in
            (0..<3).map { _ in
                Monomial(
                    Dictionary(uniqueKeysWithValues: Arbitrary.symbols.map { ($0, Int.random(in: 0...3, using: &rng)) })
                )
            }
        }
        forAll(seed: 9, gen) { m, note in
            let (x, y, z) = (m[0], m[1], m[2])
            // Total order, compatible with multiplication.
            #expect([x < y, y < x, x == y].filter { $0 }.count == 1, note)
            if x < y { #expect(x * z < y * z, note) }
            #expect((x * y).dividedExactly(by: y) == x, note)
            #expect((x * y).totalDegree == x.totalDegree + y.totalDegree, note)
        }
    }
}

@Suite struct PolynomialEvaluation {
    @Test func evaluationIsARingHomomorphism() {
        let gen = Generator { rng in (Arbitrary.polynomial(&rng), Arbitrary.polynomial(&rng), Gens.point(&rng)) }
        forAll(seed: 10, gen) { value, note in
            let (x, y, point) = value
            #expect((x + y).evaluated(at: point) == x.evaluated(at: point) + y.evaluated(at: point), note)
            #expect((x * y).evaluated(at: point) == x.evaluated(at: point) * y.evaluated(at: point), note)
        }
    }

    @Test func substitutionThenEvaluationEqualsEvaluationAtTheComposedValues() {
        let gen = Generator { rng in
            (
                Arbitrary.polynomial(&rng),
                [
                    Symbol("a"): Arbitrary.polynomial(&rng, maxTerms: 2),
                    Symbol("b"): Arbitrary.polynomial(&rng, maxTerms: 2),
                ],
                Gens.point(&rng)
            )
        }
        forAll(seed: 11, gen) { value, note in
            let (p, substitution, point) = value
            var composed = point
            for (s, q) in substitution { composed[s] = q.evaluated(at: point) }
            #expect(p.substituting(substitution).evaluated(at: point) == p.evaluated(at: composed), note)
        }
    }

    @Test func substitutionIsSimultaneous() {
        let swapped = (a * a + b.scaled(by: 3)).substituting([Symbol("a"): b, Symbol("b"): a])
        #expect(swapped == b * b + a.scaled(by: 3))
    }

    @Test func partialEvaluationAgreesWithSubstitutionOfConstants() {
        let gen = Generator { rng in (Arbitrary.polynomial(&rng), Gens.point(&rng)) }
        forAll(seed: 12, gen) { value, note in
            let (p, point) = value
            let partial: [Symbol: Rational] = [Symbol("a"): point[Symbol("a")]!]
            let viaSubstitution = p.substituting(partial.mapValues { Polynomial($0) })
            #expect(p.partiallyEvaluated(at: partial) == viaSubstitution, note)
            #expect(p.partiallyEvaluated(at: partial).evaluated(at: point) == p.evaluated(at: point), note)
            #expect(p.partiallyEvaluated(at: point).constantValue == p.evaluated(at: point), note)
        }
    }

    @Test func coefficientReadsTheTermDictionary() {
        forAll(seed: 13, Gens.polynomial) { p, note in
            for (m, coefficient) in p.terms { #expect(p.coefficient(of: m) == coefficient, note) }
            let absent = Monomial(Symbol("zz"))
            #expect(p.coefficient(of: absent).isZero, note)
        }
    }
}

@Suite struct PolynomialDivision {
    @Test func exactDivisionRecoversTheFactor() {
        let gen = Generator { rng in (Arbitrary.polynomial(&rng, maxTerms: 3), Arbitrary.polynomial(&rng, maxTerms: 3))
        }
        var cases = CaseCounter()
        forAll(seed: 14, gen) { value, note in
            let (x, y) = value
            if y.isZero { return }  // division by zero is not defined; counted below
            cases.count()
            #expect((x * y).dividedExactly(by: y) == x, note)
            if let q = x.dividedExactly(by: y) {
                #expect(q * y == x, note)
            }
        }
        cases.requireAtLeast(80)
    }

    @Test func nonDivisibleGivesNil() {
        #expect((a * a + 1).dividedExactly(by: a) == nil)
        #expect((a + b).dividedExactly(by: a) == nil)
        #expect(Polynomial(3).dividedExactly(by: a) == nil)
        #expect((a * b + a).dividedExactly(by: b + 1) == a)
        #expect((a.scaled(by: 4)).dividedExactly(by: Polynomial(Rational(2, 3))) == a.scaled(by: 6))
        #expect(Polynomial.zero.dividedExactly(by: a + b) == .zero)
    }
}

@Suite struct PolynomialPrinting {
    @Test func plainFormFollowsTheContract() throws {
        let w11 = Polynomial(Symbol("w11")), w21 = Polynomial(Symbol("w21"))
        let z1 = Polynomial(Symbol("z1")), z2 = Polynomial(Symbol("z2"))
        #expect((w21 * z2 + w11 * z1).description == "w11*z1 + w21*z2")
        #expect((a * a).scaled(by: Rational(-1, 2)).description == "-1/2*a^2")
        #expect(((a * a).scaled(by: Rational(-1, 2)) + 3).description == "-1/2*a^2 + 3")
        #expect((a.scaled(by: 2) + Polynomial(Rational(1, 3))).description == "2*a + 1/3")
        #expect((b - a * a * b + 1).description == "-a^2*b + b + 1")
        #expect(Polynomial.zero.description == "0")
        #expect(Polynomial(Rational(-7, 3)).description == "-7/3")
        #expect((-a).description == "-a")
    }

    @Test func printThenParseIsTheIdentity() throws {
        try forAll(seed: 15, Gens.polynomial) { p, note in
            let reparsed = try Polynomial.parse(p.description)
            #expect(reparsed == p, note)
        }
    }

    @Test func latexFormFollowsTheContract() {
        let w11 = Polynomial(Symbol("w11")), w21 = Polynomial(Symbol("w21"))
        let z1 = Polynomial(Symbol("z1")), z2 = Polynomial(Symbol("z2"))
        #expect((w11 * z1 + w21 * z2).latex == "w_{11} z_{1} + w_{21} z_{2}")
        #expect(((a * a).scaled(by: Rational(-1, 2)) + 3).latex == "-\\tfrac{1}{2} a^{2} + 3")
        #expect((a.scaled(by: 2) - Polynomial(Rational(1, 3))).latex == "2 a - \\tfrac{1}{3}")
        #expect(Symbol("b_2").latex == "b_{2}")
        #expect(Symbol("w_12").latex == "w_{12}")
        #expect(Symbol("alpha").latex == "\\alpha")
        #expect(Symbol("omega3").latex == "\\omega_{3}")
        #expect(Symbol("x").latex == "x")
        #expect(Symbol("bias").latex == "\\mathrm{bias}")
        #expect(Rational(-3, 4).latex == "-\\tfrac{3}{4}")
        #expect(Rational(5).latex == "5")
        #expect(Polynomial.zero.latex == "0")
    }
}
