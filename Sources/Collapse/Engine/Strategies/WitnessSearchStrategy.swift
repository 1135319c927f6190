import NetworkModel

/// Numeric networks: search for an exact affinity witness around the units' breakpoints
/// (`WitnessSearch`). Refutes when one is found; otherwise records an `undecided`
/// fallback (with any additivity or homogeneity counterexamples) and passes.
struct WitnessSearchStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        let network = context.network
        var search = context.witnessSearch()
        search.deadline = context.options.deadline
        let affinity = search.affinityWitness()
        let additivity = search.additivityWitness(after: affinity)
        let homogeneity = search.homogeneityWitness(after: affinity)
        guard let affinity else {
            if search.timedOut, let deadline = context.options.deadline {
                context.fallback = .undecided(
                    .resourceLimit(
                        .timedOut(
                            seconds: deadline.seconds,
                            during: .witnessSearch(
                                evaluations: context.budget - search.budget, budget: context.budget))),
                    additivity: additivity, homogeneity: homogeneity)
                return nil
            }
            let piecewiseLinear = network.layers.allSatisfy { $0.activation.isPiecewiseLinear }
            context.fallback = .undecided(
                .witnessNotFound(evaluations: context.budget, allPiecewiseLinear: piecewiseLinear),
                additivity: additivity, homogeneity: homogeneity)
            return nil
        }
        let provenance: RefutationProvenance =
            context.polynomialDegree.map { .polynomialWitnessSearch(degree: $0) }
            ?? .witnessSearch(culprit: Culprit.first(in: network))
        return .refuted(affinity: affinity, additivity: additivity, homogeneity: homogeneity, provenance)
    }
}
