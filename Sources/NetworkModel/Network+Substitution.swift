public import Algebra
public import ExactNumbers

extension Activation {
    /// The activation with `values` substituted for symbols in its parameters (symbols not in
    /// `values` stay symbols).
    public func substituting(_ values: [Symbol: Rational]) -> Activation {
        func s(_ p: Polynomial) -> Polynomial { p.partiallyEvaluated(at: values) }
        switch self {
        case .affine(let slope, let intercept): return .affine(slope: s(slope), intercept: s(intercept))
        case .polynomial(let coefficients): return .polynomial(coefficients.map(s))
        case .leakyRelu(let alpha): return .leakyRelu(alpha: s(alpha))
        case .elu(let alpha): return .elu(alpha: s(alpha))
        default: return self
        }
    }
}

extension LayerWeights {
    /// The dense part with `values` substituted for symbols; `numeric` when no symbol remains.
    public func substituting(_ values: [Symbol: Rational]) -> LayerWeights {
        guard case .symbolic(let map) = self else { return self }
        let weights = map.weights.map { $0.partiallyEvaluated(at: values) }
        let bias = map.bias.map { $0.partiallyEvaluated(at: values) }
        var numericRows: [[Rational]] = []
        numericRows.reserveCapacity(weights.rows)
        for i in 0..<weights.rows {
            let row = weights.rowArray(i).compactMap(\.constantValue)
            guard row.count == weights.columns else { return .symbolic(AffineMap(weights: weights, bias: bias)) }
            numericRows.append(row)
        }
        let numericBias = bias.compactMap(\.constantValue)
        guard numericBias.count == bias.count else { return .symbolic(AffineMap(weights: weights, bias: bias)) }
        return .numeric(
            AffineMap(
                weights: Matrix(rows: weights.rows, columns: weights.columns, entries: numericRows.flatMap { $0 }),
                bias: numericBias))
    }
}

extension Network {
    /// The network with each symbol in `values` replaced by its value (in weights, biases and
    /// activation parameters): the same function F with those parameters fixed. A network
    /// whose every symbol gets a value is `isNumeric`.
    ///
    /// Example: `weights: [[w11]]` with `w11 = 1/2` becomes the numeric layer `[[1/2]]`.
    public func substituting(_ values: [Symbol: Rational]) -> Network {
        guard !values.isEmpty else { return self }
        var copy = self
        copy.layers = layers.map { layer in
            Layer(
                dense: layer.dense?.substituting(values), activation: layer.activation.substituting(values),
                location: layer.location)
        }
        return copy
    }
}
