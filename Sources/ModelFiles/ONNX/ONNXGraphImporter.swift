import ExactNumbers
import Algebra
import NetworkModel

/// Turns an ONNX graph that computes a chain on one input vector into layers (contract §6).
///
/// The walk follows `graph.node` in order (ONNX requires a topological order). A node whose
/// inputs are all constants (initializers, `Constant` outputs, or results of earlier such
/// nodes) is folded exactly into a new constant. Every other node must take the current
/// chain value (the one vector computed from the input) and at most constants besides; it
/// extends the chain: `Gemm`/`MatMul` start a dense layer, elementwise affine nodes (`Add`,
/// `Sub`, `Mul`, `Div` by a constant, `BatchNormalization`) fold into the open dense layer or
/// become a diagonal layer, activation nodes set the layer's activation, and shape nodes
/// (`Flatten`, `Reshape`, `Squeeze`, `Unsqueeze`, `Identity`, `Dropout`) only rename the
/// vector. The shape of the chain value is tracked with a batch dimension of 1.
struct ONNXGraphImporter {
    /// The operators the reader accepts, for messages.
    static let supportedOperators = [
        "Gemm", "MatMul", "Add", "Sub", "Mul", "Div", "Relu", "LeakyRelu", "Sigmoid", "Tanh", "Softmax",
        "Softplus", "Elu", "Abs", "Sign", "Clip", "HardSigmoid", "Identity", "Dropout", "Flatten", "Reshape",
        "Squeeze", "Unsqueeze", "BatchNormalization", "Constant",
    ]

    let file: String
    /// The default opset's version (Softmax's default axis depends on it).
    let opset: Int
    /// Values known exactly before the input is seen.
    var constants: [String: ExactTensor]
    /// The name of the current chain value.
    var chain: String
    /// Its shape (a symbolic batch dimension counts as 1).
    var shape: [Int]
    /// Every value computed from the input so far (to tell a branch from a chain).
    var dynamicNames: Set<String>
    /// Finished and open layers.
    var drafts: [LayerDraft] = []

    /// The size of the chain vector.
    var size: Int { ExactTensor.count(shape) }

    init(file: String, opset: Int, constants: [String: ExactTensor], input: String, shape: [Int]) {
        self.file = file
        self.opset = opset
        self.constants = constants
        self.chain = input
        self.shape = shape
        self.dynamicNames = [input]
    }

    /// The error for `node`.
    func fail(_ index: Int, _ node: Onnx_NodeProto, _ message: String) -> ModelFileError {
        ModelFileError(file: file, place: .node(index: index, name: node.name, op: node.opType), message)
    }

    /// Processes every node.
    mutating func run(_ nodes: [Onnx_NodeProto]) throws(ModelFileError) {
        for (index, node) in nodes.enumerated() {
            try process(index, node)
        }
    }

    private mutating func process(_ index: Int, _ node: Onnx_NodeProto) throws(ModelFileError) {
        guard node.domain.isEmpty || node.domain == "ai.onnx" else {
            throw fail(
                index, node,
                "operator domain '\(node.domain)'; expected the default ONNX domain with one of \(Self.supportedOperators.joined(separator: ", "))"
            )
        }
        let inputs = node.input
        let present = inputs.filter { !$0.isEmpty }
        let dynamic = present.filter { dynamicNames.contains($0) }
        for name in present where !dynamicNames.contains(name) && constants[name] == nil {
            throw fail(
                index, node,
                "input '\(name)' is not produced by an earlier node, an initializer or the graph input; expected nodes in topological order"
            )
        }
        if dynamic.isEmpty {
            try foldConstant(index, node)
            return
        }
        guard Set(dynamic) == [chain] else {
            let other = dynamic.first { $0 != chain } ?? chain
            throw fail(
                index, node,
                "it uses '\(other)', which is not the latest value of the chain ('\(chain)') or uses the chain twice: the graph branches (a residual or parallel path); expected a chain of layers on one vector"
            )
        }
        guard node.output.count >= 1, !node.output[0].isEmpty else {
            throw fail(index, node, "the node has no output; expected one output")
        }
        try extendChain(index, node)
        chain = node.output[0]
        dynamicNames.insert(chain)
    }

