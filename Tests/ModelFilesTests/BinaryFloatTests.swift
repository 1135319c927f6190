import Testing
import ExactNumbers
@testable import ModelFiles
import Algebra

/// The exact decoding of binary floats agrees with GMP's exact `mpq_set_d` (an independent
/// path: Swift's widening to Double is exact, and `Rational(exactly:)` wraps mpq_set_d).
struct BinaryFloatTests {
    @Test func float32DecodingMatchesExactDoubleImport() {
        var random = SeededRandom(seed: 0xF32)
        for _ in 0..<20_000 {
            let bits = UInt32(truncatingIfNeeded: random.next())
            let f = Float(bitPattern: bits)
            let decoded = BinaryFloat.single(bits: bits)
            if f.isFinite {
                #expect(decoded == Rational(exactly: Double(f)), "bits \(String(bits, radix: 16))")
                #expect(decoded?.checkInvariants() == true)
            } else {
                #expect(decoded == nil)
            }
        }
    }

    @Test func float64DecodingMatchesExactDoubleImport() {
        var random = SeededRandom(seed: 0xF64)
        for _ in 0..<20_000 {
            let bits = random.next()
            let d = Double(bitPattern: bits)
            let decoded = BinaryFloat.double(bits: bits)
            #expect(decoded == (d.isFinite ? Rational(exactly: d) : nil), "bits \(String(bits, radix: 16))")
        }
    }

    @Test func float16DecodingMatchesEveryPattern() {
        // All 65536 patterns against Swift's Float16 widened exactly to Double.
        for bits in 0...UInt16.max {
            let h = Float16(bitPattern: bits)
            let decoded = BinaryFloat.half(bits: bits)
            #expect(decoded == (h.isFinite ? Rational(exactly: Double(h)) : nil), "bits \(String(bits, radix: 16))")
        }
    }

    @Test func edgeValuesAreExact() {
        #expect(BinaryFloat.single(bits: 1) == Rational(1).dividedByPowerOfTwo(149))          // smallest subnormal
        #expect(BinaryFloat.half(bits: 1) == Rational(1).dividedByPowerOfTwo(24))
        #expect(BinaryFloat.single(bits: 0x3DCC_CCCD) == Rational(13_421_773).dividedByPowerOfTwo(27))  // float32 0.1
        #expect(BinaryFloat.single(bits: 0x8000_0000) == Rational.zero)                       // -0
        #expect(BinaryFloat.double(bits: 0x7FEF_FFFF_FFFF_FFFF) == Rational(exactly: Double.greatestFiniteMagnitude))
    }
}

/// Rounding a rational to the nearest binary float (ties to even) agrees with IEEE division,
/// which is correctly rounded: p/q for |p|, |q| < 2^24 is exactly Float(p)/Float(q).
struct NearestFloatTests {
    @Test func nearestFloatMatchesCorrectlyRoundedDivision() {
        var random = SeededRandom(seed: 0x9E57)
        for _ in 0..<20_000 {
            let p = Int(Int32(truncatingIfNeeded: random.next()) >> 8)
            var q = Int(Int32(truncatingIfNeeded: random.next()) >> 8)
            if q == 0 { q = 1 }
            let r = Rational(p, q)
            #expect(r.nearestFloat == Float(p) / Float(q), "\(p)/\(q)")
            #expect(r.nearestDouble == Double(p) / Double(q), "\(p)/\(q)")
            #expect(r.nearestFloat32Value == Rational(exactly: Double(Float(p) / Float(q))), "\(p)/\(q)")
        }
    }

    @Test func tiesGoToEven() {
        let one = Rational(1)
        #expect((one + Rational(1).dividedByPowerOfTwo(24)).nearestFloat == 1)                   // halfway: even is 1
        #expect((one + Rational(3).dividedByPowerOfTwo(24)).nearestFloat == 1 + 2 * Float.ulpOfOne)  // halfway: even is up
        #expect(Rational(1).dividedByPowerOfTwo(150).nearestFloat == 0)                          // half the smallest subnormal
        #expect(Rational(3).dividedByPowerOfTwo(151).nearestFloat == Float.leastNonzeroMagnitude)
    }

    @Test func overflowIsNil() {
        let max = Rational(exactly: Double(Float.greatestFiniteMagnitude))!
        #expect(max.nearestFloat == Float.greatestFiniteMagnitude)
        #expect((max * Rational(2)).nearestFloat == nil)
        #expect((-max * Rational(2)).nearestFloat == nil)
    }
}

extension Rational {
    func dividedByPowerOfTwo(_ k: Int) -> Rational { self / Rational(BigInt(1).shiftedLeft(k)) }
}
