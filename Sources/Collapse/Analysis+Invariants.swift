import ExactNumbers
import Algebra
import NetworkModel

extension Analysis {
    /// Checks what the types do not enforce, and returns the violations (empty when all
    /// hold); tests call it on every analysis they make.
    ///
    /// - the checks are about their identity (additivity, homogeneity, affinity);
    /// - a check with a witness does not hold (`holds == false`), and its witness has the
    ///   shapes of the identity: x (and y, or c) of the input dimension, lhs and rhs of the
    ///   output dimension, some coordinate of lhs provably different from rhs;
    /// - collapses: affinity holds; additivity and homogeneity hold exactly when b' = 0;
    ///   W' is output × input; rank ≤ min(inputs, outputs);
    /// - refuted: the outcome's witness is the affinity witness, and affinity fails;
    /// - undecided: affinity is undecided.
    public func checkInvariants() -> [String] {
        var problems = [String]()
        let n = network.inputDimension, m = network.outputDimension
        for (check, identity) in [
            (additivity, Identity.additivity), (homogeneity, .homogeneity), (affinity, .affinity),
        ] {
            if check.identity != identity { problems.append("\(identity) check is about \(check.identity)") }
            guard let w = check.witness else { continue }
            if check.holds != false {
                problems.append("\(identity) has a witness but holds is \(String(describing: check.holds))")
            }
            if w.x.count != n { problems.append("\(identity) witness x has \(w.x.count) coordinates, not \(n)") }
            if identity == .homogeneity {
                if w.c == nil || w.y != nil { problems.append("homogeneity witness needs c and no y") }
            } else if w.y?.count != n || w.c != nil {
                problems.append("\(identity) witness needs y of \(n) coordinates and no c")
            }
            if w.lhs.count != m || w.rhs.count != m {
                problems.append("\(identity) witness sides are not of dimension \(m)")
            }
            if !w.lhs.provablyDiffers(from: w.rhs) {
                problems.append("\(identity) witness sides do not provably differ")
            }
        }
        switch outcome {
        case .collapses(let map, let rank, _):
            if affinity.holds != true { problems.append("collapses but affinity does not hold") }
            if map.inputDimension != n || map.outputDimension != m { problems.append("W' is not \(m)×\(n)") }
            let linear = map.biasIsZero
            if additivity.holds == true && !linear || homogeneity.holds == true && !linear {
                problems.append("an identity holds although b' ≠ 0")
            }
            // On a domain an identity may be vacuous (no points to quantify over): null.
            let vacuousAllowed = network.domain != nil
            if linear
                && (additivity.holds == false || homogeneity.holds == false
                    || !vacuousAllowed && (additivity.holds == nil || homogeneity.holds == nil))
            {
                problems.append("b' = 0 but additivity or homogeneity does not hold")
            }
            if rank.rank > rank.fullRank || rank.fullRank != min(n, m) {
                problems.append("rank \(rank.rank) out of range")
            }
        case .refuted(let witness, _):
            if affinity.holds != false || affinity.witness != witness {
                problems.append("refuted, but not by the affinity witness")
            }
        case .undecided:
            if affinity.holds != nil { problems.append("undecided, yet affinity is decided") }
        }
        return problems
    }
}
