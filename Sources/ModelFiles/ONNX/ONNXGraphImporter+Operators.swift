import ExactNumbers
import Algebra
import NetworkModel

extension ONNXGraphImporter {
    /// Extends the chain by `node`, whose chain input is the current value.
    mutating func extendChain(_ index: Int, _ node: Onnx_NodeProto) throws(ModelFileError) {
        let attributes = ONNXAttributes(node)
        func floatAttribute(_ name: String, _ value: Float) throws(ModelFileError) -> Rational {
            guard let r = attributes.float(name, default: value) else {
                throw fail(index, node, "attribute \(name) is infinite or NaN; expected a finite number")
            }
            return r
        }
        switch node.opType {
        case "Identity", "Dropout":
            if node.opType == "Dropout", attributes.int("training_mode", default: 0) != 0 {
                throw fail(index, node, "training_mode = 1; expected inference (training_mode 0)")
            }
            if node.opType == "Dropout", let mode = try constantInput(index, node, 2),
                mode.values.contains(where: { !$0.isZero })
            {
                throw fail(index, node, "training_mode input is true; expected inference (false)")
            }
        case "Flatten":
            var axis = attributes.int("axis", default: 1)
            if axis < 0 { axis += shape.count }
            guard axis >= 0, axis <= shape.count else {
                throw fail(index, node, "axis \(axis) is outside the input's rank \(shape.count)")
            }
            shape = [ExactTensor.count(Array(shape[..<axis])), ExactTensor.count(Array(shape[axis...]))]
        case "Reshape":
            try reshape(index, node, attributes)
        case "Squeeze", "Unsqueeze":
            try squeeze(index, node, attributes)
        case "Gemm":
            try gemm(index, node, attributes)
        case "MatMul":
            try matMul(index, node)
        case "Add", "Sub", "Mul", "Div":
            try arithmetic(index, node)
        case "BatchNormalization":
            try batchNormalization(index, node, attributes)
        case "Relu": appendActivation(.relu, at: index)
        case "LeakyRelu": appendActivation(.leakyRelu(alpha: Polynomial(try floatAttribute("alpha", 0.01))), at: index)
        case "Sigmoid": appendActivation(.sigmoid, at: index)
        case "Tanh": appendActivation(.tanh, at: index)
        case "Softplus": appendActivation(.softplus, at: index)
        case "Elu": appendActivation(.elu(alpha: Polynomial(try floatAttribute("alpha", 1.0))), at: index)
        case "Abs": appendActivation(.abs, at: index)
        case "Sign": appendActivation(.sign, at: index)
        case "HardSigmoid":
            appendActivation(
                .hardSigmoid(
                    alpha: Polynomial(try floatAttribute("alpha", 0.2)),
                    beta: Polynomial(try floatAttribute("beta", 0.5))), at: index)
        case "Clip":
            try clip(index, node, attributes)
        case "Softmax":
            try softmax(index, node, attributes)
        default:
            throw unsupported(index, node)
        }
    }

    /// The error for an operator outside the subset.
    func unsupported(_ index: Int, _ node: Onnx_NodeProto) -> ModelFileError {
        fail(
            index, node,
            "operator \(ModelFileError.printable(node.opType)) is not supported; expected one of \(Self.supportedOperators.joined(separator: ", ")) (contract §6)"
        )
    }

    // MARK: Dense

