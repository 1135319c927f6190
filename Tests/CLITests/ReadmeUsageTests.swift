import Foundation
import Testing

/// The README's usage lines are the command's own: the `USAGE:` line ArgumentParser generates
/// for every subcommand (`prove-collapse NAME --help`), so they cannot drift apart.
struct ReadmeUsageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The lines of the first code block after "## The command" in README.md.
    static func readmeUsage() throws -> [String] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## The command"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```\n"))
        let body = rest[open.upperBound...]
        let close = try #require(body.range(of: "```"))
        return body[..<close.lowerBound].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The usage lines of `--help`: the `USAGE:` line and its continuation lines.
    static func helpUsage(_ help: String) -> [String] {
        var lines: [String] = []
        var inUsage = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("USAGE: ") {
                inUsage = true
                lines.append(String(line.dropFirst("USAGE: ".count)).trimmingCharacters(in: .whitespaces))
            } else if inUsage, line.hasPrefix("       prove-collapse") {
                lines.append(line.trimmingCharacters(in: .whitespaces))
            } else if inUsage {
                break
            }
        }
        return lines
    }

    /// Read from the committed help snapshots, which `HelpSnapshotTests` compares with the
    /// live `--help` of every subcommand (so the help is not run a second time here).
    @Test func readmeUsageLinesAreTheHelpUsageLines() throws {
        func snapshot(_ name: String) throws -> String {
            try String(
                contentsOf: HelpSnapshotTests.directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
        }
        let names = HelpSnapshotTests.subcommands(try snapshot("prove-collapse"))
        #expect(names.count >= 8, "the root help lists \(names)")
        var usage: [String] = []
        for name in names {
            let lines = Self.helpUsage(try snapshot(name))
            #expect(lines.count == 1, "`\(name) --help` has the usage lines \(lines)")
            usage += lines
        }
        #expect(try Self.readmeUsage() == usage)
    }

    @Test func helpPointsToTheReference() throws {
        let harness = try CLIHarness(); defer { harness.cleanUp() }
        let result = try harness.run("--help")
        #expect(result.stdout.contains("docs/SPEC.md"))
        #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("docs/SPEC.md").path))
    }

    @Test func readmeGalleryCountIsTheGallery() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let folders = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("Proofs").path
        )
        .filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: Self.root.appendingPathComponent("Proofs/\($0)").path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        #expect(
            readme.contains("The gallery in [`Proofs/`](Proofs/) has \(folders.count) classic arguments"),
            "README's gallery count differs from the \(folders.count) folders in Proofs/")
    }
}
