public import ExactNumbers
public import NetworkModel

/// What a `--figures` picture draws, computed in Collapse so that the LaTeX document only
/// typesets it: the linear regions of F inside the plot's box, and the listing that numbers
/// them (the case analysis's regions when the document has one, else the regions as
/// `prove-collapse regions` lists them).
///
/// The box is the domain's box where it is bounded, else [−2, 2] per input; the regions inside
/// it are enumerated exactly with the box's strict constraints (and the domain's) added.
public enum FigureRegions: Sendable {
    /// No picture: pictures are drawn for one input (the graph of F) or two (the regions).
    case unsupportedInputs(Int)
    /// No picture: the regions need numeric weights and piecewise-linear activations.
    case notPiecewiseLinear
    /// No picture: the box holds more than `limit` regions.
    case tooManyRegions(limit: Int)
    /// The regions in `box`, numbered by `numbers` (one per region of `inBox`, as
    /// `FigureRegions.numbers(listing:inBox:)` gives them); `fromCaseAnalysis` says whether the
    /// numbering is the case analysis's.
    case regions(inBox: [LinearRegion], numbers: [Int], box: PlotBox, fromCaseAnalysis: Bool)

    /// The picture of `network` (the network the derivation is about) for `analysis`, with at
    /// most `limit` regions enumerated in its box.
    public init(network: Network, analysis: Analysis, limit: Int) {
        let n = network.inputDimension
        guard n == 1 || n == 2 else {
            self = .unsupportedInputs(n)
            return
        }
        guard RegionEnumerator.supports(network) else {
            self = .notPiecewiseLinear
            return
        }
        let box = PlotBox(network)
        let domain = network.domain.flatMap { DomainGeometry($0, inputDimension: n) }?.constraints ?? []
        let inBoxOptions = RegionEnumerationOptions(maxRegions: limit, domain: box.constraints(inputs: n) + domain)
        guard let (inBox, summary) = RegionEnumerator.regions(network, options: inBoxOptions), summary.complete else {
            self = .tooManyRegions(limit: limit)
            return
        }
        let caseAnalysis = analysis.regions.map { !$0.regions.isEmpty } ?? false
        let listing =
            caseAnalysis
            ? analysis.regions!.regions
            : (RegionEnumerator.regions(network, options: RegionEnumerationOptions(maxRegions: limit, domain: domain))?
                .regions ?? [])
        self = .regions(
            inBox: inBox, numbers: Self.numbers(listing: listing, inBox: inBox), box: box,
            fromCaseAnalysis: caseAnalysis)
    }

    /// The number of each region of `inBox` (regions enumerated inside the plot's box) as in
    /// `listing` (the listing's order, matched by activation pattern), and numbers after the
    /// listing's for regions it does not contain.
    public static func numbers(listing: [LinearRegion], inBox: [LinearRegion]) -> [Int] {
        var listed: [String: Int] = [:]
        for (k, region) in listing.enumerated() where listed[region.pattern.description] == nil {
            listed[region.pattern.description] = k + 1
        }
        var next = listing.count
        return inBox.map { region -> Int in
            if let k = listed[region.pattern.description] { return k }
            next += 1
            return next
        }
    }
}

/// The box of a region picture: x0 < x < x1 and, with two inputs, y0 < y < y1.
public struct PlotBox: Hashable, Sendable {
    public var x0: Rational, x1: Rational, y0: Rational, y1: Rational

    /// The given sides.
    public init(x0: Rational, x1: Rational, y0: Rational, y1: Rational) {
        (self.x0, self.x1, self.y0, self.y1) = (x0, x1, y0, y1)
    }

    /// The domain's box of `network` where both ends of a side are finite and lo < hi, else
    /// [−2, 2] for that side.
    public init(_ network: Network) {
        let box = network.domain?.box ?? []
        func side(_ i: Int) -> (Rational, Rational) {
            guard i < box.count, let lo = box[i].lo, let hi = box[i].hi, lo < hi else {
                return (Rational(-2), Rational(2))
            }
            return (lo, hi)
        }
        let (x0, x1) = side(0), (y0, y1) = side(1)
        self.init(x0: x0, x1: x1, y0: y0, y1: y1)
    }

    /// The box's strict constraints over `inputs` (1 or 2) inputs.
    public func constraints(inputs: Int) -> [LinearConstraint] {
        inputs == 1
            ? [LinearConstraint([1], .less, x1), LinearConstraint([-1], .less, -x0)]
            : [
                LinearConstraint([1, 0], .less, x1), LinearConstraint([-1, 0], .less, -x0),
                LinearConstraint([0, 1], .less, y1), LinearConstraint([0, -1], .less, -y0),
            ]
    }
}
