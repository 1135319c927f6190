import ExactNumbers
import PropertyBased
import Testing
import TestSupport

/// Rational arithmetic against the `Int128` fraction oracle, and the field axioms themselves.
@Suite struct RationalFieldLawTests {
    @Test(.shrinking) func sumDifferenceProductQuotientMatchInt128Oracle() async {
        await seededCheck(count: 200, input: TestGen.fraction, TestGen.fraction) { a, b in
            let (x, y) = (a.rational, b.rational)
            #expect(agrees(x + y, with: a + b), "\(a) + \(b)")
            #expect(agrees(x - y, with: a - b), "\(a) - \(b)")
            #expect(agrees(x * y, with: a * b), "\(a) * \(b)")
            if !b.isZero {
                #expect(agrees(x / y, with: a / b), "\(a) / \(b)")
                #expect(agrees(y.reciprocal, with: Fraction(1) / b))
            }
            #expect(agrees(-x, with: -a))
        }
    }

    @Test(.shrinking) func constructionFromUncanonicalPartsIsCanonical() async {
        await seededCheck(count: 200, input: TestGen.smallInt, TestGen.nonZeroInt, Gen.int(in: 1...1000)) { n, d, k in
            // k·n / k·d is the same number as n/d, whatever the signs.
            let expected = Fraction(Int128(n), Int128(d))
            #expect(agrees(Rational(n, d), with: expected))
            #expect(agrees(Rational(n * k, d * k), with: expected))
            #expect(agrees(Rational(numerator: BigInt(-n * k), denominator: BigInt(-d * k)), with: expected))
            #expect(Rational(n, d).numerator == BigInt(int128: expected.numerator))
            #expect(Rational(n, d).denominator == BigInt(int128: expected.denominator))
        }
    }

    /// ((a ∘ b) ∘ (c ∘ d)) for random operators, evaluated by Rational and by the oracle.
    @Test(.shrinking) func depthTwoExpressionsMatchInt128Oracle() async {
        let leaves = TestGen.fraction.array(of: 4)
        let ops = Gen.int(in: 0...4).array(of: 3)
        await seededCheck(count: 200, input: leaves, ops) { f, op in
            func applyOracle(_ o: Int, _ a: Fraction, _ b: Fraction) -> Fraction {
                switch o {
                case 0: a + b
                case 1: a - b
                case 2: a * b
                case 3: b.isZero ? a * b : a / b
                default: -(a - b)
                }
            }
            func applyRational(_ o: Int, _ a: Rational, _ b: Rational) -> Rational {
                switch o {
                case 0: a + b
                case 1: a - b
                case 2: a * b
                case 3: b.isZero ? a * b : a / b
                default: -(a - b)
                }
            }
            let expected = applyOracle(op[1], applyOracle(op[0], f[0], f[1]), applyOracle(op[2], f[2], f[3]))
            let r = f.map(\.rational)
            let actual = applyRational(op[1], applyRational(op[0], r[0], r[1]), applyRational(op[2], r[2], r[3]))
            #expect(agrees(actual, with: expected), "ops \(op) on \(f)")
        }
    }

    @Test(.shrinking) func fieldAxiomsHold() async {
        await seededCheck(count: 200, input: TestGen.fraction, TestGen.fraction, TestGen.fraction) { fa, fb, fc in
            let (a, b, c) = (fa.rational, fb.rational, fc.rational)
            #expect(a + b == b + a)
            #expect(a * b == b * a)
            #expect((a + b) + c == a + (b + c))
            #expect((a * b) * c == a * (b * c))
            #expect(a * (b + c) == a * b + a * c)
            #expect(a + .zero == a && a * .one == a)
            #expect((a + -a).isZero && (a - a).isZero)
            #expect(a - b == a + -b)
            if !a.isZero {
                #expect((a * a.reciprocal).isOne)
                #expect(a.reciprocal.reciprocal == a)
                #expect((b / a) * a == b)
            }
        }
    }

