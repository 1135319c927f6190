public import PropertyBased
public import Testing

// Property checks with FIXED seeds: every run (and CI) draws the same cases, so a failure
// reproduces exactly. Values come from PropertyBased's generators, run on its Xoshiro
// generator; the comment handed to the body names the seed and case, for `#expect`.
//
// (PropertyBased 2.0.1's `propertyCheck` draws a fresh seed per run, and its `.fixedSeed`
// trait only replays one failing case, reporting an issue when it passes, so neither pins a
// passing property; its shrinker is internal to `propertyCheck`.)

/// The Xoshiro generator every seeded driver starts from `seed`: the same seed gives the same
/// cases on every machine.
public func seededGenerator(_ seed: UInt64) -> Xoshiro {
    Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB))
}

/// Runs `body` on `count` values of `generator` drawn from the generator seeded with `seed`, so
/// every run sees the same cases. `body` receives a comment naming the seed, the case number
/// and the operands, to pass to `#expect` so a failure prints them.
public func forAll<Value>(
    seed: UInt64, count: Int = 100, _ generator: Generator<Value, some Sequence>,
    _ body: (Value, Comment) throws -> Void
) rethrows {
    var rng = seededGenerator(seed)
    for index in 0..<count {
        let value = generator.run(using: &rng)
        try body(value, "seed \(seed), case \(index): \(value)")
    }
}

/// A deterministic 64-bit seed for a call site (FNV-1a of the file and line, not Swift's
/// per-process randomised Hasher).
public func callSiteSeed(_ fileID: String, _ line: Int) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in fileID.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return (h ^ UInt64(line)) &* 0x0000_0100_0000_01b3
}
