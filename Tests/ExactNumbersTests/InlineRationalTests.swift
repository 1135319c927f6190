import ExactNumbers
import Testing

/// Rationals from machine integers are stored inline; results of arithmetic are GMP
/// rationals. Both forms must be indistinguishable.
@Suite struct InlineRationalTests {
    /// The same value built inline (from words) and as a GMP result (by arithmetic).
    func bothForms(_ n: Int, _ d: Int) -> (inline: Rational, gmp: Rational) {
        let inline = Rational(n, d)
        let gmp = (inline + Rational(1, 3)) - Rational(1, 3)
        return (inline, gmp)
    }

    @Test func bothFormsCompareHashAndPrintAlike() {
        let samples: [(Int, Int)] = [
            (0, 1), (1, 1), (-1, 1), (3, -4), (-6, 8), (Int.max, 1), (Int.max, Int.max - 1),
            (-Int.max, 7), (Int.min, 1), (Int.min, 2), (5, Int.min), (Int.min, Int.min),
        ]
        for (n, d) in samples {
            let (a, b) = bothForms(n, d)
            #expect(a == b, "\(n)/\(d)")
            #expect(a.hashValue == b.hashValue, "\(n)/\(d)")
            #expect(a.description == b.description)
            #expect(a.numerator == b.numerator && a.denominator == b.denominator)
            #expect(a.checkInvariants() && b.checkInvariants())
            #expect(!(a < b) && !(b < a))
            #expect(a.signum == b.signum && a.isZero == b.isZero && a.isOne == b.isOne && a.isInteger == b.isInteger)
            #expect(-a == -b && a.magnitude == b.magnitude && a.floor == b.floor && a.ceiling == b.ceiling)
            #expect(Set([a, b]).count == 1)
        }
        #expect(Rational(Int.min, 1).description == "-9223372036854775808")
        #expect(Rational(5, Int.min).description == "-5/9223372036854775808")
        #expect(Rational(Int.min, Int.min) == .one)
        #expect(Rational(-6, -8).description == "3/4")
        #expect(Rational(BigInt(-7)).description == "-7")
    }

    @Test func inPlaceOperationsOnInlineValuesDoNotTouchCopies() {
        var a = Rational(2, 3)
        let copy = a
        a += Rational(1, 3)
        #expect(a == .one && copy == Rational(2, 3))
        a *= Rational(-5, 2)
        a -= Rational(1, 2)
        a /= Rational(3)
        #expect(a == Rational(-1) && copy == Rational(2, 3))
        var b = Rational(7)
        b += b
        #expect(b == Rational(14))
        var big = Rational(Int.max) + Rational(Int.max)
        let bigCopy = big
        big -= Rational(Int.max)
        #expect(big == Rational(Int.max) && bigCopy == Rational(Int.max) * Rational(2))
    }

    @Test func arithmeticMixesTheFormsExactly() {
        let values = [
            Rational(0), Rational(1, 2), Rational(-3, 7), Rational(Int.max, 3),
            Rational(Int.max) * Rational(Int.max, 5),
        ]
        for x in values {
            for y in values {
                #expect((x + y) - y == x)
                #expect(x * y == y * x)
                if !y.isZero { #expect((x / y) * y == x) }
                #expect(x.power(2) == x * x)
                #expect(x.residue(modulo: 1_000_003) == ((x + y) - y).residue(modulo: 1_000_003))
            }
        }
    }
}
