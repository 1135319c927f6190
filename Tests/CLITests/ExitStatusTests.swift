import Foundation
import Testing
import ExactNumbers

/// The contract's exit statuses, end to end: 0 collapses, 1 not-affine, 3 unknown.
@Suite struct ExitStatusTests {
    @Test func linearNetworkExitsZeroWithLinearVerdict() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.linear)
        let result = try cli.run("net.yaml")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("verdict: linear"))
        #expect(result.stdout.contains("[ 3  1 ]"))
        #expect(result.stderr.isEmpty)
    }

    @Test func affineNetworkExitsZeroWithAffineVerdict() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        let result = try cli.run("net.yaml", "--format", "json")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = try parseJSON(result)
        #expect(report["verdict"] as? String == "affine")
        let collapsed = try #require(report["collapsed"] as? [String: Any])
        // (2·(3·(x1 + 2/3 x2 + 1/2) + 1·(−x2) + 1) − 1) = 6 x1 + 2 x2 + 4
        #expect(collapsed["weights"] as? [[String]] == [["6", "2"]])
        #expect(collapsed["bias"] as? [String] == ["4"])
        #expect(report["rank"] as? Int == 1)
    }

    @Test func jsonSpecIsReadToo() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.json", Specs.affineJSON)
        let result = try cli.run("net.json", "--format", "json")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = try parseJSON(result)
        #expect(report["network"] as? String == "json-affine")
        #expect((report["collapsed"] as? [String: Any])?["bias"] as? [String] == ["1/3"])
    }

    @Test func reluNetworkExitsOneWithWitness() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("relu.yaml", Specs.relu)
        let text = try cli.run("relu.yaml")
        #expect(text.status == 1, "stderr: \(text.stderr)")
        #expect(text.stdout.hasPrefix("verdict: not-affine"))
        let json = try cli.run("relu.yaml", "--format", "json")
        #expect(json.status == 1)
        let report = try parseJSON(json)
        #expect(report["verdict"] as? String == "not-affine")
        #expect(report["collapsed"] is NSNull)
        #expect(report["rank"] is NSNull)
        let affinity = try #require(report["affinity"] as? [String: Any])
        #expect(affinity["holds"] as? Bool == false)
        let witness = try #require(affinity["witness"] as? [String: Any])
        #expect(witness["lhs"] as? [String] != witness["rhs"] as? [String])
    }

    @Test func reluWithSymbolicWeightsExitsThreeWithReason() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("sym.yaml", Specs.symbolicRelu)
        let result = try cli.run("sym.yaml")
        #expect(result.status == 3, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("verdict: unknown"))
        #expect(result.stdout.contains("reason: "))
        let json = try parseJSON(try cli.run("sym.yaml", "--format", "json"))
        #expect(json["verdict"] as? String == "unknown")
        #expect((json["reason"] as? String)?.isEmpty == false)
    }

    @Test func explicitAnalyzeSubcommandMatchesTheDefault() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        let implicit = try cli.run("net.yaml", "--format", "json")
        let explicit = try cli.run("analyze", "net.yaml", "--format", "json")
        #expect(implicit.status == 0 && explicit.status == 0)
        #expect(implicit.stdout == explicit.stdout)
    }

    @Test func tanhNetworkExitsOneWithDisjointEnclosures() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("tanh.yaml", "input: 1\nlayers:\n  - dense:\n      weights: [[1]]\n    activation: tanh\n")
        let result = try cli.run("tanh.yaml", "--format", "json")
        #expect(result.status == 1, "\(result.stderr)")
        let report = try parseJSON(result)
        let witness = try #require((report["affinity"] as? [String: Any])?["witness"] as? [String: Any])
        let lhs = try #require((witness["lhs"] as? [[String: String]])?.first)
        let rhs = try #require((witness["rhs"] as? [[String: String]])?.first)
        func value(_ text: String?) throws -> Rational {
            let text = try #require(text)
            return try #require(Rational(text))
        }
        #expect(try value(lhs["lo"]) < value(lhs["hi"]))
        #expect(try value(rhs["lo"]) < value(rhs["hi"]))
        #expect(try value(lhs["hi"]) < value(rhs["lo"]) || value(rhs["hi"]) < value(lhs["lo"]))
        let eval = try cli.run("eval", "tanh.yaml", "--at", "1")
        #expect(eval.status == 0)
        #expect(eval.stdout.hasPrefix("F(1) = ([0.7615941559"))
    }

    @Test func squareActivationIsNotAffineWithPolynomialOutputs() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("sq.yaml", "input: [a]\nlayers:\n  - dense:\n      weights: [[2]]\n    activation: square\n")
        let result = try cli.run("sq.yaml", "--format", "json")
        #expect(result.status == 1, "\(result.stderr)")
        let report = try parseJSON(result)
        #expect(report["verdict"] as? String == "not-affine")
        #expect(report["polynomial_outputs"] as? [String] == ["4*a^2"])
        let witness = try #require((report["affinity"] as? [String: Any])?["witness"] as? [String: Any])
        // F(x) = 4x²: F(x+y) + F(0) − F(x) − F(y) = 8xy, so the two sides differ exactly.
        #expect(witness["lhs"] as? [String] != witness["rhs"] as? [String])
    }
}
