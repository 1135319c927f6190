import NetworkModel

/// Numeric piecewise-linear networks the witness search did not refute: the complete
/// decision by enumerating the linear regions (`RegionDecision`).
struct RegionDecisionStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        guard context.polynomialDegree == nil, RegionEnumerator.supports(context.network) else { return nil }
        return RegionDecision.decide(context)
    }
}
