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
        writer.endObject()
    }
}
