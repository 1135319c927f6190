public import NetworkModel

/// One row of a traced evaluation: the input, the dense part of a layer, or its activation.
public enum TraceStep: Hashable, Sendable {
    /// The input x itself.
    case input
    /// h ↦ W_k h (+ b_k) of layer `layer` (1-based); `hasBias` when some b_k entry is not zero.
    case dense(layer: Int, hasBias: Bool)
    /// The activation of layer `layer` (1-based), applied to the row before.
    case activation(layer: Int, Activation)
}
