import NetworkModel

/// The last domain strategy, so it always concludes on a domain: a numeric network is refuted
/// by a midpoint witness at sample points of D (`DomainWitnessSearch`, the context's budget
/// and seed) or undecided when none is found in the budget; symbolic weights are undecided.
struct DomainWitnessSearchStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        guard let domain = context.domain, domain.geometry != nil else { return nil }
        guard context.network.isNumeric else { return .undecided(.domainSymbolicWeights) }
        if let witness = domain.search?.affinityWitness() {
            return .refuted(affinity: witness, additivity: nil, homogeneity: nil, .domainWitnessSearch)
        }
        let spent = context.budget - (domain.search?.budget ?? context.budget)
        return .undecided(
            .domainWitnessNotFound(
                evaluations: spent, notAffineEverywhere: domain.wholeSpaceAnalysis?.verdict == .notAffine))
    }
}
