import ArgumentParser
import Testing

@testable import ProveCollapseCLI

/// The start-up shortcut for a named subcommand (`CommandRunner.parseNamedSubcommand`): the
/// subcommand parsed alone must be, value for value, what the root parse gives, and every help
/// request or usage error must be left to the root parse (which words the messages).
@Suite struct NamedSubcommandParseTests {
    /// One argument list per subcommand, with options of each kind (repeated, flags, values).
    static let valid: [[String]] = [
        ["analyze", "net.yaml", "--format", "json", "--latex", "p.tex", "--figures", "--set", "a=1/2", "--set", "b=3"],
        ["analyze", "--max-regions", "7", "net.yaml", "--timeout", "2.5", "--no-progress", "--no-simplify"],
        ["eval", "net.yaml", "--at", "1, 2", "--at", "0, -1/3", "--trace", "--format", "json"],
        ["check", "net.yaml", "--trials", "10", "--seed", "3"],
        ["random", "--layers", "2", "--width", "3", "--activation", "relu", "--seed", "1"],
        ["regions", "net.yaml", "--count", "--max-regions", "5", "--format", "json"],
        ["local", "net.yaml", "--at", "0, 0"],
        ["separable", "xor.yaml", "--format", "json"],
        ["verify", "net.yaml", "report.json"],
        ["convert", "model.onnx", "--output", "model.yaml"],
        ["fuse", "net.yaml", "--format", "json", "--factor"],
    ]

    @Test func aNamedSubcommandParsesToWhatTheRootParseGives() throws {
        for arguments in Self.valid {
            let alone = try #require(CommandRunner.parseNamedSubcommand(arguments), "\(arguments)")
            let root = try ProveCollapse.parseAsRoot(arguments)
            #expect(type(of: alone) == type(of: root), "\(arguments)")
            var aloneDump = "", rootDump = ""
            dump(alone, to: &aloneDump)
            dump(root, to: &rootDump)
            #expect(aloneDump == rootDump, "\(arguments)")
            // The dump shows the parsed values: the comparison is not between two empty texts.
            #expect(aloneDump.contains("_parsedValue") && aloneDump.contains("value: "), "\(arguments): \(aloneDump)")
        }
    }

    @Test func helpRequestsAndUsageErrorsAreLeftToTheRootParse() {
        let declined: [[String]] = [
            ["regions", "--help"], ["eval", "-h"], ["help", "eval"], ["eval", "net.yaml", "--nonsense"],
            ["check", "net.yaml", "--trials", "many"], ["local", "net.yaml"], ["verify", "net.yaml"],
            ["analyze", "net.yaml", "--format", "json", "--latex", "-"],
            ["net.yaml", "--format", "json"], ["evaluate", "net.yaml"], [],
        ]
        for arguments in declined {
            #expect(CommandRunner.parseNamedSubcommand(arguments) == nil, "\(arguments)")
        }
    }
}
