import ExactNumbers
import Algebra
import NetworkModel

/// Every activation is affine, f(t) = a·t + c: fold each into its layer,
/// a(W x + b) + c = (aW) x + (a b + c), and compose the folded layers exactly.
struct AffineFoldStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        let network = context.network
        guard network.layers.allSatisfy({ $0.activation.affineForm != nil }) else { return nil }
        if !context.options.keepsFoldedLayers, !network.layers.isEmpty, Composition.foldsNumerically(network) {
            // The layers made rational one at a time (a compact layer's rationals live only
            // until its integer factor is made); no folded layers are kept.
            var width = network.inputDimension
            let map = AffineMap<Rational>.composeChain(count: network.layers.count) { k in
                let folded = Composition.foldedNumeric(network.layers[k], inputWidth: width)
                width = folded.outputDimension
                return folded
            }
            return .collapses(.numeric(map), .affineFold(layers: []))
        }
        if let folded = Composition.foldedNumeric(network) {
            // A network with no layers (built in code; specs reject it) is the identity.
            let map =
                folded.isEmpty
                ? AffineMap<Rational>.identity(network.inputDimension) : AffineMap<Rational>.composeChain(folded)
            return .collapses(.numeric(map), .affineFold(layers: folded.map { .numeric($0) }))
        }
        guard let folded = Composition.foldedSymbolic(network) else { return nil }
        // Each layer's product is checked against the polynomial budget before it runs.
        switch Composition.composeChainChecked(
            folded, budget: context.options.polynomialBudget, deadline: context.options.deadline)
        {
        case .success(let map):
            if network.hasConstantAtoms { return ExactConstantMap.conclusion(map, layers: folded) }
            return .collapses(.symbolic(map), .affineFold(layers: folded.map { .symbolic($0) }))
        case .failure(let limit): return .undecided(AnalysisLimits.reason(limit, during: .symbolicChain))
        }
    }
}
