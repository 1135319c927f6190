import ExactNumbers
import Algebra
public import NetworkModel
public import Collapse

/// Listings of linear regions (`prove-collapse regions`, `prove-collapse local`): pure
/// functions from regions to text or JSON.
public enum RegionsReport {
    /// Counts of a listing.
    public struct Counts: Sendable {
        /// Full-dimensional regions (the linear regions).
        public var full: Int
        /// Lower-dimensional regions (where a jumping unit sits on its breakpoint).
        public var lower: Int
        /// Distinct affine maps among all regions.
        public var distinctMaps: Int
        /// Exact linear programs solved.
        public var linearPrograms: Int
        /// Whether the enumeration finished (false: stopped at --max-regions).
        public var complete: Bool

        /// Creates counts.
        public init(full: Int, lower: Int, distinctMaps: Int, linearPrograms: Int, complete: Bool) {
            self.full = full
            self.lower = lower
            self.distinctMaps = distinctMaps
            self.linearPrograms = linearPrograms
            self.complete = complete
        }
    }

    /// The counts of a list of regions.
    public static func counts(_ regions: [LinearRegion], summary: RegionEnumerationSummary) -> Counts {
        Counts(
            full: regions.filter(\.isFullDimensional).count, lower: regions.filter { !$0.isFullDimensional }.count,
            distinctMaps: Set(regions.map(\.map)).count, linearPrograms: summary.progress.linearPrograms,
            complete: summary.complete)
    }

    /// The text listing; with `countOnly`, just the counts.
    public static func text(network: Network, regions: [LinearRegion], counts: Counts, countOnly: Bool, maxRegions: Int)
        -> String
    {
        var out = ""
        let name = network.name.map { "\($0): " } ?? ""
        let bound = counts.complete ? "" : "at least "
        out += "\(name)\(bound)\(counts.full) linear region\(counts.full == 1 ? "" : "s")"
        if counts.lower > 0 {
            out +=
                " and \(counts.lower) lower-dimensional region\(counts.lower == 1 ? "" : "s") (on the jumps of step/sign)"
        }
        out +=
            "; \(counts.distinctMaps) distinct affine map\(counts.distinctMaps == 1 ? "" : "s"); \(counts.linearPrograms) exact linear programs\n"
        if let line = domainLine(network, what: "the regions are those of F restricted to D") { out += line }
        if !counts.complete {
            out += "stopped at the limit of \(maxRegions) regions (--max-regions): the list is incomplete\n"
        }
        if countOnly { return out }
        let names = network.inputNames
        if !regions.isEmpty { out += patternLegend(network) }
        for (k, region) in regions.enumerated() {
            out +=
                "\nregion \(k + 1)\(region.isFullDimensional ? "" : " (dimension \(region.dimension))"): pattern \(region.pattern)\n"
            out += "  point:  (\(region.point.map(\.description).joined(separator: ", ")))\n"
            out += "  map:    " + mapLines(region.map, names: names).joined(separator: "\n          ") + "\n"
            out += "  jacobian: " + jacobianText(region) + "\n"
            if region.constraints.isEmpty {
                out += "  where:  everywhere\n"
            } else {
                out +=
                    "  where:  " + region.constraints.map { $0.text(names: names) }.joined(separator: "\n          ")
                    + "\n"
            }
        }
        return out
    }

    /// What the letters of a pattern mean for this network's activations: one letter per unit,
    /// layers separated by `|`, each letter the piece of the activation the unit's
    /// pre-activation t is on. Empty when no layer bends.
    public static func patternLegend(_ network: Network) -> String {
        var seen: [String] = []
        var lines: [String] = []
        for layer in network.layers {
            let name = layer.activation.name
            guard let pieces = layer.activation.pieces, pieces.count > 1, !seen.contains(name) else { continue }
            seen.append(name)
            let meanings = pieces.map { piece -> String in
                let t: String
                if piece.isBreakpoint {
                    t = "t = \(piece.lower!)"
                } else if let lo = piece.lower, let hi = piece.upper {
                    t = "\(lo) < t < \(hi)"
                } else if let lo = piece.lower {
                    t = "t > \(lo)"
                } else if let hi = piece.upper {
                    t = "t < \(hi)"
                } else {
                    t = "any t"
                }
                return "'\(piece.symbol)' for \(t)"
            }
            lines.append("  \(name): " + meanings.joined(separator: ", "))
        }
        guard !lines.isEmpty else { return "" }
        return "pattern letters: one per unit, layer by layer (| between layers), for the unit's pre-activation t:\n"
            + lines.joined(separator: "\n") + "\n"
    }

    /// `y1 = 2*x1 - x2 + 1/2`, one line per output.
    static func mapLines(_ map: AffineMap<Rational>, names: [String]) -> [String] {
        (0..<map.outputDimension).map { i in
            let row = LinearConstraint(map.weights.rowArray(i), .equal, .zero).text(names: names)
            var lhs = String(row.dropLast(4))  // drop " = 0"
            let b = map.bias[i]
            if !b.isZero { lhs = lhs == "0" ? b.description : lhs + (b.signum < 0 ? " - \(b.magnitude)" : " + \(b)") }
            return "y\(i + 1) = \(lhs)"
        }
    }

