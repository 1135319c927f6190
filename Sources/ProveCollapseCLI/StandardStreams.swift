#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to standard output and standard error (file descriptors 1 and 2) in one
/// unbuffered call each: reports can be tens of megabytes, so no per-line `print`.
enum StandardStreams {
    /// Writes `text` as is to standard output.
    static func output(_ text: String) {
        _ = FileDescriptorWriter.writeAll(text, to: 1)
    }

    /// Writes `bytes` as they are to standard output.
    static func output(bytes: UnsafeBufferPointer<UInt8>) {
        _ = FileDescriptorWriter.writeAll(bytes, to: 1)
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
