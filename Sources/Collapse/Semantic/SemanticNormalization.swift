import ExactNumbers
import Algebra
public import NetworkModel

/// The normalisation step of the decision: a network → an exactly equivalent simpler network
/// and the steps that justify it (contract §4: the verdict is about the function, not how it
/// is written).
///
/// For each layer with a non-affine elementwise activation f and a numeric dense part
/// t = W h + b, every unit is examined before any decision:
/// - a unit whose outgoing weights (the next layer's column) are all zero is removed;
/// - a unit whose pre-activation is constant (zero row; or a polynomial in the input that is
///   constant) is the constant f(c) when f(c) is rational, folded into the next bias;
/// - a unit whose pre-activation provably stays in one piece of f (relu of t² + 1; a range a
///   caller proved on a domain) acts as that piece, slope·t + intercept;
/// - units whose rows (W_i, b_i) are proportional, z_i = λ_i u, are combined through the
///   identities of `ActivationIdentity` (odd, even, σ(−t) = 1 − σ(t),
///   f(−t) = f(t) − s·t, positive homogeneity): their contribution Σ c_i f(λ_i u) becomes
///   Q f(u) + R u + K exactly, and the units disappear when Q = 0.
/// When every unit of a layer becomes affine, the layer composes into the next one, whose
/// units may then become constant in turn ("followed by more cancellation"): the passes
/// repeat until nothing changes. An affine remainder A·h next to units that stay is carried
/// through by pairs t = (f(t) − f(−t))/s (relu-like activations) when that uses fewer units.
///
/// Soundness: every replacement is an identity of real functions for every input (the
/// activations' exact definitions, contract §1, breakpoints included); ranges come only from
/// exact arguments (`UnitRange`). Symbolic networks are returned unchanged.
///
/// Complexity: linear in the parameters per pass (rows are bucketed by a cheap signature
/// before exact comparison), plus the exact sign tests of polynomial pre-activations.
public enum SemanticNormalization {
    /// The simplified network and its steps. `ranges[layer][unit]` (0-based, spec
    /// numbering), when given, are proved ranges of the units' pre-activations (for example
    /// from bound propagation on a domain); they are used only where they are valid for the
    /// question asked, which is the caller's responsibility.
    ///
    /// With `irrationalConstants` (the default), constant units whose value is not rational
    /// (σ(1)) are folded too, as exact constants (`constantPass`): the simplified network then
    /// has `.symbolic` layers whose symbols are `ConstantAtom`s only.
    public static func normalize(
        _ network: Network, ranges: [[UnitRange?]]? = nil,
        termLimit: Int = AnalysisOptions.defaults.normalizationTermLimit,
        irrationalConstants: Bool = true
    ) -> Normalization {
        guard network.isNumeric, !network.layers.isEmpty else {
            return Normalization(original: network, simplified: network, steps: [])
        }
        var state = NormalizationState(network: network, ranges: ranges, termLimit: termLimit)
        var passes = 0
        // The rational passes, then irrational constants (which may enable more), until stable.
        while true {
            let rational = state.pass()
            let constants = irrationalConstants && state.constantPass()
            guard rational || constants, passes < 16 else { break }
            passes += 1
        }
        var steps = state.steps
        if ranges != nil {
            for i in steps.indices { steps[i].onDomain = true }
        }
        return Normalization(original: network, simplified: state.network, steps: steps)
    }
}

/// The network being simplified, with the spec numbering of its layers and units.
struct NormalizationState {
    var network: Network
    /// 1-based spec index of each current layer.
    var layerOrigin: [Int]
    /// 1-based spec index of each unit of each current layer (nil: added by a step).
    var unitOrigin: [[Int?]]
    let ranges: [[UnitRange?]]?
    let termLimit: Int
    var steps: [NormalizationStep] = []

    init(network: Network, ranges: [[UnitRange?]]?, termLimit: Int) {
        self.network = network
        self.ranges = ranges
        self.termLimit = termLimit
        layerOrigin = Array(1...network.layers.count)
        var width = network.inputDimension
        unitOrigin = network.layers.map { layer in
            width = layer.outputDimension(forInput: width)
            return (0..<width).map { Optional($0 + 1) }
        }
    }

    /// One pass over the layers; true when something changed.
    mutating func pass() -> Bool {
        var changed = false
        var k = 0
        while k < network.layers.count {
            switch simplifyLayer(k) {
            case .unchanged: k += 1
            case .rewritten: changed = true; k += 1
            case .folded: changed = true  // layer k is now the former layer k + 1
            }
        }
        return changed
    }

    enum Outcome { case unchanged, rewritten, folded }

    func inputWidth(_ k: Int) -> Int {
        network.layers[0..<k].reduce(network.inputDimension) { $1.outputDimension(forInput: $0) }
    }

    /// A unit that stays: its row and bias in the layer, its column in the next layer.
    struct KeptUnit {
        var row: [Rational]
        var bias: Rational
        var column: [Rational]
        var origin: Int?
    }

    /// What one layer simplifies to.
    struct LayerPlan {
        var kept = [KeptUnit]()
        /// The affine remainder M·h + m added to the next layer's pre-activation.
        var residual: [[Rational]]
        var offset: [Rational]
        var steps = [NormalizationStep]()
        var residualIsZero: Bool { residual.allSatisfy { $0.allSatisfy(\.isZero) } }
    }

