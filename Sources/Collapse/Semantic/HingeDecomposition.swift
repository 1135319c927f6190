public import ExactNumbers
public import Algebra
public import NetworkModel

/// A network with symbols whose one non-affine layer is a layer of hinges, written exactly as
///   F(x; s) = Q(s) · φ(P x + p; s) + q(s),
/// where the layers before it fold to the numeric affine map t = P x + p, the activation φ
/// has a `HingeForm` (its kink changes may hold symbols: leaky_relu with α a symbol), and the
/// layers after it fold to the symbolic affine map h ↦ Q(s) h + q(s).
///
/// Every kink of unit i is a hinge relu(u) on the affine function u = g_i·x + c_i − τ. Since
/// relu(λu) = |λ|·relu(u) + min(λ, 0)·u for every rational λ ≠ 0, hinges on the same
/// hyperplane (proportional (g, c − τ)) add up, modulo affine maps, to one hinge relu(u_G)
/// with the coefficient vector
///   c_G(s) = Σ_{kinks of units i on G} |λ| · change(s) · Q(s)_{:, i}.
/// Hinges on distinct hyperplanes are linearly independent modulo affine maps (a combination
/// with c_G ≠ 0 bends along the hyperplane of G, off every other one), so for every value of
/// the symbols: F is affine ⇔ every c_G(s) = 0. `conditions` are the nonzero entries of the
/// c_G, each made primitive with a positive leading coefficient, without repeats, in monomial
/// order.
public struct HingeDecomposition: Sendable {
    /// The numeric pre-activations t = P x + p of the hinge layer.
    public let preActivation: AffineMap<Rational>
    /// The hinge layer's activation and its hinge form.
    public let activation: Activation
    let form: HingeForm
    /// The layers after it: h ↦ Q(s) h + q(s).
    public let after: AffineMap<Polynomial>
    /// 1-based index of the hinge layer.
    public let layer: Int
    /// The distinct hyperplanes u_G(x) = g_G·x + β_G = 0 (first nonzero coefficient 1), with
    /// their coefficient vectors c_G(s) (one entry per output).
    public let hinges: [(normal: [Rational], offset: Rational, coefficients: [Polynomial])]

    /// The polynomials in the symbols that must all vanish for F to be affine.
    public var conditions: [Polynomial] {
        var seen = Set<Polynomial>(), out = [Polynomial]()
        for h in hinges {
            for c in h.coefficients where !c.isZero {
                let p = Self.normalized(c)
                if seen.insert(p).inserted { out.append(p) }
            }
        }
        return out.sorted { a, b in
            let la = a.leadingTerm!.monomial, lb = b.leadingTerm!.monomial
            return la != lb ? lb < la : a.description < b.description
        }
    }

    /// The decomposition of `network`, or nil when it is not of this shape: exactly one layer
    /// with a non-affine activation, a hinge form, numeric weights up to and including it,
    /// numeric affine activations before it, and affine activations after it.
    public init?(_ network: Network) {
        let layers = network.layers
        let bending = layers.indices.filter { layers[$0].activation.affineForm == nil }
        guard bending.count == 1, let k = bending.first, let form = layers[k].activation.hingeForm else { return nil }
        var pre = AffineMap<Rational>.identity(network.inputDimension)
        for j in 0...k {
            switch layers[j].dense {
            case .numeric(let m)?: pre = m.composed(after: pre)
            case .float32(let m)?: pre = m.materialized.composed(after: pre)
            case .symbolic?: return nil
            case nil: break
            }
            guard j < k else { break }
            guard let (a, c) = layers[j].activation.affineForm, let slope = a.constantValue,
                let intercept = c.constantValue
            else { return nil }
            pre = AffineMap(weights: pre.weights.scaled(by: slope), bias: pre.bias.map { slope * $0 + intercept })
        }
        var after = AffineMap<Polynomial>.identity(pre.outputDimension)
        for j in (k + 1)..<layers.count {
            if let dense = layers[j].dense { after = dense.polynomialMap.composed(after: after) }
            let (a, c) = layers[j].activation.affineForm!
            after = AffineMap(weights: after.weights.scaled(by: a), bias: after.bias.map { a * $0 + c })
        }
        self.preActivation = pre
        self.activation = layers[k].activation
        self.form = form
        self.after = after
        self.layer = k + 1
        // Group the kinks by hyperplane.
        var index = [[Rational]: Int](), hinges = [(normal: [Rational], offset: Rational, coefficients: [Polynomial])]()
        for i in 0..<pre.outputDimension {
            let g = pre.weights.rowArray(i)
            guard let lead = g.first(where: { !$0.isZero }) else { continue }  // constant: no hinge
            let column = after.weights.columnArray(i)
            for kink in form.kinks {
                let normal = g.map { $0 / lead }, offset = (pre.bias[i] - kink.at) / lead
                let key = normal + [offset]
                let weight = kink.change * Polynomial(lead.magnitude)
                let slot: Int
                if let s = index[key] {
                    slot = s
                } else {
                    slot = hinges.count
                    index[key] = slot
                    hinges.append((normal, offset, Array(repeating: Polynomial.zero, count: after.outputDimension)))
                }
                for r in 0..<column.count {
                    hinges[slot].coefficients[r] = hinges[slot].coefficients[r] + weight * column[r]
                }
            }
        }
        self.hinges = hinges
    }

    /// F at a rational point, each output a polynomial in the symbols (exact).
    public func evaluate(_ x: [Rational]) -> [Polynomial] {
        let t = preActivation.apply(x)
        return after.apply(t.map { form.value(at: $0) })
    }

    /// p divided by its content, with a positive leading coefficient: `a - 1` for `-2*a + 2`.
    static func normalized(_ p: Polynomial) -> Polynomial {
        guard let lead = p.leadingTerm else { return p }
        let content = p.terms.values.reduce(Rational.zero) { Rational.gcd($0, $1) }
        var scale = content.reciprocal
        if lead.coefficient.signum < 0 { scale = -scale }
        return p * Polynomial(scale)
    }
}
