import ExactNumbers
import PropertyBased
import Testing
@testable import Enclosures

/// Runs `body` on `count` values of `generator` drawn from a Xoshiro generator seeded with
/// `seed`, so every run sees the same cases; `body` gets a comment naming the seed, the case
/// number and the operands, to pass to `#expect` so that a failure prints them.
///
/// (PropertyBased's `.fixedSeed` trait is for reproducing a failure: it reports an issue when
/// nothing fails, so it cannot pin a passing property test.)
func forAll<Value>(
    seed: UInt64, count: Int = 40, _ generator: Generator<Value, some Sequence>,
    _ body: (Value, Comment) throws -> Void
) rethrows {
    var rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB))
    for index in 0..<count {
        let value = generator.run(using: &rng)
        try body(value, "seed \(seed), case \(index): \(value)")
    }
}

/// Records whether the enclosure contains the whole oracle interval (so it contains the true
/// value, which the oracle bounds); returns the verdict.
@discardableResult
func expectEncloses(_ enclosure: RationalInterval, _ oracle: Oracle.Bounds, _ note: Comment,
                    sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
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
