#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// An output the command writes (`--latex FILE`, `--output FILE`, `--plot FILE`, ...): the one
/// way every subcommand writes a file, so that no output ever destroys what is there.
///
/// - `-` is standard output; a path naming the file that standard output or error already
///   writes (`/dev/stdout`) is written through that descriptor.
/// - A device, named pipe or socket is opened and written in place (never replaced).
/// - A regular file (or a path that does not exist yet) is written to a temporary file in the
///   same folder (`.NAME.tmp-XXXXXX`) and renamed over the target only by `commit()`, after
///   fsync: readers see the old file or the whole new one, never a part. A symlink is
///   followed to the file it names, which is replaced; the link stays. An existing file keeps
///   its permission bits (and, as root, its owner).
/// - A path that is a file this run reads (`InputFiles`: the spec, a domain or points file) is
///   refused, by device and inode, when the output is opened and again at `commit()`.
/// - Every write, fsync, close and rename error is thrown as `CLIError.cannotWrite` (exit 2);
///   the temporary file is then removed and the target left as it was. An output dropped
///   without `commit()` (an error elsewhere) is removed the same way, and so is every
///   temporary file on SIGINT or SIGTERM (`Interruption`).
///
/// Open outputs early (after reading the inputs, before the long work) so that a path that
/// cannot be written fails fast; then write, then `commit()`:
/// ```swift
/// let latex = try OutputFile.open(path)        // exit 2 now if the path is refused
/// ... analysis ...
/// try latex.write(document); try latex.commit()
/// ```
/// `OutputFile.write(text, to: path)` does all three at once.
final class OutputFile {
    /// The path as the user gave it, or `standard output` for `-` (used in messages).
    let path: String
    /// Where the bytes go.
    let target: OutputTarget
    private var descriptor: Int32
    private var temporary: String?
    private var finished = false

    /// Targets of outputs opened by this run (two options naming one file are refused).
    private static let opened = Mutex<Set<String>>([])

    private init(path: String, target: OutputTarget, descriptor: Int32, temporary: String?) {
        self.path = path
        self.target = target
        self.descriptor = descriptor
        self.temporary = temporary
    }

