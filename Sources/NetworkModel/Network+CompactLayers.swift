import ExactNumbers
import Algebra

extension LayerWeights {
    /// The same layer in its compact `float32` form when it is `numeric`, has at least
    /// `minimumWeights` weights and every weight is exactly a float32 number; otherwise nil.
    /// Equal by value to `self` (`==`): only the storage changes, from 24 bytes a weight (an
    /// inline `Rational`) to 4.
    public func compactedFloat32(minimumWeights: Int) -> LayerWeights? {
        guard case .numeric(let map) = self, map.weights.entries.count >= Swift.max(minimumWeights, 1),
            let bits = Float32Matrix(
                exactly: map.weights.entries, rows: map.weights.rows, columns: map.weights.columns)
        else { return nil }
        return .float32(Float32AffineMap(weights: bits, bias: map.bias))
    }
}

extension Network {
    /// The default of `compactFloat32Layers(minimumWeights:)`: layers of 64×64 weights and
    /// more, where the storage matters; smaller ones stay `numeric` (no conversions for the
    /// code that reads their rationals).
    public static let compactLayerMinimumWeights = 4096

    /// Keeps every `numeric` layer of at least `minimumWeights` weights that are all float32
    /// numbers (as float32 specs, written from float32 models, give them) in the compact
    /// `float32` form, 4 bytes a weight instead of 24: the form a float32 model file's layers
    /// already have. The network stays equal by value (`==`); each layer's rationals are
    /// released as it is replaced when no other copy holds them. The analysis reads such a
    /// layer without a rational per weight (evaluation, witness search) or makes its rationals
    /// when it needs them (products, regions), so a large spec is held at a sixth of its size
    /// while it is decided (peak memory, issue 15).
    public mutating func compactFloat32Layers(minimumWeights: Int = Network.compactLayerMinimumWeights) {
        for k in layers.indices {
            if let compact = layers[k].dense?.compactedFloat32(minimumWeights: minimumWeights) {
                layers[k].dense = compact
            }
        }
    }
}
