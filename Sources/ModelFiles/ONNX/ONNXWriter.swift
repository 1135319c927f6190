public import Foundation
public import NetworkModel
import ExactNumbers
import Algebra
import SwiftProtobuf

/// Writes a numeric `Network` as an ONNX model (opset 13) in the operator subset the reader
/// takes: a dense layer is a `Gemm` (transB = 1, weights out × in), or `Mul` and `Add` by
/// vectors when its weights are diagonal; activations are their ONNX operators (`Relu`,
/// `LeakyRelu`, `Sigmoid`, `Tanh`, `Softplus`, `Elu`, `Abs`, `Sign`, `Clip`, `HardSigmoid`,
/// `Softmax`; hardtanh as `Clip(-1, 1)`; an affine activation as `Mul`/`Add` by scalars).
///
/// Weights are stored as the nearest float32 (or float64) values, ties to even; a value that
/// is exactly representable is stored exactly, so a network read from a float32 model and
/// written back keeps its weights bit for bit.
public enum ONNXWriter {
    /// The element type of the written tensors.
    public enum Precision: Sendable {
        /// float32 (ONNX FLOAT).
        case float32
        /// float64 (ONNX DOUBLE).
        case float64
    }

    /// A map of exact constant expressions (`ExactConstant`) with every entry replaced by its
    /// nearest float32 (float64) value, found by refining its enclosure until it does not
    /// straddle a rounding boundary; nil when an entry has a free symbol or cannot be rounded.
    static func nearestValues(_ map: AffineMap<Polynomial>, precision: Precision) -> AffineMap<Rational>? {
        let round: (Rational) -> Rational? =
            precision == .float32
            ? { $0.nearestFloat32Value }
            : { $0.nearestDouble.flatMap { Rational(exactly: $0) } }
        func near(_ p: Polynomial) -> Rational? { ExactConstant(p)?.nearest(by: round)?.value }
        var entries = [Rational]()
        for i in 0..<map.weights.rows {
            for j in 0..<map.weights.columns {
                guard let v = near(map.weights[i, j]) else { return nil }
                entries.append(v)
            }
        }
        var bias = [Rational]()
        for b in map.bias {
            guard let v = near(b) else { return nil }
            bias.append(v)
        }
        return AffineMap(
            weights: Matrix(rows: map.weights.rows, columns: map.weights.columns, entries: entries), bias: bias)
    }

    /// The model's bytes. `file` names the output in messages.
    ///
    /// - Throws: `ModelFileError` for symbolic weights or parameters, an activation with no
    ///   operator in the subset (step, arctan, silu, gelu, a polynomial of degree ≥ 2), or a
    ///   weight too large for the precision.
    public static func serialize(_ network: Network, precision: Precision = .float32, file: String)
        throws(ModelFileError) -> Data
    {
        var builder = Builder(file: file, precision: precision)
        var current = "input"
        var width = network.inputDimension
        for (index, layer) in network.layers.enumerated() {
            let k = index + 1
            switch layer.dense {
            case .numeric(let map)?:
                current = try builder.dense(map, input: current, layer: k)
                width = map.outputDimension
            case .float32(let compact)?:
                let map = compact.materialized
                current = try builder.dense(map, input: current, layer: k)
                width = map.outputDimension
            case .symbolic(let exact)?:
                // Exact constants (√ from a BatchNormalization fold): each entry's nearest float.
                guard let map = nearestValues(exact, precision: precision) else {
                    throw ModelFileError(
                        file: file, place: .file,
                        "layer \(k) has symbolic weights; expected numbers (ONNX stores numbers)")
                }
                current = try builder.dense(map, input: current, layer: k)
                width = map.outputDimension
            case nil: break
            }
            current = try builder.activation(layer.activation, input: current, layer: k, width: width)
        }
        var graph = Onnx_GraphProto()
        graph.name = network.name ?? "prove-collapse"
        graph.node = builder.nodes
        graph.initializer = builder.initializers
        graph.input = [valueInfo("input", elem: builder.elementType, size: network.inputDimension)]
        if current == "input" {
            var identity = Onnx_NodeProto()
            identity.opType = "Identity"
            identity.name = "output_identity"
            identity.input = ["input"]
            identity.output = ["output"]
            graph.node.append(identity)
        } else {
            graph.node[graph.node.count - 1].output = ["output"]
        }
        graph.output = [valueInfo("output", elem: builder.elementType, size: width)]
        var model = Onnx_ModelProto()
        model.irVersion = 8
        model.producerName = "prove-collapse"
        var opset = Onnx_OperatorSetIdProto()
        opset.domain = ""
        opset.version = 13
        model.opsetImport = [opset]
        model.graph = graph
        do {
            return try model.serializedBytes()
        } catch {
            throw ModelFileError(file: file, place: .file, "cannot encode the model: \(error)")
        }
    }

