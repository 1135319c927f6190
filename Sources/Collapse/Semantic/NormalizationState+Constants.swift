import ExactNumbers
import Algebra
import NetworkModel

extension NormalizationState {
    /// One pass of constant units whose value is an exact constant that is not rational, or
    /// whose pre-activation is one (contract §4): a unit with an all-zero weight row and a
    /// constant-expression bias c is the constant f(c) (`Activation.exactConstantValue`); it is
    /// removed and column·f(c) is added to the next layer's bias, which then holds an exact
    /// constant expression (a `.symbolic` layer whose symbols are `ConstantAtom`s only). A layer
    /// left with no unit composes into the next; a last layer of constant units becomes one
    /// affine (constant) map. Rational constants of numeric layers are left to the rational
    /// pass (`simplifyLayer`), so networks without irrational constants are simplified exactly
    /// as before. True when something changed.
    mutating func constantPass() -> Bool {
        var changed = false
        var k = 0
        while k < network.layers.count {
            if foldConstants(k) { changed = true } else { k += 1 }
        }
        return changed
    }

    /// The layer's dense part with polynomial entries (rationals as constants); nil without one.
    static func polynomialMap(_ layer: Layer) -> AffineMap<Polynomial>? {
        switch layer.dense {
        case .numeric(let m)?:
            return AffineMap(weights: m.weights.map { Polynomial($0) }, bias: m.bias.map { Polynomial($0) })
        case .float32(let m)?: return LayerWeights.float32(m).polynomialMap
        case .symbolic(let m)?: return m
        case nil: return nil
        }
    }

    /// A dense part, numeric when every entry is rational.
    static func weights(_ map: AffineMap<Polynomial>) -> LayerWeights {
        let rational =
            map.bias.allSatisfy(\.isConstant)
            && (0..<map.weights.rows).allSatisfy { map.weights.rowArray($0).allSatisfy(\.isConstant) }
        guard rational else { return .symbolic(map) }
        return .numeric(
            AffineMap(weights: map.weights.map { $0.constantValue! }, bias: map.bias.map { $0.constantValue! }))
    }

    /// Folds the constant units of layer k; true when the network changed (layer k may be gone).
    mutating func foldConstants(_ k: Int) -> Bool {
        let layer = network.layers[k]
        let f = layer.activation
        if f.affineForm != nil { return foldConstantAffineLayer(k) }
        guard f.isElementwise, let dense = Self.polynomialMap(layer) else { return false }
        let numericLayer: Bool
        numericLayer = layer.dense?.isNumeric ?? false
        var values = [Int: (ExactConstant, ExactConstant)]()
        for i in 0..<dense.outputDimension where dense.weights.rowArray(i).allSatisfy(\.isZero) {
            guard let c = ExactConstant(dense.bias[i]), let v = f.exactConstantValue(at: c) else { continue }
            // Rational constants of numeric layers belong to the rational pass.
            if numericLayer, c.rationalValue != nil, v.rationalValue != nil, consumerIsNumeric(k) { continue }
            values[i] = (c, v)
        }
        guard !values.isEmpty else { return false }
        let width = dense.outputDimension, inWidth = dense.inputDimension
        func step(_ i: Int) -> NormalizationStep {
            let (c, v) = values[i]!
            let units = unitOrigin[k][i].map { [$0] } ?? []
            if let cr = c.rationalValue, let vr = v.rationalValue {
                return NormalizationStep(
                    layer: layerOrigin[k], units: units, activation: f, kind: .constant(preactivation: cr, value: vr))
            }
            return NormalizationStep(
                layer: layerOrigin[k], units: units, activation: f, kind: .exactConstant(preactivation: c, value: v))
        }
        guard k + 1 < network.layers.count, let consumer = Self.polynomialMap(network.layers[k + 1]) else {
            // No next dense part: only a layer of constants becomes one constant map.
            guard values.count == width else { return false }
            let map = AffineMap(
                weights: Matrix(
                    rows: width, columns: inWidth, entries: Array(repeating: Polynomial.zero, count: width * inWidth)),
                bias: (0..<width).map { values[$0]!.1.polynomial })
            network.layers[k] = Layer(dense: Self.weights(map), activation: .identity, location: layer.location)
            steps += (0..<width).map(step)
            steps.append(NormalizationStep(layer: layerOrigin[k], units: [], activation: f, kind: .layerAffine))
            return true
        }
        let out = consumer.outputDimension
        var bias = consumer.bias
        for (i, (_, v)) in values {
            for r in 0..<out where !consumer.weights[r, i].isZero {
                bias[r] = (bias[r] + consumer.weights[r, i] * v.polynomial).reducingConstants()
            }
        }
        let kept = (0..<width).filter { values[$0] == nil }
        steps += values.keys.sorted().map(step)
        let next = network.layers[k + 1]
        if kept.isEmpty {
            let folded = AffineMap(
                weights: Matrix(
                    rows: out, columns: inWidth, entries: Array(repeating: Polynomial.zero, count: out * inWidth)),
                bias: bias)
            network.layers[k + 1] = Layer(
                dense: Self.weights(folded), activation: next.activation, location: next.location)
            steps.append(
                NormalizationStep(
                    layer: layerOrigin[k], units: [], activation: f, kind: .layerFolded(into: layerOrigin[k + 1])))
            network.layers.remove(at: k)
            layerOrigin.remove(at: k)
            unitOrigin.remove(at: k)
            return true
        }
        let rows = AffineMap(
            weights: Matrix(rows: kept.count, columns: inWidth, entries: kept.flatMap { dense.weights.rowArray($0) }),
            bias: kept.map { dense.bias[$0] })
        let columns = AffineMap(
            weights: Matrix(
                rows: out, columns: kept.count, entries: (0..<out).flatMap { r in kept.map { consumer.weights[r, $0] } }
            ),
            bias: bias)
        network.layers[k] = Layer(dense: Self.weights(rows), activation: f, location: layer.location)
        network.layers[k + 1] = Layer(
            dense: Self.weights(columns), activation: next.activation, location: next.location)
        unitOrigin[k] = kept.map { unitOrigin[k][$0] }
        return true
    }

