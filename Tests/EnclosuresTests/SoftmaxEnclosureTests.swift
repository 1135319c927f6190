import ExactNumbers
import PropertyBased
import Testing
@testable import Enclosures
import TestSupport

@Suite struct SoftmaxEnclosureTests {
    static let vectors = Gen.int(in: -300...300).array(of: 1...5)

    @Test func softmaxOfPointsEnclosesTheOracleAndSumsToOne() {
        forAll(seed: 41, count: 40, Self.vectors) { v, note in
            let t = v.map { Rational($0, 23) }
            let s = Enclosure.softmax(t.map { RationalInterval(exactly: $0) })
            #expect(s.count == t.count, note)
            for (y, b) in zip(s, Oracle.softmax(t)) { expectEncloses(y, b, note) }
            let lo = s.reduce(Rational.zero) { $0 + $1.lo }, hi = s.reduce(Rational.zero) { $0 + $1.hi }
            #expect(lo <= 1 && 1 <= hi, note)
            #expect(s.allSatisfy { $0.lo.signum >= 0 && $0.hi <= 1 && $0.checkInvariants() }, note)
        }
    }

    @Test func softmaxOfABoxContainsTheValuesAtItsCornersAndCentre() {
        forAll(seed: 42, count: 20, zip(Self.vectors, Gen.int(in: 1...40))) { v, note in
            let w = Rational(v.1, 100)
            let x = v.0.map { RationalInterval(lo: Rational($0, 37), hi: Rational($0, 37) + w) }
            let s = Enclosure.softmax(x)
            let lo = s.reduce(Rational.zero) { $0 + $1.lo }, hi = s.reduce(Rational.zero) { $0 + $1.hi }
            #expect(lo <= 1 && 1 <= hi, note)
            let n = x.count
            let points: [[Rational]] =
                [x.map(\.lo), x.map(\.hi), x.map(\.midpoint)]
                + (0..<n).map { i in x.indices.map { $0 == i ? x[$0].hi : x[$0].lo } }
                + (0..<n).map { i in x.indices.map { $0 == i ? x[$0].lo : x[$0].hi } }
            for t in points {
                for (y, b) in zip(s, Oracle.softmax(t)) { expectEncloses(y, b, "\(note) at \(t)") }
            }
        }
    }

    @Test func softmaxOfEqualExactInputsIsExactlyOneOverN() {
        for n in 1...7 {
            let s = Enclosure.softmax(Array(repeating: RationalInterval(exactly: Rational(5, 3)), count: n))
            #expect(s == Array(repeating: RationalInterval(exactly: Rational(1, n)), count: n))
        }
        #expect(Enclosure.softmax([]) == [])
        #expect(Enclosure.softmax([RationalInterval(lo: -9, hi: 9)]) == [RationalInterval(exactly: 1)])
    }

    @Test func softmaxWithHugeGapsStaysSmallAndRigorous() {
        let s = Enclosure.softmax([RationalInterval(exactly: 0), RationalInterval(exactly: 100_000)])
        #expect(s[0].lo == 0 && s[0].hi.signum > 0 && s[0].hi < twoToTheMinus(5000))
        #expect(s[1].hi == 1 && s[1].lo < 1 && 1 - s[1].lo <= twoToTheMinus(127))  // 1 − e^−100000 at 128 bits
        #expect(s[0].hi.denominator.bitWidth < 10_000)
    }
}
