import ExactNumbers
import Testing

/// `Rational(m, overPowerOfTwo: k)` (shifts out common factors of two, no gcd) against the
/// general `Rational(m, 1 << k)` (Euclid's gcd), and against GMP arithmetic.
@Suite struct DyadicRationalTests {
    @Test func agreesWithTheGeneralConstructorOnRandomDyadics() {
        var state: UInt64 = 0x2026_1126_0000_0015  // fixed seed
        func next() -> UInt64 {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var checked = 0
        for _ in 0..<2000 {
            let k = Int(next() % 63)
            // Mantissas with a random number of trailing zeros and bit length.
            let bits = Int(next() % 63) + 1
            var m = Int(next() >> UInt64(64 - bits)) << Int(next() % 8)
            if next() & 1 == 1, m != .min { m = -m }
            let fast = Rational(m, overPowerOfTwo: k)
            let general = Rational(m, 1 << k)
            #expect(fast == general, "\(m)/2^\(k)")
            #expect(fast.numerator == general.numerator && fast.denominator == general.denominator)
            #expect(fast.checkInvariants())
            // An independent route: the integer m times (1/2)^k by GMP arithmetic.
            var power = Rational.one
            for _ in 0..<k { power = power * Rational(1, 2) }
            #expect(fast == Rational(m) * power)
            checked += 1
        }
        #expect(checked == 2000)
    }

    @Test func edgeCases() {
        #expect(Rational(0, overPowerOfTwo: 62) == .zero)
        #expect(Rational(0, overPowerOfTwo: 5).denominator == 1)
        #expect(Rational(8, overPowerOfTwo: 3) == .one)
        #expect(Rational(-12, overPowerOfTwo: 2) == Rational(-3))
        #expect(Rational(6, overPowerOfTwo: 62).description == "3/2305843009213693952")
        #expect(Rational(Int.min, overPowerOfTwo: 62) == Rational(-2))
        #expect(Rational(Int.max, overPowerOfTwo: 0) == Rational(Int.max))
        #expect(Rational(1, overPowerOfTwo: 62).checkInvariants())
    }
}
