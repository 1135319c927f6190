import ArgumentParser
import Foundation
import NetworkModel
import ModelFiles
import Collapse
import Rendering

/// `prove-collapse fuse SPEC|MODEL`: every maximal affine run fused into one exact layer.
struct FuseCommand: ExitStatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuse",
        abstract: "Fuse every maximal run of layers whose composition is affine into one exact dense layer.",
        discussion: """
            Reports each run (1-based inclusive layer numbers), its exact W' and b', rank, \
            parameter counts and the largest error of storing W' and b' as float32. --output \
            writes the fused network in the input's format: a spec with exact rationals, or an \
            ONNX model whose fused weights are the nearest float32 values. With --factor, a \
            rank-deficient run whose factorization W' = U·V saves parameters is written as the \
            two layers V, U.
            Examples:
              prove-collapse fuse model.onnx --output fused.onnx
              prove-collapse fuse net.yaml --format json
            """)

    @OptionGroup var input: NetworkInput

    @OptionGroup var reportFormat: ReportFormatOption

    @Option(
        name: .long,
        help: ArgumentHelp("Write the fused network (.onnx for an ONNX model; a spec otherwise).", valueName: "FILE"))
    var output: String?

    @Flag(help: "Write rank-deficient runs as two factor layers when that saves parameters.")
    var factor = false

    func execute() throws -> Int32 {
        let spec = input.spec
        let kind = ModelFiles.kind(of: spec)
        var network: Network
        var precision = ONNXWriter.Precision.float32
        if kind == .onnx {
            (network, precision) = try ONNXReader.readModel(path: spec)
            if input.domain != nil { network.domain = try input.load().domain }
        } else {
            network = try input.load()
        }
        guard network.isNumeric || network.hasOnlyConstantSymbols else {
            throw CLIError.input(
                SourceLocation.start(of: spec),
                "the network has symbolic weights or parameters; expected numbers (fuse writes numeric layers)")
        }
        let result = Fusion.fuse(network)
        if let output {
            let written = factor ? result.factored : result.fused
            if ModelFiles.kind(of: output) == .onnx {
                let data = try ONNXWriter.serialize(written, precision: precision, file: output)
                let file = try OutputFile.open(output)
                try data.withUnsafeBytes { raw in try file.write(bytes: raw.bindMemory(to: UInt8.self)) }
                try file.commit()
            } else {
                guard !written.hasConstantAtoms else {
                    throw CLIError.cannotWrite(
                        path: output,
                        reason:
                            "the fused weights hold irrational constants (sqrt from a BatchNormalization fold), which a spec cannot hold; write an ONNX model (.onnx) instead, whose weights are the nearest float32 values"
                    )
                }
                let text =
                    SpecFormat(path: output) == .json
                    ? SpecWriter.json(written, decimals: kind != .spec)
                    : SpecWriter.yaml(written, decimals: kind != .spec)
                try OutputFile.write(text, to: output)
            }
        }
        switch reportFormat.format {
        case .text: StandardStreams.output(FuseReport.text(result))
        case .json: StandardStreams.output(FuseReport.json(result))
        }
        return 0
    }
}
