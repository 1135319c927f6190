public import ExactNumbers

extension AffineMap where Scalar == Rational {
    /// The composite of a chain of rational maps by one integer matrix product.
    ///
    /// Layer l, x ↦ Wₗx + bₗ, is the augmented matrix Aₗ = [[Wₗ, bₗ], [0, 1]], cleared to
    /// integers Nₗ = dₗAₗ = [[Mₗ, uₗ], [0, dₗ]] with dₗ the lcm of its denominators. Then
    /// N_L⋯N₁ = [[M, v], [0, D]] with D = d₁⋯d_L, and the composite is x ↦ (M/D)x + v/D: one
    /// integer chain product (`IntegerMatrix.product`, FLINT's `fmpz_mat_mul`, a balanced tree
    /// by default) and one reduction to lowest terms per entry at the end (`quotients(by:rows:)`),
    /// as in FLINT's `fmpq_mat_mul_cleared`, but once for the whole chain.
    ///
    /// Equal to `composeChainSequential` (tested on random chains, including 0- and
    /// 1-dimensional layers). Preconditions as for `composeChain`.
    static func composeChainIntegerTree(
        _ maps: [AffineMap<Rational>], order: IntegerMatrix.ProductOrder = .balancedTree
    ) -> AffineMap<Rational> {
        let factors = maps.reversed().map(augmentedIntegerMatrix)
        return composite(
            ofFactors: consume factors, outputs: maps[maps.count - 1].outputDimension, inputs: maps[0].inputDimension,
            order: order)
    }

    /// x ↦ (M/D)x + v/D from the product [[M, v], [0, D]] of the cleared factors N_L, …, N₁
    /// (outermost first), which it consumes.
    static func composite(
        ofFactors factors: consuming [IntegerMatrix], outputs m: Int, inputs n: Int,
        order: IntegerMatrix.ProductOrder = .balancedTree
    ) -> AffineMap<Rational> {
        let weights: [Rational], bias: [Rational]
        do {
            let product = IntegerMatrix.product(consume factors, order: order)
            let denominator = product[m, n]
            // W' and b' straight from their blocks of [[M, v], [0, D]] (no m × (n + 1) array of
            // rationals to copy them out of: 24 MB less at the peak for 1024 × 1024).
            weights = product.quotients(by: denominator, rows: 0..<m, columns: 0..<n)
            bias = product.quotients(by: denominator, rows: 0..<m, columns: n..<(n + 1))
        }
        // The product is freed: its integers leave FLINT's cache too.
        IntegerMatrix.releaseCachedIntegers()
        return AffineMap(weights: Matrix(rows: m, columns: n, entries: weights), bias: bias)
    }

    /// [[W, b], [0, 1]] times the lcm of its denominators, as an integer matrix.
    static func augmentedIntegerMatrix(_ map: AffineMap<Rational>) -> IntegerMatrix {
        let (m, n) = (map.outputDimension, map.inputDimension)
        var values: [Rational] = []
        values.reserveCapacity((m + 1) * (n + 1))
        for i in 0..<m {
            values.append(contentsOf: map.weights.entries[(i * n)..<((i + 1) * n)])
            values.append(map.bias[i])
        }
        values.append(contentsOf: repeatElement(Rational.zero, count: n))
        values.append(.one)
        return IntegerMatrix.clearing(values, rows: m + 1, columns: n + 1).matrix
    }
}

extension AffineMap where Scalar == Rational {
    /// `composeChain` of `count` maps made one at a time: `map(k)` is called once for each k in
    /// 0..<count, in order, and each map is cleared to its integer factor before the next is
    /// made, so that the caller need not hold the chain's rationals (the layers of a compact
    /// network are made rational one by one; peak memory, issue 15). Equal to
    /// `composeChain((0..<count).map(map))`. Preconditions: count > 0; each map's input
    /// dimension is the previous one's output dimension.
    public static func composeChain(count: Int, _ map: (Int) -> AffineMap<Rational>) -> AffineMap<Rational> {
        precondition(count > 0, "composeChain needs at least one map (use AffineMap.identity(n) for none)")
        var factors = [IntegerMatrix]()
        factors.reserveCapacity(count)
        // Kept while every map is tiny: such a chain is multiplied as `composeChainCleared` does
        // (without FLINT); cleared to factors when a larger map comes.
        var tiny = [AffineMap<Rational>]()
        var inputs = 0, outputs = 0
        for k in 0..<count {
            let layer = map(k)
            if k == 0 {
                inputs = layer.inputDimension
            } else {
                precondition(
                    layer.inputDimension == outputs,
                    "composeChain: a map with input dimension \(layer.inputDimension) follows one with output dimension \(outputs)"
                )
            }
            outputs = layer.outputDimension
            if factors.isEmpty, Swift.max(layer.inputDimension, layer.outputDimension) <= sequentialChainLimit {
                tiny.append(layer)
                continue
            }
            factors.append(contentsOf: tiny.map(augmentedIntegerMatrix))
            tiny = []
            factors.append(augmentedIntegerMatrix(layer))
        }
        if factors.isEmpty { return composeChainSequential(tiny) }
        factors.reverse()
        return composite(ofFactors: consume factors, outputs: outputs, inputs: inputs)
    }

    /// `composeChain` with a chosen order of the integer chain product (for benchmarks that
    /// measure the balanced tree against the right-to-left chain). Preconditions as for
    /// `composeChain`.
    public static func composeChain(_ maps: [AffineMap<Rational>], order: IntegerMatrix.ProductOrder) -> AffineMap<
        Rational
    > {
        precondition(!maps.isEmpty, "composeChain needs at least one map (use AffineMap.identity(n) for none)")
        return composeChainIntegerTree(maps, order: order)
    }
}
