import ExactNumbers
import Algebra
import NetworkModel

/// F as an exact map, re-derived for `verify` without the analysis: each layer's affine
/// activation a·t + c folded into it (a·W, a·b + c), then the plain left-to-right product
/// M ← Wₖ·M, v ← Wₖ·v + bₖ (no product tree, no FLINT); with polynomial activations, F's
/// outputs as polynomials in the inputs, layer by layer.
enum PlainProduct {
    /// a and c of an affine activation (nil for the others). Written again here on purpose
    /// (Collapse has `Activation.affineForm`): `verify` must not share the analysis' code.
    static func affineForm(_ activation: Activation) -> (Polynomial, Polynomial)? {
        switch activation {
        case .identity: return (Polynomial(Rational.one), Polynomial(Rational.zero))
        case .affine(let a, let c): return (a, c)
        case .polynomial(let cs):
            guard cs.dropFirst(2).allSatisfy(\.isZero) else { return nil }
            return (cs.count > 1 ? cs[1] : Polynomial(Rational.zero), cs.first ?? Polynomial(Rational.zero))
        case .leakyRelu(let alpha) where alpha.constantValue == Rational.one:
            return (Polynomial(Rational.one), Polynomial(Rational.zero))
        default: return nil
        }
    }

    /// W' and b' over the rationals when every weight and activation is a numeric affine
    /// map; nil otherwise.
    static func numeric(_ network: Network) -> (weights: [[Rational]], bias: [Rational])? {
        let n = network.inputDimension
        var m = (0..<n).map { i in (0..<n).map { j in i == j ? Rational.one : Rational.zero } }
        var v = [Rational](repeating: .zero, count: n)
        for layer in network.layers {
            guard let (aP, cP) = affineForm(layer.activation), let a = aP.constantValue, let c = cP.constantValue else {
                return nil
            }
            if let dense = layer.dense {
                guard let map = dense.rationalMap else { return nil }
                var nm = [[Rational]](), nv = [Rational]()
                for i in 0..<map.outputDimension {
                    var row = [Rational](repeating: .zero, count: n)
                    var bias = map.bias[i]
                    for k in 0..<map.inputDimension {
                        let w = map.weights[i, k]
                        if w.isZero { continue }
                        for j in 0..<n where !m[k][j].isZero { row[j] += w * m[k][j] }
                        bias += w * v[k]
                    }
                    nm.append(row)
                    nv.append(bias)
                }
                m = nm
                v = nv
            }
            if !(a.isOne && c.isZero) {
                m = m.map { $0.map { a * $0 } }
                v = v.map { a * $0 + c }
            }
        }
        return (m, v)
    }

    /// F's outputs as polynomials in fresh input symbols (and the weight symbols), for
    /// networks whose activations are all polynomials; nil otherwise or past `termLimit`.
    static func polynomial(_ network: Network, inputs: [Symbol], termLimit: Int = 20_000) -> [Polynomial]? {
        var v = inputs.map { Polynomial($0) }
        for layer in network.layers {
            if let dense = layer.dense {
                let map = dense.polynomialMap
                var next = [Polynomial]()
                for i in 0..<map.outputDimension {
                    var sum = map.bias[i]
                    for j in 0..<map.inputDimension where !map.weights[i, j].isZero {
                        sum = sum + map.weights[i, j] * v[j]
                    }
                    next.append(sum)
                }
                v = next
            }
            let coefficients: [Polynomial]
            switch layer.activation {
            case .polynomial(let cs): coefficients = cs
            default:
                guard let (a, c) = affineForm(layer.activation) else { return nil }
                coefficients = [c, a]
            }
            v = v.map { t in
                var value = Polynomial(Rational.zero)
                for c in coefficients.reversed() { value = value * t + c }
                return value
            }
            if v.contains(where: { $0.termCount > termLimit }) { return nil }
        }
        return v
    }
}
