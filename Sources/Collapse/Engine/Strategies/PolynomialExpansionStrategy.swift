import ExactNumbers
import Algebra
import NetworkModel

/// Every activation is a polynomial: expand F as polynomials in the inputs (and weight
/// symbols). F collapses when every term of degree >= 2 in the inputs cancels. Otherwise,
/// with numeric weights, it records F's outputs and degree and passes (the witness search
/// refutes); with symbolic weights it refutes for every value of the symbols when some
/// higher coefficient is a nonzero constant, and is undecided otherwise (`affine_if`).
/// Passes when the expansion exceeds the policy's term limit (numeric weights; undecided with
/// the reason for symbolic ones, or when the deadline passes).
struct PolynomialExpansionStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        let network = context.network
        guard network.layers.allSatisfy({ $0.activation.polynomialForm != nil }) else { return nil }
        let inputs = Composition.inputSymbols(network)
        let outputs: [Polynomial]
        switch AnalysisLimits.polynomialOutputs(network, inputs: inputs, options: context.options) {
        case .outputs(let h): outputs = h
        case .notPolynomial: return nil
        case .stopped(let limit):
            // Too large to expand: a numeric network still gets the witness search.
            if network.isNumeric, case .tooLarge = limit { return nil }
            return .undecided(AnalysisLimits.reason(limit, during: .polynomialActivations))
        }
        context.polynomialOutputs = outputs
        let parts = PolynomialParts(outputs: outputs, inputs: inputs)
        if parts.higher.isEmpty {
            let w = Matrix<Polynomial>(rows: outputs.count, columns: inputs.count, entries: parts.linear.flatMap { $0 })
            let map: CollapsedMap =
                network.isNumeric
                ? .numeric(
                    AffineMap(weights: w.map { $0.constantValue! }, bias: parts.constant.map { $0.constantValue! }))
                : .symbolic(AffineMap(weights: w, bias: parts.constant))
            return .collapses(map, .polynomialCancellation)
        }
        if network.isNumeric {
            context.polynomialDegree = outputs.map(\.totalDegree).max() ?? 0
            return nil
        }
        let decides = parts.higher.contains { $0.isConstant }
        if decides, let refutation = SymbolicPolynomialWitness.refute(network, outputs: outputs) {
            return refutation
        }
        return .undecided(decides ? .noUniformSymbolicWitness : .symbolicConditions(affineIf: parts.higher))
    }
}

/// F's outputs split by degree in the inputs: W' (degree 1), b' (degree 0), and the
/// coefficients of degree >= 2 (polynomials in the weight symbols).
struct PolynomialParts {
    var linear: [[Polynomial]]
    var constant: [Polynomial]
    var higher: [Polynomial] = []

    init(outputs: [Polynomial], inputs: [Symbol]) {
        let inputSet = Set(inputs)
        linear = [[Polynomial]](
            repeating: [Polynomial](repeating: Polynomial(Rational.zero), count: inputs.count), count: outputs.count)
        constant = [Polynomial](repeating: Polynomial(Rational.zero), count: outputs.count)
        for (i, p) in outputs.enumerated() {
            // Group the terms by their monomial in the input symbols.
            var groups: [Monomial: Polynomial] = [:]
            for (m, c) in p.terms {
                let (inputPart, weightPart) = m.split { inputSet.contains($0) }
                groups[inputPart, default: Polynomial(Rational.zero)] += Polynomial(terms: [weightPart: c])
            }
            // In monomial order, so `affine_if` lists the conditions the same way on every run.
            for (m, coefficient) in groups.sorted(by: { $0.key < $1.key }) where !coefficient.isZero {
                switch m.totalDegree {
                case 0: constant[i] = coefficient
                case 1: linear[i][inputs.firstIndex(of: m.symbols[0])!] = coefficient
                default: higher.append(coefficient)
                }
            }
        }
    }
}

extension Monomial {
    /// Splits into the factor over symbols satisfying `isFirst` and the rest.
    func split(_ isFirst: (Symbol) -> Bool) -> (Monomial, Monomial) {
        var a = [Symbol: Int](), b = [Symbol: Int]()
        for (s, e) in powers { if isFirst(s) { a[s] = e } else { b[s] = e } }
        return (Monomial(a), Monomial(b))
    }
}
