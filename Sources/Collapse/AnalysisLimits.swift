import ExactNumbers
public import Algebra
import NetworkModel

/// What stopped a decision before it concluded (`UndecidedReason.resourceLimit`): data only,
/// the sentence is in Rendering (`ReasonText`).
public enum ResourceLimit: Sendable {
    /// A product refused by the polynomial budget (`--max-terms`, degree) while composing.
    case tooLarge(PolynomialBudgetExceeded, during: ComposedStep, layer: Int)
    /// F's degree bound (the product of the polynomial activations' degrees) is past the
    /// degree budget: exact values of F would be too large to compute.
    case degree(bound: Int, budget: Int)
    /// The deadline (`--timeout`) passed.
    case timedOut(seconds: Double, during: TimedStep)
}

/// The compositions a budget can stop.
public enum ComposedStep: Sendable, Hashable {
    /// The product of the folded symbolic layers.
    case symbolicChain
    /// The expansion of polynomial activations.
    case polynomialActivations
}

/// Where a deadline stopped the decision, with the counts reached.
public enum TimedStep: Sendable {
    /// A composition, after `layersDone` layers.
    case composition(layersDone: Int)
    /// The witness search, after `evaluations` of its `budget` evaluations.
    case witnessSearch(evaluations: Int, budget: Int)
    /// The region enumeration, with what it examined.
    case regionEnumeration(RegionAnalysis)
    /// Printing the report: the analysis reached `verdict`, but writing its exact numbers
    /// (about `digits` decimal digits in the numbers of W', b' and the witnesses) did not end
    /// by the deadline (`Analysis.stoppedPrinting`).
    case reportPrinting(verdict: Verdict, digits: Int)
}

/// The analysis's size checks, made before any work that could exhaust memory: the degree of
/// F and the sizes of the polynomial compositions (`AnalysisOptions.polynomialBudget`).
enum AnalysisLimits {
    /// An upper bound of the degree of F as a (piecewise) polynomial: the product over the
    /// layers of the degrees of their polynomial activations (1 for every other activation),
    /// saturating at `Int.max`. Exact evaluation at a rational point of bit size s yields
    /// numbers of about s·degree bits, and symbolic composition monomials of this degree.
    static func degreeBound(_ network: Network) -> Int {
        var degree = 1
        for layer in network.layers {
            guard let coefficients = layer.activation.polynomialForm else { continue }
            let d = coefficients.lastIndex { !$0.isZero } ?? 0
            degree = PolynomialBudget.saturatingProduct(degree, Swift.max(d, 1))
        }
        return degree
    }

    /// `Composition.polynomialOutputsChecked` with the analysis's budget (the smaller of
    /// `termLimit` and the polynomial budget's terms) and deadline.
    static func polynomialOutputs(_ network: Network, inputs: [Symbol], options: AnalysisOptions) -> PolynomialOutputs {
        let budget = PolynomialBudget(
            maxTerms: Swift.min(options.termLimit, options.polynomialBudget.maxTerms),
            maxDegree: options.polynomialBudget.maxDegree)
        return Composition.polynomialOutputsChecked(
            network, inputs: inputs.map { Polynomial($0) }, budget: budget, deadline: options.deadline)
    }

    /// The undecided reason of a stopped composition.
    static func reason(_ limit: CompositionLimit, during step: ComposedStep) -> UndecidedReason {
        switch limit {
        case .tooLarge(let e, let layer): return .resourceLimit(.tooLarge(e, during: step, layer: layer))
        case .timedOut(let d, let done):
            return .resourceLimit(.timedOut(seconds: d.seconds, during: .composition(layersDone: done)))
        }
    }
}

/// Refuses, before any other work, a network whose degree bound is past the degree budget
/// (the values of F at rational points, and its symbolic form, would be too large: every
/// exponent and coefficient grows with the degree; a monomial exponent could overflow).
struct DegreeBudgetStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        let bound = AnalysisLimits.degreeBound(context.network)
        let budget = context.options.polynomialBudget.maxDegree
        return bound > budget ? .undecided(.resourceLimit(.degree(bound: bound, budget: budget))) : nil
    }
}
