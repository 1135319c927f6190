import ExactNumbers

extension ONNXGraphImporter {
    /// Folds a node whose inputs are all constants into a new constant, exactly: `Constant`,
    /// `Identity`, `Dropout`, `Add`, `Sub`, `Mul`, `Div` (numpy broadcasting), `Reshape`,
    /// `Squeeze`, `Unsqueeze`, `Flatten`, 2-D `Transpose`.
    mutating func foldConstant(_ index: Int, _ node: Onnx_NodeProto) throws(ModelFileError) {
        let attributes = ONNXAttributes(node)
        var inputs: [ExactTensor] = []
        for k in 0..<node.input.count {
            if let t = try constantInput(index, node, k) { inputs.append(t) }
        }
        let result: ExactTensor
        switch node.opType {
        case "Constant":
            if let t = attributes.tensor("value") {
                result = try ONNXTensorDecoding.decode(t, file: file, name: node.output.first ?? node.name)
            } else if let f = attributes.rawFloat("value_float"), let r = BinaryFloat.single(bits: f.bitPattern) {
                result = ExactTensor(scalar: r)
            } else if let fs = attributes.floats("value_floats"), !fs.isEmpty {
                var values: [Rational] = []
                for f in fs {
                    guard let r = BinaryFloat.single(bits: f.bitPattern) else {
                        throw fail(index, node, "value_floats holds an infinite or NaN entry")
                    }
                    values.append(r)
                }
                result = ExactTensor(shape: [values.count], values: values)
            } else if attributes.has("value_int") {
                result = ExactTensor(scalar: Rational(attributes.int("value_int", default: 0)))
            } else if let list = attributes.ints("value_ints") {
                result = ExactTensor(shape: [list.count], values: list.map { Rational($0) })
            } else {
                throw fail(
                    index, node, "no value, value_float(s) or value_int(s) attribute; expected a numeric constant")
            }
        case "Identity", "Dropout":
            guard let t = inputs.first else { throw fail(index, node, "no input") }
            result = t
        case "Add", "Sub", "Mul", "Div":
            guard inputs.count == 2 else { throw fail(index, node, "\(inputs.count) inputs; expected 2") }
            let op = node.opType
            let larger = max(inputs[0].values.count, inputs[1].values.count, ExactTensor.foldingCount)
            if let shape = ExactTensor.broadcastShape(inputs[0].shape, inputs[1].shape),
                (ExactTensor.checkedCount(shape) ?? .max) > larger
            {
                throw fail(
                    index, node,
                    "shapes \(inputs[0].shape) and \(inputs[1].shape) broadcast to \(shape), more than \(larger) entries; expected a broadcast no larger than its larger operand or 2^20 entries"
                )
            }
            let combined = ExactTensor.combine(inputs[0], inputs[1]) { a, b in
                switch op {
                case "Add": return a + b
                case "Sub": return a - b
                case "Mul": return a * b
                default: return b.isZero ? nil : a / b
                }
            }
            guard let combined else { throw fail(index, node, "division by zero in constant arithmetic") }
            guard let value = combined else {
                throw fail(index, node, "shapes \(inputs[0].shape) and \(inputs[1].shape) do not broadcast")
            }
            result = value
        case "Reshape", "Squeeze", "Unsqueeze", "Flatten":
            guard let t = inputs.first else { throw fail(index, node, "no input") }
            // Reuse the chain's shape rules on a throw-away importer whose vector is t.
            var shaper = ONNXGraphImporter(
                file: file, opset: opset, constants: constants, input: node.input[0], shape: t.shape)
            try shaper.extendChain(index, node)
            result = t.reshaped(shaper.shape)
        case "Transpose":
            guard let t = inputs.first, t.shape.count == 2 else {
                throw fail(index, node, "constant Transpose is supported for 2-D tensors only")
            }
            let perm = attributes.ints("perm") ?? [1, 0]
            result = perm == [0, 1] ? t : t.transposed2D()
        default:
            throw fail(
                index, node,
                "operator \(node.opType) on constants is not supported; expected constant folding of Constant, Identity, Add, Sub, Mul, Div, Reshape, Squeeze, Unsqueeze, Flatten or Transpose"
            )
        }
        for name in node.output.prefix(1) where !name.isEmpty { constants[name] = result }
    }
}
