import ExactNumbers
import PropertyBased
import Testing
@testable import Enclosures
import TestSupport

/// sigmoid, softplus, silu, gelu, elu against the independent series oracle.
@Suite struct ActivationEnclosureTests {
    /// Points t = n/d with |t| <= 40.
    static let points = zip(Gen.int(in: -400...400), Gen.int(in: 10...97))
    /// Small intervals [n/10, n/10 + w/1000].
    static let intervals = zip(Gen.int(in: -80...80), Gen.int(in: 1...60))

    @Test func sigmoidEnclosesTheOracleValue() {
        forAll(seed: 31, count: 40, Self.points) { v, note in
            let t = Rational(v.0, v.1)
            expectEncloses(Enclosure.sigmoid(t), Oracle.sigmoid(t), note)
        }
    }

    @Test func softplusEnclosesTheOracleValue() {
        forAll(seed: 32, count: 40, Self.points) { v, note in
            let t = Rational(v.0, v.1)
            expectEncloses(Enclosure.softplus(t), Oracle.softplus(t), note)
        }
    }

    @Test func siluEnclosesTheOracleValue() {
        forAll(seed: 33, count: 40, Self.points) { v, note in
            let t = Rational(v.0, v.1)
            expectEncloses(Enclosure.silu(t), Oracle.silu(t), note)
        }
    }

    @Test func geluEnclosesTheOracleValue() {
        forAll(seed: 34, count: 40, zip(Gen.int(in: -500...500), Gen.int(in: 50...150))) { v, note in
            let t = Rational(v.0, v.1)
            expectEncloses(Enclosure.gelu(t), Oracle.gelu(t), note)
        }
    }

    @Test func eluEnclosesTheOracleValueForAnyAlpha() {
        forAll(seed: 35, count: 40, zip(Gen.int(in: -400...400), Gen.int(in: 10...97), Gen.int(in: -30...30))) {
            v, note in
            let t = Rational(v.0, v.1), alpha = Rational(v.2, 7)
            expectEncloses(Enclosure.elu(t, alpha: alpha), Oracle.elu(t, alpha: alpha), note)
        }
    }

    @Test func intervalEnclosuresContainTheValuesAtSampledPoints() {
        forAll(seed: 36, count: 20, Self.intervals) { v, note in
            let x = RationalInterval(lo: Rational(v.0, 10), hi: Rational(v.0, 10) + Rational(v.1, 1000))
            let sigmoid = Enclosure.sigmoid(x), softplus = Enclosure.softplus(x)
            let silu = Enclosure.silu(x), gelu = Enclosure.gelu(x)
            let elu = Enclosure.elu(x, alpha: 2), eluNegative = Enclosure.elu(x, alpha: Rational(-3, 2))
            for t in samples(x, 3) {
                expectEncloses(sigmoid, Oracle.sigmoid(t), note)
                expectEncloses(softplus, Oracle.softplus(t), note)
                expectEncloses(silu, Oracle.silu(t), note)
                expectEncloses(gelu, Oracle.gelu(t), note)
                expectEncloses(elu, Oracle.elu(t, alpha: 2), note)
                expectEncloses(eluNegative, Oracle.elu(t, alpha: Rational(-3, 2)), note)
            }
        }
    }

    /// Over intervals that straddle the minimiser, the enclosure contains the values at many
    /// points inside, and its lower end is within 2^−100 of the true minimum.
    @Test func siluAndGeluEnclosuresCoverTheirMinimum() {
        let silu = Enclosure.siluMinimizer, gelu = Enclosure.geluMinimizer
        forAll(seed: 37, count: 12, zip(Gen.int(in: 1...300), Gen.int(in: 1...300))) { v, note in
            for (c, f, oracle) in [
                (silu, { Enclosure.silu($0) }, Oracle.silu),
                (gelu, { Enclosure.gelu($0) }, Oracle.gelu),
            ] as [(RationalInterval, (RationalInterval) -> RationalInterval, (Rational) -> Oracle.Bounds)] {
                let x = RationalInterval(lo: c.lo - Rational(v.0, 100), hi: c.hi + Rational(v.1, 100))
                let y = f(x)
                for t in samples(x, 12) + [c.lo, c.hi] { expectEncloses(y, oracle(t), note) }
                #expect(oracle(c.lo).lo - y.lo < twoToTheMinus(100), "\(note): lower end \(y.lo) not tight")
            }
        }
    }

