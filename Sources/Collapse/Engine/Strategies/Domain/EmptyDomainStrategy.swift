import NetworkModel

/// An input domain with no point: undecided (`emptyDomain`). The command rejects such domains
/// before the analysis; a network built in code may still carry one.
struct EmptyDomainStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        guard let domain = context.domain, domain.geometry == nil else { return nil }
        return .undecided(.emptyDomain)
    }
}
