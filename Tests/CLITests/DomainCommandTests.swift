import Foundation
import Testing

private let reluNet = """
    network: tiny
    input: [x1, x2]
    layers:
      - dense:
          weights: [[1, -1], [1, 1]]
          bias: [0, "1/2"]
        activation: relu
      - dense:
          weights: [[1, 2]]

    """

private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// `--domain` and `domain:` through every subcommand, end to end.
@Suite struct DomainCommandTests {
    @Test func theReportEchoesTheDomainOrNull() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", reluNet)
        let plain = try json(try cli.run("net.yaml", "--format", "json").stdout)
        #expect(plain["domain"] is NSNull)
        try cli.write(
            "d.yaml", "domain:\n  box: {x1: [1, 2], x2: [null, \"1/2\"]}\n  constraints: [\"x1 + x2 >= 1\"]\n")
        let run = try cli.run("net.yaml", "--domain", "d.yaml", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let report = try json(run.stdout)
        let domain = try #require(report["domain"] as? [String: Any])
        #expect(domain["constraints"] as? [String] == ["x1 + x2 >= 1"])
        let box = try #require(domain["box"] as? [[Any]])
        #expect(box[0] as? [String] == ["1", "2"])
        #expect(box[1][0] is NSNull && box[1][1] as? String == "1/2")
        #expect(report["verdict"] as? String == "affine")
        let collapsed = try #require(report["collapsed"] as? [String: Any])
        #expect(collapsed["weights"] as? [[String]] == [["3", "1"]])
        #expect(collapsed["bias"] as? [String] == ["1"])
        let text = try cli.run("net.yaml", "--domain", "d.yaml")
        #expect(
            text.stdout.contains(
                "domain: x1 ∈ [1, 2], x2 ∈ (-∞, 1/2]; x1 + x2 >= 1 — the verdict is about F on this domain D"))
    }

    @Test func aVNNLIBPropertyGivesTheInputBox() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", reluNet)
        try cli.write(
            "p.vnnlib",
            "(declare-const X_0 Real)\n(declare-const X_1 Real)\n(declare-const Y_0 Real)\n(assert (<= X_0 0.5))\n(assert (>= X_0 -0.5))\n(assert (<= 0 X_1))\n(assert (<= X_1 1))\n(assert (>= Y_0 100))\n"
        )
        let run = try cli.run("net.yaml", "--domain", "p.vnnlib", "--format", "json")
        #expect(run.status == 1, "\(run.stderr)")
        let report = try json(run.stdout)
        let box = try #require((report["domain"] as? [String: Any])?["box"] as? [[String]])
        #expect(box == [["-1/2", "1/2"], ["0", "1"]])
        let witness = try #require((report["affinity"] as? [String: Any])?["witness"] as? [String: Any])
        for key in ["x", "y"] {
            let point = try #require(witness[key] as? [String])
            #expect(point.count == 2)
        }
    }

    @Test func badDomainFilesExit2WithAPosition() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", reluNet)
        try cli.write("empty.yaml", "domain:\n  box: [[0, 1], [0, 1]]\n  constraints: [\"x1 + x2 >= 3\"]\n")
        try cli.write("bad.vnnlib", "(declare-const X_0 Real)\n(declare-const X_1 Real)\n(assert (<= X_9 1))\n")
        for (file, prefix) in [
            ("empty.yaml", "empty.yaml:1:1: empty domain"), ("bad.vnnlib", "bad.vnnlib:3:13: input X_9 does not exist"),
        ] {
            for command in [["analyze"], ["check"], ["regions"], ["eval", "--at", "0, 0"], ["local", "--at", "0, 0"]] {
                let run = try cli.run(command + ["net.yaml", "--domain", file])
                #expect(run.status == 2, "\(command) \(file)")
                #expect(run.stdout.isEmpty)
                #expect(run.stderr.hasPrefix(prefix), "\(run.stderr)")
            }
        }
    }

    @Test func pointsOutsideTheDomainAreErrors() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", reluNet + "domain:\n  box: [[0, 1], [0, 1]]\n")
        let eval = try cli.run("eval", "net.yaml", "--at", "2, 0")
        #expect(eval.status == 2 && eval.stdout.isEmpty)
        #expect(eval.stderr.contains("the point (2, 0) lies outside the input domain"))
        let allowed = try cli.run("eval", "net.yaml", "--at", "2, 0", "--allow-outside-domain")
        #expect(allowed.status == 0 && allowed.stdout == "F(2, 0) = (7)\n")
        let inside = try cli.run("eval", "net.yaml", "--at", "1/2, 1/2")
        #expect(inside.status == 0)
        let local = try cli.run("local", "net.yaml", "--at", "-1, 0")
        #expect(local.status == 2 && local.stderr.contains("lies outside the input domain"))
    }

    @Test func regionsAndCheckStayInTheDomain() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", reluNet)
        let everywhere = try cli.run("regions", "net.yaml", "--count")
        try cli.write("d.json", #"{"domain": {"box": [[1, 2], [0, 0.5]]}}"#)
        let inside = try cli.run("regions", "net.yaml", "--count", "--domain", "d.json")
        #expect(everywhere.status == 0 && inside.status == 0)
        #expect(everywhere.stdout != inside.stdout)
        #expect(inside.stdout.contains(": 1 linear region;"), "\(inside.stdout)")
        let check = try cli.run("check", "net.yaml", "--domain", "d.json", "--trials", "20")
        #expect(check.status == 0, "\(check.stdout)")
        let plot = try cli.run("regions", "net.yaml", "--domain", "d.json", "--plot", "r.svg")
        #expect(plot.status == 0 && cli.exists("r.svg"))
    }
}
