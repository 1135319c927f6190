import ExactNumbers
import PropertyBased
import Testing
import TestSupport

/// BigInt against Int128 arithmetic on full-range `Int` operands, and algebraic laws on
/// numbers far beyond any machine width.
@Suite struct BigIntTests {
    @Test(.shrinking) func ringOperationsMatchInt128OnFullRangeInts() async {
        await seededCheck(count: 200, input: Gen.int(), Gen.int()) { a, b in
            let (x, y) = (BigInt(a), BigInt(b))
            let (wa, wb) = (Int128(a), Int128(b))
            #expect((x + y).description == String(wa + wb))
            #expect((x - y).description == String(wa - wb))
            #expect((x * y).description == String(wa * wb))
            #expect((-x).description == String(-wa))
            #expect(x.magnitude.description == String(wa.magnitude))
            #expect(x.signum == a.signum())
            #expect((x < y) == (a < b) && (x == y) == (a == b))
            #expect(x.isOdd == (a % 2 != 0))
            #expect(x.bitWidth == (a == 0 ? 0 : Int(wa.magnitude.bitWidth - wa.magnitude.leadingZeroBitCount)))
        }
    }

    @Test(.shrinking) func floorDivisionMatchesInt128() async {
        await seededCheck(count: 200, input: Gen.int(), Gen.int().filter { $0 != 0 }) { a, b in
            let (q, r) = BigInt(a).quotientAndRemainder(dividingBy: BigInt(b))
            let (wa, wb) = (Int128(a), Int128(b))
            var wq = wa / wb
            if wa % wb != 0 && (wa < 0) != (wb < 0) { wq -= 1 }
            #expect(q.description == String(wq))
            #expect(r.description == String(wa - wq * wb))
        }
    }

