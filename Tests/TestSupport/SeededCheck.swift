public import PropertyBased
import Testing

// `seededCheck`: `count` cases drawn from a seed fixed by the call site (its file and line),
// so each property gets its own reproducible stream; a thrown error becomes an issue naming
// the case.

private func generator(seed: UInt64) -> Xoshiro {
    Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, seed &* 0xBF58_476D_1CE4_E5B9 | 1, 0x94D0_49BB_1331_11EB))
}

/// `count` cases of 1 generator, from the call site's fixed seed; a thrown error is
/// recorded as an issue with the case number.
public func seededCheck<A>(
    count: Int = 100, input a: Generator<A, some Sequence>,
    fileID: String = #fileID, line: Int = #line,
    perform body: (A) async throws -> Void
) async {
    var rng = generator(seed: callSiteSeed(fileID, line))
    for index in 0..<count {
        let v0 = a.run(using: &rng)
        do { try await body(v0) } catch { Issue.record(error, "seeded case \(index) of \(fileID):\(line)") }
    }
}

/// `count` cases of 2 generators, from the call site's fixed seed; a thrown error is
/// recorded as an issue with the case number.
public func seededCheck<A, B>(
    count: Int = 100, input a: Generator<A, some Sequence>, _ b: Generator<B, some Sequence>,
    fileID: String = #fileID, line: Int = #line,
    perform body: (A, B) async throws -> Void
) async {
    var rng = generator(seed: callSiteSeed(fileID, line))
    for index in 0..<count {
        let v0 = a.run(using: &rng)
        let v1 = b.run(using: &rng)
        do { try await body(v0, v1) } catch { Issue.record(error, "seeded case \(index) of \(fileID):\(line)") }
    }
}

/// `count` cases of 3 generators, from the call site's fixed seed; a thrown error is
/// recorded as an issue with the case number.
public func seededCheck<A, B, C>(
    count: Int = 100, input a: Generator<A, some Sequence>, _ b: Generator<B, some Sequence>,
    _ c: Generator<C, some Sequence>,
    fileID: String = #fileID, line: Int = #line,
    perform body: (A, B, C) async throws -> Void
) async {
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
public func seededCheck<A, B, C, D>(
    count: Int = 100, input a: Generator<A, some Sequence>, _ b: Generator<B, some Sequence>,
    _ c: Generator<C, some Sequence>, _ d: Generator<D, some Sequence>,
    fileID: String = #fileID, line: Int = #line,
    perform body: (A, B, C, D) async throws -> Void
) async {
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
public func seededCheck<A, B, C, D, E>(
    count: Int = 100, input a: Generator<A, some Sequence>, _ b: Generator<B, some Sequence>,
    _ c: Generator<C, some Sequence>, _ d: Generator<D, some Sequence>, _ e: Generator<E, some Sequence>,
    fileID: String = #fileID, line: Int = #line,
    perform body: (A, B, C, D, E) async throws -> Void
) async {
    var rng = generator(seed: callSiteSeed(fileID, line))
    for index in 0..<count {
        let v0 = a.run(using: &rng)
        let v1 = b.run(using: &rng)
        let v2 = c.run(using: &rng)
        let v3 = d.run(using: &rng)
        let v4 = e.run(using: &rng)
        do { try await body(v0, v1, v2, v3, v4) } catch {
            Issue.record(error, "seeded case \(index) of \(fileID):\(line)")
        }
    }
}
