import ExactNumbers
public import NetworkModel
import Collapse

extension TextReport {
    /// `domain: x1 ∈ [0, 1], x2 ∈ [-1/2, +∞); x1 + x2 <= 1 — the verdict is about F on this
    /// domain (...)`, or nil without a domain.
    static func domainLine(_ analysis: Analysis) -> String? {
        guard let domain = analysis.network.domain else { return nil }
        var line = "domain: " + domainText(domain, names: analysis.network.inputNames)
        line += " — the verdict is about F on this domain D"
        guard let findings = analysis.domainFindings else { return line }
        var notes = [String]()
        switch findings.method {
        case .stableUnits:
            notes.append(
                "exact bound propagation: all \(findings.stableUnits ?? 0) piecewise-linear unit\(findings.stableUnits == 1 ? " is" : "s are") stable on D"
            )
        case .regions:
            notes.append(
                "linear regions enumerated inside D (\(findings.stableUnits ?? 0) stable, \(findings.unstableUnits ?? 0) unstable unit\(findings.unstableUnits == 1 ? "" : "s") by exact bound propagation)"
            )
        case .wholeSpace: notes.append("F is affine on the whole space, so on D")
        case .simplifiedOnDomain:
            notes.append(
                "units stable on D (exact bound propagation) act as their piece; the network so simplified equals F on D and is affine"
            )
        case .polynomialOnAffineHull:
            notes.append(
                "F is a polynomial map; written in coordinates of D's affine hull it has no term of degree ≥ 2, so it is affine on D"
            )
        case .witnessSearch: notes.append("refuted by an exact witness inside D")
        case .undecided: break
        }
        if findings.dimension < findings.inputDimension && findings.dimension >= 0 {
            notes.append(
                "D is \(findings.dimension)-dimensional, so W' and b' are not unique; shown: F's own map on D"
                    + (findings.biasFolded ? " with its bias folded into W' (D's affine hull misses 0)" : ""))
        }
        return notes.isEmpty ? line : line + "; " + notes.joined(separator: "; ")
    }

    /// `x1 ∈ [0, 1], x2 ∈ (-∞, 2]; x1 + x2 <= 1` (unbounded inputs omitted; `all of R^n` when
    /// nothing bounds D).
    public static func domainText(_ domain: InputDomain, names: [String]) -> String {
        var parts = [String]()
        for (interval, name) in zip(domain.box, names) where interval.lo != nil || interval.hi != nil {
            let lo = interval.lo.map { "[\($0)" } ?? "(-∞"
            let hi = interval.hi.map { "\($0)]" } ?? "+∞)"
            parts.append("\(name) ∈ \(lo), \(hi)")
        }
        var text = parts.isEmpty ? "" : parts.joined(separator: ", ")
        if !domain.constraints.isEmpty {
            text += (text.isEmpty ? "" : "; ") + domain.constraints.map(\.text).joined(separator: ", ")
        }
        return text.isEmpty ? "all of R^\(domain.box.count)" : text
    }
}