    private mutating func gemm(_ index: Int, _ node: Onnx_NodeProto, _ attributes: ONNXAttributes)
        throws(ModelFileError)
    {
        guard node.input.count >= 2, node.input[0] == chain else {
            throw fail(
                index, node, "the first input (A) is not the chain value; expected Gemm(x, W, b) with constant W and b")
        }
        guard attributes.int("transA", default: 0) == 0 else {
            throw fail(index, node, "transA = 1; expected transA = 0 (the input as a row vector)")
        }
        guard isRowVector else {
            throw fail(index, node, "the input has shape \(shape); expected a row vector [1, n]")
        }
        guard let alpha = attributes.float("alpha", default: 1), let beta = attributes.float("beta", default: 1) else {
            throw fail(index, node, "alpha or beta is infinite or NaN; expected finite numbers")
        }
        guard let b = try constantInput(index, node, 1), b.shape.count == 2 else {
            throw fail(index, node, "B is not a 2-D constant; expected a weight matrix")
        }
        let n = size
        let transB = attributes.int("transB", default: 0) != 0
        let w = transB ? b : b.transposed2D()  // out × in
        guard w.shape[1] == n else {
            throw fail(
                index, node,
                "B has shape \(b.shape) (transB = \(transB ? 1 : 0)); expected \(transB ? "[m, \(n)]" : "[\(n), m]") for an input of size \(n)"
            )
        }
        let m = w.shape[0]
        var bias = [Rational](repeating: .zero, count: m)
        if let c = try constantInput(index, node, 2) {
            guard
                c.values.count == 1 || (c.values.count == m && ExactTensor.broadcastShape(c.shape, [1, m]) == [1, m])
            else {
                throw fail(index, node, "C has shape \(c.shape); expected [\(m)], [1, \(m)] or a scalar")
            }
            bias = c.broadcast(to: [m]).map { beta.isOne ? $0 : $0 * beta }
        }
        if alpha.isOne {
            appendDense(w, bias: bias, at: index)
        } else {
            appendDense(weights: w.values.map { $0 * alpha }, rows: m, columns: n, bias: bias, at: index)
        }
        shape = shape.count >= 2 ? Array(shape.dropLast()) + [m] : [m]
    }

    private mutating func matMul(_ index: Int, _ node: Onnx_NodeProto) throws(ModelFileError) {
        guard node.input.count == 2 else { throw fail(index, node, "\(node.input.count) inputs; expected 2") }
        let n = size
        if node.input[0] == chain {
            // x·B: B is [n, m] (or [n]); the layer's W is Bᵀ.
            guard let b = try constantInput(index, node, 1) else { throw fail(index, node, "B is missing") }
            guard isRowVector, shape.last == n else {
                throw fail(index, node, "the input has shape \(shape); expected a row vector [1, n] for x·W")
            }
            if b.shape.count == 1 {
                guard b.shape[0] == n else { throw fail(index, node, "B has shape \(b.shape); expected [\(n)]") }
                appendDense(weights: b.values, rows: 1, columns: n, bias: [.zero], at: index)
                shape = Array(shape.dropLast())
                if shape.isEmpty { shape = [1] }
                return
            }
            guard b.shape.count == 2, b.shape[0] == n else {
                throw fail(index, node, "B has shape \(b.shape); expected [\(n), m] for x·W with x of size \(n)")
            }
            let w = b.transposed2D()
            appendDense(w, bias: [Rational](repeating: .zero, count: w.shape[0]), at: index)
            shape = Array(shape.dropLast()) + [w.shape[0]]
        } else {
            // W·x: W is [m, n] and x a column [n] or [n, 1].
            guard let a = try constantInput(index, node, 0), a.shape.count == 2 else {
                throw fail(index, node, "A is not a 2-D constant; expected W·x with a constant matrix W")
            }
            guard shape == [n] || shape == [n, 1] else {
                throw fail(index, node, "the input has shape \(shape); expected a column [\(n)] or [\(n), 1] for W·x")
            }
            guard a.shape[1] == n else {
                throw fail(index, node, "A has shape \(a.shape); expected [m, \(n)] for W·x with x of size \(n)")
            }
            let m = a.shape[0]
            appendDense(a, bias: [Rational](repeating: .zero, count: m), at: index)
            shape = shape.count == 1 ? [m] : [m, 1]
        }
    }

    // MARK: Elementwise affine

    private mutating func arithmetic(_ index: Int, _ node: Onnx_NodeProto) throws(ModelFileError) {
        guard node.input.count == 2 else { throw fail(index, node, "\(node.input.count) inputs; expected 2") }
        let chainFirst = node.input[0] == chain
        guard let c = try constantInput(index, node, chainFirst ? 1 : 0) else {
            throw fail(index, node, "an input is missing")
        }
        guard ExactTensor.broadcastShape(shape, c.shape) == shape else {
            throw fail(
                index, node,
                "the constant has shape \(c.shape), which does not broadcast to the vector's shape \(shape); expected a scalar or one entry per unit"
            )
        }
        let v = c.broadcast(to: shape)
        switch (node.opType, chainFirst) {
        case ("Add", _): appendElementwise(scale: nil, shift: v, at: index)
        case ("Sub", true): appendElementwise(scale: nil, shift: v.map { -$0 }, at: index)
        case ("Sub", false):
            appendElementwise(scale: [Rational](repeating: Rational(-1), count: v.count), shift: v, at: index)
        case ("Mul", _): appendElementwise(scale: v, shift: nil, at: index)
        case ("Div", true):
            guard !v.contains(where: \.isZero) else {
                throw fail(index, node, "division by a constant with a zero entry; expected nonzero divisors")
            }
            appendElementwise(scale: v.map(\.reciprocal), shift: nil, at: index)
        default:
            throw fail(index, node, "divides a constant by the vector, which is not affine; expected Div(x, constant)")
        }
    }

