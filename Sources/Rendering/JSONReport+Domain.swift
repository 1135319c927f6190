import ExactNumbers
import NetworkModel
import Collapse

extension JSONReport {
    /// `"domain"` (contract §5): the domain as read, `{"box": [["lo", "hi"], ...],
    /// "constraints": ["x1 + x2 <= 1", ...]}` with the box in input order, rationals as
    /// strings and `null` for an unbounded end; `null` when the analysis is about the whole
    /// space. With a domain, the extension `"domain_analysis"` follows: `method`
    /// (`stable-units`, `regions`, `whole-space`, `simplified-on-domain`, `witness-search`, `undecided`), `dimension`
    /// (of D's affine hull), `stable_units` / `unstable_units` (piecewise-linear units, from
    /// exact bound propagation, when computed), `map_unique` (false on a lower-dimensional D,
    /// where any map agreeing on D's affine hull would do) and `bias_folded` (the bias of F's
    /// map on D folded into W', possible when D's affine hull misses the origin).
    static func domainExtension(_ analysis: Analysis, into writer: inout JSONWriter) {
        writer.key("domain")
        guard let domain = analysis.network.domain else {
            writer.null()
            return
        }
        domainObject(domain, into: &writer)
        guard let findings = analysis.domainFindings else { return }
        writer.key("domain_analysis")
        writer.beginObject()
        writer.key("method"); writer.string(findings.method.rawValue)
        writer.key("dimension"); writer.int(findings.dimension)
        writer.key("stable_units"); writer.optionalInt(findings.stableUnits)
        writer.key("unstable_units"); writer.optionalInt(findings.unstableUnits)
        writer.key("map_unique"); writer.bool(findings.mapIsUnique)
        writer.key("bias_folded"); writer.bool(findings.biasFolded)
        writer.endObject()
    }

    /// `{"box": [...], "constraints": [...]}`.
    static func domainObject(_ domain: InputDomain, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("box")
        writer.beginArray()
        for interval in domain.box {
            writer.beginArray()
            if let lo = interval.lo { writer.rational(lo) } else { writer.null() }
            if let hi = interval.hi { writer.rational(hi) } else { writer.null() }
            writer.endArray()
        }
        writer.endArray()
        writer.key("constraints"); writer.strings(domain.constraints.map(\.text))
        writer.endObject()
    }
}
