import Foundation
import Testing

/// Running the binary with a launcher in front (`prlimit`, `setpriv`, `sh -c`), with a chosen
/// standard output, or in the background (to signal it).
extension CLIHarness {
    /// Runs `launcher... prove-collapse arguments...`; standard output goes to `standardOutput`
    /// (a path) when given, else to a capture file returned in `stdout`.
    func run(launcher: [String], _ arguments: [String], standardOutput: String? = nil) throws -> RunResult {
        let process = try start(launcher: launcher, arguments, standardOutput: standardOutput)
        return try process.finish()
    }

    /// Starts the binary in the background; `environment` adds to (or overrides) the test's.
    func start(
        launcher: [String] = [], _ arguments: [String], standardOutput: String? = nil,
        environment: [String: String] = [:]
    ) throws -> RunningCLI {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let first = launcher.first {
            process.executableURL = URL(fileURLWithPath: first)
            process.arguments = Array(launcher.dropFirst()) + [CLIHarness.executable.path] + arguments
        } else {
            process.executableURL = CLIHarness.executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        let outURL =
            standardOutput.map { URL(fileURLWithPath: $0) }
            ?? directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        if standardOutput == nil { _ = FileManager.default.createFile(atPath: outURL.path, contents: nil) }
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return RunningCLI(
            process: process, out: out, err: err, outURL: standardOutput == nil ? outURL : nil, errURL: errURL)
    }

    /// The names in the scratch directory, hidden ones included (temporary files start with a
    /// dot), without the harness's capture files.
    func allNames(in folder: String = ".") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)
            .filter { !$0.hasPrefix(".stdout-") && !$0.hasPrefix(".stderr-") }.sorted()
    }

    /// `stat(2)` of a scratch path (symlinks followed unless `link`).
    func status(_ name: String, link: Bool = false) -> stat? {
        var info = stat()
        let path = name.hasPrefix("/") ? name : self.path(name)
        return (link ? lstat(path, &info) : stat(path, &info)) == 0 ? info : nil
    }
}

/// A `prove-collapse` process started in the background.
struct RunningCLI {
    let process: Process
    let out: FileHandle
    let err: FileHandle
    let outURL: URL?
    let errURL: URL

    /// Waits for the process and collects what it wrote.
    func finish() throws -> RunResult {
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdoutData = try outURL.map { try Data(contentsOf: $0) } ?? Data()
        let stderrData = try Data(contentsOf: errURL)
        if let outURL { try? FileManager.default.removeItem(at: outURL) }
        try? FileManager.default.removeItem(at: errURL)
        return RunResult(
            status: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self),
            stdoutData: stdoutData)
    }
}

/// The file type bits of a `stat`.
func fileType(_ info: stat?) -> mode_t? { info.map { $0.st_mode & S_IFMT } }
