import ExactNumbers
import PropertyBased
import TestSupport

// Property tests run `seededCheck(count: 200, ...)` (Support/SeededCheck.swift): PropertyBased
// generators driven by a fixed seed per call site, so every run draws the same cases.
// (`.shrinking` traits remain on the tests; with fixed seeds the failing operands are printed
// by #expect directly.)

/// Operand bounds for oracle comparisons: |numerator|, |denominator| <= 10^6, so expressions
/// of depth 2 stay far inside `Int128`.
let operandBound = 1_000_000

enum TestGen {
    /// An integer in ±10^6, a quarter of the time squeezed into -2...2 so that 0 and ±1 occur.
    static var smallInt: Generator<Int, some SendableSequenceType> {
        zip(Gen.int(in: 0...3), Gen.int(in: -operandBound...operandBound))
            .map { k, v in k == 0 ? v % 3 : v }
    }

    /// A non-zero integer in ±10^6 (either sign: denominators arrive uncanonicalised).
    static var nonZeroInt: Generator<Int, some SendableSequenceType> {
        smallInt.map { $0 == 0 ? 1 : $0 }
    }

    /// A fraction n/d with |n|, |d| <= 10^6, d of either sign.
    static var fraction: Generator<Fraction, some SendableSequenceType> {
        zip(smallInt, nonZeroInt).map { n, d in Fraction(Int128(n), Int128(d)) }
    }

    /// A random decimal digit string of the given length range (leading zeros allowed).
    static func digits(_ count: ClosedRange<Int>) -> Generator<String, some SendableSequenceType> {
        Gen.character(in: "0"..."9").string(of: count)
    }

    /// A big integer of 1...`limbs` random 64-bit limbs and a random sign, assembled by shifts
    /// (independently of decimal parsing).
    static func bigInt(limbs: ClosedRange<Int>) -> Generator<BigInt, some SendableSequenceType> {
        zip(Gen.bool, Gen.uint64().array(of: limbs)).map { (negative: Bool, words: [UInt64]) -> BigInt in
            var x = BigInt()
            for w in words {
                x = x.shiftedLeft(64) + BigInt(uint64: w)
            }
            return negative ? -x : x
        }
    }

    /// A non-zero big integer with 1000 to 1100 decimal digits.
    static var thousandDigitInt: Generator<BigInt, some SendableSequenceType> {
        zip(Gen.bool, Gen.int(in: 1...9), digits(999...1099)).map {
            (negative: Bool, lead: Int, rest: String) -> BigInt in
            BigInt((negative ? "-" : "") + String(lead) + rest)!
        }
    }
}

extension BigInt {
    /// A `UInt64` via two 32-bit halves (no `UInt64` initializer in the API).
    init(uint64 w: UInt64) {
        self = BigInt(Int(w >> 32)).shiftedLeft(32) + BigInt(Int(w & 0xFFFF_FFFF))
    }
}