    /// Intervals wholly left or right of the minimiser use the monotone branch: both ends tight.
    @Test func siluAndGeluAreMonotoneAwayFromTheirMinimum() {
        for (x, f, oracle) in [
            (RationalInterval(lo: -3, hi: -2), { Enclosure.silu($0) }, Oracle.silu),
            (RationalInterval(lo: -1, hi: 2), { Enclosure.silu($0) }, Oracle.silu),
            (RationalInterval(lo: -3, hi: -1), { Enclosure.gelu($0) }, Oracle.gelu),
            (RationalInterval(lo: Rational(-1, 2), hi: 2), { Enclosure.gelu($0) }, Oracle.gelu),
        ] as [(RationalInterval, (RationalInterval) -> RationalInterval, (Rational) -> Oracle.Bounds)] {
            let y = f(x)
            let ends = [oracle(x.lo), oracle(x.hi)]
            let lo = ends.map(\.lo).min()!, hi = ends.map(\.hi).max()!
            expectEncloses(y, Oracle.Bounds(lo: lo, hi: hi), "\(x)")
            #expect(lo - y.lo < twoToTheMinus(100) && y.hi - hi < twoToTheMinus(100), "\(x) ↦ \(y) not tight")
        }
    }

    /// The stored brackets c.lo < t* < c.hi are proven: the derivative's sign changes across
    /// each. silu′ has the sign of g = 1 + t(1 − σ(t)); gelu′ that of
    /// √(2π)·Φ(t) + t·e^(−t²/2) with Φ(t) = (1 + erf(t/√2))/2.
    @Test func minimiserBracketsAreProvenByTheDerivativeSign() {
        func siluSign(_ t: Rational) -> (lo: Rational, hi: Rational) {
            let s = Oracle.sigmoid(t)  // t < 0: t(1 − σ) is increasing in σ
            return (1 + t * (1 - s.lo), 1 + t * (1 - s.hi))
        }
        let c = Enclosure.siluMinimizer
        #expect(c.lo.signum < 0 && c.width < twoToTheMinus(300))
        #expect(siluSign(c.lo).hi.signum < 0)
        #expect(siluSign(c.hi).lo.signum > 0)

        let rootTwoPi = Oracle.Bounds(
            lo: Oracle.squareRoot(2 * Oracle.pi.lo).lo, hi: Oracle.squareRoot(2 * Oracle.pi.hi).hi)
        func geluSign(_ t: Rational) -> (lo: Rational, hi: Rational) {
            let phi = Oracle.gelu(t)  // t·Φ(t), t < 0
            let Phi = (lo: phi.hi / t, hi: phi.lo / t)
            let e = Oracle.exp(-t * t / 2)  // t·e: t < 0 flips the ends
            return (rootTwoPi.lo * Phi.lo + t * e.hi, rootTwoPi.hi * Phi.hi + t * e.lo)
        }
        let d = Enclosure.geluMinimizer
        #expect(d.lo.signum < 0 && d.width < twoToTheMinus(300))
        #expect(geluSign(d.lo).hi.signum < 0)
        #expect(geluSign(d.hi).lo.signum > 0)
    }

    @Test func eluSplitsAtZeroWhateverTheSignOfAlpha() {
        let x = RationalInterval(lo: -1, hi: 2)
        let y = Enclosure.elu(x, alpha: -2)  // −2(e^t − 1) is decreasing: max 2(1 − 1/e) at t = −1
        expectEncloses(y, Oracle.Bounds(lo: 0, hi: 2), "alpha -2")
        #expect(y.lo == 0 && y.hi == 2)  // max(2(1 − 1/e), 2) = 2 from the positive part
        let z = Enclosure.elu(RationalInterval(lo: -4, hi: 0), alpha: -2)
        expectEncloses(z, Oracle.Bounds(lo: 0, hi: Oracle.elu(-4, alpha: -2).hi), "alpha -2 on [-4, 0]")
        #expect(z.lo == 0)
        #expect(
            Enclosure.elu(RationalInterval(lo: Rational(1, 3), hi: 5), alpha: 7)
                == RationalInterval(lo: Rational(1, 3), hi: 5))
    }
}
