import Algebra
import ArgumentParser
import Testing

@testable import ProveCollapseCLI

/// The start-up parser of `prove-collapse regions SPEC [OPTIONS]`
/// (`RegionsRequest.init?(simpleArguments:)`): whatever it accepts must be, value for value, the
/// request ArgumentParser's root parse gives (`RegionsCommand.request`), and everything else must
/// be left to ArgumentParser.
@Suite struct RegionsSimpleArgumentsTests {
    /// ArgumentParser's request for `arguments`, parsed from the root as `prove-collapse ARGS`.
    static func argumentParserRequest(_ arguments: [String]) -> RegionsRequest? {
        (try? ProveCollapse.parseAsRoot(arguments) as? RegionsCommand)?.request
    }

    @Test func acceptedListsAreArgumentParsersRequests() throws {
        let accepted: [[String]] = [
            ["regions", "net.yaml"],
            ["regions", "net.yaml", "--count"],
            ["regions", "--count", "net.yaml", "--format", "json"],
            ["regions", "net.yaml", "--max-regions", "+7", "--domain", "d.yaml"],
            ["regions", "--domain", "-", "m.onnx", "--format", "text", "--count", "--max-regions", "100"],
        ]
        for arguments in accepted {
            let simple = try #require(RegionsRequest(simpleArguments: arguments), "\(arguments)")
            let parsed = try #require(Self.argumentParserRequest(arguments), "\(arguments)")
            #expect(simple == parsed, "\(arguments)")
        }
    }

    /// Help, plots, usage errors and rejected values go to ArgumentParser, which words them.
    @Test func everythingElseIsDeclined() {
        let declined: [[String]] = [
            ["regions"], ["regions", "--help"], ["regions", "net.yaml", "-h"], ["regions", "help"],
            ["net.yaml", "--count"], ["eval", "net.yaml"], ["regions", "net.yaml", "b.yaml"],
            ["regions", "net.yaml", "--count", "--count"], ["regions", "net.yaml", "--format", "yaml"],
            ["regions", "net.yaml", "--format=json"], ["regions", "net.yaml", "--max-regions", "0"],
            ["regions", "net.yaml", "--max-regions", "x"], ["regions", "net.yaml", "--max-regions"],
            ["regions", "net.yaml", "--plot", "r.svg"], ["regions", "net.yaml", "--box", "-1,1,-1,1"],
            ["regions", "--", "net.yaml"], ["regions", ""], ["regions", "net.yaml", "--domain", "--count"],
            ["regions", "net.yaml", "check"], ["regions", "net.yaml", "--nonsense"],
        ]
        for arguments in declined {
            #expect(RegionsRequest(simpleArguments: arguments) == nil, "\(arguments)")
        }
    }

    /// Random argument lists from the options' words (fixed seed): whenever the start-up parser
    /// accepts one, ArgumentParser's root parse accepts it too and gives the same request.
    @Test func randomListsAgreeWithArgumentParser() throws {
        let values: [String: [String]] = [
            "--format": ["text", "json", "yaml"], "--max-regions": ["5", "+7", "0", "99999999999999999999"],
            "--domain": ["d.yaml", "-"], "--plot": ["r.svg"], "--box": ["-1,1,-1,1"],
        ]
        let words = ["--count", "--count", "b.json", "-", "-h", "--", "--format=json", "help"]
        var acceptedCount = 0
        for arguments in RandomArgumentLists.make(
            count: 50, seed: 16, prefix: ["regions"], values: values, words: words, maxUnits: 3)
        {
            guard let simple = RegionsRequest(simpleArguments: arguments) else { continue }
            acceptedCount += 1
            #expect(Self.argumentParserRequest(arguments) == simple, "\(arguments)")
        }
        #expect(acceptedCount >= 9, "\(acceptedCount) accepted")
    }
}
