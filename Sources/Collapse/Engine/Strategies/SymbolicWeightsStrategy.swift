import NetworkModel

/// Symbolic weights reaching an activation that is not affine (and not a polynomial the
/// expansion could handle): whether F is affine depends on the values of the symbols, so the
/// decision is `unknown` with the culprit layer.
struct SymbolicWeightsStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        guard !context.network.isNumeric else { return nil }
        return .undecided(.symbolicWeightsReachNonAffine(culprit: Culprit.first(in: context.network)))
    }
}