    /// The constant at input position `k` of `node`, or nil when that input is absent.
    func constantInput(_ index: Int, _ node: Onnx_NodeProto, _ k: Int) throws(ModelFileError) -> ExactTensor? {
        guard k < node.input.count, !node.input[k].isEmpty else { return nil }
        guard let t = constants[node.input[k]] else {
            throw fail(
                index, node,
                "input \(k + 1) ('\(node.input[k])') is computed from the network input; expected a constant (an initializer or a Constant node)"
            )
        }
        return t
    }

    /// Whether the chain value is a vector in the last dimension: every other dimension 1.
    var isRowVector: Bool { shape.dropLast().allSatisfy { $0 == 1 } && !shape.isEmpty }

    // MARK: Layers

    /// Appends a dense layer W (rows × columns, row-major) + b.
    mutating func appendDense(weights: [Rational], rows: Int, columns: Int, bias: [Rational], at index: Int) {
        drafts.append(
            LayerDraft(
                weights: weights, rows: rows, columns: columns, bias: bias,
                location: SourceLocation(file: file, line: index + 1, column: 1)))
    }

    /// Appends a dense layer W·x + b with W the out × in tensor `w`: kept compact when it is a
    /// float32 matrix (`Float32Matrix`), as rationals otherwise.
    mutating func appendDense(_ w: ExactTensor, bias: [Rational], at index: Int) {
        guard let compact = w.float32Matrix else {
            appendDense(weights: w.values, rows: w.shape[0], columns: w.shape[1], bias: bias, at: index)
            return
        }
        drafts.append(
            LayerDraft(
                compact: compact, bias: bias, location: SourceLocation(file: file, line: index + 1, column: 1)))
    }

    /// Applies t ↦ scale ⊙ t + shift to the chain vector.
    mutating func appendElementwise(scale: [Rational]?, shift: [Rational]?, at index: Int) {
        if var last = drafts.last, last.acceptsAffine {
            last.applyElementwise(scale: scale, shift: shift)
            drafts[drafts.count - 1] = last
        } else {
            drafts.append(
                LayerDraft.elementwise(
                    scale: scale, shift: shift, size: size,
                    location: SourceLocation(file: file, line: index + 1, column: 1)))
        }
    }

    /// Appends t ↦ scale ⊙ t + shift with exact constant entries (BatchNormalization with
    /// irrational 1/√(var + ε)): folded into the open dense layer, or a diagonal layer of its own.
    mutating func appendExactElementwise(scale: [ExactConstant], shift: [ExactConstant], at index: Int) {
        if drafts.last?.acceptsAffine != true {
            drafts.append(
                LayerDraft.elementwise(
                    scale: nil, shift: nil, size: size,
                    location: SourceLocation(file: file, line: index + 1, column: 1)))
        }
        drafts[drafts.count - 1].applyExactElementwise(scale: scale, shift: shift)
    }

    /// Applies an activation to the chain vector: an activation-only layer of its own, so that
    /// layers follow the graph's nodes (a Gemm, then its Relu) and `fuse` sees Gemm→Gemm runs.
    /// Above `NetworkModel`'s widest activation-only layer the activation joins the dense layer
    /// before it instead (a spec could not hold it alone).
    mutating func appendActivation(_ activation: Activation, at index: Int) {
        if size > ONNXGraphImporter.widestActivationLayer, var last = drafts.last, last.hasDense,
            case .identity = last.activation
        {
            last.activation = activation
            drafts[drafts.count - 1] = last
        } else {
            drafts.append(
                LayerDraft(
                    activation: activation, size: size, location: SourceLocation(file: file, line: index + 1, column: 1)
                ))
        }
    }

    /// The widest activation-only layer a spec accepts (`SpecReader`).
    static let widestActivationLayer = 2048
}
