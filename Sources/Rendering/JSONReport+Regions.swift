import Collapse

extension JSONReport {
    /// The extension key `regions` when the verdict was decided (or left unknown at the
    /// limit) by enumerating the linear regions: `{"count": regions examined (all
    /// dimensions), "full_dimensional": linear regions among them, "complete": whether every
    /// region was examined, "linear_programs": exact linear programs solved}`. Writes nothing
    /// otherwise.
    static func regionsExtension(_ analysis: Analysis, into writer: inout JSONWriter) {
        guard let facts = analysis.regions, facts.decidesVerdict else { return }
        writer.key("regions")
        writer.beginObject()
        writer.key("count"); writer.int(facts.regionsExamined)
        writer.key("full_dimensional"); writer.int(facts.fullDimensionalRegions)
        writer.key("complete"); writer.bool(facts.complete)
        writer.key("linear_programs"); writer.int(facts.linearPrograms)
        if let certificates = facts.certificates { regionCertificates(certificates, into: &writer) }
        writer.endObject()
    }
}

extension JSONReport {
    /// `"certificates": [{"pattern": ["+-", "0"], "constraints": [{"coefficients": [...],
    /// "relation": "<", "bound": "..."}], "multipliers": [...]}]`: the activation patterns
    /// (per layer, the units fixed so far) the enumeration proved empty, each with the
    /// conditions it collected and the Farkas multipliers that add them up to 0 < 0 or
    /// 0 ≤ −c. Written inside `regions` when the analysis kept them.
    static func regionCertificates(_ certificates: [EmptyPatternCertificate], into writer: inout JSONWriter) {
        writer.key("certificates")
        writer.beginArray()
        for empty in certificates {
            writer.beginObject()
            writer.key("pattern"); writer.strings(empty.symbols)
            writer.key("constraints")
            writer.beginArray()
            for c in empty.certificate.constraints {
                writer.beginObject()
                writer.key("coefficients"); writer.rationals(c.coefficients)
                writer.key("relation"); writer.string(c.relation.rawValue)
                writer.key("bound"); writer.rational(c.bound)
                writer.endObject()
            }
            writer.endArray()
            writer.key("multipliers"); writer.rationals(empty.certificate.multipliers)
            writer.endObject()
        }
        writer.endArray()
    }
}
