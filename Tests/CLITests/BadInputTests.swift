import Foundation
import Testing
import Algebra

/// One class of bad spec: the file, its content, and where the message must point.
struct BadSpec: CustomTestStringConvertible, Sendable {
    let label: String
    let file: String
    let content: String
    /// The expected `FILE:LINE:` prefix's line.
    let line: Int
    /// Words the message must contain.
    let mentions: [String]

    var testDescription: String { label }
}

private let badSpecs: [BadSpec] = [
    BadSpec(
        label: "malformed YAML", file: "bad.yaml",
        content: "input: 2\nlayers:\n  - dense:\n      weights: [[1, 2]]\n     bias: [1]\n",
        line: 5, mentions: ["YAML"]),
    BadSpec(
        label: "malformed JSON", file: "bad.json",
        content: "{\n  \"input\": 2,\n  \"layers\": [\n    {\"dense\": {\"weights\": [[1, 2]],}}\n  ]\n}\n",
        line: 4, mentions: ["JSON"]),
    BadSpec(
        label: "unknown key with suggestion", file: "key.yaml",
        content: "input: 2\nlayers:\n  - dense:\n      wieghts: [[1, 2]]\n",
        line: 4, mentions: ["wieghts", "did you mean 'weights'"]),
    BadSpec(
        label: "ragged rows", file: "ragged.yaml",
        content: "input: 2\nlayers:\n  - dense:\n      weights: [[1, 2], [3]]\n",
        line: 4, mentions: ["row"]),
    BadSpec(
        label: "size mismatch naming both layers", file: "size.yaml",
        content:
            "input: [a, b]\nlayers:\n  - dense:\n      weights: [[1, 2], [3, 4]]\n  - dense:\n      weights: [[1, 2, 3]]\n",
        line: 6, mentions: ["layer 2", "layer 1"]),
    BadSpec(
        label: "zero denominator", file: "zero.yaml",
        content: "input: 2\nlayers:\n  - dense:\n      weights: [[\"1/0\", 2]]\n",
        line: 4, mentions: ["zero denominator"]),
    BadSpec(
        label: "unknown activation", file: "act.yaml",
        content: "input: 2\nlayers:\n  - dense:\n      weights: [[1, 2]]\n    activation: relux\n",
        line: 5, mentions: ["relux", "relu"]),
    BadSpec(
        label: "missing weights", file: "noweights.yaml",
        content: "input: 2\nlayers:\n  - dense:\n      bias: [1]\n",
        line: 3, mentions: ["weights"]),
    BadSpec(
        label: "bad expression string", file: "expr.yaml",
        content: "input: 2\nlayers:\n  - dense:\n      weights: [[\"2*a +\", 2]]\n",
        line: 4, mentions: ["2*a +"]),
    BadSpec(
        label: "non-positive input dimension", file: "dim.yaml",
        content: "input: 0\nlayers:\n  - activation: relu\n",
        line: 1, mentions: ["input"]),
    BadSpec(
        label: "negative input dimension", file: "neg.json",
        content: "{\"input\": -1, \"layers\": [{\"activation\": \"relu\"}]}\n",
        line: 1, mentions: ["input"]),
    BadSpec(
        label: "empty layers list", file: "empty.yaml",
        content: "input: 2\nlayers: []\n",
        line: 2, mentions: ["layer"]),
    BadSpec(label: "empty file", file: "blank.yaml", content: "", line: 1, mentions: []),
]

