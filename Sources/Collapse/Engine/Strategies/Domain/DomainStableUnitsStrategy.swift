import NetworkModel

/// A numeric piecewise-linear network whose units are all stable on D (exact bound
/// propagation, `BoundPropagation`): F on D is the composition of the units' pieces.
struct DomainStableUnitsStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        guard let domain = context.domain, let propagation = domain.propagation, let map = propagation.map else {
            return nil
        }
        domain.method = .stableUnits
        return .collapses(.numeric(map), .stableUnits(count: propagation.stableCount))
    }
}
