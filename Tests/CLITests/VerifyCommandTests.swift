import Foundation
import Testing

/// `verify SPEC REPORT.json`: exit 0 on the tool's own reports, 1 naming the first false claim
/// of a tampered one, 3 listing what it cannot re-derive, 2 for a report that is not JSON.
@Suite struct VerifyCommandTests {
    static let affine = """
        input: [a, b]
        layers:
          - dense: {weights: [[1, "2/3"], [-1, 0]], bias: ["1/2", 0]}
            activation: {affine: {slope: 2, intercept: -1}}
          - dense: {weights: [[3, 1]], bias: [1]}
        """
    static let cancellation = CertificateTests.cancellation
    static let reluWitness = """
        input: 2
        layers:
          - dense: {weights: [[1, -1], [2, 1]], bias: [0, "-1/3"]}
            activation: relu
          - dense: {weights: [[1, 1]]}
        """
    static let sigmoid = """
        input: 1
        layers:
          - dense: {weights: [[1], [-1]]}
            activation: sigmoid
          - dense: {weights: [[1, 2]]}
        """

    /// The report of `spec`, as a JSON object.
    func report(_ cli: CLIHarness, _ spec: String, _ extra: [String] = []) throws -> [String: Any] {
        let result = try cli.run([spec, "--format", "json"] + extra)
        return try #require(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    }

    /// Applies `edit` to the witness of `identity` in the report.
    func editWitness(_ r: inout [String: Any], _ identity: String, _ edit: (inout [String: Any]) throws -> Void) throws
    {
        var check = try #require(r[identity] as? [String: Any])
        var witness = try #require(check["witness"] as? [String: Any])
        try edit(&witness)
        check["witness"] = witness
        r[identity] = check
    }

    func verify(_ cli: CLIHarness, _ spec: String, _ report: [String: Any]) throws -> RunResult {
        try cli.write(
            "report.json", String(decoding: try JSONSerialization.data(withJSONObject: report), as: UTF8.self))
        return try cli.run("verify", spec, "report.json")
    }

    @Test func theToolsOwnReportsVerify() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        let symbolic =
            "input: [x1, x2]\nlayers:\n  - dense: {weights: [[w11, w12], [w21, w22]], bias: [b1, b2]}\n  - dense: {weights: [[v1, v2]], bias: [c0]}\n"
        let square = "input: 2\nlayers:\n  - dense: {weights: [[1, -1]], bias: [\"1/2\"]}\n    activation: square\n"
        for (name, text) in [
            ("affine.yaml", Self.affine), ("cancel.yaml", Self.cancellation), ("relu.yaml", Self.reluWitness),
            ("sigmoid.yaml", Self.sigmoid), ("symbolic.yaml", symbolic), ("square.yaml", square),
        ] {
            try cli.write(name, text)
            let result = try verify(cli, name, try report(cli, name, ["--region-certificates"]))
            #expect(result.status == 0, "\(name): \(result.stdout) \(result.stderr)")
            #expect(result.stdout.contains("every claim of the report holds"))
        }
    }

    @Test func aTamperedEntryOfTheCollapsedMapIsFalse() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        for (name, text) in [("affine.yaml", Self.affine), ("cancel.yaml", Self.cancellation)] {
            try cli.write(name, text)
            var r = try report(cli, name)
            var collapsed = try #require(r["collapsed"] as? [String: Any])
            var weights = try #require(collapsed["weights"] as? [[String]])
            weights[0][1] = weights[0][1] == "7" ? "8" : "7"
            collapsed["weights"] = weights
            r["collapsed"] = collapsed
            let result = try verify(cli, name, r)
            #expect(result.status == 1, "\(name): \(result.stdout)")
            #expect(result.stdout.contains("FALSE: collapsed"), "\(result.stdout)")
        }
    }

    @Test func aTamperedWitnessCoordinateIsFalse() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("relu.yaml", Self.reluWitness)
        var r = try report(cli, "relu.yaml")
        try editWitness(&r, "affinity") { witness in
            var x = try #require(witness["x"] as? [String])
            x[0] = x[0] == "5" ? "6" : "5"
            witness["x"] = x
        }
        let result = try verify(cli, "relu.yaml", r)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("FALSE: affinity.witness"), "\(result.stdout)")
    }

    @Test func aTamperedEnclosureBoundIsFalse() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("sigmoid.yaml", Self.sigmoid)
        var r = try report(cli, "sigmoid.yaml")
        try editWitness(&r, "affinity") { witness in
            var lhs = try #require(witness["lhs"] as? [[String: String]])
            // Move the lower end to the upper one: the true value is no longer inside.
            lhs[0]["lo"] = lhs[0]["hi"]
            lhs[0]["hi"] = "1000"
            witness["lhs"] = lhs
        }
        let result = try verify(cli, "sigmoid.yaml", r)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("FALSE: affinity.witness.lhs[0]"), "\(result.stdout)")
    }

    @Test func aTamperedFarkasMultiplierIsFalse() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("cancel.yaml", Self.cancellation)
        var r = try report(cli, "cancel.yaml", ["--region-certificates", "--no-simplify"])
        var regions = try #require(r["regions"] as? [String: Any])
        var certificates = try #require(regions["certificates"] as? [[String: Any]])
        var first = certificates[0]
        var multipliers = try #require(first["multipliers"] as? [String])
        multipliers[0] = multipliers[0] == "0" ? "1" : "0"
        first["multipliers"] = multipliers
        certificates[0] = first
        regions["certificates"] = certificates
        r["regions"] = regions
        let result = try verify(cli, "cancel.yaml", r)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("FALSE: regions.certificates[0]"), "\(result.stdout)")
    }

    @Test func claimsItCannotReDeriveAreListedWithExitThree() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("affine.yaml", Self.affine)
        var r = try report(cli, "affine.yaml")
        var collapsed = try #require(r["collapsed"] as? [String: Any])
        collapsed["enclosures"] = ["weights": [], "bias": []]
        r["collapsed"] = collapsed
        let result = try verify(cli, "affine.yaml", r)
        #expect(result.status == 3, "\(result.stdout)")
        #expect(result.stdout.contains("cannot re-derive: collapsed"))
    }

    @Test func aReportThatIsNotJSONIsBadInput() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("affine.yaml", Self.affine)
        try cli.write("bad.json", "{\"verdict\": \"affine\",\n  \"input_dim\": 2,, }")
        let result = try cli.run("verify", "affine.yaml", "bad.json")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("bad.json:2:18: expected a quoted key"), "\(result.stderr)")
    }
}
