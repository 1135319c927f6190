import NetworkModel

/// A polynomial F (its outputs expanded by the whole-space analysis) on a lower-dimensional D:
/// decided on D's affine hull (`PolynomialOnAffineHull`), where it may be affine although F
/// is not affine on the whole space.
struct DomainPolynomialHullStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        guard let domain = context.domain, let geometry = domain.geometry,
            let outputs = domain.wholeSpaceAnalysis?.polynomialOutputs,
            let map = PolynomialOnAffineHull.map(
                outputs: outputs, inputs: Composition.inputSymbols(domain.wholeSpace), geometry: geometry,
                numeric: context.network.isNumeric)
        else { return nil }
        domain.method = .polynomialOnAffineHull
        context.polynomialOutputs = outputs
        return .collapses(map, .polynomialCancellation)
    }
}
