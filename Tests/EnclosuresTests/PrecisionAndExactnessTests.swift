import ExactNumbers
import PropertyBased
import Testing
@testable import Enclosures
import TestSupport

@Suite struct PrecisionAndExactnessTests {
    static let functions: [(String, @Sendable (Rational, Int) -> RationalInterval)] = [
        ("exp", { Enclosure.exp($0, precision: $1) }),
        ("log", { Enclosure.log($0.magnitude + 1, precision: $1) }),
        ("tanh", { Enclosure.tanh($0, precision: $1) }),
        ("arctan", { Enclosure.arctan($0, precision: $1) }),
        ("erf", { Enclosure.erf(RationalInterval(exactly: $0), precision: $1) }),
        ("sigmoid", { Enclosure.sigmoid($0, precision: $1) }),
        ("softplus", { Enclosure.softplus($0, precision: $1) }),
        ("silu", { Enclosure.silu($0, precision: $1) }),
        ("gelu", { Enclosure.gelu($0, precision: $1) }),
        ("elu", { Enclosure.elu($0, alpha: Rational(3, 2), precision: $1) }),
    ]

    /// Width at 256 bits < width at 64 bits; at 64 bits the width is below 2^−50 relative.
    @Test func enclosuresShrinkAsPrecisionGrows() {
        forAll(seed: 51, count: 40, zip(Gen.int(in: -200...200).filter { $0 != 0 }, Gen.int(in: 7...61))) { v, note in
            let t = Rational(v.0, v.1)
            for (name, f) in Self.functions {
                let coarse = f(t, 64), fine = f(t, 256)
                if name == "elu" && t.signum > 0 {
                    #expect(coarse.isPoint && fine.isPoint, "\(name) \(note)")  // the identity is exact
                    continue
                }
                #expect(fine.width < coarse.width, "\(name) \(note): \(fine) vs \(coarse)")
                #expect(coarse.contains(fine.midpoint), "\(name) \(note)")
                let scale = Swift.max(coarse.lo.magnitude, coarse.hi.magnitude)
                #expect(coarse.width <= scale * twoToTheMinus(50), "\(name) \(note): width \(coarse.width)")
                #expect(fine.width <= scale * twoToTheMinus(240), "\(name) \(note): width \(fine.width)")
            }
        }
    }

    @Test func rationalValuesAreExactPointIntervals() {
        #expect(Enclosure.exp(0) == RationalInterval(exactly: 1))
        #expect(Enclosure.log(1) == RationalInterval(exactly: 0))
        #expect(Enclosure.sigmoid(0) == RationalInterval(exactly: Rational(1, 2)))
        #expect(Enclosure.sigmoid(RationalInterval(exactly: 0)).isPoint)
        #expect(Enclosure.tanh(0) == RationalInterval(exactly: 0))
        #expect(Enclosure.arctan(0) == RationalInterval(exactly: 0))
        #expect(Enclosure.erf(RationalInterval(exactly: 0)) == RationalInterval(exactly: 0))
        #expect(Enclosure.silu(0) == RationalInterval(exactly: 0))
        #expect(Enclosure.gelu(0) == RationalInterval(exactly: 0))
        #expect(Enclosure.elu(0, alpha: 5) == RationalInterval(exactly: 0))
        #expect(Enclosure.elu(Rational(2, 7), alpha: 5) == RationalInterval(exactly: Rational(2, 7)))
        for p in [16, 64, 1024] {
            #expect(Enclosure.sigmoid(0, precision: p) == RationalInterval(exactly: Rational(1, 2)))
        }
    }

    /// Lindemann–Weierstrass: at rational t ≠ 0 these values are irrational, so no enclosure
    /// can be a point; softplus(0) = log 2 is irrational too.
    @Test func irrationalValuesHavePositiveWidth() {
        for t in [Rational(1), Rational(-1, 3), Rational(7, 2)] {
            for (name, f) in Self.functions where name != "elu" || t.signum < 0 {
                #expect(!f(t, 128).isPoint, "\(name)(\(t))")
            }
        }
        #expect(!Enclosure.softplus(0).isPoint)
    }

    @Test func separateRefinesUntilCloseValuesAreDisjoint() throws {
        let t = Rational(1, 3), u = try Rational(1, 3) + Rational.parse("1e-60")
        let pair = try #require(
            Enclosure.separate(
                { Enclosure.sigmoid(t, precision: $0) },
                { Enclosure.sigmoid(u, precision: $0) }))
        #expect(!pair.0.overlaps(pair.1))
        #expect(pair.0.hi < pair.1.lo)
        expectEncloses(pair.0, Oracle.sigmoid(t), "sigmoid(1/3)")
        expectEncloses(pair.1, Oracle.sigmoid(u), "sigmoid(1/3 + 1e-60)")
        // 64 and 128 bits cannot tell values 10^-60 ≈ 2^-199 apart; 256 can.
        #expect(Enclosure.sigmoid(t, precision: 128).overlaps(Enclosure.sigmoid(u, precision: 128)))
        #expect(pair.0.width < twoToTheMinus(200))
    }

    @Test func separateGivesUpOnEqualValues() {
        // tanh(t) = 2σ(2t) − 1: equal values can never be separated.
        let t = Rational(2, 5)
        let pair = Enclosure.separate(
            upTo: 512, { Enclosure.tanh(t, precision: $0) },
            { Enclosure.sigmoid(2 * t, precision: $0).scaled(by: 2) - 1 })
        #expect(pair == nil)
    }

    @Test func refineReturnsTheFirstAcceptedPrecision() {
        var tried: [Int] = []
        let width = Enclosure.refine(
            from: 32, upTo: 1024,
            { p -> Rational in
                tried.append(p)
                return Enclosure.exp(Rational(1), precision: p).width
            }, until: { $0 < twoToTheMinus(150) })
        #expect(tried == [32, 64, 128, 256])
        #expect(width.map { $0 < twoToTheMinus(150) } == true)
        #expect(Enclosure.refine(from: 8, upTo: 16, { $0 }, until: { $0 > 100 }) == nil)
    }

    /// Extreme arguments neither crash nor produce huge rationals for bounded functions.
    @Test func extremeArgumentsStayRigorous() {
        let big = Rational(1_000_000)
        #expect(Enclosure.sigmoid(big).hi == 1 && Enclosure.sigmoid(big).lo < 1)
        #expect(Enclosure.sigmoid(-big).lo == 0 && Enclosure.sigmoid(-big).hi.signum > 0)
        #expect(Enclosure.tanh(big).hi == 1 && Enclosure.tanh(-big).lo == -1)
        let tiny = Enclosure.exp(-big)
        #expect(tiny.lo == 0 && tiny.hi == twoToTheMinus(65_536))
        expectEncloses(Enclosure.softplus(big), Oracle.Bounds(lo: big, hi: big + twoToTheMinus(1000)), "softplus(10^6)")
        #expect(Enclosure.silu(-big).hi <= 0 && Enclosure.silu(-big).lo >= -twoToTheMinus(60_000))
        let huge = Enclosure.arctan(try! Rational.parse("1e300"))
        #expect(huge.hi - huge.lo < twoToTheMinus(120))
    }
}
