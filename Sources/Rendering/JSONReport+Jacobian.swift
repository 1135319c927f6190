import Collapse

extension JSONReport {
    /// The extension key `jacobian`: ∂F/∂x = W' (rows, as in `collapsed.weights`) when the
    /// network collapses (on a domain: at every interior point of a full-dimensional D),
    /// null otherwise (`Jacobian.of`).
    static func jacobianExtension(_ analysis: Analysis, into writer: inout JSONWriter) {
        writer.key("jacobian")
        guard let map = Jacobian.of(analysis) else { return writer.null() }
        writer.beginArray()
        for row in map.weightTexts { writer.strings(row) }
        writer.endArray()
    }
}
