public import ExactNumbers
public import Algebra
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
    /// The examined regions, in order, up to `AnalysisOptions.keptRegions` of them (for the case analysis).
    public let regions: [LinearRegion]
    /// When the network is affine: the one map of every region.
    public let commonMap: AffineMap<Rational>?
    /// When it is not: two regions whose maps differ (the second may be lower-dimensional).
    public let differing: [LinearRegion]
    /// Whether the enumeration decided the verdict (or stopped it at the limit). False when
    /// the regions only illustrate a verdict already decided by an exact witness found by
    /// the witness search (for the case analysis of the derivation).
    public let decidesVerdict: Bool
    /// With `AnalysisOptions.regionCertificates`: a Farkas certificate for every activation
    /// pattern the enumeration proved empty (its pruned branches).
    /// Nil when not requested.
    public internal(set) var certificates: [EmptyPatternCertificate]? = nil

    init(
        complete: Bool, hitLimit: Bool, maxRegions: Int, regionsExamined: Int, fullDimensionalRegions: Int,
        linearPrograms: Int, regions: [LinearRegion], commonMap: AffineMap<Rational>?, differing: [LinearRegion],
        decidesVerdict: Bool = true
    ) {
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

}

/// The complete decision for numeric piecewise-linear networks: F is affine exactly when
/// every region carries the same affine map (lower-dimensional regions: the same map on
/// their affine hull).
enum RegionDecision {
    static func decide(_ context: DecisionContext) -> Conclusion? {
        let network = context.network, options = context.options
        let n = network.inputDimension
        var first: LinearRegion? = nil
        var pending = [LinearRegion]()
        var badLower: LinearRegion? = nil
        var differing: (LinearRegion, LinearRegion)? = nil
        var kept = [LinearRegion]()
        var enumeration = RegionEnumerationOptions(
            maxRegions: options.maxRegions, progress: options.progress,
            progressInterval: options.progressInterval)
        enumeration.deadline = options.deadline
        enumeration.collectCertificates = options.regionCertificates
        guard
            let summary = RegionEnumerator.enumerate(
                network, options: enumeration,
                visit: { region in
                    if kept.count < options.keptRegions { kept.append(region) }
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
                })
        else { return nil }

        let facts = { (differ: [LinearRegion], common: AffineMap<Rational>?) in
            var facts = RegionAnalysis(
                complete: summary.complete, hitLimit: summary.hitLimit, maxRegions: options.maxRegions,
                regionsExamined: summary.progress.regions, fullDimensionalRegions: summary.progress.fullDimensional,
                linearPrograms: summary.progress.linearPrograms, regions: kept, commonMap: common, differing: differ)
            if options.regionCertificates { facts.certificates = summary.certificates }
            return facts
        }
        if let (a, b) = differing {
            return refuted(context, a: a, b: b, facts: facts([a, b], nil))
        }
        if summary.timedOut, badLower == nil, let deadline = options.deadline {
            return .undecided(
                .resourceLimit(.timedOut(seconds: deadline.seconds, during: .regionEnumeration(facts([], nil)))))
        }
        if summary.hitLimit {
            return .undecided(.regionLimit(regions: facts([], nil)))
        }
        guard let reference = first else { return nil }
        if let lower = badLower {
            return refuted(context, a: reference, b: lower, facts: facts([reference, lower], nil))
        }
        return .collapses(.numeric(reference.map), .regionDecision(regions: facts([], reference.map)))
    }

    /// The regions of a small numeric piecewise-linear network whose non-affinity the witness
    /// search already proved: up to `options.keptRegions` of them, and two with different
    /// maps, for the case analysis of the derivation. Nil for networks larger than the
    /// policy's illustration limits or when no two regions with different maps turn up
    /// within the limit.
    static func illustrate(_ network: Network, options: AnalysisOptions) -> RegionAnalysis? {
        let units = network.layers.reduce(0) { acc, layer in
            acc + ((layer.activation.pieces?.count ?? 0) > 1 ? (layer.dense?.outputDimension ?? 0) : 0)
        }
        guard network.inputDimension <= options.illustrationInputs, units <= options.illustrationUnits else {
            return nil
        }
        let limit = min(options.maxRegions, options.keptRegions)
        var enumeration = RegionEnumerationOptions(maxRegions: limit)
        enumeration.deadline = options.deadline
        guard let (regions, summary) = RegionEnumerator.regions(network, options: enumeration) else {
            return nil
        }
        let full = regions.filter { $0.dimension == network.inputDimension }
        guard let reference = full.first else { return nil }
        let other = full.first { $0.map != reference.map } ?? regions.first { !agrees(reference.map, with: $0) }
        guard let other else { return nil }
        return RegionAnalysis(
            complete: summary.complete, hitLimit: summary.hitLimit, maxRegions: limit,
            regionsExamined: summary.progress.regions, fullDimensionalRegions: summary.progress.fullDimensional,
            linearPrograms: summary.progress.linearPrograms, regions: regions, commonMap: nil,
            differing: [reference, other], decidesVerdict: false)
    }

    /// Whether `map` equals the region's map on the region's affine hull.
    static func agrees(_ map: AffineMap<Rational>, with region: LinearRegion) -> Bool {
        guard region.map.apply(region.point) == map.apply(region.point) else { return false }
        let equalities = region.constraints.filter { $0.relation == .equal }.map(\.coefficients)
        let directions =
            equalities.isEmpty
            ? Matrix<Rational>.identity(region.point.count).rowArrays
            : Matrix<Rational>(rows: equalities).nullSpaceBasis()
        return directions.allSatisfy { v in region.map.weights.applied(to: v) == map.weights.applied(to: v) }
    }

    /// The refutation from two regions with different maps, with an exact witness built from
    /// them (or found by a witness search over the shared cache).
    static func refuted(_ context: DecisionContext, a: LinearRegion, b: LinearRegion, facts: RegionAnalysis)
        -> Conclusion
    {
        let network = context.network
        var search = context.witnessSearch()
        guard
            let affinity = WitnessConstruction.affinityWitness(network, a: a, b: b)
                ?? WitnessConstruction.fromKept(network, facts.regions)
                ?? search.affinityWitness()
        else {
            return .undecided(.regionsDifferWithoutWitness(a: a, b: b, regions: facts))
        }
        let additivity = search.additivityWitness(after: affinity)
        let homogeneity = search.homogeneityWitness(after: affinity)
        return .refuted(
            affinity: affinity, additivity: additivity, homogeneity: homogeneity,
            .regionWitness(a: a, b: b, regions: facts))
    }
}

extension RegionDecision {
    /// The region decision alone, as an analysis (nil when it does not apply): for tests and
    /// benchmarks that compare it with the whole pipeline.
    static func analysis(_ network: Network, options: AnalysisOptions = AnalysisOptions()) -> Analysis? {
        let context = DecisionContext(network: network, options: options)
        return decide(context).map { Analyzer.make($0, context: context) }
    }
}
