import Algebra

/// A point in time after which a long analysis stops cooperatively (`--timeout`): the loops
/// that can run long (the witness search's evaluations, the region enumeration, the symbolic
/// and polynomial compositions) check `hasPassed` between steps and end with `unknown` and
/// the counts reached, instead of being killed. Reading the monotonic clock is cheap (vDSO).
public struct Deadline: Sendable, Hashable {
    /// The time allowed, in seconds, as given (for messages).
    public let seconds: Double
    /// When the time runs out (monotonic clock).
    public let instant: ContinuousClock.Instant

    /// A deadline `seconds` from now. Precondition: seconds >= 0 and finite.
    public init(seconds: Double) {
        precondition(seconds >= 0 && seconds.isFinite, "Deadline needs a finite, non-negative number of seconds")
        self.seconds = seconds
        // Durations are whole nanoseconds; past ~292 years the deadline is effectively never.
        let nanoseconds = min(seconds, 9.0e9) * 1e9
        self.instant = ContinuousClock.now.advanced(by: .nanoseconds(Int64(nanoseconds)))
    }

    /// Whether the time has run out.
    public var hasPassed: Bool { ContinuousClock.now >= instant }
}

extension Optional where Wrapped == Deadline {
    /// Whether a deadline is set and has passed.
    var hasPassed: Bool { self?.hasPassed ?? false }

    /// `body()` with a `ComputationInterrupt` for this deadline installed, so that polynomial
    /// products inside it stop within ~`ComputationInterrupt.checkInterval` term products of
    /// the deadline; nil when they did (the result is then meaningless and dropped). Without a
    /// deadline, `body()` as it is.
    func interruptingProducts<T>(_ body: () -> T) -> T? {
        guard let deadline = self else { return body() }
        let interrupt = ComputationInterrupt { deadline.hasPassed }
        let result = ComputationInterrupt.$current.withValue(interrupt) { body() }
        return interrupt.wasRaised ? nil : result
    }
}
