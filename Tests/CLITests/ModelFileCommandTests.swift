import Foundation
import Testing

/// Model files (.onnx, .nnet) through the real binary: every subcommand takes them, `convert`
/// and `fuse` write files all at once or not at all, bad files exit 2 with one positioned line.
struct ModelFileCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ModelFilesTests/Fixtures")

    func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    @Test(arguments: [
        "unsupported-conv.onnx", "truncated.onnx", "residual.onnx", "truncated.nnet", "multiline-operator-name.onnx",
        "reshape-overflowing-shape.onnx",
    ])
    func badModelsExitTwoWithOnePositionedLine(_ name: String) throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        for arguments in [
            [fixture(name)], ["fuse", fixture(name), "--output", "out.onnx"],
            ["convert", fixture(name), "--output", "out.yaml"],
        ] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix(fixture(name)))
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(!cli.exists("out.onnx") && !cli.exists("out.yaml"))
        }
        if name == "unsupported-conv.onnx" {
            #expect(
                try cli.run(fixture(name)).stderr.contains("node[1] 'conv1' (Conv): operator Conv is not supported"))
        }
        if name == "truncated.nnet" {
            #expect(try cli.run(fixture(name)).stderr.hasPrefix(fixture(name) + ":27:1: "))
        }
    }

    @Test func convertedSpecGivesTheSameReport() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        for (model, spec) in [("gemm-chain.onnx", "c.yaml"), ("relu-mlp.onnx", "c.json"), ("small.nnet", "n.yaml")] {
            let convert = try cli.run("convert", fixture(model), "--output", spec)
            #expect(convert.status == 0 && convert.stdout.isEmpty)
            let direct = try cli.run(fixture(model), "--format", "json")
            let viaSpec = try cli.run(spec, "--format", "json")
            // The whole report agrees, the NNet domain (its min/max box) included, but for the
            // float replay, which only a model file's report has.
            var report = try parseJSON(direct)
            #expect(report.removeValue(forKey: "float_replay") != nil || direct.status == 0, "\(model)")
            #expect(NSDictionary(dictionary: report) == NSDictionary(dictionary: try parseJSON(viaSpec)), "\(model)")
            #expect(try parseJSON(viaSpec)["float_replay"] == nil)
            if model.hasSuffix(".nnet") { #expect(viaSpec.stdout.contains("\"domain\":{\"box\":[[\"-1\",\"1\"]")) }
            #expect(direct.status == viaSpec.status)
        }
    }

    @Test func fuseReportsRunsAndWritesAModel() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        let result = try cli.run("fuse", fixture("gemm-chain.onnx"), "--format", "json", "--output", "fused.onnx")
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(object["network"] as? String == "gemm-chain")
        #expect(object["parameters_before"] as? Int == 46)
        #expect(object["parameters_after"] as? Int == 8)
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        #expect(runs.first?["layers"] as? [Int] == [1, 3])
        #expect((runs.first?["float32_max_abs_error"] as? String)?.contains("/") == true)
        #expect(runs.first?["rank"] as? Int == 2)
        // The fused model loads and evaluates; it has one layer.
        let eval = try cli.run("eval", "fused.onnx", "--at", "1, 0, -1", "--trace")
        #expect(eval.status == 0)
        let spec = try cli.run("fuse", fixture("gemm-chain.onnx"), "--output", "fused.yaml")
        #expect(spec.status == 0)
        #expect(
            try cli.run("eval", "fused.yaml", "--at", "1/2, 0, -1").stdout
                == cli.run("eval", fixture("gemm-chain.onnx"), "--at", "1/2, 0, -1").stdout)
    }

    @Test func everySubcommandTakesAModel() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        let mlp = fixture("relu-mlp.onnx")
        #expect(try cli.run(mlp).status == 1)
        #expect(try cli.run("eval", mlp, "--at", "1, 2").status == 0)
        #expect(try cli.run("check", mlp, "--trials", "5").status == 0)
        #expect(try cli.run("regions", mlp, "--count").status == 0)
        #expect(try cli.run("local", mlp, "--at", "1/3, -2").status == 0)
        #expect(try cli.run("fuse", fixture("small.nnet")).status == 0)
        #expect(try cli.run(fixture("leaky-alpha-one.onnx")).status == 0)
    }

    /// A `not-affine` model's JSON report carries the float replay of its witness (contract
    /// extension `float_replay`): both formats, each gap a float string, float64 reproducing
    /// the exact gap; the text report says the same.
    @Test func notAffineModelReportHasTheFloatReplay() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        let result = try cli.run(fixture("relu-mlp.onnx"), "--format", "json")
        #expect(result.status == 1)
        let report = try parseJSON(result)
        let replay = try #require(report["float_replay"] as? [String: Any])
        #expect(replay["identity"] as? String == "affinity")
        #expect(replay["form"] as? String == "sum")
        let exact = try #require(replay["exact_gap"] as? String)
        let parts = exact.split(separator: "/").compactMap { Double($0) }
        #expect(parts.count == exact.split(separator: "/").count)
        let exactGap = parts.count == 2 ? parts[0] / parts[1] : parts[0]
        #expect(exactGap > 0)
        for format in ["float64", "float32"] {
            let run = try #require(replay[format] as? [String: Any])
            let gap = try #require((run["gap"] as? String).flatMap(Double.init))
            #expect(abs(gap - exactGap) <= (format == "float64" ? 1e-9 : 1e-3) * exactGap, "\(format)")
            #expect(run["reproduction"] as? String == "visible")
            #expect(run["points_exact"] is Bool)
            let lhs = try #require(run["lhs"] as? [String]), rhs = try #require(run["rhs"] as? [String])
            #expect(lhs.count == 2 && rhs.count == 2)
            #expect(lhs.allSatisfy { Double($0) != nil } && rhs.allSatisfy { Double($0) != nil })
        }
        // The contract's keys are unchanged and the replay comes last.
        #expect(report["verdict"] as? String == "not-affine")
        #expect(
            result.stdout.range(of: "\"float_replay\"")!.lowerBound > result.stdout.range(of: "\"layers\"")!.lowerBound)
        let text = try cli.run(fixture("relu-mlp.onnx"))
        #expect(text.stdout.contains("the same points evaluated in float32: "))
        // Collapsing models and specs have no replay.
        #expect(try parseJSON(cli.run(fixture("gemm-chain.onnx"), "--format", "json"))["float_replay"] == nil)
    }
}
