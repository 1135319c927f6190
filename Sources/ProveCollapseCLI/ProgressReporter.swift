#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Dispatch
import Synchronization
import Collapse

/// Progress lines on standard error for steps that may take more than a second (`--progress`).
///
/// Shown only when standard error is a terminal or with `--progress`, so tests, pipes and
/// scripts stay clean (`--no-progress` silences a terminal too). A step is announced only
/// once it has run for a second: a ticker on a background queue prints
/// `prove-collapse: <step> (3 s)` every second while the step lasts. The environment variable
/// `PROVE_COLLAPSE_PROGRESS_MS` (milliseconds) replaces that second, so tests see progress
/// in a sub-second run. The region enumeration
/// reports its counts with the elapsed time and rate. Nothing is ever written to standard
/// output.
/// `@unchecked Sendable`: the step is behind a mutex; the timer is set once in `init` and
/// only cancelled in `deinit`.
final class ProgressReporter: @unchecked Sendable {
    /// Whether lines are written at all.
    let isEnabled: Bool
    private let state = Mutex<(step: String?, started: ContinuousClock.Instant)>((nil, ContinuousClock.now))
    private let timer: DispatchSourceTimer?

    /// How long a step runs before it is announced, and the time between two lines: a second,
    /// or `PROVE_COLLAPSE_PROGRESS_MS` milliseconds when that is a positive number.
    static let delay: Duration = {
        if let text = getenv("PROVE_COLLAPSE_PROGRESS_MS"), let ms = Int(String(cString: text)), ms > 0 {
            return .milliseconds(ms)
        }
        return .seconds(1)
    }()

    /// A reporter; `forced` true/false for `--progress`/`--no-progress`, nil for "when standard
    /// error is a terminal".
    init(forced: Bool?) {
        isEnabled = forced ?? (isatty(2) == 1)
        guard isEnabled else {
            timer = nil
            return
        }
        let source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "prove-collapse.progress"))
        timer = source
        let (seconds, attoseconds) = Self.delay.components
        let interval = DispatchTimeInterval.nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
        source.schedule(deadline: .now() + interval, repeating: interval)
        source.setEventHandler { [weak self] in self?.tick() }
        source.resume()
    }

    deinit { timer?.cancel() }

    /// Starts a named step ("reading net.yaml (52 MB)"); replaces the previous one.
    func begin(_ step: String) {
        guard isEnabled else { return }
        state.withLock { $0 = (step, ContinuousClock.now) }
    }

    /// Ends the current step.
    func end() {
        guard isEnabled else { return }
        state.withLock { $0.step = nil }
    }

    private func tick() {
        let line: String? = state.withLock { s in
            guard let step = s.step else { return nil }
            let elapsed = ContinuousClock.now - s.started
            guard elapsed >= Self.delay else { return nil }
            return "prove-collapse: \(step) (\((elapsed + .milliseconds(500)).components.seconds) s)"
        }
        if let line { StandardStreams.error(line) }
    }

    /// The region enumeration's callback: counts, elapsed time and rate.
    var regions: (@Sendable (RegionProgress) -> Void)? {
        guard isEnabled else { return nil }
        let start = ContinuousClock.now
        return { p in
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let rate = seconds > 0 ? Int(Double(p.regions) / seconds) : 0
            StandardStreams.error(
                "prove-collapse: regions: \(p.regions) (\(p.fullDimensional) full-dimensional), \(p.linearPrograms) linear programs, \(Int(seconds)) s, \(rate) regions/s"
            )
        }
    }
}
