#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Writing to standard output and standard error (file descriptors 1 and 2) in one
/// unbuffered call each: reports can be tens of megabytes, so no per-line `print`.
enum StandardStreams {
    /// The first error (errno) a write to standard output met, if any.
    private static let outputError = Mutex<Int32?>(nil)

    /// Writes `text` as is to standard output (a failure is kept for `outputFailure`).
    static func output(_ text: String) {
        var text = text
        text.withUTF8 { output(bytes: $0) }
    }

    /// Writes `bytes` as they are to standard output (a failure is kept for `outputFailure`).
    static func output(bytes: UnsafeBufferPointer<UInt8>) {
        guard outputError.withLock({ $0 == nil }) else { return }
        if let code = FileDescriptorWriter.writeAll(bytes, to: 1) {
            outputError.withLock { $0 = $0 ?? code }
        }
    }

    /// Why writing standard output failed (`No space left on device`), nil when it did not.
    static var outputFailure: String? {
        outputError.withLock { $0 }.map { String(cString: strerror($0)) }
    }

    /// Writes one message line to standard error.
    static func error(_ message: String) {
        _ = FileDescriptorWriter.writeAll(message.hasSuffix("\n") ? message : message + "\n", to: 2)
    }
}

/// A loop around write(2) that retries short writes and EINTR.
enum FileDescriptorWriter {
    /// Writes all of `text`; returns `errno` on failure, nil on success.
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll($0, to: descriptor) }
    }

    /// Writes all of `bytes`; returns `errno` on failure, nil on success.
    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
