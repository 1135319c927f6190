#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an output path leads, decided before anything is written (see `OutputFile`).
enum OutputTarget: Equatable {
    /// An open standard stream (`-`, or a path naming the file that descriptor 1 or 2 is
    /// already writing, such as `/dev/stdout`): written through the descriptor, never closed.
    case descriptor(Int32)
    /// A device, named pipe or socket: opened for writing and written in place, never replaced.
    case stream(path: String)
    /// A regular file, existing or not, at its real location (symlinks resolved, so the link
    /// stays and the file it names is replaced): written to a temporary file beside it and
    /// renamed over it.
    case file(path: String, existing: Bool)

    /// The target of `path` as given on the command line.
    ///
    /// Refuses (throws) a directory, a path that cannot be resolved, and any file this run
    /// reads (`InputFiles`), compared by device and inode, so that `./net.yaml`, a symlink or a
    /// hard link to the spec are all refused.
    static func resolve(_ path: String) throws(CLIError) -> OutputTarget {
        if path == "-" { return .descriptor(1) }
        guard !path.isEmpty else {
            throw .cannotWrite(path: path, reason: "the path is empty; expected a file name or '-'")
        }
        var info = stat()
        if stat(path, &info) == 0 {
            let identity = FileIdentity(info)
            try refuseInput(identity, path: path)
            for standard: Int32 in [1, 2] where FileIdentity.of(descriptor: standard) == identity {
                return .descriptor(standard)
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw .cannotWrite(path: path, reason: "it is a directory; expected a file path")
            case S_IFREG:
                guard let real = realPath(path), FileIdentity.of(path: real) == identity else {
                    throw .cannotWrite(
                        path: path, reason: "its real location cannot be resolved; expected a path to a file")
                }
                return .file(path: real, existing: true)
            default:
                return .stream(path: path)
            }
        }
        let failure = errno
        guard failure == ENOENT else { throw .cannotWrite(path: path, reason: String(cString: strerror(failure))) }
        return .file(path: try danglingEnd(of: path), existing: false)
    }

    /// Throws when `identity` is a file this run reads.
    static func refuseInput(_ identity: FileIdentity, path: String) throws(CLIError) {
        if let conflict = inputConflict(identity, path: path) { throw .cannotWrite(path: path, reason: conflict) }
    }

    /// Why an output at `path` (of this identity) is refused: it is a file this run reads.
    static func inputConflict(_ identity: FileIdentity, path: String) -> String? {
        guard let input = InputFiles.path(of: identity) else { return nil }
        let what = input == path ? "it is" : "it is the same file as \(input), which is"
        return "\(what) an input of this command and would be overwritten; expected a different output path"
    }

    /// The absolute path with every symlink resolved (realpath(3)).
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// For a path that does not exist: itself, or, when it is a symlink to a missing file (a
    /// chain of them), the missing name at the end, where the output is then created.
    private static func danglingEnd(of path: String) throws(CLIError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") {
                current = link
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + link
            } else {
                current = link
            }
        }
        throw .cannotWrite(path: path, reason: "too many levels of symbolic links")
    }
}
