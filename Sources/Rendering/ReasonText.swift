import ExactNumbers
import Algebra
import NetworkModel
public import Collapse

/// The sentences that say why a network is `unknown` or `not-affine`, from the typed
/// outcome (the report's `reason`).
public enum ReasonText {
    /// The reason of an analysis: nil when the network collapses.
    public static func sentence(_ analysis: Analysis) -> String? {
        switch analysis.outcome {
        case .collapses: return nil
        case .refuted(let witness, let provenance):
            return refuted(witness, provenance, digits: EnclosureDigits.forReport(analysis))
        case .undecided(let reason): return undecided(reason)
        }
    }

    /// Why the witness refutes affinity, and the witness's two sides.
    /// Enclosures are printed with `digits` significant digits (the report's one precision,
    /// `EnclosureDigits.forReport`); by default the fewest that show the two sides apart.
    public static func refuted(_ witness: Witness, _ provenance: RefutationProvenance, digits: Int? = nil) -> String {
        let digits = digits ?? EnclosureDigits.separating(witness.lhs, witness.rhs)
        let lhs = witness.lhs.map { $0.humanText(digits: digits) }.joined(separator: ", ")
        let rhs = witness.rhs.map { $0.humanText(digits: digits) }.joined(separator: ", ")
        let exactWitness = "exact witness: F(x+y) + F(0) = \(lhs) but F(x) + F(y) = \(rhs)"
        switch provenance {
        case .witnessSearch(let culprit):
            let how =
                culprit.activation.isPiecewiseLinear
                ? "a unit of it is reached on both sides of a breakpoint"
                : "its units are reached where it bends"
            return
                "layer \(culprit.layer) applies \(culprit.activation.name), which is not affine, and \(how); \(exactWitness)"
        case .polynomialWitnessSearch(let degree):
            return
                "F is a polynomial map of degree \(degree) in the inputs whose terms of degree >= 2 do not cancel; \(exactWitness)"
        case .regionWitness(let a, let b, _):
            let where_ =
                b.dimension == a.dimension ? "" : " (a \(b.dimension)-dimensional region where a unit sits on a jump)"
            return
                "F is piecewise linear and not one affine map: on the region with pattern \(a.pattern) (around x = \(vectorText(a.point))) F(x) = \(mapText(a.map)), but on the region with pattern \(b.pattern)\(where_) (around x = \(vectorText(b.point))) F(x) = \(mapText(b.map)); \(exactWitness)"
        case .domainRegionWitness(let a, let b, _):
            return
                "on the domain, F is piecewise linear and not one affine map: on the region with pattern \(a.pattern) (around x = \(vectorText(a.point))) F(x) = \(mapText(a.map)), but on the region with pattern \(b.pattern) (around x = \(vectorText(b.point))) F(x) = \(mapText(b.map)); \(midpointWitness(witness, digits: digits))"
        case .domainWitnessSearch:
            return "F is not affine on the domain; \(midpointWitness(witness, digits: digits))"
        case .symbolicHinges(let layer):
            return
                "layer \(layer) is a layer of hinges and the symbols enter only around it; a hinge with a nonzero numeric coefficient bends F for every value of the symbols, and at the witness the two sides differ for every value of the symbols; \(exactWitness)"
        case .symbolicPolynomial(let degree):
            return
                "F is a polynomial map (degree \(degree) in the inputs and weights) with a term of degree >= 2 in the inputs; at the witness the two sides differ for every value of the symbols (their difference is a nonzero constant, or a nonzero constant plus even powers with coefficients of its sign); \(exactWitness)"
        }
    }

