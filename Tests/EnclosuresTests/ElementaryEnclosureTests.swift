import ExactNumbers
import PropertyBased
import Testing
@testable import Enclosures
import TestSupport

/// exp, log, log1p, tanh, arctan, erf against the independent series oracle.
@Suite struct ElementaryEnclosureTests {
    /// Points t = n/d with |t| <= 40.
    static let points = zip(Gen.int(in: -400...400), Gen.int(in: 10...97))

    @Test func expEnclosesTheTaylorSeriesValue() {
        forAll(seed: 21, count: 40, Self.points) { v, note in
            let t = Rational(v.0, v.1)
            expectEncloses(Enclosure.exp(t), Oracle.exp(t), note)
            expectEncloses(
                Enclosure.expm1(RationalInterval(exactly: t)),
                Oracle.Bounds(lo: Oracle.exp(t).lo - 1, hi: Oracle.exp(t).hi - 1), note)
        }
    }

    @Test func expOfAnIntervalEnclosesItsSampledValues() {
        forAll(seed: 22, count: 40, zip(Gen.int(in: -300...300), Gen.int(in: 1...50))) { v, note in
            let x = RationalInterval(lo: Rational(v.0, 10), hi: Rational(v.0, 10) + Rational(v.1, 1000))
            let e = Enclosure.exp(x)
            for t in samples(x, 4) { expectEncloses(e, Oracle.exp(t), note) }
        }
    }

    @Test func logEnclosesTheAtanhSeriesValue() {
        forAll(seed: 23, count: 40, zip(Gen.int(in: 1...100_000), Gen.int(in: 1...997))) { v, note in
            let y = Rational(v.0, v.1)
            expectEncloses(Enclosure.log(y), Oracle.log(y), note)
            // log1p(t) = log(1 + t), also for t close to −1
            let t = y / Rational(100_001) - 1 + Rational(1, 1_000_000_007)
            expectEncloses(Enclosure.log1p(RationalInterval(exactly: t)), Oracle.log(1 + t), note)
        }
    }

    @Test func tanhEnclosesTheExpSeriesValue() {
        forAll(seed: 24, count: 40, Self.points) { v, note in
            let t = Rational(v.0, v.1)
            expectEncloses(Enclosure.tanh(t), Oracle.tanh(t), note)
        }
    }

    @Test func arctanEnclosesTheAlternatingSeriesValue() {
        forAll(seed: 25, count: 40, zip(Gen.int(in: -5000...5000), Gen.int(in: 1...300))) { v, note in
            let t = Rational(v.0, v.1)
            expectEncloses(Enclosure.arctan(t), Oracle.arctan(t), note)
        }
    }

    @Test func erfEnclosesTheAlternatingSeriesValue() {
        forAll(seed: 26, count: 40, zip(Gen.int(in: -400...400), Gen.int(in: 100...200))) { v, note in
            let t = Rational(v.0, v.1)
            let e = Oracle.erf(t)
            expectEncloses(Enclosure.erf(RationalInterval(exactly: t)), e, note)
            expectEncloses(
                Enclosure.erfc(RationalInterval(exactly: t)), Oracle.Bounds(lo: 1 - e.hi, hi: 1 - e.lo), note)
            let x = RationalInterval(lo: t, hi: t + Rational(1, 64))
            expectEncloses(Enclosure.erfc(x), Oracle.Bounds(lo: 1 - Oracle.erf(x.hi).hi, hi: 1 - e.lo), note)
        }
    }

    @Test func oracleAgreesWithKnownConstants() throws {
        // π, log 2 and e to 30 digits: the oracle itself is checked before it checks anything.
        let digits = try Rational.parse("1e-30")
        let pi = try Rational.parse("3.141592653589793238462643383279")
        let log2 = try Rational.parse("0.693147180559945309417232121458")
        let e = try Rational.parse("2.718281828459045235360287471352")
        for (b, v) in [(Oracle.pi, pi), (Oracle.log2, log2), (Oracle.exp(1), e)] {
            #expect(b.lo <= b.hi && b.hi - b.lo < twoToTheMinus(380))
            #expect((b.lo - v).magnitude < digits, "\(b) vs \(v)")
        }
        #expect(Oracle.integerSquareRoot(BigInt(99)) == BigInt(9))
        #expect(Oracle.integerSquareRoot(BigInt(100)) == BigInt(10))
    }

    @Test func monotoneFunctionsPreserveTheOrderOfDisjointInputs() {
        let fs: [(String, (RationalInterval) -> RationalInterval)] = [
            ("exp", { Enclosure.exp($0) }), ("tanh", { Enclosure.tanh($0) }),
            ("arctan", { Enclosure.arctan($0) }), ("erf", { Enclosure.erf($0) }),
            ("sigmoid", { Enclosure.sigmoid($0) }), ("softplus", { Enclosure.softplus($0) }),
            ("elu", { Enclosure.elu($0, alpha: 1) }), ("log1p", { Enclosure.log1p($0 + Rational(7)) }),
        ]
        // |t| <= 7: beyond that erf(t) is within 2^-128 of ±1 and 128-bit enclosures touch.
        forAll(seed: 27, count: 30, zip(Gen.int(in: -60...60), Gen.int(in: 1...20), Gen.int(in: 1...20))) { v, note in
            // a = [t, t + w1/100] lies strictly left of b = [t + (w1 + 1)/100, ... + w2/100]
            let t = Rational(v.0, 10)
            let a = RationalInterval(lo: t, hi: t + Rational(v.1, 100))
            let bLo = a.hi + Rational(1, 100)
            let b = RationalInterval(lo: bLo, hi: bLo + Rational(v.2, 100))
            for (name, f) in fs {
                let fa = f(a), fb = f(b)
                #expect(fa.hi < fb.lo, "\(name) \(note): f(\(a)) = \(fa), f(\(b)) = \(fb)")
            }
        }
    }
}
