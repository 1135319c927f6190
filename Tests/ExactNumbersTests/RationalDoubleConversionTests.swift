import ExactNumbers
import PropertyBased
import Testing
import TestSupport

/// `Rational(exactly:)` for binary floating point: the exact dyadic value m·2^e, computed here
/// independently from the IEEE 754 fields.
@Suite struct RationalDoubleConversionTests {
    /// ±m·2^e from the bit fields: m = significand (with the implicit 1 for normals),
    /// e = biased exponent − 1075 (or −1074 for subnormals and zero).
    static func dyadic(_ d: Double) -> Rational {
        let isNormal = d.exponentBitPattern != 0
        let m = d.significandBitPattern | (isNormal ? UInt64(1) << 52 : 0)
        let e = isNormal ? Int(d.exponentBitPattern) - 1075 : -1074
        let magnitude =
            e >= 0
            ? Rational(BigInt(uint64: m).shiftedLeft(e))
            : Rational(numerator: BigInt(uint64: m), denominator: BigInt.one.shiftedLeft(-e))
        return d.sign == .minus ? -magnitude : magnitude
    }

    @Test(.shrinking) func finiteDoubleConvertsToItsExactDyadicValue() async {
        await seededCheck(count: 200, input: Gen.uint64()) { bits in
            let d = Double(bitPattern: bits)
            guard d.isFinite else {
                #expect(Rational(exactly: d) == nil)
                return
            }
            let r = Rational(exactly: d)
            #expect(r == Self.dyadic(d), "\(d) bits \(String(bits, radix: 16))")
            #expect(r?.checkInvariants() == true)
            // The denominator of a dyadic rational is a power of two.
            if let q = r?.denominator { #expect(q == BigInt.one.shiftedLeft(q.bitWidth - 1)) }
        }
    }

    @Test(.shrinking) func doublesOfModerateSizeAgreeWithSignificandAndExponent() async {
        var cases = CaseCounter()
        await seededCheck(count: 200, input: Gen.double(in: -1e6...1e6)) { d in
            // d = significand · 2^exponent with significand in [1, 2) (53 bits).
            if d == 0 { return }  // zero has no normal significand; counted below
            cases.count()
            let m = BigInt(uint64: (UInt64(1) << 52) | d.significandBitPattern)
            let e = Int(d.exponent) - 52
            let expected =
                e >= 0 ? Rational(m.shiftedLeft(e)) : Rational(numerator: m, denominator: BigInt.one.shiftedLeft(-e))
            #expect(Rational(exactly: d) == (d < 0 ? -expected : expected))
        }
        cases.requireAtLeast(190)
    }

    @Test func specialValues() {
        #expect(Rational(exactly: Double.nan) == nil)
        #expect(Rational(exactly: Double.infinity) == nil)
        #expect(Rational(exactly: -Double.infinity) == nil)
        #expect(Rational(exactly: Float.nan) == nil)
        #expect(Rational(exactly: -Float.infinity) == nil)
        #expect(Rational(exactly: -0.0) == .zero)
        #expect(Rational(exactly: 0.5) == Rational(1, 2))
        #expect(Rational(exactly: -3.75) == Rational(-15, 4))
        #expect(
            Rational(exactly: Double.leastNonzeroMagnitude)
                == Rational(numerator: 1, denominator: BigInt.one.shiftedLeft(1074)))
        #expect(
            Rational(exactly: Double.greatestFiniteMagnitude)
                == Rational(BigInt.one.shiftedLeft(53) - 1) * Rational(BigInt.one.shiftedLeft(971)))
        #expect(
            Rational(exactly: Float(0.1)) == Rational(numerator: 13_421_773, denominator: BigInt.one.shiftedLeft(27)))
    }

    @Test func pointOneAsADoubleIsNotOneTenth() {
        let r = Rational(exactly: 0.1)!
        #expect(r != Rational(1, 10))
        #expect(r == Rational(numerator: BigInt(3_602_879_701_896_397), denominator: BigInt.one.shiftedLeft(55)))
        #expect(r > Rational(1, 10))  // the nearest double lies above 1/10
    }
}
