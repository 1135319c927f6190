#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing an output file all at once or not at all.
enum AtomicFile {
    /// Writes `text` to `path` through a temporary file in the same directory, then renames
    /// it over `path` (rename(2) is atomic within a file system). On any failure the
    /// temporary file is removed and `path` is left as it was.
    static func write(_ text: String, to path: String) throws(CLIError) {
        try write(to: path) { FileDescriptorWriter.writeAll(text, to: $0) }
    }

    /// Writes `bytes` (a PDF, for example) to `path` the same way: all at once or not at all.
    static func write(bytes: [UInt8], to path: String) throws(CLIError) {
        try write(to: path) { descriptor in bytes.withUnsafeBufferPointer { FileDescriptorWriter.writeAll($0, to: descriptor) } }
    }

    /// The shared body: `fill` writes the content to the temporary file's descriptor and
    /// returns an errno on failure.
    private static func write(to path: String, fill: (Int32) -> Int32?) throws(CLIError) {
        let directory: String
        let name: String
        if let slash = path.lastIndex(of: "/") {
            directory = String(path[...slash])
            name = String(path[path.index(after: slash)...])
        } else {
            directory = ""
            name = path
        }
        guard !name.isEmpty else { throw .cannotWrite(path: path, reason: "the path names a directory") }
        var template = Array((directory + ".\(name).tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: lastError()) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        if let code = fill(descriptor) { failure = String(cString: strerror(code)) }
        if failure == nil, fsync(descriptor) != 0 { failure = lastError() }
        // mkstemp creates 0600; give the file the usual permissions (umask applies).
        let mask = umask(0)
        umask(mask)
        _ = fchmod(descriptor, 0o666 & ~mask)
        if close(descriptor) != 0, failure == nil { failure = lastError() }
        if failure == nil, rename(temporary, path) != 0 { failure = lastError() }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: failure)
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
