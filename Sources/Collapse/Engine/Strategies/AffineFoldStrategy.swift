import ExactNumbers
import Algebra
import NetworkModel

/// Every activation is affine, f(t) = a·t + c: fold each into its layer,
/// a(W x + b) + c = (aW) x + (a b + c), and compose the folded layers exactly.
struct AffineFoldStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        let network = context.network
        guard network.layers.allSatisfy({ $0.activation.affineForm != nil }) else { return nil }
        if let folded = Composition.foldedNumeric(network) {
            // A network with no layers (built in code; specs reject it) is the identity.
            let map = folded.isEmpty ? AffineMap<Rational>.identity(network.inputDimension) : AffineMap<Rational>.composeChain(folded)
            return .collapses(.numeric(map), .affineFold(layers: folded.map { .numeric($0) }))
        }
        guard let folded = Composition.foldedSymbolic(network) else { return nil }
        return .collapses(.symbolic(AffineMap<Polynomial>.composeChain(folded)), .affineFold(layers: folded.map { .symbolic($0) }))
    }
}
