public import ExactNumbers
public import Algebra
public import NetworkModel

/// Symbolic composition of layers whose activations are affine.
///
/// An affine activation a·t + c folds into its layer: a·(W x + b) + c = (aW) x + (a b + c);
/// an activation-only layer of width d becomes (a·I_d, c·1). The folded chain then composes
/// into one map, W' x + b' (`AffineMap.composeChain`; for rationals by cleared denominators
/// over the integers).
public enum Composition {
    /// The layers with their affine activations folded in, over the rationals; nil when some
    /// activation is not affine or some weight or parameter is symbolic.
    public static func foldedNumeric(_ network: Network) -> [AffineMap<Rational>]? {
        guard foldsNumerically(network) else { return nil }
        var width = network.inputDimension
        var maps = [AffineMap<Rational>]()
        for layer in network.layers {
            let map = foldedNumeric(layer, inputWidth: width)
            maps.append(map)
            width = map.outputDimension
        }
        return maps
    }

    /// Whether every layer folds over the rationals (`foldedNumeric` is not nil): every
    /// activation affine with numeric slope and intercept, every dense part numeric.
    static func foldsNumerically(_ network: Network) -> Bool {
        network.layers.allSatisfy { layer in
            guard let (a, c) = layer.activation.affineForm, a.constantValue != nil, c.constantValue != nil else {
                return false
            }
            return layer.dense?.isNumeric ?? true
        }
    }

    /// One layer with its affine activation folded in, over the rationals; `inputWidth` is its
    /// input size (for an activation-only layer). Precondition: the layer folds numerically.
    static func foldedNumeric(_ layer: Layer, inputWidth width: Int) -> AffineMap<Rational> {
        let (a, c) = layer.activation.affineForm!
        let slope = a.constantValue!, intercept = c.constantValue!
        var map: AffineMap<Rational>
        switch layer.dense {
        case .none:
            map = AffineMap(weights: Matrix<Rational>.identity(width), bias: Array(repeating: .zero, count: width))
        case .numeric(let m)?: map = m
        case .float32(let m)?: map = m.materialized
        case .symbolic?: preconditionFailure("Composition.foldedNumeric(_:inputWidth:) of a symbolic layer")
        }
        if !slope.isOne || !intercept.isZero {
            map = AffineMap(
                weights: slope.isOne ? map.weights : map.weights.scaled(by: slope),
                bias: map.bias.map { slope * $0 + intercept })
        }
        return map
    }

    /// The layers with their affine activations folded in, over the polynomials in the weight
    /// symbols; nil when some activation is not affine.
    public static func foldedSymbolic(_ network: Network) -> [AffineMap<Polynomial>]? {
        var width = network.inputDimension
        var maps = [AffineMap<Polynomial>]()
        for layer in network.layers {
            guard let (a, c) = layer.activation.affineForm else { return nil }
            var map: AffineMap<Polynomial>
            switch layer.dense {
            case .none:
                map = AffineMap(
                    weights: Matrix<Polynomial>.identity(width),
                    bias: Array(repeating: Polynomial(Rational.zero), count: width))
            case .numeric(let m)?:
                map = AffineMap(weights: m.weights.map { Polynomial($0) }, bias: m.bias.map { Polynomial($0) })
            case .float32?: map = layer.dense!.polynomialMap
            case .symbolic(let m)?: map = m
            }
            if a != Polynomial(Rational.one) || !c.isZero {
                map = AffineMap(weights: map.weights.scaled(by: a), bias: map.bias.map { a * $0 + c })
            }
            maps.append(map)
            width = map.outputDimension
        }
        return maps
    }

    /// F's outputs as polynomials in `inputs` (and the weight symbols), layer by layer, for
    /// networks whose activations are all polynomials; nil otherwise, or when some
    /// intermediate polynomial would exceed `termLimit` terms or the standard
    /// `PolynomialBudget` (see `polynomialOutputsChecked` for the reason).
    public static func polynomialOutputs(
        _ network: Network, inputs: [Polynomial], termLimit: Int = AnalysisOptions.defaults.termLimit
    )
        -> [Polynomial]?
    {
        if case .outputs(let h) = polynomialOutputsChecked(
            network, inputs: inputs, budget: PolynomialBudget(maxTerms: termLimit))
        {
            return h
        }
        return nil
    }

    /// The input symbols for symbolic work: the network's input names, renamed
    /// (`x_in1`, ...) only when a name collides with a weight symbol.
    public static func inputSymbols(_ network: Network) -> [Symbol] {
        let weightSymbols = Set(network.symbols)
        let names = network.inputNames.map { Symbol($0) }
        if names.allSatisfy({ !weightSymbols.contains($0) }) { return names }
        var k = 0
        return names.map { _ in
            k += 1
            var candidate = Symbol("x_in\(k)")
            while weightSymbols.contains(candidate) { candidate = Symbol(candidate.name + "_") }
            return candidate
        }
    }
}
