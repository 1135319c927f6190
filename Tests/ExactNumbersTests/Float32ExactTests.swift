import ExactNumbers
import Testing

/// `Float32Matrix(exactly:rows:columns:)`: a rational matrix kept as float32 bit patterns only
/// when every entry is exactly a float32 number, checked against Swift's own conversions.
@Suite struct Float32ExactTests {
    /// SplitMix64 from a fixed seed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func everyFiniteFloatComesBackAsItsBits() throws {
        var g = Generator(state: 0x2026_1126_0000_0315)
        var values = [Rational](), bits = [UInt32]()
        while values.count < 3000 {
            let b = UInt32(truncatingIfNeeded: g.next())
            // Subnormals, tiny and huge exponents too: every finite pattern but −0.
            guard b & 0x7F80_0000 != 0x7F80_0000, b != 0x8000_0000 else { continue }
            values.append(Float32Matrix.value(bits: b))
            bits.append(b)
        }
        // Values whose parts fit machine words (the inline rationals the spec reader makes).
        let inline = values.indices.filter {
            values[$0].numerator.bitWidth < 63 && values[$0].denominator.bitWidth < 63
        }
        #expect(inline.count > 1000)
        for k in inline {
            #expect(
                Float32Matrix(exactly: [values[k]], rows: 1, columns: 1)?.bits == [bits[k]], "\(values[k]) \(bits[k])")
        }
        let matrix = try #require(
            Float32Matrix(exactly: inline.map { values[$0] }, rows: inline.count, columns: 1))
        #expect(matrix.bits == inline.map { bits[$0] })
        #expect(matrix.rationalEntries == inline.map { values[$0] })
    }

    @Test func dyadicsAreKeptExactlyWhenSwiftConvertsThemExactly() {
        var g = Generator(state: 0x2026_1126_0000_0316)
        var kept = 0, refused = 0
        for _ in 0..<4000 {
            let width = Int(g.next() % 40) + 1
            var p = Int(g.next() >> UInt64(64 - width))
            if g.next() & 1 == 1 { p = -p }
            let k = Int(g.next() % 63)
            let r = Rational(p, overPowerOfTwo: k)
            // The independent route: p/2^k as a Double (exact: |p| < 2^40), then
            // `Float(exactly:)`, which is nil when float32 would round it.
            let d = Double(p) / Double(sign: .plus, exponent: k, significand: 1)
            let expected = Float(exactly: d)
            let matrix = Float32Matrix(exactly: [r], rows: 1, columns: 1)
            #expect((matrix != nil) == (expected != nil), "\(p)/2^\(k)")
            if let matrix, let expected {
                #expect(matrix.bits == [(expected == 0 ? 0 : expected).bitPattern])
                #expect(matrix.entry(0, 0) == r)
                kept += 1
            } else {
                refused += 1
            }
        }
        #expect(kept > 500 && refused > 500)
    }

    @Test func oneEntryThatIsNotAFloatRefusesTheMatrix() {
        let floats = [Rational(3, 4), Rational(-5), Rational(0), Rational(1, 1 << 20)]
        #expect(Float32Matrix(exactly: floats, rows: 2, columns: 2) != nil)
        let notFloats = [
            Rational(1, 3), Rational((1 << 24) + 1), Rational(1, 1 << 62) * Rational(1, 1 << 62) * Rational(1, 1 << 30),
            Rational((1 << 25) + 1, 1 << 30),
        ]
        for x in notFloats {
            #expect(Float32Matrix(exactly: Array(floats.dropLast()) + [x], rows: 2, columns: 2) == nil, "\(x)")
        }
    }
}
