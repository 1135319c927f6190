import NetworkModel

/// F decided on the whole space (the domain removed, through the whole pipeline: its
/// normalisation and strategies): affine everywhere makes F affine on D with the same map.
/// Otherwise the analysis is kept for the later domain strategies (its polynomial outputs,
/// whether F is not affine everywhere) and the strategy passes.
struct DomainWholeSpaceStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        guard let domain = context.domain, domain.geometry != nil else { return nil }
        let everywhere = Analyzer.analyze(domain.wholeSpace, options: context.options)
        domain.wholeSpaceAnalysis = everywhere
        guard case .collapses(let map, _, let provenance) = everywhere.outcome else { return nil }
        domain.method = .wholeSpace
        domain.findings = everywhere.layerFindings
        domain.normalization = everywhere.normalization
        context.polynomialOutputs = everywhere.polynomialOutputs
        return .collapses(map, provenance)
    }
}
