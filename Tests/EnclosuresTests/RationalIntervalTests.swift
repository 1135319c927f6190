import ExactNumbers
import PropertyBased
import Testing
@testable import Enclosures
import TestSupport

@Suite struct RationalIntervalTests {
    @Test func pointIntervalIsExact() {
        let p = RationalInterval(exactly: Rational(2, 3))
        #expect(p.isPoint)
        #expect(p.width == 0)
        #expect(p.midpoint == Rational(2, 3))
        #expect(p.contains(Rational(2, 3)))
        #expect(!p.contains(Rational(1, 3)))
        #expect(p.description == "[2/3, 2/3]")
    }

    @Test func queriesOnAProperInterval() {
        let x = RationalInterval(lo: Rational(1, 3), hi: Rational(1, 2))
        #expect(!x.isPoint)
        #expect(x.width == Rational(1, 6))
        #expect(x.midpoint == Rational(5, 12))
        #expect(x.contains(Rational(1, 3)) && x.contains(Rational(1, 2)) && x.contains(Rational(2, 5)))
        #expect(!x.contains(Rational(1, 4)) && !x.contains(Rational(3, 5)))
        #expect(x.description == "[1/3, 1/2]")
        #expect(RationalInterval(lo: -1, hi: 1).description == "[-1, 1]")
        #expect(x.checkInvariants())
        #expect(RationalInterval(hullOf: Rational(1, 2), Rational(1, 3)) == x)
    }

    @Test func overlapsIsSharingAPoint() {
        let a = RationalInterval(lo: 0, hi: 1)
        #expect(a.overlaps(RationalInterval(lo: 1, hi: 2)))  // touching ends share 1
        #expect(a.overlaps(RationalInterval(lo: Rational(1, 2), hi: Rational(1, 2))))
        #expect(!a.overlaps(RationalInterval(lo: Rational(1001, 1000), hi: 2)))
        #expect(!RationalInterval(lo: -3, hi: -2).overlaps(a))
        #expect(a.hull(RationalInterval(lo: 3, hi: 4)) == RationalInterval(lo: 0, hi: 4))
    }

    @Test func arithmeticMatchesHandComputedRanges() {
        let a = RationalInterval(lo: -1, hi: 2), b = RationalInterval(lo: 3, hi: 5)
        #expect(a + b == RationalInterval(lo: 2, hi: 7))
        #expect(a - b == RationalInterval(lo: -6, hi: -1))
        #expect(a * b == RationalInterval(lo: -5, hi: 10))
        #expect(a * a == RationalInterval(lo: -2, hi: 4))  // interval product, not the square
        #expect(a / b == RationalInterval(lo: Rational(-1, 3), hi: Rational(2, 3)))
        #expect(b.reciprocal == RationalInterval(lo: Rational(1, 5), hi: Rational(1, 3)))
        #expect(a * Rational(-2) == RationalInterval(lo: -4, hi: 2))
        #expect(Rational(1, 2) * a == RationalInterval(lo: Rational(-1, 2), hi: 1))
        #expect(-a == RationalInterval(lo: -2, hi: 1))
        #expect(a / Rational(-1) == -a)
        #expect(1 - b == RationalInterval(lo: -4, hi: -2))
    }

    /// For x ∈ a, y ∈ b: x∘y ∈ a∘b; and the result is the exact range (its ends are attained).
    @Test func arithmeticContainsPointwiseResults() {
        let g = zip(Gen.int(in: -50...50), Gen.int(in: 0...40), Gen.int(in: -50...50), Gen.int(in: 0...40))
        forAll(seed: 11, count: 200, g) { v, note in
            let a = RationalInterval(lo: Rational(v.0, 7), hi: Rational(v.0 + v.1, 7))
            let b = RationalInterval(lo: Rational(v.2, 5), hi: Rational(v.2 + v.3, 5))
            let xs = samples(a, 4), ys = samples(b, 4)
            let c = Rational(v.2 - v.0, 3)
            for x in xs {
                #expect(a.scaled(by: c).contains(c * x), note)
                for y in ys {
                    #expect((a + b).contains(x + y), note)
                    #expect((a - b).contains(x - y), note)
                    #expect((a * b).contains(x * y), note)
                    if !b.containsZero { #expect((a / b).contains(x / y), note) }
                }
            }
            let products = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
            #expect(products.contains((a * b).lo) && products.contains((a * b).hi), note)
            #expect((a * b).checkInvariants() && (a - b).checkInvariants(), note)
        }
    }
}
