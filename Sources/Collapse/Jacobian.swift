public import ExactNumbers
public import Algebra
import NetworkModel

/// The Jacobian ∂F/∂x of the function a network computes, where the analysis determines it.
///
/// A network that collapses to W'x + b' has ∂F/∂x = W' at every x: for layers
/// h_k = a_k ⊙ (W_k h_{k−1} + b_k) + c_k with affine activations the chain rule gives
/// ∂F/∂x = diag(a_L) W_L ⋯ diag(a_1) W_1 = W̃_L ⋯ W̃_1 (the folded weights), the product
/// the collapse computes, and any collapse proof (regions, cancellations) shows F equals the
/// affine map, whose derivative is its matrix. On a domain D the same holds at every
/// interior point of D when D is full-dimensional; when D is lower-dimensional, F has no
/// Jacobian there as a function on D (only W' restricted to D's directions is determined,
/// `map_unique: false`), so it is nil. On a linear region of a piecewise-linear network,
/// ∂F/∂x is the region's W at its interior points (full-dimensional regions only).
public enum Jacobian {
    /// ∂F/∂x for a collapsing analysis (the weights of W' as printed), or nil.
    public static func of(_ analysis: Analysis) -> CollapsedMap? {
        guard analysis.verdict.collapses, let map = analysis.collapsed else { return nil }
        if let findings = analysis.domainFindings, findings.dimension < findings.inputDimension { return nil }
        return map
    }

    /// ∂F/∂x on a region: its W when the region is full-dimensional, nil otherwise (a unit
    /// sits on a breakpoint there, where F need not be differentiable).
    public static func on(_ region: LinearRegion) -> Matrix<Rational>? {
        region.isFullDimensional ? region.map.weights : nil
    }
}
