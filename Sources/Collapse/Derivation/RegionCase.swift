public import ExactNumbers
public import Algebra
public import NetworkModel

/// One linear region as the case analysis uses it: the region, the network's linearisation at
/// its activation pattern, its Jacobian, and which witness points it holds.
public struct RegionCase: Hashable, Sendable {
    /// The region.
    public let region: LinearRegion
    /// For every layer, the affine map from the input to that layer's output on the region
    /// (`ActivationPattern.layerMaps`): the last one is the region's map. Nil for a layer
    /// with symbolic weights.
    public let layerMaps: [AffineMap<Rational>]?
    /// ∂F/∂x on the region (`Jacobian.on`): its W when full-dimensional, else nil.
    public let jacobian: Matrix<Rational>?
    /// For each point of `CaseAnalysis.witnessPoints`, whether it satisfies every constraint
    /// of the region.
    public let holdsWitnessPoint: [Bool]

    /// The case of `region` for `network` and the witness points `points`.
    public init(_ region: LinearRegion, network: Network, points: [[Rational]]) {
        self.region = region
        layerMaps = region.pattern.layerMaps(network)
        jacobian = Jacobian.on(region)
        holdsWitnessPoint = points.map { p in region.constraints.allSatisfy { $0.isSatisfied(by: p) } }
    }
}