    /// Opens the output `path` for writing (see the type's documentation for what happens to
    /// each kind of path). Throws without touching anything when the path is refused or
    /// cannot be written.
    static func open(_ path: String) throws(CLIError) -> OutputFile {
        let target = try OutputTarget.resolve(path)
        switch target {
        case .descriptor(let standard):
            let name = path != "-" ? path : standard == 1 ? "standard output" : "standard error"
            return OutputFile(path: name, target: target, descriptor: standard, temporary: nil)
        case .stream(let real):
            try claim(real, path: path)
            let descriptor = Glibc.open(real, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: lastError()) }
            return OutputFile(path: path, target: target, descriptor: descriptor, temporary: nil)
        case .file(let real, let existing):
            try claim(real, path: path)
            let (descriptor, temporary) = try createTemporary(beside: real, path: path)
            let file = OutputFile(path: path, target: target, descriptor: descriptor, temporary: temporary)
            try file.copyPermissions(from: existing ? real : nil)
            return file
        }
    }

    /// Opens `path`, writes `text` and commits it: the whole output or nothing.
    static func write(_ text: String, to path: String) throws(CLIError) {
        let file = try open(path)
        try file.write(text)
        try file.commit()
    }

    /// Appends `text`.
    func write(_ text: String) throws(CLIError) {
        var text = text
        let code = text.withUTF8 { append($0) }
        try check(code)
    }

    /// Appends `bytes`.
    func write(bytes: UnsafeBufferPointer<UInt8>) throws(CLIError) {
        try check(append(bytes))
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        precondition(!finished, "write after commit")
        guard failure == nil else { return nil }
        return FileDescriptorWriter.writeAll(bytes, to: descriptor)
    }

    private func check(_ code: Int32?) throws(CLIError) {
        if let code { fail(String(cString: strerror(code))) }
        if let failure { throw .cannotWrite(path: path, reason: failure) }
    }

    /// Finishes the output: for a regular file, fsync, close and rename over the target (the
    /// target then holds exactly what was written); for a device or pipe, close it. Throws,
    /// removing the temporary file, on any error.
    func commit() throws(CLIError) {
        if let failure { throw .cannotWrite(path: path, reason: failure) }
        guard !finished else { return }
        finished = true
        switch target {
        case .descriptor:
            return
        case .stream:
            if close(descriptor) != 0 { throw .cannotWrite(path: path, reason: Self.lastError()) }
        case .file(let real, _):
            guard let temporary else { return }
            if fsync(descriptor) != 0 { fail(Self.lastError()) }
            if close(descriptor) != 0, failure == nil { fail(Self.lastError()) }
            descriptor = -1
            if failure == nil, let identity = FileIdentity.of(path: real),
                let conflict = OutputTarget.inputConflict(identity, path: path)
            {
                fail(conflict)
            }
            if let failure {
                removeTemporary()
                throw .cannotWrite(path: path, reason: failure)
            }
            let renamed = Interruption.retire(temporary: temporary) {
                rename(temporary, real) == 0 ? nil : Self.lastError()
            }
            self.temporary = nil
            if let renamed {
                unlink(temporary)
                throw .cannotWrite(path: path, reason: renamed)
            }
            Self.syncDirectory(of: real)
        }
    }

    deinit {
        if !finished {
            finished = true
            switch target {
            case .descriptor: break
            case .stream: close(descriptor)
            case .file: removeTemporary()
            }
        }
    }

    // MARK: - Internals

    private var failure: String?

    /// Records the first failure and drops the temporary file at once.
    private func fail(_ reason: String) {
        if failure == nil { failure = reason }
        if case .file = target { removeTemporary() }
    }

    private func removeTemporary() {
        if descriptor >= 0, case .file = target { close(descriptor); descriptor = -1 }
        guard let temporary else { return }
        Interruption.retire(temporary: temporary) { _ = unlink(temporary) }
        self.temporary = nil
    }

    /// Refuses a second output to the same file in one run.
    private static func claim(_ real: String, path: String) throws(CLIError) {
        let fresh = opened.withLock { $0.insert(real).inserted }
        guard fresh else {
            throw .cannotWrite(
                path: path, reason: "another output of this command already writes it; expected a different path")
        }
    }

    /// A new temporary file `.NAME.tmp-XXXXXX` in the folder of `real`, registered with
    /// `Interruption` before anything is written to it.
    private static func createTemporary(beside real: String, path: String) throws(CLIError) -> (Int32, String) {
        let directory: String
        let name: String
        if let slash = real.lastIndex(of: "/") {
            directory = String(real[...slash])
            name = String(real[real.index(after: slash)...])
        } else {
            directory = ""
            name = real
        }
        guard !name.isEmpty else {
            throw .cannotWrite(path: path, reason: "the path names a directory; expected a file path")
        }
        var template = Array((directory + ".\(name).tmp-XXXXXX").utf8CString)
        // Registered under the lock before mkstemp returns to us, so a signal in between
        // cannot leave the file behind.
        var descriptor: Int32 = -1
        var created: String?
        var code: Int32 = 0
        Interruption.register {
            descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            code = errno
            if descriptor >= 0 {
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                created = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            return created
        }
        guard descriptor >= 0, let created else {
            let folder = directory.isEmpty ? "the current folder" : directory
            throw .cannotWrite(
                path: path,
                reason:
                    "cannot create a temporary file in \(folder) (the file is replaced through one beside it): \(String(cString: strerror(code)))"
            )
        }
        return (descriptor, created)
    }

    /// mkstemp creates mode 0600: give a new file the usual 0666 less the umask, and a
    /// replaced file its old mode (and, as root, its old owner).
    private func copyPermissions(from existing: String?) throws(CLIError) {
        var mode: mode_t
        var info = stat()
        if let existing, stat(existing, &info) == 0 {
            mode = info.st_mode & 0o7777
            if geteuid() == 0 { _ = fchown(descriptor, info.st_uid, info.st_gid) }
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        if fchmod(descriptor, mode) != 0 {
            let reason = Self.lastError()
            removeTemporary()
            throw .cannotWrite(path: path, reason: reason)
        }
    }

    /// Makes the rename durable (best effort: some file systems refuse to sync a folder).
    private static func syncDirectory(of real: String) {
        let directory = real.lastIndex(of: "/").map { String(real[...$0]) } ?? "."
        let descriptor = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
