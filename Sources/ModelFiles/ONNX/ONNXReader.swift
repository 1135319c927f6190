public import Foundation
public import NetworkModel
import ExactNumbers
import SwiftProtobuf

/// Reads an ONNX model (contract §6) into a `Network` whose weights are the exact rationals
/// of the model's binary weights.
///
/// The graph must compute a chain on one input vector (see `ONNXGraphImporter` for the
/// operator subset). Real-file quirks are taken: initializers that are also listed as graph
/// inputs (older exporters) are constants, not inputs; `value_info` is ignored (shapes come
/// from the weights, never from annotations that may contradict them); float64 and float16
/// weights are read like float32 ones; a symbolic or unit batch dimension is allowed.
public enum ONNXReader {
    /// Reads the model at `path`.
    ///
    /// - Throws: `ModelFileError` naming the file and the node, tensor or value at fault.
    public static func read(path: String) throws(ModelFileError) -> Network {
        try readModel(path: path).network
    }

    /// Reads the model at `path`, with the element type of its input (the precision a fused
    /// model is written back in).
    public static func readModel(path: String) throws(ModelFileError) -> (
        network: Network, precision: ONNXWriter.Precision
    ) {
        var split: ONNXPayloadSplit? = nil
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            split = data.withUnsafeBytes { ONNXPayloadSplit($0) }
            // The large float32 payloads are read from the file when their tensors are decoded
            // (`pread`, never through the mapping); the mapping goes now.
            if split == nil { return try parseModel(data: data, file: path) }
        } catch let error as ModelFileError {
            throw error
        } catch {
            throw ModelFileError(file: path, place: .file, "cannot read the file: \(ModelFiles.reason(path))")
        }
        return try parseModel(split: split!, file: path) { payload throws(ModelFileError) in
            guard let bits = ONNXPayloadSplit.readBits(path: path, payload) else {
                throw ModelFileError(file: path, place: .file, "cannot read the file: \(ModelFiles.reason(path))")
            }
            return bits
        }
    }

    /// Reads a model from its bytes; `file` names it in messages.
    public static func parse(data: Data, file: String) throws(ModelFileError) -> Network {
        try parseModel(data: data, file: file).network
    }

    /// Reads a model and its input's precision from its bytes.
    static func parseModel(data: Data, file: String) throws(ModelFileError) -> (
        network: Network, precision: ONNXWriter.Precision
    ) {
        if data.count >= ONNXPayloadSplit.minimumPayload, let split = data.withUnsafeBytes({ ONNXPayloadSplit($0) }) {
            return try parseModel(split: split, file: file) { payload in
                ONNXPayloadSplit.bits(data, payload)
            }
        }
        return try parseModel(decoding: data, file: file, payloads: [:]) { _ in [] }
    }

    /// Reads a model split from its large float32 payloads (`ONNXPayloadSplit`): the rest is
    /// decoded by swift-protobuf, each payload read by `read` when its tensor is decoded. A
    /// message swift-protobuf refuses is decoded whole again, for the same error as before.
    static func parseModel(
        split: ONNXPayloadSplit, file: String, read: (ONNXPayloadSplit.Payload) throws(ModelFileError) -> [UInt32]
    ) throws(ModelFileError) -> (network: Network, precision: ONNXWriter.Precision) {
        var payloads = [Int: ONNXPayloadSplit.Payload]()
        for p in split.payloads { payloads[p.initializer] = p }
        return try parseModel(decoding: Data(split.stripped), file: file, payloads: payloads, read: read)
    }

    /// Decodes `data` (a model, or one split from its payloads) into a network.
    static func parseModel(
        decoding data: Data, file: String, payloads: [Int: ONNXPayloadSplit.Payload],
        read: (ONNXPayloadSplit.Payload) throws(ModelFileError) -> [UInt32]
    ) throws(ModelFileError) -> (network: Network, precision: ONNXWriter.Precision) {
        let model: Onnx_ModelProto
        do {
            var options = BinaryDecodingOptions()
            options.messageDepthLimit = 64
            model = try Onnx_ModelProto(serializedBytes: data, options: options)
        } catch {
            throw ModelFileError(
                file: file, place: .file,
                "not a valid ONNX model (protobuf decoding failed: \(error)); expected a complete .onnx file (truncated or corrupt?)"
            )
        }
        let network = try network(model, file: file, payloads: payloads, read: read)
        let input = model.graph.input.first { $0.name == "x" } ?? model.graph.input.first
        let isDouble = input.map { $0.type.tensorType.elemType == 11 } ?? false
        return (network, isDouble ? .float64 : .float32)
    }

    /// The network of a decoded model.
    static func network(
        _ model: Onnx_ModelProto, file: String, payloads: [Int: ONNXPayloadSplit.Payload] = [:],
        read: (ONNXPayloadSplit.Payload) throws(ModelFileError) -> [UInt32] = { _ in [] }
    ) throws(ModelFileError) -> Network {
        guard model.hasGraph, model.irVersion > 0 || !model.graph.node.isEmpty else {
            throw ModelFileError(
                file: file, place: .file,
                "the file holds no ONNX graph; expected an ONNX model (ModelProto with a graph)")
        }
        let graph = model.graph
        let opset =
            model.opsetImport.first { $0.domain.isEmpty || $0.domain == "ai.onnx" }.map { Int($0.version) } ?? 13
        var constants: [String: ExactTensor] = [:]
        for (k, tensor) in graph.initializer.enumerated() {
            var payload: ONNXTensorDecoding.Payload? = nil
            if let p = payloads[k] { payload = ONNXTensorDecoding.Payload(byteCount: p.count, bits: try read(p)) }
            constants[tensor.name] = try ONNXTensorDecoding.decode(tensor, file: file, payload: payload)
        }
        // Initializers listed again as inputs (IR < 4 exporters) are constants.
        let inputs = graph.input.filter { constants[$0.name] == nil }
        guard inputs.count == 1, let input = inputs.first else {
            let names = inputs.map { "'\($0.name)'" }.joined(separator: ", ")
            throw ModelFileError(
                file: file, place: .file,
                "the graph has \(inputs.count) input(s) besides its initializers (\(names)); expected exactly one input vector"
            )
        }
        let shape = try inputShape(input, file: file)
        guard graph.output.count == 1, let output = graph.output.first else {
            throw ModelFileError(
                file: file, place: .file, "the graph has \(graph.output.count) outputs; expected exactly one")
        }
        var importer = ONNXGraphImporter(
            file: file, opset: opset, constants: constants, input: input.name, shape: shape)
        try importer.run(graph.node)
        // As for specs (`SpecWalker`): an activation-only layer's map is an n×n identity, which
        // an analysis builds, so it is refused past the widest a spec accepts.
        for draft in importer.drafts
        where draft.weights == nil && draft.columns > ONNXGraphImporter.widestActivationLayer {
            let index = draft.location.line - 1
            let node = graph.node[index]
            throw ModelFileError(
                file: file, place: .node(index: index, name: node.name, op: node.opType),
                "the activation applies alone to \(draft.columns) units; expected at most \(ONNXGraphImporter.widestActivationLayer) units in an activation-only layer (its map is a \(draft.columns)×\(draft.columns) matrix)"
            )
        }
        guard importer.chain == output.name else {
            throw ModelFileError(
                file: file, place: .value(output.name),
                "the graph output is not the end of the chain ('\(importer.chain)'); expected the output to be computed from the input by the chain of nodes"
            )
        }
        let n = ExactTensor.count(shape)
        let name = graph.name.isEmpty ? ModelFiles.baseName(file) : graph.name
        return Network(name: name, inputNames: (1...max(n, 1)).map { "x\($0)" }, layers: importer.drafts.map(\.layer))
    }

    /// The largest input vector accepted (2^24, a spec's largest `input: n`).
    static let maximumInputSize = 1 << 24

    /// The input's shape with a symbolic or unit leading (batch) dimension read as 1.
    static func inputShape(_ input: Onnx_ValueInfoProto, file: String) throws(ModelFileError) -> [Int] {
        func fail(_ m: String) -> ModelFileError { ModelFileError(file: file, place: .value(input.name), m) }
        guard input.hasType, case .tensorType(let tensor)? = input.type.value, tensor.hasShape else {
            throw fail("the input has no tensor shape; expected a float tensor of shape [1, n], [N, n] or [n]")
        }
        guard [1, 10, 11].contains(tensor.elemType) else {
            throw fail(
                "the input's element type is \(ONNXTensorDecoding.typeName(tensor.elemType)); expected float32, float64 or float16"
            )
        }
        var shape: [Int] = []
        for (k, d) in tensor.shape.dim.enumerated() {
            switch d.value {
            case .dimValue(let v)?:
                guard v > 0 else { throw fail("dimension \(k) is \(v); expected a positive size") }
                shape.append(Int(v))
            default:
                guard k == 0 else {
                    throw fail(
                        "dimension \(k) is symbolic; expected only the batch dimension (the first) to be symbolic")
                }
                shape.append(1)
            }
        }
        guard let count = ExactTensor.checkedCount(shape), count <= maximumInputSize else {
            throw fail(
                "the input's shape \(shape) holds more than \(maximumInputSize) entries; expected at most \(maximumInputSize) inputs (as in a spec)"
            )
        }
        guard ExactTensor.count(shape) >= 1, !shape.isEmpty else {
            throw fail("the input is a scalar; expected a vector")
        }
        return shape
    }
}
