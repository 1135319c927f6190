import Synchronization

/// A cooperative stop for printing exact numbers (`--timeout` also covers the report): the
/// decimal conversion of every integer that does not fit a machine word (`Rational`'s and
/// `BigInt`'s text) asks `skips(digits:)` first, and once it answers true writes `0` instead
/// of the digits, so a report of huge numbers (hundreds of megabytes of GMP decimal
/// conversion) ends within about one number's conversion of the deadline.
///
/// The printed text is then meaningless: whoever installed the interrupt (with
/// `PrintingInterrupt.$current.withValue(interrupt) { … }`, a task-local value that also works
/// in synchronous code) MUST test `wasRaised` and discard everything rendered under it.
///
/// Besides the deadline itself, a number is refused when the time its conversion is predicted
/// to take would pass the deadline: the prediction is its digit count at the slowest rate
/// (digits per second) measured on the large numbers converted so far under this interrupt,
/// or at a cautious `assumedRate` before any is measured (GMP's conversion is quasi-linear, so
/// this is an estimate, not a bound; the guarantee is one number's conversion past the
/// deadline at most).
public final class PrintingInterrupt: Sendable {
    /// The interrupt in force for the current task or thread (nil: numbers print in full).
    @TaskLocal public static var current: PrintingInterrupt?

    /// Numbers with at least this many digits are timed to measure the conversion rate.
    static let timedDigits = 10_000
    /// The rate assumed before one is measured, in digits per millisecond (GMP converts
    /// numbers of millions of digits at about 5 million digits per second on one core).
    static let assumedRate = 1000
    /// The clock is read at least once per this many digits converted (and before every timed number).
    static let digitsBetweenChecks = 200_000

    private let deadline: ContinuousClock.Instant
    private let raised = Atomic<Bool>(false)
    /// Digits converted since the clock was last read.
    private let pendingDigits = Atomic<Int>(0)
    /// Digits of every number asked for, converted or skipped.
    private let requested = Atomic<Int>(0)
    /// The slowest rate measured, in digits per millisecond (0: none measured yet).
    private let slowestRate = Atomic<Int>(0)

    /// An interrupt that fires at `deadline` (monotonic clock).
    public init(deadline: ContinuousClock.Instant) {
        self.deadline = deadline
    }

    /// Whether some number was skipped: everything rendered under this interrupt is meaningless.
    public var wasRaised: Bool { raised.load(ordering: .relaxed) }

    /// About how many decimal digits the numbers rendered under this interrupt have, whether
    /// printed or skipped (numbers of a machine word are not counted).
    public var requestedDigits: Int { requested.load(ordering: .relaxed) }

    /// Whether to skip (print `0` for) a number of about `digits` decimal digits; records a firing.
    func skips(digits: Int) -> Bool {
        requested.add(digits, ordering: .relaxed)
        if raised.load(ordering: .relaxed) { return true }
        let pending = pendingDigits.add(digits, ordering: .relaxed).newValue
        guard digits >= Self.timedDigits || pending >= Self.digitsBetweenChecks else { return false }
        pendingDigits.store(0, ordering: .relaxed)
        let now = ContinuousClock.now
        let rate = slowestRate.load(ordering: .relaxed)
        let predicted = Duration.milliseconds(digits / (rate > 0 ? rate : Self.assumedRate))
        if now + predicted >= deadline {
            raised.store(true, ordering: .relaxed)
            return true
        }
        return false
    }

    /// Whether a writer of text that is not one number (a polynomial's terms) should stop:
    /// it reports the `characters` it wrote since its last call. The clock is read once per
    /// `digitsBetweenChecks` characters; past the deadline the interrupt is raised (its installer
    /// discards everything rendered under it) and the writer may stop early.
    public func stopsText(afterWriting characters: Int) -> Bool {
        if raised.load(ordering: .relaxed) { return true }
        let pending = pendingDigits.add(characters, ordering: .relaxed).newValue
        guard pending >= Self.digitsBetweenChecks else { return false }
        pendingDigits.store(0, ordering: .relaxed)
        if ContinuousClock.now >= deadline {
            raised.store(true, ordering: .relaxed)
            return true
        }
        return false
    }

    /// Records that a number of `digits` digits took `elapsed` to convert (timed numbers only).
    func record(digits: Int, elapsed: Duration) {
        let (seconds, attoseconds) = elapsed.components
        let milliseconds = max(Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000), 1)
        let rate = max(digits / milliseconds, 1)
        let old = slowestRate.load(ordering: .relaxed)
        if old == 0 || rate < old { slowestRate.store(rate, ordering: .relaxed) }
    }

    /// Runs `convert` (the decimal conversion of a number of about `digits` digits) unless the
    /// interrupt in force skips it; returns false when skipped (the caller writes `0`).
    @inline(__always)
    static func converting(digits: Int, _ convert: () -> Void) -> Bool {
        guard let interrupt = current else {
            convert()
            return true
        }
        if interrupt.skips(digits: digits) { return false }
        guard digits >= timedDigits else {
            convert()
            return true
        }
        let start = ContinuousClock.now
        convert()
        interrupt.record(digits: digits, elapsed: ContinuousClock.now - start)
        return true
    }
}
