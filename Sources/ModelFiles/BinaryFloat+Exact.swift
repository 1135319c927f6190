public import ExactNumbers

/// Exact values of IEEE 754 binary floating-point numbers as rationals: every finite binary
/// float is a dyadic rational m·2^e, and these functions return exactly that rational, never
/// rounded (contract §6: "each weight is the rational its binary value is").
///
/// Values whose numerator and denominator fit a machine word (every float16, and float32 and
/// float64 values with a denominator up to 2^62) are built inline, without a GMP object.
public enum BinaryFloat {
    /// The exact value of a float16 (IEEE binary16) bit pattern; nil for infinities and NaN.
    ///
    /// binary16: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits; subnormals are
    /// f·2^-24, normals (1024 + f)·2^(e-25).
    public static func half(bits: UInt16) -> Rational? {
        let exponent = Int((bits >> 10) & 0x1F)
        let fraction = UInt64(bits & 0x3FF)
        let negative = bits & 0x8000 != 0
        if exponent == 0x1F { return nil }
        if exponent == 0 { return dyadic(fraction, -24, negative: negative) }
        return dyadic(fraction | 0x400, exponent - 25, negative: negative)
    }

    /// The exact value of a float32 bit pattern; nil for infinities and NaN.
    ///
    /// binary32: 8 exponent bits (bias 127), 23 fraction bits; subnormals f·2^-149, normals
    /// (2^23 + f)·2^(e-150).
    public static func single(bits: UInt32) -> Rational? {
        let exponent = Int((bits >> 23) & 0xFF)
        let fraction = UInt64(bits & 0x7F_FFFF)
        let negative = bits & 0x8000_0000 != 0
        if exponent == 0xFF { return nil }
        if exponent == 0 { return dyadic(fraction, -149, negative: negative) }
        return dyadic(fraction | 0x80_0000, exponent - 150, negative: negative)
    }

    /// The exact value of a float64 bit pattern; nil for infinities and NaN.
    ///
    /// binary64: 11 exponent bits (bias 1023), 52 fraction bits; subnormals f·2^-1074,
    /// normals (2^52 + f)·2^(e-1075).
    public static func double(bits: UInt64) -> Rational? {
        let exponent = Int((bits >> 52) & 0x7FF)
        let fraction = bits & 0xF_FFFF_FFFF_FFFF
        let negative = bits & 0x8000_0000_0000_0000 != 0
        if exponent == 0x7FF { return nil }
        if exponent == 0 { return dyadic(fraction, -1074, negative: negative) }
        return dyadic(fraction | 0x10_0000_0000_0000, exponent - 1075, negative: negative)
    }

    /// ±m·2^e in lowest terms (m < 2^53).
    static func dyadic(_ mantissa: UInt64, _ exponent: Int, negative: Bool) -> Rational {
        if mantissa == 0 { return .zero }
        let shift = mantissa.trailingZeroBitCount
        let m = Int(mantissa >> shift)
        let e = exponent + shift
        let signed = negative ? -m : m
        let width = Int.bitWidth - m.leadingZeroBitCount
        if e >= 0 {
            if width + e <= 62 { return Rational(signed << e) }
            return Rational(BigInt(signed).shiftedLeft(e))
        }
        if -e <= 62 { return Rational(signed, overPowerOfTwo: -e) }
        return Rational(numerator: BigInt(signed), denominator: BigInt(1).shiftedLeft(-e))
    }
}