    private mutating func batchNormalization(_ index: Int, _ node: Onnx_NodeProto, _ attributes: ONNXAttributes)
        throws(ModelFileError)
    {
        guard node.input.count >= 5, node.input[0] == chain else {
            throw fail(index, node, "expected BatchNormalization(x, scale, B, mean, var) with constant parameters")
        }
        guard attributes.int("training_mode", default: 0) == 0 else {
            throw fail(index, node, "training_mode = 1; expected inference")
        }
        let n = size
        guard shape.count >= 2, shape[1] == n else {
            throw fail(index, node, "the input has shape \(shape); expected [1, \(n)] (one channel per unit)")
        }
        guard let epsilon = attributes.float("epsilon", default: 1e-5) else {
            throw fail(index, node, "epsilon is infinite or NaN")
        }
        var parameters: [[Rational]] = []
        for k in 1...4 {
            guard let t = try constantInput(index, node, k), t.values.count == n else {
                throw fail(
                    index, node, "input \(k + 1) is not a constant with \(n) entries; expected one value per channel")
            }
            parameters.append(t.values)
        }
        let (scale, bias, mean, variance) = (parameters[0], parameters[1], parameters[2], parameters[3])
        // y = γ(x − μ)/√(var + ε) + β, exactly: rational factors where var + ε is a square,
        // otherwise exact √ constants (√(p/q) = √(p·q)/q, square factors pulled out).
        var m: [ExactConstant] = [], c: [ExactConstant] = []
        for i in 0..<n {
            let v = variance[i] + epsilon
            guard v.signum > 0 else {
                throw fail(
                    index, node, "channel \(i): var + epsilon = \(v) is not positive; expected a positive variance")
            }
            let factor = ExactConstant.sqrt(v) / v * ExactConstant(scale[i])
            m.append(factor)
            c.append(ExactConstant(bias[i]) - ExactConstant(mean[i]) * factor)
        }
        if m.allSatisfy({ $0.rationalValue != nil }) && c.allSatisfy({ $0.rationalValue != nil }) {
            appendElementwise(scale: m.map { $0.rationalValue! }, shift: c.map { $0.rationalValue! }, at: index)
        } else {
            appendExactElementwise(scale: m, shift: c, at: index)
        }
    }

    // MARK: Activations with parameters

    private mutating func clip(_ index: Int, _ node: Onnx_NodeProto, _ attributes: ONNXAttributes)
        throws(ModelFileError)
    {
        var lower: Rational?, upper: Rational?
        // Opset < 11: attributes; opset >= 11: optional inputs 2 and 3.
        if let f = attributes.rawFloat("min") { lower = BinaryFloat.single(bits: f.bitPattern) }
        if let f = attributes.rawFloat("max") { upper = BinaryFloat.single(bits: f.bitPattern) }
        if let t = try constantInput(index, node, 1) {
            guard t.values.count == 1 else {
                throw fail(index, node, "min has \(t.values.count) entries; expected a scalar")
            }
            lower = t.values[0]
        }
        if let t = try constantInput(index, node, 2) {
            guard t.values.count == 1 else {
                throw fail(index, node, "max has \(t.values.count) entries; expected a scalar")
            }
            upper = t.values[0]
        }
        // ONNX's defaults are the lowest and highest float: no bound.
        if let f = attributes.rawFloat("min"), !f.isFinite || f == -Float.greatestFiniteMagnitude { lower = nil }
        if let f = attributes.rawFloat("max"), !f.isFinite || f == Float.greatestFiniteMagnitude { upper = nil }
        if let lower, let upper, lower > upper {
            throw fail(index, node, "min \(lower) is greater than max \(upper); expected min <= max")
        }
        if lower == nil && upper == nil { return }
        appendActivation(.clip(lower: lower.map { Polynomial($0) }, upper: upper.map { Polynomial($0) }), at: index)
    }

