public import Algebra
public import NetworkModel

/// The degree bound of a polynomial network and the degree it attains.
///
/// A layer whose activation is a polynomial of degree d multiplies the degree of every
/// coordinate by at most d (the dense part keeps it), so deg F ≤ d_1 ⋯ d_L.
public struct PolynomialDegrees: Hashable, Sendable {
    /// d_k for every layer: the activation's degree as a polynomial in its argument (trailing
    /// zero coefficients dropped; 1 for an affine activation, 0 for a constant or a
    /// non-polynomial one).
    public let layers: [Int]
    /// The largest total degree of an output in the input symbols (parameters not counted).
    public let attained: Int

    /// The degrees of `network` whose expanded outputs are `outputs`.
    public init(network: Network, outputs: [Polynomial]) {
        let inputs = Set(Composition.inputSymbols(network))
        attained =
            outputs.map { p in
                p.terms.keys.map { m in
                    zip(m.symbols, m.exponents).filter { inputs.contains($0.0) }.map(\.1).reduce(0, +)
                }.max() ?? 0
            }.max() ?? 0
        layers = network.layers.map { layer in
            var cs = Self.coefficients(of: layer.activation) ?? []
            while let last = cs.last, last.isZero { cs.removeLast() }
            return max(cs.count - 1, 0)
        }
    }

    /// The bound d_1 ⋯ d_L.
    public var bound: Int { layers.reduce(1, *) }

    /// The activation's coefficients c_0, c_1, ... as a polynomial in its argument; nil when
    /// it is not a polynomial.
    static func coefficients(of f: Activation) -> [Polynomial]? {
        switch f {
        case .identity: return [Polynomial(.zero), Polynomial(.one)]
        case .affine(let a, let c): return [c, a]
        case .polynomial(let cs): return cs
        default:
            guard let (a, c) = f.affineForm else { return nil }
            return [c, a]
        }
    }
}
