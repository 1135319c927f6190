import Collapse
import NetworkModel

extension TextReport {
    /// `gradient: ∂F/∂x = W' at every x ...` for a collapsing network (`Jacobian.of`): the
    /// line that states the Jacobian; on a lower-dimensional domain, why there is none.
    static func jacobianLine(_ analysis: Analysis) -> String? {
        guard analysis.verdict.collapses else { return nil }
        guard Jacobian.of(analysis) != nil else {
            return
                "gradient: D is lower-dimensional, so F has no Jacobian as a function on D (only W' along D's directions is determined)"
        }
        let where_ = analysis.network.domain == nil ? "at every x" : "at every interior point x of D"
        return "gradient: ∂F/∂x = W' \(where_) (F is the affine map W'x + b', whose Jacobian is the constant matrix W')"
    }
}