    private static func valueInfo(_ name: String, elem: Int32, size: Int) -> Onnx_ValueInfoProto {
        var batch = Onnx_TensorShapeProto.Dimension()
        batch.dimParam = "batch"
        var units = Onnx_TensorShapeProto.Dimension()
        units.dimValue = Int64(size)
        var shape = Onnx_TensorShapeProto()
        shape.dim = [batch, units]
        var tensorType = Onnx_TypeProto.Tensor()
        tensorType.elemType = elem
        tensorType.shape = shape
        var type = Onnx_TypeProto()
        type.tensorType = tensorType
        var info = Onnx_ValueInfoProto()
        info.name = name
        info.type = type
        return info
    }

    /// Accumulates nodes and initializers.
    private struct Builder {
        let file: String
        let precision: Precision
        var nodes: [Onnx_NodeProto] = []
        var initializers: [Onnx_TensorProto] = []

        var elementType: Int32 { precision == .float32 ? 1 : 11 }

        init(file: String, precision: Precision) {
            self.file = file
            self.precision = precision
        }

        func fail(_ layer: Int, _ message: String) -> ModelFileError {
            ModelFileError(file: file, place: .file, "layer \(layer): \(message)")
        }

        /// A float tensor with the nearest binary values of `values`.
        mutating func tensor(_ name: String, _ values: [Rational], shape: [Int], layer: Int) throws(ModelFileError)
            -> String
        {
            var data = Data()
            data.reserveCapacity(values.count * (precision == .float32 ? 4 : 8))
            for v in values {
                switch precision {
                case .float32:
                    guard let f = v.nearestFloat else {
                        throw fail(layer, "the entry \(v.decimalApproximation) is too large for float32")
                    }
                    withUnsafeBytes(of: f.bitPattern.littleEndian) { data.append(contentsOf: $0) }
                case .float64:
                    guard let f = v.nearestDouble else {
                        throw fail(layer, "the entry \(v.decimalApproximation) is too large for float64")
                    }
                    withUnsafeBytes(of: f.bitPattern.littleEndian) { data.append(contentsOf: $0) }
                }
            }
            var t = Onnx_TensorProto()
            t.name = name
            t.dataType = elementType
            t.dims = shape.map { Int64($0) }
            t.rawData = data
            initializers.append(t)
            return name
        }

        mutating func node(_ op: String, _ inputs: [String], name: String, attributes: [Onnx_AttributeProto] = [])
            -> String
        {
            var n = Onnx_NodeProto()
            n.opType = op
            n.name = name
            n.input = inputs
            n.output = [name + "_out"]
            n.attribute = attributes
            nodes.append(n)
            return name + "_out"
        }

        static func floatAttribute(_ name: String, _ value: Float) -> Onnx_AttributeProto {
            var a = Onnx_AttributeProto()
            a.name = name
            a.type = .float
            a.f = value
            return a
        }

        static func intAttribute(_ name: String, _ value: Int) -> Onnx_AttributeProto {
            var a = Onnx_AttributeProto()
            a.name = name
            a.type = .int
            a.i = Int64(value)
            return a
        }

        /// A dense layer: Gemm, or Mul/Add when W is square and diagonal.
        mutating func dense(_ map: AffineMap<Rational>, input: String, layer k: Int) throws(ModelFileError) -> String {
            let m = map.outputDimension, n = map.inputDimension
            var diagonal = m == n
            if diagonal {
                outer: for i in 0..<m {
                    for j in 0..<n where i != j && !map.weights[i, j].isZero {
                        diagonal = false
                        break outer
                    }
                }
            }
            if diagonal && m > 1 {
                var current = input
                let scale = (0..<m).map { map.weights[$0, $0] }
                if !scale.allSatisfy(\.isOne) {
                    current = node(
                        "Mul", [current, try tensor("layer\(k)_scale", scale, shape: [m], layer: k)],
                        name: "layer\(k)_scale_mul")
                }
                if !map.bias.allSatisfy(\.isZero) || current == input {
                    current = node(
                        "Add", [current, try tensor("layer\(k)_shift", map.bias, shape: [m], layer: k)],
                        name: "layer\(k)_shift_add")
                }
                return current
            }
            let w = try tensor("layer\(k)_weight", map.weights.entries, shape: [m, n], layer: k)
            let b = try tensor("layer\(k)_bias", map.bias, shape: [m], layer: k)
            return node("Gemm", [input, w, b], name: "layer\(k)_gemm", attributes: [Self.intAttribute("transB", 1)])
        }

