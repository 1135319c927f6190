public import ExactNumbers
public import Algebra
import NetworkModel

/// Which piece of its activation every unit is on: one array per layer of the network
/// (empty for layers whose activation has a single piece), one piece index per unit.
public struct ActivationPattern: Hashable, Sendable, CustomStringConvertible {
    /// Per layer, per unit: the index into `Activation.pieces`.
    public let pieces: [[Int]]
    /// Per layer: the pieces' one-character labels (`+-0`), empty for unsplit layers.
    public let symbols: [String]

    /// The labels of the split layers, separated by ` | `: `+-+ | -+`.
    public var description: String {
        let shown = symbols.filter { !$0.isEmpty }
        return shown.isEmpty ? "(no piecewise-linear units)" : shown.joined(separator: " | ")
    }
}

/// A region of the input space on which the network is one affine map.
///
/// The region is relatively open: the points x with every `constraints` condition (strict
/// inequalities a·x < b and equalities a·x = b). Regions of full dimension have no
/// equalities; lower-dimensional ones arise where a unit sits exactly on a breakpoint and the
/// activation jumps there (step, sign).
public struct LinearRegion: Hashable, Sendable {
    /// The pieces the units are on throughout the region.
    public let pattern: ActivationPattern
    /// The region, as conditions on the inputs (`.less` and `.equal` only).
    public let constraints: [LinearConstraint]
    /// An exact point in the (relative) interior of the region.
    public let point: [Rational]
    /// F(x) = W·x + b for every x in the region.
    public let map: AffineMap<Rational>
    /// The dimension of the region (the input dimension minus the number of equalities).
    public let dimension: Int

    /// Whether the region is open in the input space.
    public var isFullDimensional: Bool { constraints.allSatisfy { $0.relation != .equal } }
}

/// Settings of a region enumeration.
public struct RegionEnumerationOptions: Sendable {
    /// Stop (incomplete) before visiting more regions than this.
    public var maxRegions: Int
    /// Include the breakpoint regions of every unit (the lower-dimensional pieces), not only
    /// where they can change the value (at a jump, or before a later jump).
    public var allBreakpointCells: Bool
    /// Extra conditions on the inputs (a box for a plot); empty for the whole space.
    public var domain: [LinearConstraint]
    /// Per layer, per unit: a piece the unit is known to stay on over the whole of `domain`
    /// (from `BoundPropagation`), so the enumeration neither splits nor tests it; empty: none known.
    public var stablePieces: [[Int?]] = []
    /// Called every `progressInterval` regions with the work so far.
    public var progress: (@Sendable (RegionProgress) -> Void)?
    /// Regions between two progress calls.
    public var progressInterval: Int
    /// When set, the enumeration stops (incomplete, `timedOut`) once it passes.
    public var deadline: Deadline? = nil
    /// Keep a Farkas certificate for every piece of a unit found empty on a region
    /// (`RegionEnumerationSummary.certificates`).
    public var collectCertificates = false

    /// Defaults: at most `AnalysisOptions.defaults.maxRegions` regions, the whole space, no
    /// progress reports.
    public init(
        maxRegions: Int = AnalysisOptions.defaults.maxRegions, allBreakpointCells: Bool = false,
        domain: [LinearConstraint] = [],
        progress: (@Sendable (RegionProgress) -> Void)? = nil,
        progressInterval: Int = AnalysisOptions.defaults.progressInterval
    ) {
        self.maxRegions = maxRegions
        self.allBreakpointCells = allBreakpointCells
        self.domain = domain
        self.progress = progress
        self.progressInterval = progressInterval
    }
}

/// Work done so far by a region enumeration.
public struct RegionProgress: Sendable, Hashable {
    /// Regions visited (all dimensions).
    public var regions: Int
    /// Of those, the full-dimensional ones.
    public var fullDimensional: Int
    /// Exact linear programs solved.
    public var linearPrograms: Int
}

/// How a region enumeration ended.
public struct RegionEnumerationSummary: Sendable, Hashable {
    /// The counts when it ended.
    public var progress: RegionProgress
    /// Whether every region was visited (false: stopped at `maxRegions` or by the visitor).
    public var complete: Bool
    /// Whether it stopped because `maxRegions` was reached.
    public var hitLimit: Bool
    /// Whether it stopped because the deadline passed.
    public var timedOut: Bool = false
    /// With `collectCertificates`: every activation pattern (prefix) proved empty, with its proof.
    public var certificates: [EmptyPatternCertificate] = []
}

/// An activation pattern, up to some unit, that no input satisfies: the region of its
/// prefix without the last unit, intersected with that unit's piece, is empty.
///
/// `certificate.constraints` are the conditions of the pattern (each unit's pre-activation
/// in its piece: lo < z(x) < hi, as a·x < b) that the enumeration had collected, and its
/// multipliers add them up to 0 < 0 or 0 ≤ −c.
public struct EmptyPatternCertificate: Hashable, Sendable {
    /// Per layer, the piece index of every unit fixed so far (the last layer partial).
    public let pieces: [[Int]]
    /// The same as one-character labels per layer (`+-0`, hardtanh `-m0p+`).
    public let symbols: [String]
    /// The Farkas certificate of the pattern's conditions.
    public let certificate: FarkasCertificate
}

extension LinearRegion {
    /// The same region without the conditions implied by the others (one exact linear
    /// program per condition).
    public func withoutRedundantConstraints() -> LinearRegion {
        LinearRegion(
            pattern: pattern, constraints: LinearFeasibility.irredundant(constraints, point: point),
            point: point, map: map, dimension: dimension)
    }
}
