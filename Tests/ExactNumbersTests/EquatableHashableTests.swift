import ExactNumbers
import PropertyBased
import Testing
import TestSupport

/// Equal values are equal however they were built, and hash equal (Set/Dictionary agree).
@Suite struct EquatableHashableTests {
    @Test func oneHalfBuiltFiveWaysIsOneSetElement() throws {
        let forms: [Rational] = [
            Rational(2, 4), Rational(1, 2), try Rational.parse("0.5"), try Rational.parse("-1/-2"),
            Rational(numerator: BigInt(-3), denominator: BigInt(-6)), try Rational.parse("5e-1"),
            Rational(exactly: 0.5)!, Rational(3, 2) - Rational(1), Rational(2).reciprocal,
        ]
        for f in forms { #expect(f == forms[0] && f.hashValue == forms[0].hashValue) }
        #expect(Set(forms).count == 1)
        var counts: [Rational: Int] = [:]
        for f in forms { counts[f, default: 0] += 1 }
        #expect(counts == [Rational(1, 2): forms.count])
    }

    @Test(.shrinking) func equalRationalsFromDifferentConstructionsHashEqual() async {
        await seededCheck(count: 200, input: TestGen.fraction, Gen.int(in: -50...50).filter { $0 != 0 }) { f, k in
            let direct = f.rational
            let scaled = Rational(
                numerator: BigInt(int128: f.numerator) * BigInt(k),
                denominator: BigInt(int128: f.denominator) * BigInt(k))
            let computed = (direct + Rational(k)) - Rational(k)
            let parsed = try Rational.parse("\(f.numerator * Int128(k))/\(f.denominator * Int128(k))")
            #expect(Set([direct, scaled, computed, parsed]).count == 1)
            #expect(
                direct.hashValue == scaled.hashValue && direct.hashValue == computed.hashValue
                    && direct.hashValue == parsed.hashValue)
        }
    }

    @Test(.shrinking) func setOfRationalsMatchesSetOfOracleValues() async {
        await seededCheck(count: 200, input: TestGen.fraction.array(of: 0...30)) { fs in
            // Distinctness by the oracle's canonical text vs by Rational's ==/hash.
            #expect(Set(fs.map(\.rational)).count == Set(fs.map(\.description)).count)
        }
    }

    @Test(.shrinking) func equalBigIntsHashEqualAcrossConstructions() async {
        await seededCheck(count: 200, input: TestGen.bigInt(limbs: 1...20)) { x in
            let viaText = BigInt(x.description)!
            let viaArithmetic = (x * 3 + 7 - 7).dividedExactly(by: 3)
            let viaRational = Rational(x).numerator
            #expect(Set([x, viaText, viaArithmetic, viaRational]).count == 1)
            #expect(x.hashValue == viaText.hashValue && x.hashValue == viaArithmetic.hashValue)
            #expect(Set([x, x + 1, -x]).count == (x.isZero ? 2 : 3))
        }
    }
}
