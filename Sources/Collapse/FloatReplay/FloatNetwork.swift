import ExactNumbers
import Algebra
public import NetworkModel

/// A numeric network with every weight, bias and activation constant rounded once to the
/// nearest value of the float format T: what PyTorch or onnxruntime hold in memory for the
/// model. `evaluate` is the plain float forward pass (row times vector, left to right, in T),
/// with no rational arithmetic.
///
/// A reporting aid for the float replay of a witness, never evidence: nothing here reaches a
/// verdict.
///
/// Complexity: building rounds each of the network's entries once (O(weights), one exact
/// rounding each, a machine division for the usual inline dyadic weights); each evaluation is
/// O(weights) float operations.
public struct FloatNetwork<T: ElementaryFloat>: Sendable {
    /// One layer: W (row-major, `rows`×`columns`) and b in T, or no dense part; then f.
    struct FloatLayer: Sendable {
        var rows: Int
        var columns: Int
        var weights: [T]
        /// W as float32 bit patterns (a compact float32 layer's own array, shared: each is
        /// exactly a T), used instead of `weights` when not nil.
        var float32Bits: [UInt32]? = nil
        var bias: [T]
        var hasDense: Bool
        var activation: FloatActivation<T>
    }

    let layers: [FloatLayer]
    /// The input dimension.
    public let inputDimension: Int

    /// The network in T; nil when a weight is symbolic or an activation parameter is not a
    /// number.
    public init?(_ network: Network) {
        var layers: [FloatLayer] = []
        layers.reserveCapacity(network.layers.count)
        for layer in network.layers {
            guard let activation = FloatActivation<T>(layer.activation) else { return nil }
            switch layer.dense {
            case nil:
                layers.append(
                    FloatLayer(rows: 0, columns: 0, weights: [], bias: [], hasDense: false, activation: activation))
            case .symbolic?:
                return nil
            case .numeric(let map)?:
                layers.append(
                    FloatLayer(
                        rows: map.outputDimension, columns: map.inputDimension,
                        weights: map.weights.entries.map(T.nearest), bias: map.bias.map(T.nearest),
                        hasDense: true, activation: activation))
            case .float32(let map)?:
                layers.append(
                    FloatLayer(
                        rows: map.outputDimension, columns: map.inputDimension, weights: [],
                        float32Bits: map.weights.bits, bias: map.bias.map(T.nearest),
                        hasDense: true, activation: activation))
            }
        }
        self.layers = layers
        inputDimension = network.inputDimension
    }

    /// F(x) in T: each dense layer as out_i = b_i + Σ_j W_ij·v_j accumulated left to right,
    /// then the activation. Precondition: `x.count == inputDimension`.
    public func evaluate(_ x: [T]) -> [T] {
        var v = x
        for layer in layers {
            if layer.hasDense {
                var out = [T](repeating: 0, count: layer.rows)
                if let float32 = layer.float32Bits {
                    float32.withUnsafeBufferPointer { w in
                        for i in 0..<layer.rows {
                            var s = layer.bias[i]
                            let row = i * layer.columns
                            for j in 0..<layer.columns { s += T(Float(bitPattern: w[row + j])) * v[j] }
                            out[i] = s
                        }
                    }
                    v = out
                    layer.activation.apply(&v)
                    continue
                }
                layer.weights.withUnsafeBufferPointer { w in
                    v.withUnsafeBufferPointer { input in
                        for i in 0..<layer.rows {
                            var s = layer.bias[i]
                            let row = i * layer.columns
                            for j in 0..<layer.columns { s += w[row + j] * input[j] }
                            out[i] = s
                        }
                    }
                }
                v = out
            }
            layer.activation.apply(&v)
        }
        return v
    }
}
