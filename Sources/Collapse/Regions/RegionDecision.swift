import ExactNumbers
import Algebra
import NetworkModel

/// What the region enumeration established, for reports and the derivation.
public struct RegionAnalysis: Sendable {
    /// Whether every region was examined (false: stopped at the limit, or at the first two
    /// different maps, which is enough to refute affinity).
    public let complete: Bool
    /// Whether the enumeration stopped at `maxRegions`.
    public let hitLimit: Bool
    /// The limit in force.
    public let maxRegions: Int
    /// Regions examined, all dimensions.
    public let regionsExamined: Int
    /// Full-dimensional regions examined.
    public let fullDimensionalRegions: Int
    /// Exact linear programs solved.
    public let linearPrograms: Int
    /// The examined regions, in order, up to `keptLimit` of them (for the case analysis).
    public let regions: [LinearRegion]
    /// When the network is affine: the one map of every region.
    public let commonMap: AffineMap<Rational>?
    /// When it is not: two regions whose maps differ (the second may be lower-dimensional).
    public let differing: [LinearRegion]
    /// Whether the enumeration decided the verdict (or stopped it at the limit). False when
    /// the regions only illustrate a verdict already decided by an exact witness found by
    /// the witness search (for the case analysis of the derivation).
    public let decidesVerdict: Bool

    init(complete: Bool, hitLimit: Bool, maxRegions: Int, regionsExamined: Int, fullDimensionalRegions: Int,
         linearPrograms: Int, regions: [LinearRegion], commonMap: AffineMap<Rational>?, differing: [LinearRegion],
         decidesVerdict: Bool = true) {
        self.complete = complete
        self.hitLimit = hitLimit
        self.maxRegions = maxRegions
        self.regionsExamined = regionsExamined
        self.fullDimensionalRegions = fullDimensionalRegions
        self.linearPrograms = linearPrograms
        self.regions = regions
        self.commonMap = commonMap
        self.differing = differing
        self.decidesVerdict = decidesVerdict
    }

    /// The most regions kept in `regions`.
    public static let keptLimit = 64
}

/// The complete decision for numeric piecewise-linear networks: F is affine exactly when
/// every region carries the same affine map (lower-dimensional regions: the same map on
/// their affine hull).
enum RegionDecision {
    static func decide(_ network: Network, findings: [LayerFinding], options: AnalysisOptions) -> Analysis? {
        let n = network.inputDimension
        var first: LinearRegion? = nil
        var pending = [LinearRegion]()
        var badLower: LinearRegion? = nil
        var differing: (LinearRegion, LinearRegion)? = nil
        var kept = [LinearRegion]()
        var enumeration = RegionEnumerationOptions(maxRegions: options.maxRegions, progress: options.progress, progressInterval: 5000)
        enumeration.deadline = options.deadline
        guard let summary = RegionEnumerator.enumerate(network, options: enumeration, visit: { region in
            if kept.count < RegionAnalysis.keptLimit { kept.append(region) }
            if region.dimension == n {
                guard let reference = first else {
                    first = region
                    badLower = pending.first { !agrees(region.map, with: $0) }
                    pending = []
                    return true
                }
                if region.map != reference.map {
                    differing = (reference, region)
                    return false
                }
            } else if badLower == nil {
                if let reference = first {
                    if !agrees(reference.map, with: region) { badLower = region }
                } else {
                    pending.append(region)
                }
            }
            return true
        }) else { return nil }

        let facts = { (differ: [LinearRegion], common: AffineMap<Rational>?) in
            RegionAnalysis(complete: summary.complete, hitLimit: summary.hitLimit, maxRegions: options.maxRegions,
                           regionsExamined: summary.progress.regions, fullDimensionalRegions: summary.progress.fullDimensional,
                           linearPrograms: summary.progress.linearPrograms, regions: kept, commonMap: common, differing: differ)
        }
        if let (a, b) = differing {
            return refuted(network, findings: findings, options: options, a: a, b: b, facts: facts([a, b], nil))
        }
        if summary.timedOut, badLower == nil, let deadline = options.deadline {
            var result = Analyzer.undecided(network, findings: findings,
                reason: "\(deadline.phrase) ran out during the region enumeration after \(plural(summary.progress.regions, "region")) (\(summary.progress.fullDimensional) full-dimensional, all carrying the same affine map) and \(plural(summary.progress.linearPrograms, "linear program")), with no exact witness of non-affinity; allow more time to decide")
            result.regions = facts([], nil)
            return result
        }
        if summary.hitLimit {
            var result = Analyzer.undecided(network, findings: findings,
                reason: "the region enumeration stopped at the limit of \(plural(options.maxRegions, "region")) (--max-regions) with \(plural(summary.progress.fullDimensional, "full-dimensional region")) all carrying the same affine map and no exact witness of non-affinity; raise the limit to decide")
            result.regions = facts([], nil)
            return result
        }
        guard let reference = first else { return nil }
        if let lower = badLower {
            return refuted(network, findings: findings, options: options, a: reference, b: lower, facts: facts([reference, lower], nil))
        }
        var result = Analyzer.collapsed(network, findings: findings, map: .numeric(reference.map), folded: [], polynomialOutputs: nil)
        result.regions = facts([], reference.map)
        return result
    }