    /// The JSON listing: `{"network", "input_dim", "output_dim", "complete", "linear_regions",
    /// "lower_dimensional_regions", "distinct_maps", "linear_programs", "domain", "regions":
    /// [{"pattern", "dimension", "point", "weights", "bias", "jacobian", "constraints":
    /// [{"coefficients", "relation", "bound"}]}]}` (regions omitted with `countOnly`; `jacobian`
    /// is ∂F/∂x on a full-dimensional region, null on a lower-dimensional one; `domain` as in
    /// the analysis report, or null). Rationals are strings.
    public static func json(network: Network, regions: [LinearRegion], counts: Counts, countOnly: Bool) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("network"); w.optionalString(network.name)
        w.key("input_dim"); w.int(network.inputDimension)
        w.key("output_dim"); w.int(network.outputDimension)
        w.key("complete"); w.bool(counts.complete)
        w.key("linear_regions"); w.int(counts.full)
        w.key("lower_dimensional_regions"); w.int(counts.lower)
        w.key("distinct_maps"); w.int(counts.distinctMaps)
        w.key("linear_programs"); w.int(counts.linearPrograms)
        w.key("domain"); domainValue(network, into: &w)
        if !countOnly {
            w.key("regions")
            w.beginArray()
            for region in regions { writeRegion(&w, region) }
            w.endArray()
        }
        w.endObject()
        return w.finish()
    }

    static func writeRegion(_ w: inout JSONWriter, _ region: LinearRegion, domainOf network: Network? = nil) {
        w.beginObject()
        w.key("pattern"); w.strings(region.pattern.symbols.filter { !$0.isEmpty })
        w.key("dimension"); w.int(region.dimension)
        w.key("point"); w.rationals(region.point)
        w.key("weights"); w.matrix(region.map.weights)
        w.key("bias"); w.rationals(region.map.bias)
        w.key("jacobian")
        if let j = Jacobian.on(region) { w.matrix(j) } else { w.null() }
        w.key("constraints")
        w.beginArray()
        for c in region.constraints {
            w.beginObject()
            w.key("coefficients"); w.rationals(c.coefficients)
            w.key("relation"); w.string(c.relation.rawValue)
            w.key("bound"); w.rational(c.bound)
            w.endObject()
        }
        w.endArray()
        if let network { w.key("domain"); domainValue(network, into: &w) }
        w.endObject()
    }

    /// `prove-collapse local`: the map around x and its region, for a person.
    public static func localText(network: Network, region: LinearRegion) -> String {
        let names = network.inputNames
        var out = "at x = (\(region.point.map(\.description).joined(separator: ", "))): pattern \(region.pattern)\n"
        if let line = domainLine(network, what: "x lies in D, and the region is cut to D") { out += line }
        out += patternLegend(network)
        if region.isFullDimensional {
            out += "around x, F is exactly the affine map\n"
        } else {
            out +=
                "x lies on a breakpoint: the map below holds on the \(region.dimension)-dimensional region through x (the equalities), not on a neighbourhood of x\n"
        }
        out += "  " + mapLines(region.map, names: names).joined(separator: "\n  ") + "\n"
        out +=
            region.isFullDimensional
            ? "Jacobian at x: ∂F/∂x = \(jacobianText(region)) (the matrix of the map: the gradient of output i is row i)\n"
            : "Jacobian at x: not given (x lies on a breakpoint, where F need not be differentiable)\n"
        out += "on the region\n"
        out +=
            region.constraints.isEmpty
            ? "  (all inputs)\n" : region.constraints.map { "  " + $0.text(names: names) + "\n" }.joined()
        return out
    }

    /// `prove-collapse local --format json`: `{"point", "dimension", "pattern", "weights",
    /// "bias", "jacobian", "constraints", "domain"}` (`domain` as in the analysis report, or null).
    public static func localJSON(network: Network, region: LinearRegion) -> String {
        var w = JSONWriter()
        writeRegion(&w, region, domainOf: network)
        return w.finish()
    }
}

extension RegionsReport {
    /// ∂F/∂x on a region as `[[2, 0], [0, 1]]` (rows: outputs), or why there is none: a
    /// lower-dimensional region lies on a breakpoint (`Jacobian.on`).
    static func jacobianText(_ region: LinearRegion) -> String {
        guard let j = Jacobian.on(region) else { return "none (the region lies on a breakpoint)" }
        return "["
            + (0..<j.rows).map { i in "[" + j.rowArray(i).map(\.description).joined(separator: ", ") + "]" }.joined(
                separator: ", ") + "]"
    }
}

extension RegionsReport {
    /// `domain: x1 ∈ [0, 1]; ... — <what>` with a newline, or nil without a domain.
    static func domainLine(_ network: Network, what: String) -> String? {
        guard let domain = network.domain else { return nil }
        return "domain: " + TextReport.domainText(domain, names: network.inputNames) + " — " + what + "\n"
    }

    /// The domain as read (`JSONReport.domainObject`), or null.
    static func domainValue(_ network: Network, into w: inout JSONWriter) {
        if let domain = network.domain { JSONReport.domainObject(domain, into: &w) } else { w.null() }
    }
}
