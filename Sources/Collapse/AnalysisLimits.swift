import ExactNumbers
import Algebra
import NetworkModel

/// The analysis's size checks, made before any work that could exhaust memory: the degree of
/// F and the sizes of the polynomial compositions (`AnalysisOptions.budget`, `--max-terms`).
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

    /// The reason to answer `unknown` when F's degree bound exceeds the degree budget (the
    /// values of F at rational points, and its symbolic form, would have sizes past it);
    /// nil when within.
    static func degreeRefusal(_ network: Network, options: AnalysisOptions) -> String? {
        let degree = degreeBound(network)
        guard degree > options.budget.maxDegree else { return nil }
        let shown = degree == Int.max ? "more than 9.2e18" : String(degree)
        return "the polynomial activations compose to degree up to \(shown), past the degree budget of \(options.budget.maxDegree): exact values of F would be too large to compute (every exponent and coefficient would grow with the degree)"
    }

    /// `Composition.polynomialOutputsChecked` with the analysis's budget (the smaller of
    /// `termLimit` and `--max-terms`) and deadline.
    static func polynomialOutputs(_ network: Network, inputs: [Symbol], options: AnalysisOptions) -> PolynomialOutputs {
        let budget = PolynomialBudget(maxTerms: Swift.min(options.termLimit, options.budget.maxTerms), maxDegree: options.budget.maxDegree)
        return Composition.polynomialOutputsChecked(network, inputs: inputs.map { Polynomial($0) }, budget: budget, deadline: options.deadline)
    }
}
