import ExactNumbers
public import Algebra
public import NetworkModel

/// Why a composition stopped before its end.
public enum CompositionLimit: Error, Sendable, Hashable {
    /// A product whose result could exceed the polynomial budget (refused before it ran).
    case tooLarge(PolynomialBudgetExceeded, layer: Int)
    /// The deadline passed after `layer` layers.
    case timedOut(Deadline, layersDone: Int)
}

/// The result of `Composition.polynomialOutputsChecked`.
public enum PolynomialOutputs: Sendable {
    /// F's outputs as polynomials.
    case outputs([Polynomial])
    /// Some activation is not a polynomial.
    case notPolynomial
    /// The composition stopped (size budget or deadline).
    case stopped(CompositionLimit)
}

extension Composition {
    /// F's outputs as polynomials in `inputs`, layer by layer (`polynomialOutputs`), with every
    /// product checked against `budget` BEFORE it runs (`PolynomialBudget.productEstimate`:
    /// no product can exhaust memory or overflow a monomial exponent) and the deadline
    /// checked between units.
    public static func polynomialOutputsChecked(
        _ network: Network, inputs: [Polynomial], budget: PolynomialBudget,
        deadline: Deadline? = nil
    ) -> PolynomialOutputs {
        deadline.interruptingProducts {
            polynomialOutputsUninterrupted(network, inputs: inputs, budget: budget, deadline: deadline)
        }
            ?? .stopped(.timedOut(deadline!, layersDone: 0))
    }

    /// `polynomialOutputsChecked` without the interrupt inside products (its caller installs it).
    static func polynomialOutputsUninterrupted(
        _ network: Network, inputs: [Polynomial], budget: PolynomialBudget,
        deadline: Deadline?
    ) -> PolynomialOutputs {
        var h = inputs
        for (index, layer) in network.layers.enumerated() {
            guard let coefficients = layer.activation.polynomialForm else { return .notPolynomial }
            do throws(PolynomialBudgetExceeded) {
                if let dense = layer.dense {
                    switch dense {
                    case .numeric, .float32:
                        let m = dense.rationalMap!
                        h = (0..<m.outputDimension).map { i in
                            var z = Polynomial(m.bias[i])
                            for j in 0..<m.inputDimension where !m.weights[i, j].isZero {
                                z += h[j].scaled(by: m.weights[i, j])
                            }
                            return z
                        }
                    case .symbolic(let m):
                        var next = [Polynomial]()
                        next.reserveCapacity(m.outputDimension)
                        for i in 0..<m.outputDimension {
                            var z = m.bias[i]
                            for j in 0..<m.inputDimension where !m.weights[i, j].isZero {
                                z += try m.weights[i, j].multiplied(by: h[j], within: budget)
                            }
                            next.append(z)
                        }
                        h = next
                    }
                }
                var next = [Polynomial]()
                next.reserveCapacity(h.count)
                for z in h {
                    if deadline.hasPassed { return .stopped(.timedOut(deadline!, layersDone: index)) }
                    var acc = Polynomial(Rational.zero)
                    for c in coefficients.reversed() {
                        acc = try acc.multiplied(by: z, within: budget) + c
                        if acc.termCount > budget.maxTerms {
                            throw PolynomialBudgetExceeded(
                                operation: "a polynomial of \(acc.termCount) terms", estimatedTerms: acc.termCount,
                                estimatedDegree: acc.totalDegree, budget: budget)
                        }
                    }
                    next.append(acc)
                }
                h = next
            } catch {
                return .stopped(.tooLarge(error, layer: index + 1))
            }
        }
        return .outputs(h)
    }

    /// `AffineMap.composeChain` over the polynomials, left to right, with each layer's product
    /// checked BEFORE it runs: entry (i, j) of W·M has at most Σₖ |W_ik|·|M_kj| terms and
    /// degree max over k of deg W_ik + deg M_kj (likewise for the bias), and the deadline is
    /// checked between layers. Precondition: `maps` is not empty and the dimensions chain.
    public static func composeChainChecked(
        _ maps: [AffineMap<Polynomial>], budget: PolynomialBudget,
        deadline: Deadline? = nil
    ) -> Result<AffineMap<Polynomial>, CompositionLimit> {
        var running = maps[0]
        for (index, outer) in maps.enumerated().dropFirst() {
            if deadline.hasPassed { return .failure(.timedOut(deadline!, layersDone: index)) }
            if let refused = productEstimateExceeds(outer, after: running, budget: budget) {
                return .failure(.tooLarge(refused, layer: index + 1))
            }
            let inner = running
            running = AffineMap.identity(0)  // release the previous product while the next one runs
            guard let next = deadline.interruptingProducts({ outer.composed(after: inner) }) else {
                return .failure(.timedOut(deadline!, layersDone: index))
            }
            running = next
        }
        return .success(running)
    }

    /// The refusal for outer ∘ inner when the bound of some entry's size exceeds the budget.
    static func productEstimateExceeds(
        _ outer: AffineMap<Polynomial>, after inner: AffineMap<Polynomial>,
        budget: PolynomialBudget
    ) -> PolynomialBudgetExceeded? {
        let w = outer.weights, m = inner.weights
        let columns = m.columns + 1  // the bias as one more column
        for i in 0..<w.rows {
            for j in 0..<columns {
                var terms = j == m.columns ? outer.bias[i].termCount : 0
                var degree = j == m.columns ? outer.bias[i].totalDegree : 0
                for k in 0..<w.columns {
                    let a = w[i, k]
                    let b = j == m.columns ? inner.bias[k] : m[k, j]
                    if a.isZero || b.isZero { continue }
                    let (t, d) = PolynomialBudget.productEstimate(a, b)
                    terms = PolynomialBudget.saturatingSum(terms, t)
                    degree = Swift.max(degree, d)
                }
                if terms > budget.maxTerms || degree > budget.maxDegree {
                    return PolynomialBudgetExceeded(
                        operation: "entry (\(i + 1), \(j + 1)) of the product", estimatedTerms: terms,
                        estimatedDegree: degree, budget: budget)
                }
            }
        }
        return nil
    }
}
