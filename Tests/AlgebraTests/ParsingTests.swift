import Algebra
import ExactNumbers
import Testing

private let a = Polynomial(Symbol("a")), b = Polynomial(Symbol("b")), c = Polynomial(Symbol("c"))

@Suite struct ExpressionParsing {
    @Test func contractExamplesParseToTheBuiltPolynomials() throws {
        #expect(try Polynomial.parse("2*a + 1/3") == a.scaled(by: 2) + Polynomial(Rational(1, 3)))
        #expect(try Polynomial.parse("a*b - c^2") == a * b - c * c)
        #expect(try Polynomial.parse("(a + 1)^2") == (a + 1) * (a + 1))
        #expect(try Polynomial.parse("-w_12/3") == Polynomial(Symbol("w_12")).scaled(by: Rational(-1, 3)))
        #expect(try Polynomial.parse("0.5*x") == Polynomial(Symbol("x")).scaled(by: Rational(1, 2)))
        #expect(try Polynomial.parse("2.5e-3") == Polynomial(Rational(1, 400)))
        #expect(try Polynomial.parse("  -a^2 ") == -(a * a))
        #expect(try Polynomial.parse("a - -b") == a + b)
        #expect(try Polynomial.parse("a/2/3") == a.scaled(by: Rational(1, 6)))
        #expect(try Polynomial.parse("a/(1/2)") == a.scaled(by: 2))
        #expect(try Polynomial.parse("(a)^0") == .one)
        #expect(try Polynomial.parse("_x1*B") == Polynomial(Symbol("_x1")) * Polynomial(Symbol("B")))
    }

    @Test func numbersAgreeWithRationalParse() throws {
        for literal in ["3", "0.1", "-2.5e-3", "1e3", ".5", "12345678901234567890123"] {
            #expect(try Polynomial.parse(literal).constantValue == Rational.parse(literal), "\(literal)")
        }
    }

    @Test(arguments: [
        ("", 0), ("   ", 3), ("2a", 1), ("a b", 2), ("2(a)", 1), ("(a + 1", 0), ("a + 1)", 5),
        ("a / b", 4), ("a/0", 2), ("a/(b - b + 0)", 2), ("a^-1", 2), ("a^1001", 2), ("a^2^3", 3),
        ("a^b", 2), ("a^1.5", 3), ("a +", 3), ("* a", 0), ("a $ b", 2), ("()", 1), ("1e999999", 0),
        ("a + 2.5.1", 7),
    ])
    func parseErrorsCarryTheOffsetOfTheFault(text: String, offset: Int) {
        #expect(throws: ExpressionParseError.self) { try Polynomial.parse(text) }
        do {
            _ = try Polynomial.parse(text)
        } catch {
            #expect(error.offset == offset, "\(text): \(error)")
            #expect(error.message.contains("expected"), "\(text): \(error)")
        }
    }

    @Test func divisionByANonConstantSaysSo() {
        #expect(throws: ExpressionParseError.self) { try Polynomial.parse("1/a") }
        do { _ = try Polynomial.parse("1/a") } catch {
            #expect(error.message.hasPrefix("division by the non-constant"))
            #expect(error.description == "offset 2: \(error.message)")
        }
    }
}
