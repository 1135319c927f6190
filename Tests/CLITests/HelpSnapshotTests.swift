import Foundation
import Testing

/// The full `--help` of the root command and of every subcommand equals its committed
/// snapshot (Tests/CLITests/HelpSnapshots/NAME.txt). After adding or changing a subcommand or
/// an option, regenerate them with `scripts/regenerate-help-snapshots.sh` and review the diff.
@Suite struct HelpSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "HelpSnapshots")

    /// The subcommands the root help lists.
    static func subcommands(_ rootHelp: String) -> [String] {
        let lines = rootHelp.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { line in
            guard line.hasPrefix("  "), let first = line.dropFirst(2).first, first.isLowercase else { return nil }
            return String(line.dropFirst(2).prefix { $0.isLowercase || $0 == "-" })
        }
    }

    @Test func everyHelpMatchesItsSnapshot() throws {
        let harness = try CLIHarness(); defer { harness.cleanUp() }
        let root = try harness.run("--help")
        let names = Self.subcommands(root.stdout)
        #expect(names.count >= 8, "the root help lists \(names)")
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
        #expect(
            snapshots == (["prove-collapse"] + names).sorted(),
            "the snapshots and the subcommands differ: run scripts/regenerate-help-snapshots.sh")
        for name in ["prove-collapse"] + names {
            let result = name == "prove-collapse" ? root : try harness.run(name, "--help")
            let expected = try String(contentsOf: Self.directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
            #expect(
                result.status == 0 && result.stdout == expected,
                "`\(name) --help` differs from its snapshot: run scripts/regenerate-help-snapshots.sh")
        }
    }
}
