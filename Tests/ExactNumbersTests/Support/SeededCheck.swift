import PropertyBased
import Testing

// Property checks with FIXED seeds: every run (and CI) draws the same cases, so a failure
// reproduces exactly. Each call site gets its own seed from its file and line (FNV-1a, not
// Swift's per-process randomised Hasher). Values come from PropertyBased's generators, run
// on its Xoshiro generator; Swift Testing prints the operands of a failing #expect.
//
// (PropertyBased 2.0.1's `propertyCheck` draws a fresh seed per run, and its `.fixedSeed`
// trait only replays one failing case, reporting an issue when it passes, so neither pins a
// passing property; its shrinker is internal to `propertyCheck`.)

/// A deterministic 64-bit seed for a call site.
func callSiteSeed(_ fileID: String, _ line: Int) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in fileID.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return (h ^ UInt64(line)) &* 0x0000_0100_0000_01b3
}

private func generator(seed: UInt64) -> Xoshiro {
    Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, seed &* 0xBF58_476D_1CE4_E5B9 | 1, 0x94D0_49BB_1331_11EB))
}

/// `count` cases of 1 generator, from the call site's fixed seed; a thrown error is
/// recorded as an issue with the case number.
func seededCheck<A>(count: Int = 100, input a: Generator<A, some Sequence>,
                    fileID: String = #fileID, line: Int = #line,
                    perform body: (A) async throws -> Void) async {
    var rng = generator(seed: callSiteSeed(fileID, line))
    for index in 0..<count {
        let v0 = a.run(using: &rng)
        do { try await body(v0) } catch { Issue.record(error, "seeded case \(index) of \(fileID):\(line)") }
    }
}

/// `count` cases of 2 generators, from the call site's fixed seed; a thrown error is
/// recorded as an issue with the case number.
func seededCheck<A, B>(count: Int = 100, input a: Generator<A, some Sequence>, _ b: Generator<B, some Sequence>,
                    fileID: String = #fileID, line: Int = #line,
                    perform body: (A, B) async throws -> Void) async {
    var rng = generator(seed: callSiteSeed(fileID, line))
    for index in 0..<count {
        let v0 = a.run(using: &rng)
        let v1 = b.run(using: &rng)
        do { try await body(v0, v1) } catch { Issue.record(error, "seeded case \(index) of \(fileID):\(line)") }
    }
}

/// `count` cases of 3 generators, from the call site's fixed seed; a thrown error is
/// recorded as an issue with the case number.
func seededCheck<A, B, C>(count: Int = 100, input a: Generator<A, some Sequence>, _ b: Generator<B, some Sequence>, _ c: Generator<C, some Sequence>,
                    fileID: String = #fileID, line: Int = #line,
                    perform body: (A, B, C) async throws -> Void) async {
    var rng = generator(seed: callSiteSeed(fileID, line))
    for index in 0..<count {
        let v0 = a.run(using: &rng)
        let v1 = b.run(using: &rng)
        let v2 = c.run(using: &rng)
        do { try await body(v0, v1, v2) } catch { Issue.record(error, "seeded case \(index) of \(fileID):\(line)") }
    }
}

/// `count` cases of 4 generators, from the call site's fixed seed; a thrown error is
/// recorded as an issue with the case number.
func seededCheck<A, B, C, D>(count: Int = 100, input a: Generator<A, some Sequence>, _ b: Generator<B, some Sequence>, _ c: Generator<C, some Sequence>, _ d: Generator<D, some Sequence>,
                    fileID: String = #fileID, line: Int = #line,
                    perform body: (A, B, C, D) async throws -> Void) async {
    var rng = generator(seed: callSiteSeed(fileID, line))
    for index in 0..<count {
        let v0 = a.run(using: &rng)
        let v1 = b.run(using: &rng)
        let v2 = c.run(using: &rng)
        let v3 = d.run(using: &rng)
        do { try await body(v0, v1, v2, v3) } catch { Issue.record(error, "seeded case \(index) of \(fileID):\(line)") }
    }
}

/// `count` cases of 5 generators, from the call site's fixed seed; a thrown error is
/// recorded as an issue with the case number.
func seededCheck<A, B, C, D, E>(count: Int = 100, input a: Generator<A, some Sequence>, _ b: Generator<B, some Sequence>, _ c: Generator<C, some Sequence>, _ d: Generator<D, some Sequence>, _ e: Generator<E, some Sequence>,
                    fileID: String = #fileID, line: Int = #line,
                    perform body: (A, B, C, D, E) async throws -> Void) async {
    var rng = generator(seed: callSiteSeed(fileID, line))
    for index in 0..<count {
        let v0 = a.run(using: &rng)
        let v1 = b.run(using: &rng)
        let v2 = c.run(using: &rng)
        let v3 = d.run(using: &rng)
        let v4 = e.run(using: &rng)
        do { try await body(v0, v1, v2, v3, v4) } catch { Issue.record(error, "seeded case \(index) of \(fileID):\(line)") }
    }
}
