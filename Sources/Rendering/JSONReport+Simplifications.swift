import Collapse

extension JSONReport {
    /// The extension `"simplifications"`: the exact normalisation steps made before deciding
    /// (contract §4), each `{"layer": k, "units": [...], "kind": "...", "identity": "..."
    /// (when one justifies it), "summary": "..."}` (layers and units 1-based, as in the spec).
    /// Absent when nothing was simplified.
    static func simplificationsExtension(_ analysis: Analysis, into writer: inout JSONWriter) {
        guard let normalization = analysis.normalization, normalization.changed else { return }
        writer.key("simplifications")
        writer.beginArray()
        for step in normalization.steps {
            writer.beginObject()
            writer.key("layer"); writer.int(step.layer)
            writer.key("units")
            writer.beginArray()
            for unit in step.units { writer.int(unit) }
            writer.endArray()
            writer.key("kind"); writer.string(SimplificationText.kind(step))
            if let identity = SimplificationText.identity(step) { writer.key("identity"); writer.string(identity) }
            writer.key("summary"); writer.string(SimplificationText.sentence(step))
            writer.endObject()
        }
        writer.endArray()
    }
}
