import Foundation
import Testing

/// What one run of the built `prove-collapse` binary produced.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
    let stdoutData: Data
}

/// Runs the real binary in a scratch directory: end-to-end, through the exit status.
struct CLIHarness {
    /// A fresh temporary directory for this test.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("prove-collapse-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// The built executable: next to the test bundle (`.build/<triple>/debug`), else
    /// `.build/debug` under the package root found from this file's path.
    static let executable: URL = {
        let name = "prove-collapse"
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent(name))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(name))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/\(name)"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// Writes `text` to `name` in the scratch directory and returns the file name.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        return name
    }

    /// Writes raw bytes.
    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: directory.appendingPathComponent(name))
    }

    /// The full path of a scratch file.
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Whether a scratch file exists.
    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// Runs `prove-collapse arguments...` with the scratch directory as working directory.
    func run(_ arguments: String...) throws -> RunResult { try run(arguments) }

    func run(_ arguments: [String]) throws -> RunResult {
        let process = Process()
        process.executableURL = CLIHarness.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // Files rather than pipes: reports can exceed a pipe buffer and there is no reader thread.
        let outURL = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdoutData = try Data(contentsOf: outURL), stderrData = try Data(contentsOf: errURL)
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        return RunResult(
            status: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self),
            stdoutData: stdoutData)
    }

    /// The files in the scratch directory (without the harness's own capture files).
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".std") }.sorted()
    }

    /// Removes the scratch directory.
    func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}

/// Specs used across the tests.
enum Specs {
    static let linear = """
        network: stacked-linear
        input: [x1, x2]
        layers:
          - dense:
              weights: [[1, "2/3"], [0, -1]]
            activation: identity
          - dense:
              weights: [[3, 1]]

        """
    static let affine = """
        network: stacked-affine
        input: [x1, x2]
        layers:
          - dense:
              weights: [[1, "2/3"], [0, -1]]
              bias: ["1/2", 0]
          - dense:
              weights: [[3, 1]]
              bias: [1]
            activation: {affine: {slope: 2, intercept: -1}}

        """
    static let relu = """
        input: 2
        layers:
          - dense:
              weights: [[1, 0], [0, 1]]
            activation: relu

        """
    static let symbolicRelu = """
        input: 1
        layers:
          - dense:
              weights: [[w]]
            activation: relu

        """
    static let affineJSON = """
        {"network": "json-affine", "input": 2,
         "layers": [{"dense": {"weights": [[1, 2]], "bias": ["1/3"]}}]}

        """
}

/// JSON parsed from the whole of standard output (fails if anything else is there).
func parseJSON(_ result: RunResult) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: result.stdoutData)
    return try #require(object as? [String: Any])
}
