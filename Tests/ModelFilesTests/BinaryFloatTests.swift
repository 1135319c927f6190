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
        #expect(BinaryFloat.single(bits: 1) == Rational(1).dividedByPowerOfTwo(149))  // smallest subnormal
        #expect(BinaryFloat.half(bits: 1) == Rational(1).dividedByPowerOfTwo(24))
        #expect(BinaryFloat.single(bits: 0x3DCC_CCCD) == Rational(13_421_773).dividedByPowerOfTwo(27))  // float32 0.1
        #expect(BinaryFloat.single(bits: 0x8000_0000) == Rational.zero)  // -0
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
        #expect((one + Rational(1).dividedByPowerOfTwo(24)).nearestFloat == 1)  // halfway: even is 1
        // halfway: even is up
        #expect((one + Rational(3).dividedByPowerOfTwo(24)).nearestFloat == 1 + 2 * Float.ulpOfOne)
        #expect(Rational(1).dividedByPowerOfTwo(150).nearestFloat == 0)  // half the smallest subnormal
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

/// The fast paths of `nearestFloat`/`nearestDouble` (inline p/q: one IEEE division, or p·2^-k)
/// agree with the exact integer method `nearestBinary`, on random rationals with small and
/// power-of-two denominators, numerators on both sides of 2^24 and 2^53, and float32 weights.
struct NearestFloatFastPathTests {
    static func viaIntegers(_ r: Rational, bits: Int, minExponent: Int, maxExponent: Int) -> Double? {
        guard
            let (negative, m, e) = r.nearestBinary(
                significandBits: bits, minExponent: minExponent, maxExponent: maxExponent)
        else { return nil }
        let magnitude = Double(sign: .plus, exponent: e, significand: Double(m.exactInt!))
        return negative ? -magnitude : magnitude
    }

    @Test func fastPathsAgreeWithTheIntegerMethod() {
        var random = SeededRandom(seed: 0xFA57)
        for trial in 0..<40_000 {
            let shift = Int(random.next() % 63)
            let p = Int(Int64(bitPattern: random.next()) >> Int64(shift))
            let q: Int
            switch trial % 3 {
            case 0: q = 1 << Int(random.next() % 63)  // power of two
            case 1: q = Int(random.next() % (1 << 24)) + 1  // small
            default: q = Int(random.next() >> UInt64(random.next() % 62 + 2)) + 1  // anything
            }
            guard p != .min else { continue }
            let r = Rational(p, q)
            let f = Self.viaIntegers(r, bits: 24, minExponent: -126, maxExponent: 127)
            #expect(r.nearestFloat.map { Double($0) } == f, "\(p)/\(q)")
            #expect(
                r.nearestDouble == Self.viaIntegers(r, bits: 53, minExponent: -1022, maxExponent: 1023), "\(p)/\(q)")
        }
        // float32 weights as the ONNX reader makes them: exact, so rounding gives them back.
        for _ in 0..<20_000 {
            let w = Float(bitPattern: UInt32(truncatingIfNeeded: random.next()))
            guard w.isFinite, let r = Rational(exactly: w) else { continue }
            #expect(r.nearestFloat == w, "\(w)")
            #expect(r.nearestDouble == Double(w), "\(w)")
        }
    }
}