    /// Why nothing was proved.
    public static func undecided(_ reason: UndecidedReason) -> String {
        switch reason {
        case .symbolicWeightsReachNonAffine(let culprit):
            return
                "layer \(culprit.layer) applies \(culprit.activation.name), which is not affine, to values that depend on symbolic weights; whether the network is affine depends on the values of the symbols (give them numbers to decide)"
        case .witnessNotFound(let evaluations, let allPiecewiseLinear):
            return
                "no exact witness of non-affinity was found in \(evaluations) evaluations and affinity is not proved: "
                + (allPiecewiseLinear
                    ? "the non-affine units may never be reached on both sides of a breakpoint"
                    : "the differences may be too small for the enclosures at this precision, or the non-affine units may never be reached where they bend")
        case .regionLimit(let regions):
            return
                "the region enumeration stopped at the limit of \(plural(regions.maxRegions, "region")) (--max-regions) with \(plural(regions.fullDimensionalRegions, "full-dimensional region")) all carrying the same affine map and no exact witness of non-affinity; raise the limit to decide"
        case .regionsDifferWithoutWitness(let a, let b, _):
            return
                "regions \(a.pattern) and \(b.pattern) carry different affine maps, so F is not affine, but no exact witness of the identity F(x+y) + F(0) = F(x) + F(y) was constructed"
        case .noUniformSymbolicWitness:
            return
                "F is a polynomial map whose terms of degree >= 2 do not all cancel, but with symbolic weights no single witness refutes affinity for every value of the symbols"
        case .symbolicConditions:
            return
                "F is a polynomial map; it is affine exactly when the coefficients in affine_if all vanish, which depends on the values of the symbols"
        case .symbolicHinges(_, let layer, let neverAffine):
            let why =
                "layer \(layer) is a layer of hinges relu(u) and the symbols enter only around it; modulo affine maps F is the sum of one hinge per hyperplane u = 0 with a coefficient polynomial in the symbols, and hinges on distinct hyperplanes are independent, so F is affine exactly when every coefficient in affine_if vanishes"
            return why
                + (neverAffine
                    ? "; one of them is a nonzero number, so F is affine for no value of the symbols, but no single exact witness was found for every value"
                    : ", which depends on the values of the symbols")
        case .emptyDomain:
            return "the input domain is empty: its box and constraints have no common point"
        case .domainWitnessNotFound(let evaluations, let notAffineEverywhere):
            return
                "no exact witness of non-affinity was found inside the domain in \(evaluations) evaluations and affinity on the domain is not proved"
                + (notAffineEverywhere ? " (F is not affine on the whole space)" : "")
        case .domainRegionLimit(let regions):
            return
                "the region enumeration inside the domain stopped at the limit of \(plural(regions.maxRegions, "region")) (--max-regions) with all regions so far carrying the same affine map; raise the limit to decide"
        case .domainSymbolicWeights:
            return
                "the network has symbolic weights and is not affine on the whole space; on a domain, only networks with numeric weights are decided further"
        case .resourceLimit(let limit):
            return resourceLimit(limit)
        case .constantBiasUndecided(let map, let entries):
            let list = entries.map { "b'[\($0 + 1)] = \(map.bias[$0])" }.joined(separator: ", ")
            return
                "F is affine, F(x) = W'x + b' with exact constants, but whether it is linear is not decided: \(list) is not 0 in canonical form and its enclosures contain 0 up to \(AnalysisOptions.defaults.constantSignPrecision) bits"
        }
    }

    /// Why a budget or the deadline stopped the decision, with the counts reached.
    static func resourceLimit(_ limit: ResourceLimit) -> String {
        switch limit {
        case .tooLarge(let refused, let step, let layer):
            let what =
                step == .symbolicChain ? "the symbolic composition" : "the composition of the polynomial activations"
            return "\(what) stopped at layer \(layer): \(refused) (--max-terms)"
        case .degree(let bound, let budget):
            let shown = bound == Int.max ? "more than 9.2e18" : String(bound)
            return
                "the polynomial activations compose to degree up to \(shown), past the degree budget of \(budget): exact values of F would be too large to compute (every exponent and coefficient grows with the degree)"
        case .timedOut(let seconds, let step):
            let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
            let limit = "the time limit of \(shown) s (--timeout) ran out"
            switch step {
            case .composition(let done):
                return "\(limit) after composing \(plural(done, "layer"))"
            case .witnessSearch(let evaluations, let budget):
                return
                    "\(limit) during the witness search after \(evaluations) of \(budget) evaluations, with no exact witness of non-affinity and affinity not proved"
            case .reportPrinting(let verdict, let digits):
                return
                    "\(limit) while printing the report: the analysis reached the verdict \(verdict.rawValue), but "
                    + (digits > 0
                        ? "its exact numbers (about \(digits) decimal digits)"
                        : "its exact entries (polynomials too long to write)")
                    + " could not be written in time; allow more time to see the verdict and its evidence"
            case .regionEnumeration(let regions):
                return
                    "\(limit) during the region enumeration after \(plural(regions.regionsExamined, "region")) (\(regions.fullDimensionalRegions) full-dimensional, all carrying the same affine map) and \(plural(regions.linearPrograms, "linear program")), with no exact witness of non-affinity; allow more time to decide"
            }
        }
    }

    /// The midpoint witness of an analysis on a domain, both sides.
    static func midpointWitness(_ witness: Witness, digits: Int) -> String {
        let lhs = witness.lhs.map { $0.humanText(digits: digits) }.joined(separator: ", ")
        let rhs = witness.rhs.map { $0.humanText(digits: digits) }.joined(separator: ", ")
        return "exact witness in the domain: F((x+y)/2) = \(lhs) but (F(x) + F(y))/2 = \(rhs)"
    }

    /// `1 region`, `3 regions`.
    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// `(1/2, -3)`.
    static func vectorText(_ v: [Rational]) -> String {
        "(" + v.map(\.description).joined(separator: ", ") + ")"
    }

    /// `W x + b` as `[[1, 0], [0, 1]] x + [0, 0]`.
    static func mapText(_ m: AffineMap<Rational>) -> String {
        "\(m.weights) x + [\(m.bias.map(\.description).joined(separator: ", "))]"
    }
}

extension Analysis {
    /// Why the verdict is `unknown` or `not-affine`, in a sentence (`ReasonText`); nil when
    /// the network collapses.
    public var reason: String? { ReasonText.sentence(self) }
}