        /// The activation's nodes.
        mutating func activation(_ f: Activation, input: String, layer k: Int, width: Int) throws(ModelFileError)
            -> String
        {
            func number(_ p: Polynomial, _ what: String) throws(ModelFileError) -> Rational {
                guard let r = p.constantValue else {
                    throw fail(k, "the \(what) of \(f.name) is symbolic; expected a number")
                }
                return r
            }
            func float(_ r: Rational) throws(ModelFileError) -> Float {
                guard let v = r.nearestFloat else { throw fail(k, "the parameter \(r) is too large for float32") }
                return v
            }
            let name = "layer\(k)_\(f.name)"
            switch f {
            case .identity: return input
            case .relu: return node("Relu", [input], name: name)
            case .sigmoid: return node("Sigmoid", [input], name: name)
            case .tanh: return node("Tanh", [input], name: name)
            case .softplus: return node("Softplus", [input], name: name)
            case .abs: return node("Abs", [input], name: name)
            case .sign: return node("Sign", [input], name: name)
            case .softmax: return node("Softmax", [input], name: name, attributes: [Self.intAttribute("axis", -1)])
            case .leakyRelu(let alpha):
                return node(
                    "LeakyRelu", [input], name: name,
                    attributes: [Self.floatAttribute("alpha", try float(try number(alpha, "alpha")))])
            case .elu(let alpha):
                return node(
                    "Elu", [input], name: name,
                    attributes: [Self.floatAttribute("alpha", try float(try number(alpha, "alpha")))])
            case .hardSigmoid(let alpha, let beta):
                return node(
                    "HardSigmoid", [input], name: name,
                    attributes: [
                        Self.floatAttribute("alpha", try float(try number(alpha, "alpha"))),
                        Self.floatAttribute("beta", try float(try number(beta, "beta"))),
                    ])
            case .hardtanh:
                return node(
                    "Clip",
                    [
                        input, try tensor(name + "_min", [Rational(-1)], shape: [], layer: k),
                        try tensor(name + "_max", [Rational(1)], shape: [], layer: k),
                    ], name: name)
            case .clip(let lower, let upper):
                var inputs = [input]
                if let lower {
                    inputs.append(try tensor(name + "_min", [try number(lower, "min")], shape: [], layer: k))
                } else {
                    inputs.append("")
                }
                if let upper {
                    inputs.append(try tensor(name + "_max", [try number(upper, "max")], shape: [], layer: k))
                }
                return node("Clip", inputs, name: name)
            default:
                var form: (Polynomial, Polynomial)?
                switch f {
                case .affine(let a, let c): form = (a, c)
                case .polynomial(let cs) where cs.dropFirst(2).allSatisfy(\.isZero):
                    form = (cs.count > 1 ? cs[1] : Polynomial(Rational.zero), cs.first ?? Polynomial(Rational.zero))
                default: form = nil
                }
                guard let (a, c) = form else {
                    throw fail(
                        k,
                        "activation \(f.name) has no operator in the ONNX subset; expected identity, affine, relu, leaky_relu, hardtanh, sign, abs, sigmoid, tanh, softplus, elu, softmax, clip or hard_sigmoid"
                    )
                }
                let slope = try number(a, "slope"), intercept = try number(c, "intercept")
                var current = input
                if !slope.isOne {
                    current = node(
                        "Mul", [current, try tensor(name + "_slope", [slope], shape: [], layer: k)], name: name + "_mul"
                    )
                }
                if !intercept.isZero {
                    current = node(
                        "Add", [current, try tensor(name + "_intercept", [intercept], shape: [], layer: k)],
                        name: name + "_add")
                }
                return current
            }
        }
    }
}

extension Rational {
    /// A short decimal for messages (not exact).
    var decimalApproximation: String {
        let digits = numerator.description.count - denominator.description.count
        return digits > 12 ? "about 10^\(digits)" : description
    }
}