/// Every bad input exits 2 with one message naming FILE:LINE:COLUMN on standard error and
/// nothing on standard output.
@Suite struct BadInputTests {
    @Test(arguments: badSpecs)
    func badSpecExitsTwoNamingFileAndLine(_ spec: BadSpec) throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write(spec.file, spec.content)
        for format in ["text", "json"] {
            let result = try cli.run(spec.file, "--format", format)
            #expect(result.status == 2, "\(spec.label): status \(result.status), stderr \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(spec.label): stdout \(result.stdout)")
            #expect(result.stderr.hasPrefix("\(spec.file):\(spec.line):"), "\(spec.label): \(result.stderr)")
            #expect(hasColumn(result.stderr, file: spec.file), "\(spec.label): no column in \(result.stderr)")
            for word in spec.mentions {
                #expect(result.stderr.contains(word), "\(spec.label): '\(word)' not in \(result.stderr)")
            }
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
            #expect(
                result.stderr.split(separator: "\n").count == 1, "\(spec.label): more than one line: \(result.stderr)")
        }
    }

    @Test func missingFileExitsTwo() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        let result = try cli.run("nowhere.yaml")
        expectBadInput(result, file: "nowhere.yaml")
    }

    @Test func directoryExitsTwo() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try FileManager.default.createDirectory(atPath: cli.path("folder.yaml"), withIntermediateDirectories: true)
        let result = try cli.run("folder.yaml")
        expectBadInput(result, file: "folder.yaml")
        #expect(result.stderr.contains("directory"))
    }

    @Test func binaryGarbageExitsTwo() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        var generator = SplitMix64(seed: 42)
        let bytes = (0..<512).map { _ in UInt8(truncatingIfNeeded: generator.next()) } + [0xFF, 0xFE, 0x00]
        try cli.write("garbage.yaml", bytes: bytes)
        expectBadInput(try cli.run("garbage.yaml"), file: "garbage.yaml")
        try cli.write("garbage.json", bytes: bytes)
        expectBadInput(try cli.run("garbage.json"), file: "garbage.json")
    }

    @Test(arguments: [
        ["--bogus", "net.yaml"],
        ["net.yaml", "--format", "xml"],
        [],
        ["eval", "net.yaml"],
        ["check", "net.yaml", "--trials", "0"],
        ["check", "net.yaml", "--trials", "many"],
        ["random", "--layers", "0"],
        ["net.yaml", "extra.yaml"],
        ["net.yaml", "--max-regions", "0"],
    ])
    func usageErrorsExitTwoOnStandardError(_ arguments: [String]) throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.linear)
        let result = try cli.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test func helpShowsExamplesAndExitsZero() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        let result = try cli.run("--help")
        #expect(result.status == 0)
        #expect(result.stdout.contains("analyze is the default subcommand: prove-collapse SPEC [--format text|json]"))
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("eval"))
        let version = try cli.run("--version")
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
    }

    @Test func badPointsExitTwoWithPosition() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        let letter = try cli.run("eval", "net.yaml", "--at", "1/x, 2")
        #expect(letter.status == 2)
        #expect(letter.stdout.isEmpty)
        #expect(letter.stderr.hasPrefix("--at #1:1:3:"), "\(letter.stderr)")
        let dimension = try cli.run("eval", "net.yaml", "--at", "1, 2", "--at", "1")
        #expect(dimension.status == 2)
        #expect(dimension.stdout.isEmpty)
        #expect(dimension.stderr.contains("--at #2") && dimension.stderr.contains("expected 2"))
        try cli.write("points.txt", "# x1, x2\n1, 2\n\n3, 1/0\n")
        let file = try cli.run("eval", "net.yaml", "--points", "points.txt")
        #expect(file.status == 2)
        #expect(file.stdout.isEmpty)
        #expect(file.stderr.hasPrefix("points.txt:4:6:"), "\(file.stderr)")  // the 0 of 1/0
        let missing = try cli.run("eval", "net.yaml", "--points", "none.txt")
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("none.txt:1:1:"))
    }

    @Test func badRandomActivationExitsTwo() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        let result = try cli.run("random", "--activation", "relux", "--output", "r.yaml")
        #expect(result.status == 2)
        #expect(result.stderr.contains("relux") && result.stderr.contains("relu"))
        #expect(!cli.exists("r.yaml"))
    }

    private func expectBadInput(_ result: RunResult, file: String) {
        #expect(result.status == 2, "\(file): \(result.status) \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("\(file):"), "\(result.stderr)")
        #expect(hasColumn(result.stderr, file: file), "\(result.stderr)")
    }
}

/// Whether the message starts `FILE:LINE:COLUMN:` with numeric line and column.
func hasColumn(_ message: String, file: String) -> Bool {
    guard message.hasPrefix(file + ":") else { return false }
    let parts = message.dropFirst(file.count + 1).split(separator: ":", maxSplits: 2)
    return parts.count == 3 && Int(parts[0]) != nil && Int(parts[1]) != nil
}