    mutating func simplifyLayer(_ k: Int) -> Outcome {
        let layer = network.layers[k]
        let f = layer.activation
        guard f.affineForm == nil, f.isElementwise else { return .unchanged }
        let inWidth = inputWidth(k)
        let dense: AffineMap<Rational>
        switch layer.dense {
        case .numeric(let m)?: dense = m
        case .float32(let m)?: dense = m.materialized
        case nil:
            guard inWidth <= 256 else { return .unchanged }
            dense = AffineMap(weights: .identity(inWidth), bias: Array(repeating: .zero, count: inWidth))
        case .symbolic?: return .unchanged
        }
        let width = dense.outputDimension
        guard width > 0 else { return .unchanged }
        let unitRanges = self.unitRanges(k, dense: dense)
        let pieces = unitRanges.map { f.stablePiece(on: $0) }
        let origins = unitOrigin[k]

        guard k + 1 < network.layers.count, let consumer = network.layers[k + 1].dense?.rationalMap else {
            // No next dense part: only a whole-layer rewrite, every unit affine.
            guard pieces.allSatisfy({ $0 != nil }) else { return .unchanged }
            var rows = [Rational](), bias = [Rational]()
            rows.reserveCapacity(width * inWidth)
            for i in 0..<width {
                let (s, c) = pieces[i]!
                rows += dense.weights.rowArray(i).map { s * $0 }
                bias.append(s * dense.bias[i] + c)
                steps.append(unitStep(k, unit: i, f: f, range: unitRanges[i], piece: (s, c)))
            }
            network.layers[k] = Layer(
                dense: .numeric(AffineMap(weights: Matrix(rows: width, columns: inWidth, entries: rows), bias: bias)),
                activation: .identity, location: layer.location)
            steps.append(NormalizationStep(layer: layerOrigin[k], units: [], activation: f, kind: .layerAffine))
            return .rewritten
        }

        var plan = makePlan(
            k, f: f, dense: dense, consumer: consumer, pieces: pieces, ranges: unitRanges, origins: origins,
            allowResidual: true)
        if plan.steps.isEmpty { return .unchanged }
        if plan.kept.isEmpty {
            let folded = AffineMap(
                weights: Matrix(
                    rows: consumer.outputDimension, columns: inWidth, entries: plan.residual.flatMap { $0 }),
                bias: zip(consumer.bias, plan.offset).map { $0 + $1 })
            let next = network.layers[k + 1]
            network.layers[k + 1] = Layer(dense: .numeric(folded), activation: next.activation, location: next.location)
            steps += plan.steps
            steps.append(
                NormalizationStep(
                    layer: layerOrigin[k], units: [], activation: f, kind: .layerFolded(into: layerOrigin[k + 1])))
            network.layers.remove(at: k)
            layerOrigin.remove(at: k)
            unitOrigin.remove(at: k)
            return .folded
        }
        if !plan.residualIsZero {
            let nonzeroRows = plan.residual.indices.filter { !plan.residual[$0].allSatisfy(\.isZero) }
            if case .shiftedReflection(let s)? = f.reflectionIdentity, !s.isZero,
                2 * nonzeroRows.count < width - plan.kept.count
            {
                // t = (f(t) − f(−t)) / s carries each row of M through the layer.
                for r in nonzeroRows {
                    var column = Array(repeating: Rational.zero, count: consumer.outputDimension)
                    column[r] = s.reciprocal
                    plan.kept.append(KeptUnit(row: plan.residual[r], bias: .zero, column: column, origin: nil))
                    column[r] = -s.reciprocal
                    plan.kept.append(
                        KeptUnit(row: plan.residual[r].map { -$0 }, bias: .zero, column: column, origin: nil))
                }
                plan.steps.append(
                    NormalizationStep(
                        layer: layerOrigin[k], units: [], activation: f,
                        kind: .passThrough(pairs: nonzeroRows.count, slope: s)))
            } else {
                plan = makePlan(
                    k, f: f, dense: dense, consumer: consumer, pieces: pieces, ranges: unitRanges, origins: origins,
                    allowResidual: false)
                if plan.steps.isEmpty { return .unchanged }
            }
        }
        let n = plan.kept.count
        var rows = [Rational](), columns = [Rational]()
        rows.reserveCapacity(n * inWidth)
        for unit in plan.kept { rows += unit.row }
        let out = consumer.outputDimension
        columns.reserveCapacity(out * n)
        for r in 0..<out { for unit in plan.kept { columns.append(unit.column[r]) } }
        network.layers[k] = Layer(
            dense: .numeric(
                AffineMap(weights: Matrix(rows: n, columns: inWidth, entries: rows), bias: plan.kept.map(\.bias))),
            activation: f, location: layer.location)
        let next = network.layers[k + 1]
        network.layers[k + 1] = Layer(
            dense: .numeric(
                AffineMap(
                    weights: Matrix(rows: out, columns: n, entries: columns),
                    bias: zip(consumer.bias, plan.offset).map { $0 + $1 })),
            activation: next.activation, location: next.location)
        unitOrigin[k] = plan.kept.map(\.origin)
        steps += plan.steps
        return .rewritten
    }

    /// The step for a unit acting as the affine piece (s, c).
    func unitStep(_ k: Int, unit i: Int, f: Activation, range: UnitRange, piece: (Rational, Rational))
        -> NormalizationStep
    {
        let units = unitOrigin[k][i].map { [$0] } ?? []
        if let c = range.constant, piece.0.isZero {
            return NormalizationStep(
                layer: layerOrigin[k], units: units, activation: f, kind: .constant(preactivation: c, value: piece.1))
        }
        return NormalizationStep(
            layer: layerOrigin[k], units: units, activation: f,
            kind: .stable(range: range, slope: piece.0, intercept: piece.1))
    }
}
