import Foundation
import Testing

/// The §5 example domain, in the spec, as `--domain FILE.yaml` and as a VNN-LIB file, through
/// every subcommand; the Jacobian in the analysis, `regions` and `local` reports.
@Suite struct JacobianCommandTests {
    static let network = """
        input: [x1, x2]
        layers:
          - dense: {weights: [[1, 1], [-1, 1]], bias: [2, 3]}
            activation: relu
          - dense: {weights: [[1, 2]]}

        """
    static let domainBlock = """
        domain:
          box: {x1: [0, 1], x2: ["-1/2", 2]}
          constraints: ["x1 + x2 <= 1", "x1 - 2*x2 >= -3"]

        """
    static let vnnlib = """
        (declare-const X_0 Real)
        (declare-const X_1 Real)
        (declare-const Y_0 Real)
        (assert (>= X_0 0))
        (assert (<= X_0 1))
        (assert (>= X_1 -0.5))
        (assert (<= X_1 2))
        (assert (<= Y_0 3))

        """

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func everySubcommandTakesTheDomainInEachForm() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("in-spec.yaml", Self.network + Self.domainBlock)
        try cli.write("net.yaml", Self.network)
        try cli.write("d.yaml", Self.domainBlock)
        try cli.write("d.vnnlib", Self.vnnlib)
        let forms: [(spec: String, extra: [String], constraints: [String])] = [
            ("in-spec.yaml", [], ["x1 + x2 <= 1", "x1 - 2*x2 >= -3"]),
            ("net.yaml", ["--domain", "d.yaml"], ["x1 + x2 <= 1", "x1 - 2*x2 >= -3"]),
            ("net.yaml", ["--domain", "d.vnnlib"], []),
        ]
        for form in forms {
            let label = ([form.spec] + form.extra).joined(separator: " ")
            // analyze: the verdict on D, the domain echoed, ∂F/∂x = W'.
            let analyze = try cli.run([form.spec] + form.extra + ["--format", "json"])
            #expect(analyze.status == 0, "\(label): \(analyze.stderr)")
            let report = try object(analyze.stdout)
            let domain = try #require(report["domain"] as? [String: Any], "\(label)")
            #expect(domain["box"] as? [[String]] == [["0", "1"], ["-1/2", "2"]], "\(label)")
            #expect(domain["constraints"] as? [String] == form.constraints, "\(label)")
            let weights = (report["collapsed"] as? [String: Any])?["weights"] as? [[String]]
            #expect(weights == [["-1", "3"]], "\(label)")
            #expect(report["jacobian"] as? [[String]] == weights, "\(label)")
            let text = try cli.run([form.spec] + form.extra)
            #expect(
                text.stdout.contains("domain: x1 ∈ [0, 1], x2 ∈ [-1/2, 2]")
                    && text.stdout.contains("gradient: ∂F/∂x = W' at every interior point x of D"), "\(label)")
            // eval inside D, and a point outside is an error.
            #expect(try cli.run(["eval", form.spec] + form.extra + ["--at", "0, 0"]).status == 0, "\(label)")
            let outside = try cli.run(["eval", form.spec] + form.extra + ["--at", "5, 0"])
            #expect(outside.status == 2 && outside.stdout.isEmpty, "\(label)")
            #expect(try cli.run(["check", form.spec] + form.extra + ["--trials", "10"]).status == 0, "\(label)")
            // regions: restricted to D, the domain echoed, a Jacobian per region.
            let regions = try cli.run(["regions", form.spec] + form.extra + ["--format", "json"])
            #expect(regions.status == 0, "\(label)")
            let listing = try object(regions.stdout)
            #expect(
                (listing["domain"] as? [String: Any])?["box"] as? [[String]] == [["0", "1"], ["-1/2", "2"]], "\(label)")
            for region in try #require(listing["regions"] as? [[String: Any]]) {
                #expect(region["jacobian"] as? [[String]] == region["weights"] as? [[String]], "\(label)")
            }
            #expect(
                try cli.run(["regions", form.spec] + form.extra).stdout.contains("domain: x1 ∈ [0, 1]"), "\(label)")
            // local: the Jacobian at the point and the domain.
            let local = try cli.run(["local", form.spec] + form.extra + ["--at", "1/2, 0", "--format", "json"])
            #expect(local.status == 0, "\(label)")
            let at = try object(local.stdout)
            #expect(at["jacobian"] as? [[String]] == [["-1", "3"]], "\(label)")
            #expect(at["domain"] is [String: Any], "\(label)")
            let localText = try cli.run(["local", form.spec] + form.extra + ["--at", "1/2, 0"]).stdout
            #expect(
                localText.contains("Jacobian at x: ∂F/∂x = [[-1, 3]]") && localText.contains("domain: "), "\(label)")
            // fuse on D: the relu layer is stable there, so the whole network is one run.
            let fuse = try cli.run(["fuse", form.spec] + form.extra + ["--format", "json"])
            #expect(fuse.status == 0, "\(label): \(fuse.stderr)")
            #expect(
                (try object(fuse.stdout)["runs"] as? [[String: Any]])?.first?["layers"] as? [Int] == [1, 2], "\(label)")
            // LaTeX on D compiles to a document that names D.
            let latex = try cli.run([form.spec] + form.extra + ["--latex", "-"])
            #expect(latex.status == 0 && latex.stdout.contains("\\paragraph{The gradient.}"), "\(label)")
        }
    }

    @Test func theJacobianIsNullUnlessTheNetworkCollapses() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.network)
        let report = try object(try cli.run("net.yaml", "--format", "json").stdout)
        #expect(report["verdict"] as? String == "not-affine")
        #expect(report["jacobian"] is NSNull)
        // On a breakpoint `local` gives no Jacobian.
        let local = try object(try cli.run("local", "net.yaml", "--at", "-2, 0", "--format", "json").stdout)
        #expect(local["dimension"] as? Int == 1 && local["jacobian"] is NSNull)
    }
}
