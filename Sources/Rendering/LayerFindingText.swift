import ExactNumbers
import Algebra
import NetworkModel
public import Collapse

extension LayerFinding {
    /// A sentence a person reads: why the activation keeps or breaks linearity, with an exact
    /// scalar counterexample (relu(1 + (−1)) = 0 but relu(1) + relu(−1) = 1).
    public var summary: String { summary(digits: nil) }

    /// `summary` with enclosures printed at `digits` significant digits (a report's one
    /// precision, `EnclosureDigits.forReport`); nil: the fewest that show the sides apart.
    public func summary(digits: Int?) -> String {
        let f = activation
        let name = f.name
        switch behaviour {
        case .identity:
            return "\(name) is the identity t; the layer stays W x + b"
        case .affine(let a, let c):
            let what = name == "affine" ? "the activation" : name
            return
                "\(what) is affine, a·t + c with a = \(a), c = \(c); it folds into the layer: a(W x + b) + c = (aW) x + (a b + c)"
        case .constantSoftmax:
            return
                "softmax over a single unit is the constant 1 (e^t / e^t = 1), the affine map 0·t + 1; it folds into its layer"
        case .notAffine(let brk):
            var text = "\(name) is not affine"
            if let brk {
                let (s, t) = (brk.s.description, brk.t.description)
                let sum = "\(s) + \(brk.t.signum < 0 ? "(\(t))" : t)"
                let lhs = brk.fixesZero ? "\(name)(\(sum))" : "\(name)(\(sum)) + \(name)(0)"
                let digits = digits ?? EnclosureDigits.separating([brk.lhs], [brk.rhs])
                text +=
                    ": \(lhs) = \(brk.lhs.humanText(digits: digits)) but \(name)(\(s)) + \(name)(\(t)) = \(brk.rhs.humanText(digits: digits))"
            } else if f.isVectorValued {
                text +=
                    ": softmax(t) sums to 1 for every t, so softmax(x + y) and softmax(x) + softmax(y) (which sums to 2) always differ"
            } else if !f.parameters.allSatisfy({ $0.constantValue != nil }) {
                text = "\(name) has symbolic parameters; whether it is affine depends on their values"
            }
            if f.isPositivelyHomogeneous {
                text += "; it is positively homogeneous, \(name)(c·t) = c·\(name)(t) for c >= 0, yet not additive"
            }
            return text
        }
    }
}
