#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Stopping cleanly on SIGINT and SIGTERM: unfinished output files are removed, one line
/// goes to standard error, and the exit status is 128 + the signal number (130, 143).
///
/// `install()` blocks both signals in every thread (threads created later inherit the mask)
/// and waits for them in a dedicated thread with sigwait(2), so the clean-up runs as
/// ordinary code, not in an asynchronous signal handler. `OutputFile` registers each
/// temporary file while it exists; `commit` renames and unregisters under the same lock the
/// clean-up takes, so a signal either finds the temporary file (and removes it: the target
/// is untouched) or finds it already renamed (the target is complete).
enum Interruption {
    private static let temporaries = Mutex<Set<String>>([])

    /// Installs the handling; call once, first thing in `main`, before any thread starts.
    static func install() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        // A bare POSIX thread, not Foundation's `Thread`: that one initialises CoreFoundation
        // first, a measurable part of the start-up time (docs/PERFORMANCE.md).
        var thread = pthread_t()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        pthread_attr_setstacksize(&attributes, 64 * 1024)
        _ = pthread_create(&thread, &attributes, { _ in Interruption.waitForSignal() }, nil)
        pthread_attr_destroy(&attributes)
    }

    /// The waiting thread's body: blocks in sigwait(2) until SIGINT or SIGTERM, then stops.
    private static func waitForSignal() -> Never {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 {}
        stop(signal: received)
    }

    /// Removes every registered temporary file, says so in one line, and exits 128 + signal.
    private static func stop(signal: Int32) -> Never {
        temporaries.withLock { paths in
            for path in paths { unlink(path) }
            let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
            let removed = paths.isEmpty ? "" : "; unfinished output files removed"
            _ = FileDescriptorWriter.writeAll("prove-collapse: stopped by \(name)\(removed)\n", to: 2)
            _exit(128 + signal)
        }
    }

    /// Runs `create` (which makes a temporary file and returns its path, or nil when it
    /// failed) and registers the path for removal if the run is stopped, atomically with
    /// respect to the clean-up on a signal.
    static func register(_ create: () -> String?) {
        temporaries.withLock { paths in
            if let path = create() { paths.insert(path) }
        }
    }

    /// Runs `body` (which removes or renames `path`) and unregisters `path`, atomically with
    /// respect to the clean-up on a signal. Returns what `body` returns.
    static func retire<T>(temporary path: String, _ body: () -> T) -> T {
        temporaries.withLock { paths in
            let result = body()
            paths.remove(path)
            return result
        }
    }
}
