import Foundation
import Testing

/// `eval`, `check` and `random`, end to end.
@Suite struct SubcommandTests {
    @Test func evalGivesExactValuesAtEachPoint() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        // F(x) = 6 x1 + 2 x2 + 4; 0.1 is exactly 1/10.
        let result = try cli.run("eval", "net.yaml", "--at", "1, 1", "--at", "1/2, 0.1", "--at", "[-2/3, 3/-4]")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "F(1, 1) = (12)\nF(1/2, 1/10) = (36/5)\nF(-2/3, -3/4) = (-3/2)\n")
    }

    @Test func evalAcceptsAPointThatBeginsWithAMinusSign() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        // F(x) = 6 x1 + 2 x2 + 4: F(-1, 2) = 2, F(-1/2, -1) = -1.
        let result = try cli.run("eval", "net.yaml", "--at", "-1, 2", "--at", "-1/2 -1")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "F(-1, 2) = (2)\nF(-1/2, -1) = (-1)\n")
    }

    @Test func evalTraceShowsEveryLayer() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        let text = try cli.run("eval", "net.yaml", "--at", "1/2, 0.1", "--trace")
        #expect(text.status == 0)
        // Layer 1: (1/2 + 2/3·1/10 + 1/2, −1/10) = (16/15, −1/10).
        #expect(text.stdout.contains("layer 1 (dense + identity): (16/15, -1/10)"))
        #expect(text.stdout.contains("layer 2 (dense + affine(slope 2, intercept -1)): (36/5)"))
        let json = try cli.run("eval", "net.yaml", "--at", "1/2, 0.1", "--trace", "--format", "json")
        let object = try parseJSON(json)
        let point = try #require((object["points"] as? [[String: Any]])?.first)
        #expect(point["x"] as? [String] == ["1/2", "1/10"])
        #expect(point["y"] as? [String] == ["36/5"])
        #expect(point["layers"] as? [[String]] == [["1/2", "1/10"], ["16/15", "-1/10"], ["36/5"]])
    }

    @Test func evalReadsAPointsFile() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.relu)
        try cli.write("points.txt", "# one point per line\n1, -1\r\n\n-1/2 3\n")
        let result = try cli.run("eval", "net.yaml", "--points", "points.txt")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "F(1, -1) = (1, 0)\nF(-1/2, 3) = (0, 3)\n")
    }

    @Test func checkPassesOnARandomAffineNetwork() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        let made = try cli.run(
            "random", "--layers", "3", "--width", "3", "--activation", "{affine: {slope: 2, intercept: 1}}",
            "--seed", "11", "--output", "rand.yaml")
        #expect(made.status == 0, "\(made.stderr)")
        let result = try cli.run("check", "rand.yaml", "--trials", "25", "--seed", "5")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("0 failed"))
        #expect(result.stdout.contains("check passed"))
        let json = try parseJSON(try cli.run("check", "rand.yaml", "--trials", "10", "--format", "json"))
        #expect(json["failed"] as? Int == 0)
        #expect((json["passed"] as? Int ?? 0) > 0)
    }

    @Test func checkOnANotAffineNetworkAgreesWithItsVerdict() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("relu.yaml", Specs.relu)
        let result = try cli.run("check", "relu.yaml", "--trials", "10")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("verdict: not-affine"))
    }

    @Test(arguments: ["yaml", "json"])
    func randomSpecIsReadBackByTheTool(_ notation: String) throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        let file = "rand.\(notation)"
        let made = try cli.run(
            "random", "--layers", "2", "--width", "4", "--inputs", "3", "--activation", "identity",
            "--seed", "7", "--output", file)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.isEmpty)
        let report = try parseJSON(try cli.run(file, "--format", "json"))
        #expect(report["input_dim"] as? Int == 3)
        #expect(["linear", "affine"].contains(report["verdict"] as? String ?? ""))
        // The same seed gives the same spec on standard output.
        let printed = try cli.run(
            "random", "--layers", "2", "--width", "4", "--inputs", "3", "--activation", "identity",
            "--seed", "7", "--format", notation)
        #expect(printed.stdout == (try String(contentsOfFile: cli.path(file), encoding: .utf8)))
    }

    @Test func randomReluSpecIsReadBack() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        let made = try cli.run("random", "--layers", "2", "--width", "3", "--activation", "relu", "--seed", "2")
        #expect(made.status == 0)
        try cli.write("relu.yaml", made.stdout)
        let result = try cli.run("relu.yaml", "--format", "json")
        #expect([0, 1].contains(result.status), "\(result.stderr)")
        #expect(try parseJSON(result)["input_dim"] as? Int == 3)
    }
}
