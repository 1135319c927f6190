internal import Glibc

/// Why an input file could not be read, as data; each reader words it for its own kind of file.
public enum FileReadFailure: Error, Equatable, Sendable {
    /// The path is empty or names nothing.
    case noSuchFile
    /// The path names a directory.
    case isDirectory
    /// The file exists but this process may not read it.
    case permissionDenied
    /// Reading failed for another reason (the system's description of `errno`).
    case ioError(String)
}

/// The one place where the command's input files (specs, domains, points, reports, NNet
/// models) are read from disk.
///
/// Guarantee: either every byte of the file as it was when read, in one array (no `Data` in
/// between: specs can be tens of megabytes), or a `FileReadFailure` saying why not. ONNX models
/// are the exception: they are memory-mapped by `ONNXReader`, since protobuf decoding reads the
/// mapped bytes directly.
public enum InputFile {
    /// The bytes of the file at `path`.
    public static func bytes(_ path: String) throws(FileReadFailure) -> [UInt8] {
        guard !path.isEmpty else { throw .noSuchFile }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw errno == EACCES ? .permissionDenied : .noSuchFile
        }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw .isDirectory }
        let descriptor = Glibc.open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw errno == EACCES ? .permissionDenied : .ioError(String(cString: strerror(errno)))
        }
        defer { _ = Glibc.close(descriptor) }
        var capacity = fstat(descriptor, &info) == 0 ? max(Int(info.st_size), 0) + 1 : 1 << 16
        var bytes = [UInt8]()
        while true {
            // Read into the spare capacity; grow only when a file outgrows its stat size.
            bytes.reserveCapacity(capacity)
            var failure: Int32 = 0
            var ended = false
            let before = bytes.count
            let room = capacity - before
            bytes.append(contentsOf: repeatElement(0, count: room))
            let got = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
                var total = 0
                while total < room {
                    let n = Glibc.read(descriptor, buffer.baseAddress! + before + total, room - total)
                    if n < 0, errno == EINTR { continue }
                    if n < 0 { failure = errno; return -1 }
                    if n == 0 { ended = true; break }
                    total += n
                }
                return total
            }
            guard got >= 0 else {
                throw failure == EACCES ? .permissionDenied : .ioError(String(cString: strerror(failure)))
            }
            bytes.removeLast(room - got)
            if ended { break }
            capacity *= 2
        }
        return bytes
    }
}