    @Test(.shrinking) func quotientAndRemainderSatisfyFloorDivisionLawOnHugeNumbers() async {
        var cases = CaseCounter()
        await seededCheck(count: 200, input: TestGen.bigInt(limbs: 1...60), TestGen.bigInt(limbs: 1...30)) { a, b in
            if b.isZero { return }  // no division by zero; counted below
            cases.count()
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            #expect(q * b + r == a)
            // Floor convention: the remainder takes the sign of the divisor, |r| < |b|.
            if b.signum > 0 { #expect(BigInt.zero <= r && r < b) }
            if b.signum < 0 { #expect(b < r && r <= BigInt.zero) }
            #expect(q == Rational(numerator: a, denominator: b).floor)
            #expect(a.isDivisible(by: b) == r.isZero)
        }
        cases.requireAtLeast(190)
    }

    @Test(.shrinking) func productDividedByFactorGivesBackThousandDigitNumber() async {
        await seededCheck(count: 50, input: TestGen.thousandDigitInt, TestGen.thousandDigitInt) { a, b in
            let p = a * b
            #expect(p.dividedExactly(by: b) == a)
            #expect(p.quotientAndRemainder(dividingBy: b) == (a, BigInt.zero))
            #expect(p.isDivisible(by: a) && p.isDivisible(by: b))
            #expect((p + 1).quotientAndRemainder(dividingBy: b.magnitude).remainder == 1)
            #expect(p.description.count >= 1999)
        }
    }

    @Test(.shrinking) func gcdAndLcmLaws() async {
        await seededCheck(
            count: 200, input: TestGen.bigInt(limbs: 1...8), TestGen.bigInt(limbs: 1...8), TestGen.bigInt(limbs: 1...4)
        ) { a0, b0, c in
            // A common factor c makes the gcd non-trivial.
            let (a, b) = (a0 * c, b0 * c)
            let g = BigInt.gcd(a, b), l = BigInt.lcm(a, b)
            #expect(g.signum >= 0 && l.signum >= 0)
            #expect(g * l == (a * b).magnitude)
            #expect(g.isDivisible(by: c))
            if !g.isZero {
                #expect(a.isDivisible(by: g) && b.isDivisible(by: g))
                #expect(BigInt.gcd(a.dividedExactly(by: g), b.dividedExactly(by: g)).isOne)
                #expect(l.isDivisible(by: a) && l.isDivisible(by: b))
            }
            #expect(BigInt.gcd(a, b) == BigInt.gcd(b, -a))
            #expect(BigInt.gcd(a, .zero) == a.magnitude && BigInt.lcm(a, .zero).isZero)
        }
        #expect(BigInt.gcd(.zero, .zero).isZero)
        #expect(BigInt.gcd(BigInt(-12), BigInt(18)) == 6 && BigInt.lcm(BigInt(-4), BigInt(6)) == 12)
    }

    @Test(.shrinking) func gcdMatchesEuclidOnInts() async {
        await seededCheck(
            count: 200, input: Gen.int(in: -1_000_000_000...1_000_000_000), Gen.int(in: -1_000_000_000...1_000_000_000)
        ) { a, b in
            // The oracle's Euclid returns 1 for (0, 0) (it normalises 0/d); BigInt's gcd(0, 0) is 0.
            let euclid = a == 0 && b == 0 ? 0 : Fraction.gcd(Int128(a), Int128(b))
            #expect(BigInt.gcd(BigInt(a), BigInt(b)).description == String(euclid))
        }
    }

    @Test func exactIntIsNilBeyondIntRangeAndNeverTruncates() {
        let max = BigInt(Int.max), min = BigInt(Int.min)
        #expect(max.exactInt == Int.max && min.exactInt == Int.min)
        #expect((max + 1).exactInt == nil)
        #expect((min - 1).exactInt == nil)
        #expect(BigInt(1).shiftedLeft(64).exactInt == nil)  // low limb is 0: truncation would give 0
        #expect((BigInt(1).shiftedLeft(64) + 5).exactInt == nil)  // truncation would give 5
        #expect((-BigInt(1).shiftedLeft(64) - 7).exactInt == nil)
        #expect(BigInt.zero.exactInt == 0)
    }

    @Test(.shrinking) func exactIntRoundTripsIntsAndRejectsWiderValues() async {
        await seededCheck(count: 200, input: Gen.int(), TestGen.bigInt(limbs: 2...4)) { a, wide in
            #expect(BigInt(a).exactInt == a)
            // A value with a non-zero limb above the first 64 bits (or exactly ±2^63...) never fits.
            let fits = BigInt(Int.min) <= wide && wide <= BigInt(Int.max)
            #expect((wide.exactInt != nil) == fits)
            if let w = wide.exactInt { #expect(BigInt(w) == wide) }
        }
    }

    @Test(.shrinking) func descriptionAndStringInitRoundTripHugeNumbers() async {
        await seededCheck(count: 200, input: TestGen.bigInt(limbs: 1...80), Gen.bool) { x, plus in
            let text = x.description
            #expect(BigInt(text) == x)
            #expect(text.first != "+" && (x.signum < 0) == (text.first == "-"))
            #expect(text == "0" || !text.drop(while: { $0 == "-" }).hasPrefix("0"))
            if plus && x.signum >= 0 { #expect(BigInt("+" + text) == x) }
            #expect(BigInt("000" + x.magnitude.description) == x.magnitude)
        }
        #expect(BigInt("-0") == BigInt.zero && BigInt("0")?.description == "0")
    }

    @Test(arguments: ["", "+", "-", " 1", "1 ", "1.0", "1e3", "0x10", "1_000", "--1", "+-1", "١٢", "12a"])
    func stringInitRejectsAnythingButSignedDigits(text: String) {
        #expect(BigInt(text) == nil)
    }

    @Test(.shrinking) func powerAndShiftMatchRepeatedMultiplication() async {
        await seededCheck(count: 200, input: TestGen.bigInt(limbs: 1...3), Gen.int(in: 0...40), Gen.int(in: 0...300)) {
            x, e, s in
            var expected = BigInt.one
            for _ in 0..<e { expected *= x }
            #expect(x.power(e) == expected)
            #expect(x.shiftedLeft(s) == x * BigInt(2).power(s))
            #expect(x.shiftedLeft(s).bitWidth == (x.isZero ? 0 : x.bitWidth + s))
        }
    }

    @Test(.shrinking) func fusedMultiplyAddMatchesSeparateOperations() async {
        await seededCheck(
            count: 200, input: TestGen.bigInt(limbs: 1...10), TestGen.bigInt(limbs: 1...10),
            TestGen.bigInt(limbs: 1...10)
        ) { acc, a, b in
            var x = acc
            x.addProduct(a, b)
            #expect(x == acc + a * b)
            x.subtractProduct(a, b)
            #expect(x == acc)
            x.subtractProduct(a, b)
            #expect(x == acc - a * b)
        }
    }
}
