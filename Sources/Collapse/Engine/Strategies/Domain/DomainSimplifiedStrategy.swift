import NetworkModel

/// F not affine (or undecided) on the whole space: the network G simplified with the
/// pre-activation bounds proved on D (`DomainEvidence.simplifiedOnDomain`; units stable on D
/// act as their piece) equals F at every point of D, so G affine everywhere (decided through
/// the whole pipeline) makes F affine on D with G's map.
struct DomainSimplifiedStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        guard let domain = context.domain, domain.geometry != nil, context.options.simplifies,
            let inputDomain = context.network.domain,
            let onDomain = DomainEvidence.simplifiedOnDomain(domain.wholeSpace, domain: inputDomain)
        else { return nil }
        let g = Analyzer.analyze(onDomain.simplified, options: context.options)
        guard case .collapses(let map, _, let provenance) = g.outcome else { return nil }
        domain.method = .simplifiedOnDomain
        domain.normalization = Normalization(
            original: domain.wholeSpace, simplified: g.normalization?.simplified ?? onDomain.simplified,
            steps: onDomain.steps + (g.normalization?.steps ?? []))
        context.polynomialOutputs = g.polynomialOutputs
        return .collapses(map, provenance)
    }
}
