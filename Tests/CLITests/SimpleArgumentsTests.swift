import Algebra
import ArgumentParser
import Testing

@testable import ProveCollapseCLI

/// The start-up parser of `prove-collapse SPEC [OPTIONS]` (`AnalyzeRequest.init?(simpleArguments:)`):
/// whatever it accepts must be, value for value, the request ArgumentParser's root parse gives
/// (`AnalyzeCommand.request`), and everything else must be left to ArgumentParser.
@Suite struct SimpleArgumentsTests {
    /// ArgumentParser's request for `arguments`, parsed from the root as `prove-collapse ARGS`.
    static func argumentParserRequest(_ arguments: [String]) -> AnalyzeRequest? {
        (try? ProveCollapse.parseAsRoot(arguments) as? AnalyzeCommand)?.request
    }

    @Test func theSubcommandWordsAreTheCommandNames() {
        let names = ProveCollapse.configuration.subcommands.map { $0._commandName } + ["help"]
        #expect(AnalyzeRequest.subcommandWords.sorted() == names.sorted())
    }

    /// Every option of `analyze`, each kind of value, in several orders.
    @Test func acceptedListsAreArgumentParsersRequests() throws {
        let accepted: [[String]] = [
            ["net.yaml"],
            ["net.yaml", "--format", "json"],
            ["--format", "text", "net.yaml", "--convention", "row"],
            ["net.yaml", "--latex", "-"],
            ["net.yaml", "--latex", "", "--domain", "d.yaml"],
            ["m.onnx", "--latex", "p.tex", "--figures", "--pdf", "P.PDF", "--certificate", "c.smt2"],
            ["net.yaml", "--set", "a=1/2", "--set", "b=-3", "--set", "-", "--no-simplify"],
            ["--max-regions", "+7", "net.yaml", "--timeout", "1e-3", "--max-terms", "12", "--no-progress"],
            ["net.yaml", "--progress", "--region-certificates", "--timeout", "0x10", "--format", "json"],
            ["net.json", "--domain", "-"],
        ]
        for arguments in accepted {
            let simple = try #require(AnalyzeRequest(simpleArguments: arguments), "\(arguments)")
            let parsed = try #require(Self.argumentParserRequest(arguments), "\(arguments)")
            #expect(simple == parsed, "\(arguments)")
            // The default subcommand parsed alone (CommandRunner's next path) gives it too.
            let alone = try #require(CommandRunner.parseDefaultSubcommand(arguments) as? AnalyzeCommand)
            #expect(alone.request == simple, "\(arguments)")
        }
    }

    /// Help, version, usage errors and rejected values go to ArgumentParser, which words them.
    @Test func everythingElseIsDeclined() {
        let declined: [[String]] = [
            [], ["--help"], ["net.yaml", "-h"], ["net.yaml", "--version"], ["help"], ["eval", "net.yaml"],
            ["net.yaml", "--latex", "check"], ["net.yaml", "b.yaml"], ["--", "net.yaml"], ["-"], [""],
            ["net.yaml", "--format=json"], ["net.yaml", "--format", "yaml"], ["net.yaml", "--format"],
            ["net.yaml", "--format", "json", "--format", "text"], ["net.yaml", "--progress", "--no-progress"],
            ["net.yaml", "--max-regions", "0"], ["net.yaml", "--max-regions", "-3"], ["net.yaml", "--timeout", "inf"],
            ["net.yaml", "--timeout", "0"], ["net.yaml", "--max-terms", "x"],
            ["net.yaml", "--latex", "-", "--format", "json"],
            ["net.yaml", "--figures"], ["net.yaml", "--pdf", "p.tex"], ["net.yaml", "--set", "--help"],
            ["net.yaml", "--nonsense"], ["--convention", "rows", "net.yaml"], ["net.yaml", "--latex", "--figures"],
        ]
        for arguments in declined {
            #expect(AnalyzeRequest(simpleArguments: arguments) == nil, "\(arguments)")
        }
    }

    /// Random argument lists from the options' words (fixed seed): whenever the start-up parser
    /// accepts one, ArgumentParser's root parse accepts it too and gives the same request.
    @Test func randomListsAgreeWithArgumentParser() throws {
        // Mostly valid values and words, so that many lists are accepted; a few of every kind of fault.
        let values: [String: [String]] = [
            "--format": ["text", "json", "yaml"], "--latex": ["p.tex", "-", "check"], "--pdf": ["p.pdf", "p.tex"],
            "--convention": ["row", "column", "rows"], "--max-regions": ["5", "+7", "0", "99999999999999999999"],
            "--timeout": ["2.5", "1e-3", "inf", "-1"], "--max-terms": ["3", "12", "0"],
            "--set": ["a=1/2", "b", "-x=1", "--help"], "--certificate": ["c.smt2"], "--domain": ["d.yaml", "-"],
        ]
        let words = [
            "--figures", "--progress", "--no-progress", "--region-certificates", "--no-simplify", "--no-simplify",
            "b.json", "-", "-h", "--", "--format=json", "eval",
        ]
        var acceptedCount = 0
        for arguments in RandomArgumentLists.make(count: 50, seed: 15, values: values, words: words, maxUnits: 4) {
            guard let simple = AnalyzeRequest(simpleArguments: arguments) else { continue }
            acceptedCount += 1
            #expect(Self.argumentParserRequest(arguments) == simple, "\(arguments)")
        }
        // The comparison is not vacuous: a good share of the lists take the start-up path.
        #expect(acceptedCount >= 12, "\(acceptedCount) accepted")
    }
}
