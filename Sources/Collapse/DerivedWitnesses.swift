import ExactNumbers
import Algebra
import NetworkModel

/// Additivity and homogeneity witnesses of a not-affine numeric network, derived from its
/// affinity witness when the strategy that refuted it found none (its search budget spent,
/// or a region witness alone).
///
/// The mathematics, for an affinity witness F(x+y) + F(0) ≠ F(x) + F(y):
/// - if F(0) ≠ 0, additivity fails at (0, 0) (F(0) ≠ 2·F(0)) and homogeneity at x = 0,
///   c = 2 (F(0) ≠ 2·F(0));
/// - if F(0) = 0, the affinity witness is an additivity witness: F(x+y) ≠ F(x) + F(y).
/// So a not-affine F always has an additivity witness, found here by at most two checks.
/// Homogeneity can hold for a not-affine F with F(0) = 0 (the median of three inputs is
/// odd and positively homogeneous), so beyond x = 0 only a short list of points (x, y,
/// x + y) and scalars c is tried; `holds` stays `nil` when none refutes it.
/// Every witness is re-checked by exact evaluation (or disjoint enclosures) climbing the
/// precision ladder of the analysis.
enum DerivedWitnesses {
    /// The additivity and homogeneity witnesses: the ones given, else derived (nil when not
    /// found, or when the network is symbolic).
    static func complete(
        _ network: Network, affinity: Witness, additivity: Witness?, homogeneity: Witness?,
        options: AnalysisOptions
    ) -> (additivity: Witness?, homogeneity: Witness?) {
        // On a domain the witnesses must stay in it (and affinity is midpoint affinity): the
        // domain analysis finds its own.
        guard network.isNumeric, network.domain == nil, additivity == nil || homogeneity == nil, let y = affinity.y
        else {
            return (additivity, homogeneity)
        }
        let zero = [Rational](repeating: .zero, count: affinity.x.count)
        func witness(_ identity: Identity, _ x: [Rational], _ y: [Rational]?, _ c: Rational?) -> Witness? {
            for bits in options.precisionLadder {
                guard let sides = WitnessRecheck.sides(network, identity: identity, x: x, y: y, c: c, precision: bits)
                else { return nil }
                if sides.lhs.provablyDiffers(from: sides.rhs) {
                    return Witness(x: x, y: y, c: c, lhs: sides.lhs, rhs: sides.rhs)
                }
                if zip(sides.lhs, sides.rhs).allSatisfy({ $0.provablyEquals($1) }) { return nil }
            }
            return nil
        }
        let derivedAdditivity =
            additivity ?? witness(.additivity, zero, zero, nil) ?? witness(.additivity, affinity.x, y, nil)
        var derivedHomogeneity = homogeneity ?? witness(.homogeneity, zero, nil, Rational(2))
        if derivedHomogeneity == nil {
            let points = [affinity.x, y, zip(affinity.x, y).map { $0 + $1 }].filter { $0 != zero }
            search: for x in points {
                for c in [Rational(-1), Rational(2), Rational(1, 2), Rational(-2), Rational(3)] {
                    if let w = witness(.homogeneity, x, nil, c) { derivedHomogeneity = w; break search }
                }
            }
        }
        return (derivedAdditivity, derivedHomogeneity)
    }
}