    /// Largest networks (inputs, piecewise-linear units) whose regions illustrate a verdict
    /// found by the witness search.
    static let illustrationInputs = 8
    static let illustrationUnits = 64

    /// The regions of a small numeric piecewise-linear network whose non-affinity the witness
    /// search already proved: up to `RegionAnalysis.keptLimit` of them, and two with
    /// different maps, for the case analysis of the derivation. Nil for large networks or
    /// when no two regions with different maps turn up within the limit.
    static func illustrate(_ network: Network, options: AnalysisOptions) -> RegionAnalysis? {
        let units = network.layers.reduce(0) { acc, layer in
            acc + ((layer.activation.pieces?.count ?? 0) > 1 ? (layer.dense?.outputDimension ?? 0) : 0)
        }
        guard network.inputDimension <= illustrationInputs, units <= illustrationUnits else { return nil }
        let limit = min(options.maxRegions, RegionAnalysis.keptLimit)
        var enumeration = RegionEnumerationOptions(maxRegions: limit)
        enumeration.deadline = options.deadline
        guard let (regions, summary) = RegionEnumerator.regions(network, options: enumeration) else {
            return nil
        }
        let full = regions.filter { $0.dimension == network.inputDimension }
        guard let reference = full.first else { return nil }
        let other = full.first { $0.map != reference.map } ?? regions.first { !agrees(reference.map, with: $0) }
        guard let other else { return nil }
        return RegionAnalysis(complete: summary.complete, hitLimit: summary.hitLimit, maxRegions: limit,
                              regionsExamined: summary.progress.regions, fullDimensionalRegions: summary.progress.fullDimensional,
                              linearPrograms: summary.progress.linearPrograms, regions: regions, commonMap: nil,
                              differing: [reference, other], decidesVerdict: false)
    }

    /// Whether `map` equals the region's map on the region's affine hull.
    static func agrees(_ map: AffineMap<Rational>, with region: LinearRegion) -> Bool {
        guard region.map.apply(region.point) == map.apply(region.point) else { return false }
        let equalities = region.constraints.filter { $0.relation == .equal }.map(\.coefficients)
        let directions = equalities.isEmpty
            ? Matrix<Rational>.identity(region.point.count).rowArrays
            : Matrix<Rational>(rows: equalities).nullSpaceBasis()
        return directions.allSatisfy { v in region.map.weights.applied(to: v) == map.weights.applied(to: v) }
    }

    /// The not-affine analysis from two regions with different maps, with an exact witness.
    static func refuted(_ network: Network, findings: [LayerFinding], options: AnalysisOptions,
                        a: LinearRegion, b: LinearRegion, facts: RegionAnalysis) -> Analysis? {
        var search = WitnessSearch(network: network, precision: options.precision, seed: options.seed, budget: 4000)
        guard let affinity = WitnessConstruction.affinityWitness(network, a: a, b: b)
                ?? WitnessConstruction.fromKept(network, facts.regions)
                ?? search.affinityWitness() else {
            var result = Analyzer.undecided(network, findings: findings,
                reason: "regions \(a.pattern) and \(b.pattern) carry different affine maps, so F is not affine, but no exact witness of the identity F(x+y) + F(0) = F(x) + F(y) was constructed")
            result.regions = facts
            return result
        }
        let additivity = search.additivityWitness(after: affinity)
        let homogeneity = search.homogeneityWitness(after: affinity)
        let lhs = affinity.lhs.map { $0.humanText() }.joined(separator: ", ")
        let rhs = affinity.rhs.map { $0.humanText() }.joined(separator: ", ")
        let where_ = b.dimension == a.dimension ? "" : " (a \(b.dimension)-dimensional region where a unit sits on a jump)"
        let reason = "F is piecewise linear and not one affine map: on the region with pattern \(a.pattern) (around x = \(vectorText(a.point))) F(x) = \(mapText(a.map)), but on the region with pattern \(b.pattern)\(where_) (around x = \(vectorText(b.point))) F(x) = \(mapText(b.map)); exact witness: F(x+y) + F(0) = \(lhs) but F(x) + F(y) = \(rhs)"
        var result = Analysis(network: network, verdict: .notAffine, reason: reason, collapsed: nil, rank: nil,
                              additivity: IdentityCheck(identity: .additivity, holds: additivity == nil ? nil : false, witness: additivity, residual: nil),
                              homogeneity: IdentityCheck(identity: .homogeneity, holds: homogeneity == nil ? nil : false, witness: homogeneity, residual: nil),
                              affinity: IdentityCheck(identity: .affinity, holds: false, witness: affinity, residual: nil),
                              linearIf: nil, affineIf: nil, layerFindings: findings, foldedLayers: [], polynomialOutputs: nil)
        result.regions = facts
        return result
    }
}

/// `1 region`, `3 regions`.
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// `(1/2, -3)`.
func vectorText(_ v: [Rational]) -> String {
    "(" + v.map(\.description).joined(separator: ", ") + ")"
}

/// `W x + b` as `[[1, 0], [0, 1]] x + [0, 0]`.
func mapText(_ m: AffineMap<Rational>) -> String {
    "\(m.weights) x + [\(m.bias.map(\.description).joined(separator: ", "))]"
}