    /// A layer with an affine activation a·t + c, all-zero weights and a bias holding an
    /// irrational constant outputs the constant a·b + c for every input: it composes into the
    /// next layer's bias (so that a constant reaches the next non-affine layer as a constant
    /// pre-activation, `sigmoid(2*sigmoid(1) + 1)`). True when folded.
    mutating func foldConstantAffineLayer(_ k: Int) -> Bool {
        let layer = network.layers[k]
        guard case .symbolic(let dense)? = layer.dense, k + 1 < network.layers.count,
            let (a, c) = layer.activation.affineForm, let slope = a.constantValue, let intercept = c.constantValue,
            (0..<dense.weights.rows).allSatisfy({ dense.weights.rowArray($0).allSatisfy(\.isZero) }),
            let consumer = Self.polynomialMap(network.layers[k + 1])
        else { return false }
        let values = dense.bias.map { (Polynomial(slope) * $0 + Polynomial(intercept)).reducingConstants() }
        let out = consumer.outputDimension, inWidth = dense.inputDimension
        let bias = (0..<out).map { r in
            values.indices.reduce(consumer.bias[r]) { $0 + consumer.weights[r, $1] * values[$1] }.reducingConstants()
        }
        let folded = AffineMap(
            weights: Matrix(
                rows: out, columns: inWidth, entries: Array(repeating: Polynomial.zero, count: out * inWidth)),
            bias: bias)
        let next = network.layers[k + 1]
        network.layers[k + 1] = Layer(dense: Self.weights(folded), activation: next.activation, location: next.location)
        steps.append(
            NormalizationStep(
                layer: layerOrigin[k], units: [], activation: layer.activation,
                kind: .layerFolded(into: layerOrigin[k + 1])))
        network.layers.remove(at: k)
        layerOrigin.remove(at: k)
        unitOrigin.remove(at: k)
        return true
    }

    /// Whether layer k + 1 exists with a numeric dense part.
    func consumerIsNumeric(_ k: Int) -> Bool {
        guard k + 1 < network.layers.count, network.layers[k + 1].dense?.isNumeric == true else { return false }
        return true
    }
}