    private mutating func softmax(_ index: Int, _ node: Onnx_NodeProto, _ attributes: ONNXAttributes)
        throws(ModelFileError)
    {
        let rank = shape.count
        var axis = attributes.int("axis", default: opset >= 13 ? -1 : 1)
        if axis < 0 { axis += rank }
        guard axis >= 0, axis < max(rank, 1) else {
            throw fail(index, node, "axis \(axis) is outside the input's rank \(rank)")
        }
        // Opset < 13 flattens the dimensions from `axis` on; opset >= 13 uses that one axis.
        let covered = opset >= 13 ? (rank == 0 ? 1 : shape[axis]) : ExactTensor.count(Array(shape[axis...]))
        guard covered == size else {
            throw fail(
                index, node,
                "axis \(axis) of shape \(shape) covers \(covered) of the \(size) units; expected the softmax over the whole vector (the last axis)"
            )
        }
        appendActivation(.softmax, at: index)
    }

    // MARK: Shapes

    private mutating func reshape(_ index: Int, _ node: Onnx_NodeProto, _ attributes: ONNXAttributes)
        throws(ModelFileError)
    {
        guard let target = try constantInput(index, node, 1)?.integers else {
            throw fail(index, node, "the shape is not a constant list of integers; expected Reshape(x, constant shape)")
        }
        let allowZero = attributes.int("allowzero", default: 0) != 0
        var result: [Int] = []
        var inferred: Int?
        for (k, d) in target.enumerated() {
            if d == -1 {
                guard inferred == nil else {
                    throw fail(index, node, "the shape \(target) has two -1 entries; expected at most one")
                }
                inferred = k
                result.append(1)
            } else if d == 0 && !allowZero {
                guard k < shape.count else {
                    throw fail(index, node, "shape entry \(k) is 0 (copy) beyond the input's rank \(shape.count)")
                }
                result.append(shape[k])
            } else if d < 0 {
                throw fail(index, node, "shape entry \(d); expected a size, 0 or -1")
            } else {
                result.append(d)
            }
        }
        guard let known = ExactTensor.checkedCount(result) else {
            throw fail(index, node, "the shape \(target) holds more than 2^31 entries; expected \(size)")
        }
        if let inferred {
            guard known > 0, size % known == 0 else {
                throw fail(index, node, "cannot infer -1 in \(target) for \(size) units")
            }
            result[inferred] = size / known
        }
        guard ExactTensor.count(result) == size else {
            throw fail(
                index, node,
                "the shape \(target) holds \(ExactTensor.count(result)) entries; expected \(size), the vector's size (a reshape that keeps the vector)"
            )
        }
        shape = result
    }

    private mutating func squeeze(_ index: Int, _ node: Onnx_NodeProto, _ attributes: ONNXAttributes)
        throws(ModelFileError)
    {
        var axes = attributes.ints("axes")
        if let t = try constantInput(index, node, 1) {
            guard let list = t.integers else { throw fail(index, node, "axes are not integers") }
            axes = list
        }
        if node.opType == "Squeeze" {
            let rank = shape.count
            let chosen = Set((axes ?? Array(0..<rank).filter { shape[$0] == 1 }).map { $0 < 0 ? $0 + rank : $0 })
            for a in chosen {
                guard a >= 0, a < rank, shape[a] == 1 else {
                    throw fail(index, node, "axis \(a) of shape \(shape) is not of size 1; expected axes of size 1")
                }
            }
            shape = shape.enumerated().filter { !chosen.contains($0.offset) }.map(\.element)
        } else {
            guard let axes else { throw fail(index, node, "no axes; expected the axes to insert") }
            let rank = shape.count + axes.count
            let chosen = Set(axes.map { $0 < 0 ? $0 + rank : $0 })
            guard chosen.count == axes.count, chosen.allSatisfy({ $0 >= 0 && $0 < rank }) else {
                throw fail(index, node, "axes \(axes) are not distinct axes of the result's rank \(rank)")
            }
            var result: [Int] = []
            var source = shape.makeIterator()
            for k in 0..<rank { result.append(chosen.contains(k) ? 1 : source.next()!) }
            shape = result
        }
    }
}
