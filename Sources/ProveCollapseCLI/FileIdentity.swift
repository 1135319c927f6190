#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// A file as the kernel knows it: device and inode numbers (stat(2), symlinks followed).
///
/// Two paths name the same file exactly when their identities are equal, whatever the
/// spelling (`./net.yaml`, `dir/../net.yaml`, a symlink, a hard link).
struct FileIdentity: Hashable, Sendable {
    /// `st_dev`.
    let device: UInt64
    /// `st_ino`.
    let inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The identity of the file `path` names (symlinks followed), or nil when it does not exist.
    static func of(path: String) -> FileIdentity? {
        var info = stat()
        return stat(path, &info) == 0 ? FileIdentity(info) : nil
    }

    /// The identity of an open descriptor, or nil when it is not open.
    static func of(descriptor: Int32) -> FileIdentity? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? FileIdentity(info) : nil
    }
}

/// The files this run reads (the spec, a domain file, a points file, a model), so that no
/// output ever replaces one of them.
///
/// Every reader in the command records its path here (`SpecLoading.load`, `TextFile.read`);
/// `OutputFile` refuses a target whose identity is recorded, when it opens the output and
/// again before it commits it (files read in between are covered too).
///
/// A list, not a dictionary: a run reads a handful of files, and the first
/// `[FileIdentity: String]` cost a scan of the runtime's protocol-conformance records
/// (`FileIdentity: Hashable`) at every start (docs/PERFORMANCE.md, start-up).
enum InputFiles {
    private static let read = Mutex<[(identity: FileIdentity, path: String)]>([])

    /// Records that the command reads `path` (no-op when it does not exist).
    static func record(_ path: String) {
        guard let identity = FileIdentity.of(path: path) else { return }
        read.withLock { files in
            if !files.contains(where: { $0.identity == identity }) { files.append((identity, path)) }
        }
    }

    /// The path (as the user wrote it) of the first recorded input with this identity, if any.
    static func path(of identity: FileIdentity) -> String? {
        read.withLock { files in files.first { $0.identity == identity }?.path }
    }
}
