import ExactNumbers
import PropertyBased
import Testing
@testable import Enclosures

/// Records whether the enclosure contains the whole oracle interval (so it contains the true
/// value, which the oracle bounds); returns the verdict.
@discardableResult
func expectEncloses(
    _ enclosure: RationalInterval, _ oracle: Oracle.Bounds, _ note: Comment,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
    let ok = enclosure.lo <= oracle.lo && oracle.hi <= enclosure.hi
    #expect(ok, "\(note): enclosure \(enclosure) misses oracle \(oracle)", sourceLocation: sourceLocation)
    return ok
}

/// 2^−k as a rational.
func twoToTheMinus(_ k: Int) -> Rational { Rational(BigInt.one.shiftedLeft(k)).reciprocal }

/// The points lo + (hi − lo)·k/n for k = 0...n.
func samples(_ x: RationalInterval, _ n: Int) -> [Rational] {
    (0...n).map { x.lo + x.width * Rational($0, n) }
}
