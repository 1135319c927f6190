import Collapse
import Algebra

extension JSONReport {
    /// The extension key `jacobian`: ∂F/∂x = W' (rows, as in `collapsed.weights`) when the
    /// network collapses (on a domain: at every interior point of a full-dimensional D),
    /// null otherwise (`Jacobian.of`). Streamed entry by entry like `collapsed.weights`
    /// (building every entry's string first held 120 MB for a 1024 × 1024 W').
    static func jacobianExtension(_ analysis: Analysis, into writer: inout JSONWriter) {
        writer.key("jacobian")
        guard let map = Jacobian.of(analysis) else { return writer.null() }
        switch map {
        case .numeric(let affine): writer.matrix(affine.weights)
        case .symbolic(let affine): writer.matrix(affine.weights)
        }
    }
}