    @Test(.shrinking) func orderingMatchesOracleAndIsCompatibleWithAddition() async {
        await seededCheck(count: 200, input: TestGen.fraction, TestGen.fraction, TestGen.fraction) { fa, fb, fc in
            let (a, b, c) = (fa.rational, fb.rational, fc.rational)
            #expect((a < b) == (fa < fb))
            #expect((a == b) == (fa == fb))
            #expect((a <= b) == (fa <= fb))
            #expect(Rational.min(a, b) == (fa < fb ? fa : fb).rational)
            #expect(Rational.max(a, b) == (fa < fb ? fb : fa).rational)
            // Exactly one of <, ==, > holds; order is translation invariant.
            #expect([a < b, a == b, a > b].filter { $0 }.count == 1)
            #expect((a < b) == (a + c < b + c))
            if c.signum > 0 { #expect((a < b) == (a * c < b * c)) }
            if c.signum < 0 { #expect((a < b) == (a * c > b * c)) }
        }
    }

    @Test(.shrinking) func powerMatchesRepeatedMultiplicationIncludingNegativeExponents() async {
        await seededCheck(count: 200, input: TestGen.fraction, Gen.int(in: -5...5)) { f, e in
            let x = f.rational
            if f.isZero && e < 0 { return }
            #expect(agrees(x.power(e), with: f.power(e)), "(\(f))^\(e)")
            if !f.isZero {
                #expect(x.power(e) * x.power(-e) == .one)
                #expect(x.power(e + 1) == x.power(e) * x)
            }
        }
        #expect(Rational(0).power(0) == .one)
        #expect(Rational(-1).power(Int.max) == -1)
        #expect(Rational(-1).power(Int.min) == 1)  // regression: used to overflow on -Int.min
        #expect(Rational(1, 2).power(-64) == Rational(BigInt(1).shiftedLeft(64)))
        #expect(Rational(-2, 3).power(-3) == Rational(-27, 8))
    }

    @Test(.shrinking) func floorAndCeilingBracketTheValue() async {
        await seededCheck(count: 200, input: TestGen.fraction) { f in
            let x = f.rational
            #expect(x.floor == BigInt(int128: f.floor), "floor(\(f))")
            #expect(x.ceiling == BigInt(int128: f.ceiling), "ceiling(\(f))")
            #expect(Rational(x.floor) <= x && x < Rational(x.floor + 1))
            #expect(Rational(x.ceiling) >= x && x > Rational(x.ceiling - 1))
            #expect((x.floor == x.ceiling) == x.isInteger)
        }
        #expect(Rational(-7, 2).floor == -4 && Rational(-7, 2).ceiling == -3)
        #expect(Rational(7, 2).floor == 3 && Rational(7, 2).ceiling == 4)
    }

    @Test(.shrinking) func magnitudeSignumAndPredicatesMatchOracle() async {
        await seededCheck(count: 200, input: TestGen.fraction) { f in
            let x = f.rational
            #expect(agrees(x.magnitude, with: f.magnitude))
            #expect(x.signum == f.signum)
            #expect(x.isZero == f.isZero)
            #expect(x.isOne == (f == Fraction(1)))
            #expect(x.isInteger == (f.denominator == 1))
            #expect(x.magnitude * Rational(x.signum) == x)
            #expect(x.bitSize == BigInt(int128: f.numerator).bitWidth + BigInt(int128: f.denominator).bitWidth)
        }
    }

    @Test(.shrinking) func rationalGCDMatchesOracleAndDividesBothToIntegers() async {
        await seededCheck(count: 200, input: TestGen.fraction, TestGen.fraction) { fa, fb in
            let (a, b) = (fa.rational, fb.rational)
            let g = Rational.gcd(a, b)
            #expect(agrees(g, with: Fraction.rationalGCD(fa, fb)), "gcd(\(fa), \(fb))")
            #expect(g == Rational.gcd(b, a))
            if !g.isZero {
                #expect(g.signum > 0)
                #expect((a / g).isInteger && (b / g).isInteger)
                // Maximality: the two integer quotients are coprime.
                #expect(BigInt.gcd((a / g).numerator, (b / g).numerator).isOne)
            }
        }
        #expect(Rational.gcd(.zero, .zero) == .zero)
        #expect(Rational.gcd(Rational(-3, 4), .zero) == Rational(3, 4))
    }
}
