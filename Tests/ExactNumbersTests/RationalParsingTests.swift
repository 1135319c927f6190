import ExactNumbers
import PropertyBased
import Testing
import TestSupport

/// `Rational.parse` (CONTRACT §1 literals) and `description`: exact round trips, the accepted
/// decimal forms, and the reason and offset of every kind of malformed input.
@Suite struct RationalParsingTests {
    @Test(.shrinking) func parseInvertsDescriptionForRandomFractions() async {
        await seededCheck(count: 200, input: TestGen.fraction) { f in
            let text = f.rational.description
            let parsed = try Rational.parse(text)
            #expect(text == f.description)
            #expect(parsed == f.rational)
            #expect(Rational(text) == f.rational)
        }
    }

    @Test(.shrinking) func parseInvertsDescriptionForThousandDigitFractions() async {
        await seededCheck(count: 50, input: TestGen.thousandDigitInt, TestGen.thousandDigitInt) { p, q in
            let r = Rational(numerator: p, denominator: q)
            #expect(r.checkInvariants())
            let parsed = try Rational.parse(r.description)
            #expect(parsed == r)
            #expect(parsed.description == r.description)
            #expect(parsed.numerator == r.numerator && parsed.denominator == r.denominator)
            // Cross-multiplication: p/q == num/den as integers.
            #expect(p * r.denominator == q * r.numerator)
        }
    }

    @Test(arguments: [
        ("0.1", 1, 10), ("-2.5e-3", -1, 400), ("1e3", 1000, 1), (".5", 1, 2), ("5.", 5, 1),
        ("+3", 3, 1), ("1E-2", 1, 100), ("3/-4", -3, 4), ("-3/-4", 3, 4), ("6/-4", -3, 2),
        ("  7/3  ", 7, 3), ("\t-0.25 ", -1, 4), ("0", 0, 1), ("-0", 0, 1), ("-0.000", 0, 1),
        ("007", 7, 1), ("1.50", 3, 2), ("2.5E+2", 250, 1), ("-.125e1", -5, 4), ("10/+4", 5, 2),
        ("123456789012345678", 123456789012345678, 1),
    ])
    func decimalAndFractionLiteralsMeanExactlyTheValueWritten(text: String, n: Int, d: Int) throws {
        let r = try Rational.parse(text)
        #expect(r == Rational(n, d))
        #expect(r.checkInvariants())
    }

    @Test func decimalLiteralIsNotItsNearestDouble() throws {
        let tenth = try Rational.parse("0.1")
        #expect(tenth == Rational(1, 10))
        #expect(tenth != Rational(exactly: 0.1)!)
        #expect(try Rational.parse("0.1") + Rational.parse("0.2") == Rational.parse("0.3"))
    }

    @Test(arguments: [
        ("", RationalParseError.Reason.empty, 0),
        ("   ", .empty, 0),
        ("-", .missingDigits, 1),
        ("+", .missingDigits, 1),
        (".", .missingDigits, 1),
        ("1/0", .zeroDenominator, 2),
        ("1/-0", .zeroDenominator, 2),
        (" 12/000 ", .zeroDenominator, 4),
        ("1/", .missingDigits, 2),
        ("a", .unexpectedCharacter("a"), 0),
        ("  x1", .unexpectedCharacter("x"), 2),
        ("1.2.3", .unexpectedCharacter("."), 3),
        ("1e", .missingDigits, 2),
        ("1e+", .missingDigits, 3),
        ("1/2/3", .unexpectedCharacter("/"), 3),
        ("0.5/2", .unexpectedCharacter("/"), 3),
        ("1/0.5", .unexpectedCharacter("."), 3),
        ("1 / 2", .unexpectedCharacter(" "), 1),
        ("--1", .unexpectedCharacter("-"), 1),
        ("1x", .unexpectedCharacter("x"), 1),
        ("½", .unexpectedCharacter("½"), 0),
        ("é1", .unexpectedCharacter("é"), 0),
        ("1é", .unexpectedCharacter("é"), 1),
        ("1e999999999", .exponentTooLarge, 0),
        ("-1e-999999999", .exponentTooLarge, 1),
        ("1e100001", .exponentTooLarge, 0),
    ])
    func malformedLiteralsReportReasonAndCharacterOffset(text: String, reason: RationalParseError.Reason, offset: Int) {
        #expect(throws: RationalParseError(reason, at: offset)) { try Rational.parse(text) }
        #expect(Rational(text) == nil)
    }

