import ExactNumbers

/// An affine map x ↦ W·x + b over an exact ring: a dense layer, or a collapsed network.
///
/// Invariant: `bias.count == weights.rows`. Composition is exact; `composeChain` is the
/// collapse of a stack of layers into one map W'x + b'.
public struct AffineMap<Scalar: ExactRing>: Hashable, Sendable {
    /// W, outputDimension × inputDimension.
    public let weights: Matrix<Scalar>
    /// b, of length outputDimension.
    public let bias: [Scalar]

    /// x ↦ weights·x + bias. Precondition: bias.count == weights.rows.
    public init(weights: Matrix<Scalar>, bias: [Scalar]) {
        precondition(
            bias.count == weights.rows,
            "AffineMap bias of length \(bias.count) for \(weights.rows)×\(weights.columns) weights")
        self.weights = weights
        self.bias = bias
    }

    /// x ↦ weights·x (zero bias).
    public init(weights: Matrix<Scalar>) {
        self.init(weights: weights, bias: Array(repeating: .zero, count: weights.rows))
    }

    /// The identity map on n-vectors.
    public static func identity(_ n: Int) -> AffineMap {
        AffineMap(weights: .identity(n))
    }

    /// The length of the input vector (weights.columns).
    public var inputDimension: Int { weights.columns }
    /// The length of the output vector (weights.rows).
    public var outputDimension: Int { weights.rows }

    /// W·x + b. Precondition: x.count == inputDimension.
    public func apply(_ x: [Scalar]) -> [Scalar] {
        zip(weights.applied(to: x), bias).map { $0 + $1 }
    }

    /// self ∘ inner, x ↦ W(Wᵢx + bᵢ) + b = (W·Wᵢ)x + (W·bᵢ + b). Rational weights multiply by
    /// cleared denominators (`Matrix.clearedProduct`).
    /// Precondition: inner.outputDimension == inputDimension.
    public func composed(after inner: AffineMap) -> AffineMap {
        precondition(
            inner.outputDimension == inputDimension,
            "composing a map with input dimension \(inputDimension) after one with output dimension \(inner.outputDimension)"
        )
        return AffineMap(
            weights: weights * inner.weights, bias: zip(weights.applied(to: inner.bias), bias).map { $0 + $1 })
    }

    /// The composite of a chain, the first element applied first: composeChain([f₁, f₂, f₃])
    /// = f₃ ∘ f₂ ∘ f₁.
    ///
    /// For rational maps, every layer x ↦ Wx + b is written as the augmented matrix
    /// [[W, b], [0, 1]] and cleared to integers over one denominator per layer, the chain of
    /// integer matrices is multiplied as a balanced tree with FLINT's `fmpz_mat_mul` (both
    /// cores), and each entry is reduced to lowest terms once at the end (see
    /// `composeChainIntegerTree`; tiny maps use the sequential `BigInt.addProduct` kernel).
    /// Other scalars fold `composed(after:)`.
    ///
    /// Preconditions: the chain is not empty; each map's input dimension is the previous one's
    /// output dimension.
    public static func composeChain(_ maps: [AffineMap]) -> AffineMap {
        precondition(!maps.isEmpty, "composeChain needs at least one map (use AffineMap.identity(n) for none)")
        for (inner, outer) in zip(maps, maps.dropFirst()) {
            precondition(
                outer.inputDimension == inner.outputDimension,
                "composeChain: a map with input dimension \(outer.inputDimension) follows one with output dimension \(inner.outputDimension)"
            )
        }
        if let rational = maps as? [AffineMap<Rational>] {
            return AffineMap<Rational>.composeChainCleared(rational) as! AffineMap
        }
        return maps.dropFirst().reduce(maps[0]) { $1.composed(after: $0) }
    }
}

extension AffineMap where Scalar == Rational {
    /// `composeChain` for rationals by cleared denominators: FLINT's integer matrix product
    /// over a balanced tree (`composeChainIntegerTree`), except for tiny maps, where the
    /// sequential `BigInt.addProduct` kernel (`composeChainSequential`) is faster.
    static func composeChainCleared(_ maps: [AffineMap<Rational>]) -> AffineMap<Rational> {
        let largest = maps.map { Swift.max($0.inputDimension, $0.outputDimension) }.max() ?? 0
        return largest <= sequentialChainLimit ? composeChainSequential(maps) : composeChainIntegerTree(maps)
    }

    /// The largest dimension for which `composeChainCleared` multiplies sequentially.
    static let sequentialChainLimit = 4

    /// `composeChain` for rationals by cleared denominators, left to right with the fused
    /// `BigInt.addProduct` kernel: the running map is (M·x + v) / D with integer M, v and D > 0.
    /// The plain reference for `composeChainIntegerTree`.
    static func composeChainSequential(_ maps: [AffineMap<Rational>]) -> AffineMap<Rational> {
        var (running, v) = ScaledIntegerMatrix.clearing(maps[0].weights, with: maps[0].bias)
        for layer in maps.dropFirst() {
            let (m, u) = ScaledIntegerMatrix.clearing(layer.weights, with: layer.bias)
            // (M_l (M x + v)/D + u) / d_l = (M_l M x + M_l v + D u) / (D d_l)
            let product = m.integerProduct(running)
            var newBias = m.integerApplied(to: v)
            for i in newBias.indices where !u[i].isZero { newBias[i].addProduct(running.denominator, u[i]) }
            running = ScaledIntegerMatrix(
                rows: m.rows, columns: running.columns, entries: product,
                denominator: running.denominator * m.denominator)
            v = newBias
            removeContent(&running, &v)
        }
        let d = running.denominator
        func reduce(_ x: BigInt) -> Rational {
            x.isZero ? .zero : (d.isOne ? Rational(x) : Rational(numerator: x, denominator: d))
        }
        return AffineMap(
            weights: Matrix(rows: running.rows, columns: running.columns, entries: running.entries.map(reduce)),
            bias: v.map(reduce))
    }

    /// Divides M, v and D by g = gcd(D, entries of M and v) when g > 1 (stops at g = 1).
    private static func removeContent(_ m: inout ScaledIntegerMatrix, _ v: inout [BigInt]) {
        var g = m.denominator
        for x in m.entries where !x.isZero {
            g = BigInt.gcd(g, x)
            if g.isOne { return }
        }
        for x in v where !x.isZero {
            g = BigInt.gcd(g, x)
            if g.isOne { return }
        }
        m.entries = m.entries.map { $0.dividedExactly(by: g) }
        v = v.map { $0.dividedExactly(by: g) }
        m.denominator = m.denominator.dividedExactly(by: g)
    }
}
