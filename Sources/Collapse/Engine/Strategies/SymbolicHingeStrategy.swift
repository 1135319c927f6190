import ExactNumbers
import Algebra
import NetworkModel

/// Symbols around one layer of hinges (`HingeDecomposition`): leaky_relu with α a symbol,
/// or relu/abs/hardtanh units whose outgoing weights are symbols. F is affine for a value of
/// the symbols exactly when every hinge coefficient c_G(s) vanishes, so:
/// - every c_G is identically zero: F collapses for every value (`hingesCancel`), with W', b'
///   read from the affine parts of the hinges;
/// - some entry of a c_G is a nonzero number: F is affine for no value; `not-affine` when a
///   point pair's affinity residual, a polynomial in the symbols, is provably never zero
///   (`SymbolicPolynomialWitness.neverZero`), else undecided with the conditions;
/// - otherwise undecided with `affine_if` = the conditions (necessary and sufficient).
/// Passes when the network is numeric or not of that shape.
struct SymbolicHingeStrategy: DecisionStrategy {
    func decide(_ context: DecisionContext) -> Conclusion? {
        let network = context.network
        guard !network.isNumeric, let hinges = HingeDecomposition(network) else { return nil }
        let conditions = hinges.conditions
        if conditions.isEmpty {
            return .collapses(.symbolic(hinges.collapsedMap()), .hingesCancel(layer: hinges.layer))
        }
        let neverAffine = conditions.contains { $0.isConstant }
        if neverAffine,
            let refutation = refute(hinges, inputDimension: network.inputDimension, seed: context.options.seed)
        {
            return refutation
        }
        return .undecided(.symbolicHinges(affineIf: conditions, layer: hinges.layer, neverAffine: neverAffine))
    }

    /// An affinity witness whose residual F(x+y) + F(0) − F(x) − F(y) is nonzero for every
    /// value of the symbols, from the unit points (of the first 8 inputs), their doubles and
    /// negatives, and 24 seeded small random points; additivity and homogeneity witnesses
    /// likewise when found.
    func refute(_ hinges: HingeDecomposition, inputDimension n: Int, seed: UInt64) -> Conclusion? {
        let zero = [Rational](repeating: .zero, count: n)
        var points = [zero]
        for i in 0..<min(n, 8) {
            for scale in [1, 2, -1] {
                var e = zero
                e[i] = Rational(scale)
                points.append(e)
            }
        }
        var rng = SplitMix64(seed: seed)
        for _ in 0..<24 {
            points.append((0..<n).map { _ in Rational(Int(rng.next() % 9) - 4, Int(rng.next() % 3) + 1) })
        }
        var cache = [[Rational]: [Polynomial]]()
        func f(_ x: [Rational]) -> [Polynomial] {
            if let v = cache[x] { return v }
            let v = hinges.evaluate(x)
            cache[x] = v
            return v
        }
        func values(_ v: [Polynomial]) -> [ExactValue] {
            v.map { $0.constantValue.map { .exact($0) } ?? .symbolic($0) }
        }
        /// The witness of `identity` at (x, y) or (x, c) when some coordinate of its sides
        /// differs for every value of the symbols.
        func witness(_ identity: Identity, _ x: [Rational], y: [Rational]? = nil, c: Rational? = nil) -> Witness? {
            guard let (lhs, rhs) = identity.sides(x: x, y: y, c: c, in: .symbolicValues, f),
                zip(lhs, rhs).contains(where: { SymbolicPolynomialWitness.neverZero($0 - $1) })
            else { return nil }
            return Witness(x: x, y: y, c: c, lhs: values(lhs), rhs: values(rhs))
        }
        var affinity: Witness? = nil, additivity: Witness? = nil, homogeneity: Witness? = nil
        search: for x in points {
            for y in points {
                if affinity == nil { affinity = witness(.affinity, x, y: y) }
                if additivity == nil { additivity = witness(.additivity, x, y: y) }
                if affinity != nil && additivity != nil { break search }
            }
        }
        guard let affinity else { return nil }
        search: for x in points {
            for c in [Rational(2), Rational(-1), Rational(1, 2), Rational(3)] {
                homogeneity = witness(.homogeneity, x, c: c)
                if homogeneity != nil { break search }
            }
        }
        return .refuted(
            affinity: affinity, additivity: additivity, homogeneity: homogeneity, .symbolicHinges(layer: hinges.layer))
    }
}

extension HingeDecomposition {
    /// W'x + b' when every hinge coefficient vanishes: unit i contributes its leftmost piece
    /// slope·t_i + intercept and, per kink, change·min(λ, 0)·u (relu(λu) = |λ|relu(u) +
    /// min(λ, 0)u, whose |λ|relu(u) parts cancel); a unit with a constant pre-activation
    /// contributes f(c).
    func collapsedMap() -> AffineMap<Polynomial> {
        let n = preActivation.inputDimension, width = preActivation.outputDimension
        var rows = [[Polynomial]](), bias = [Polynomial]()
        for i in 0..<width {
            let g = preActivation.weights.rowArray(i), c = preActivation.bias[i]
            guard let lead = g.first(where: { !$0.isZero }) else {
                rows.append(Array(repeating: .zero, count: n))
                bias.append(form.value(at: c))
                continue
            }
            var row = g.map { form.slope * Polynomial($0) }
            var constant = form.slope * Polynomial(c) + form.intercept
            if lead.signum < 0 {
                for kink in form.kinks {
                    // min(λ, 0)·u = λ·u = t − τ.
                    for j in 0..<n { row[j] = row[j] + kink.change * Polynomial(g[j]) }
                    constant = constant + kink.change * Polynomial(c - kink.at)
                }
            }
            rows.append(row)
            bias.append(constant)
        }
        let inner = AffineMap(weights: Matrix(rows: width, columns: n, entries: rows.flatMap { $0 }), bias: bias)
        return after.composed(after: inner)
    }
}