    @Test func parseErrorDescriptionSaysWhatWasExpected() {
        let e = RationalParseError(.unexpectedCharacter("x"), at: 3)
        #expect(e.description.contains("'x'"))
        #expect(e.description.contains("expected"))
        #expect(RationalParseError(.exponentTooLarge, at: 0).description.contains("\(Rational.maximumDecimalExponent)"))
    }

    @Test func exponentAtTheLimitIsExpandedExactly() throws {
        let big = try Rational.parse("1e\(Rational.maximumDecimalExponent)")
        #expect(big == Rational(BigInt(10).power(Rational.maximumDecimalExponent)))
        #expect(big.description.count == Rational.maximumDecimalExponent + 1)
        let small = try Rational.parse("-1e-\(Rational.maximumDecimalExponent)")
        #expect(small == -big.reciprocal)
    }

    /// Regression: the exponent used to saturate at 1_100_000 while being read, so a literal with
    /// a million fraction digits and an enormous exponent came out as a small, wrong power of ten
    /// instead of `exponentTooLarge`.
    @Test func hugeExponentIsNotSaturatedIntoAWrongValue() {
        let text = "0." + String(repeating: "0", count: 1_000_000) + "1e99999999999"
        #expect(throws: RationalParseError(.exponentTooLarge, at: 0)) { try Rational.parse(text) }
    }

    /// sign · (I + F/10^k) · 10^e built as text from random parts, against the same value
    /// computed in Int128 by the oracle.
    @Test(.shrinking) func decimalTextMatchesIntegerArithmetic() async {
        await seededCheck(
            count: 200, input: Gen.bool, Gen.int(in: 0...1_000_000), TestGen.digits(0...9),
            Gen.int(in: -9...9), Gen.int(in: 0...2)
        ) { negative, whole, fraction, exponent, style in
            var text = (negative ? "-" : style == 1 ? "+" : "") + String(whole)
            if !fraction.isEmpty || style == 2 { text += "." + fraction }
            if exponent != 0 || style == 1 { text += (style == 2 ? "E" : "e") + String(exponent) }
            let k = fraction.count
            let mantissa = Int128(whole) * pow10(k) + (Int128(fraction) ?? 0)
            let scale = exponent - k
            var expected = scale >= 0 ? Fraction(mantissa * pow10(scale)) : Fraction(mantissa, pow10(-scale))
            if negative { expected = -expected }
            let parsed = try Rational.parse(text)
            #expect(agrees(parsed, with: expected), "\(text)")
        }
    }

    /// The same with up to 400 integer and fraction digits, against BigInt arithmetic.
    @Test(.shrinking) func longDecimalTextMatchesBigIntArithmetic() async {
        await seededCheck(
            count: 200, input: TestGen.digits(1...400), TestGen.digits(0...400), Gen.int(in: -500...500)
        ) { whole, fraction, exponent in
            let text = "\(whole).\(fraction)e\(exponent)"
            let mantissa = BigInt(whole + fraction)!
            let scale = exponent - fraction.count
            let expected =
                scale >= 0
                ? Rational(mantissa * BigInt(10).power(scale))
                : Rational(numerator: mantissa, denominator: BigInt(10).power(-scale))
            let (parsed, negated) = (try Rational.parse(text), try Rational.parse("-" + text))
            #expect(parsed == expected)
            #expect(negated == -expected)
        }
    }
}

private func pow10(_ k: Int) -> Int128 {
    var p: Int128 = 1
    for _ in 0..<k { p *= 10 }
    return p
}
