import Testing
import ExactNumbers

@Test func literalsParseExactly() throws {
    #expect(try Rational.parse("0.1") == Rational(1, 10))
    #expect(try Rational.parse("-2.5e-3") == Rational(-1, 400))
    #expect(try Rational.parse("3/-4").description == "-3/4")
    #expect(try Rational.parse("6/-4").description == "-3/2")
    #expect(throws: RationalParseError(.zeroDenominator, at: 2)) { try Rational.parse("1/0") }
    #expect(Rational(exactly: 0.1)! != Rational(1, 10))
    var a = Rational(3, 4); a += a
    #expect(a == Rational(3, 2))
}
