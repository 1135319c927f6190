public import ExactNumbers
public import NetworkModel

/// The case analysis over the linear regions the analysis kept (`RegionAnalysis.regions`,
/// then its two `differing` regions): each region's `RegionCase`, and where the affinity
/// witness's points x, z, x + z and 0 lie.
public struct CaseAnalysis: Hashable, Sendable {
    /// The affinity witness's points x, z, x + z, 0 (empty when there is no two-point witness).
    public let witnessPoints: [[Rational]]
    /// Every kept region and every differing region, once each, kept ones first, in order.
    public let cases: [RegionCase]

    /// The cases of `facts` for `network`, with the witness points of `affinity`.
    public init(_ facts: RegionAnalysis, network: Network, affinity: IdentityCheck) {
        if let w = affinity.witness, let y = w.y {
            witnessPoints = [w.x, y, zip(w.x, y).map { $0 + $1 }, w.x.map { _ in Rational.zero }]
        } else {
            witnessPoints = []
        }
        var seen = Set<LinearRegion>()
        var cases = [RegionCase]()
        for region in facts.regions + facts.differing where seen.insert(region).inserted {
            cases.append(RegionCase(region, network: network, points: witnessPoints))
        }
        self.cases = cases
    }

    /// The case of `region`, which must be a kept or differing region.
    public subscript(region: LinearRegion) -> RegionCase {
        guard let found = cases.first(where: { $0.region == region }) else {
            preconditionFailure("the region is not one of the case analysis")
        }
        return found
    }
}
