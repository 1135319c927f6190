public import ExactNumbers
public import Algebra
public import NetworkModel

/// One maximal run of consecutive layers whose composition is affine, fused into one dense
/// layer W' x + b' (contract §7).
public struct FusedRun: Sendable, Hashable {
    /// How the run was recognised as affine.
    public enum Evidence: String, Sendable, Hashable {
        /// Every activation in the run is affine as written (identity, affine, leaky_relu
        /// with alpha 1, ...): the composition is affine by construction.
        case syntactic
        /// Some activation is not affine as written, but the analysis proves the sub-network
        /// affine (on the domain for a run starting at layer 1): cancellation, or units that
        /// never leave one piece.
        case analysis
    }
    /// The first layer of the run, 1-based.
    public let firstLayer: Int
    /// The last layer of the run, 1-based and inclusive.
    public let lastLayer: Int
    /// W' and b', exact: the composition of layers firstLayer...lastLayer.
    public let map: AffineMap<Rational>
    /// The rank of W'.
    public let rank: Int
    /// Weights and biases of the run's dense parts as written.
    public let parametersBefore: Int
    /// Weights and biases of the fused layer (rows·columns + rows).
    public let parametersAfter: Int
    /// max |fl32(e) − e| over the entries e of W' and b' (fl32: nearest float32, ties to even);
    /// nil when an entry overflows float32.
    public let float32MaxAbsError: Rational?
    /// W' = U·V with U m×r and V r×n, when r(m + n) + m + r < m·n + m saves parameters.
    public let factorization: RankFactorization?
    /// How the run was recognised.
    public let evidence: Evidence
    /// W' and b' as exact constant expressions when some entry is irrational (a
    /// BatchNormalization folded with √ constants, contract §4); `map` then holds every entry
    /// rounded to its nearest float32 (what an ONNX output stores), and `float32MaxAbsError`
    /// is a rigorous rational upper bound on max |fl32(e) − e| (from the enclosures that
    /// decided fl32(e)), not the exact maximum, which is irrational.
    public var constants: AffineMap<Polynomial>? = nil

    /// W' as printed: exact rationals, or the exact constant expressions.
    public var weightTexts: [[String]] {
        if let constants {
            return (0..<constants.weights.rows).map { constants.weights.rowArray($0).map(\.description) }
        }
        return (0..<map.weights.rows).map { map.weights.rowArray($0).map(\.description) }
    }

    /// b' as printed.
    public var biasTexts: [String] {
        constants.map { $0.bias.map(\.description) } ?? map.bias.map(\.description)
    }
}

/// The result of fusing a network's affine runs.
public struct FusionResult: Sendable {
    /// The network as read.
    public let network: Network
    /// The network with every run replaced by one dense layer (identity activation).
    public let fused: Network
    /// The network with every run replaced by the two layers V, U of its factorization where
    /// one saves parameters (otherwise by the fused layer).
    public let factored: Network
    /// Weights and biases of the network as read.
    public let parametersBefore: Int
    /// Weights and biases of `fused`.
    public let parametersAfter: Int
    /// The runs of two or more layers, in order.
    public let runs: [FusedRun]
}

/// Finding and fusing the maximal affine runs of a numeric network (contract §7).
///
/// Runs are taken greedily from the left: from layer a, the run extends to the largest b such
/// that layers a...b compose to an affine map. Syntactically affine layers (every activation
/// affine as written) extend a run at the cost of one exact product; where an activation is
/// not affine as written, the analysis decides whether the longer sub-network is still affine
/// (for small networks only: at most `AnalysisOptions.fusionLayerLimit` layers and
/// `fusionParameterLimit` parameters), on the network's domain when the run starts at layer 1 and on the whole
/// space otherwise. A run of one layer is not reported (nothing to fuse).
public enum Fusion {
    /// The dense parameters (weights and biases) of a layer.
    public static func parameters(of layer: Layer) -> Int {
        guard let dense = layer.dense else { return 0 }
        return dense.outputDimension * dense.inputDimension + dense.outputDimension
    }

    /// Fuses the runs of a numeric network. Precondition: `network.isNumeric`.
    public static func fuse(_ network: Network, options: AnalysisOptions = AnalysisOptions()) -> FusionResult {
        let layers = network.layers
        var widths = [network.inputDimension]
        for layer in layers { widths.append(layer.outputDimension(forInput: widths.last!)) }
        let total = layers.reduce(0) { $0 + parameters(of: $1) }
        let semantic = layers.count <= options.fusionLayerLimit && total <= options.fusionParameterLimit
        var runs: [FusedRun] = []
        var a = 0
        while a < layers.count {
            var best: (end: Int, map: AffineMap<Rational>, evidence: FusedRun.Evidence)?
            var syntacticEnd = a
            while syntacticEnd < layers.count, isSyntacticallyAffine(layers[syntacticEnd]) { syntacticEnd += 1 }
            if syntacticEnd - a >= 2, !layers[a..<syntacticEnd].allSatisfy({ $0.dense?.isNumeric ?? true }) {
                // Exact constants (√) in some layer: the constant run, syntactic only.
                let before = layers[a..<syntacticEnd].reduce(0) { $0 + parameters(of: $1) }
                if let run = constantRun(
                    first: a + 1, last: syntacticEnd, layers: layers[a..<syntacticEnd], inputWidth: widths[a],
                    before: before)
                {
                    runs.append(run)
                    a = syntacticEnd
                    continue
                }
            }
            if syntacticEnd - a >= 2, layers[a..<syntacticEnd].allSatisfy({ $0.dense?.isNumeric ?? true }) {
                best = (syntacticEnd - 1, composeSyntactic(layers[a..<syntacticEnd], inputWidth: widths[a]), .syntactic)
            }
            if semantic, network.isNumeric {
                var b = layers.count - 1
                while b > (best?.end ?? a) {
                    if let map = analysedMap(network, from: a, through: b, inputWidth: widths[a], options: options) {
                        best = (b, map, .analysis)
                        break
                    }
                    b -= 1
                }
            }
            guard let (end, map, evidence) = best else {
                a += 1
                continue
            }
            let before = layers[a...end].reduce(0) { $0 + parameters(of: $1) }
            runs.append(run(first: a + 1, last: end + 1, map: map, before: before, evidence: evidence))
            a = end + 1
        }
        var fused: [Layer] = [], factored: [Layer] = []
        var next = 0
        for run in runs {
            fused += layers[next..<(run.firstLayer - 1)]
            factored += layers[next..<(run.firstLayer - 1)]
            let location = layers[run.firstLayer - 1].location
            fused.append(Layer(dense: run.constants.map { .symbolic($0) } ?? .numeric(run.map), location: location))
            if let f = run.factorization {
                factored.append(
                    Layer(
                        dense: .numeric(AffineMap(weights: f.right, bias: [Rational](repeating: .zero, count: f.rank))),
                        location: location))
                factored.append(
                    Layer(dense: .numeric(AffineMap(weights: f.left, bias: run.map.bias)), location: location))
            } else {
                factored.append(fused.last!)
            }
            next = run.lastLayer
        }
        fused += layers[next...]
        factored += layers[next...]
        var fusedNetwork = network
        fusedNetwork.layers = fused
        var factoredNetwork = network
        factoredNetwork.layers = factored
        let after = fused.reduce(0) { $0 + parameters(of: $1) }
        return FusionResult(
            network: network, fused: fusedNetwork, factored: factoredNetwork,
            parametersBefore: total, parametersAfter: after, runs: runs)
    }

    /// Whether a layer computes an affine map as written (numeric weights, or exact constants
    /// such as √2, and an affine activation with numeric parameters).
    static func isSyntacticallyAffine(_ layer: Layer) -> Bool {
        guard let (a, c) = layer.activation.affineForm else { return false }
        guard a.constantValue != nil && c.constantValue != nil else { return false }
        switch layer.dense {
        case nil, .numeric?, .float32?: return true
        case .symbolic(let m)?:
            return m.bias.allSatisfy(\.isConstantExpression)
                && (0..<m.weights.rows).allSatisfy { m.weights.rowArray($0).allSatisfy(\.isConstantExpression) }
        }
    }

    /// The run of syntactically affine layers some of which hold exact constants: W', b'
    /// composed exactly (canonical constant expressions), each entry's nearest float32 in
    /// `map`, the rank of the nearest-float32 matrix as a stand-in only when W' is rational
    /// (otherwise the rank over the constants' field is not computed: nil run).
    static func constantRun(first: Int, last: Int, layers: ArraySlice<Layer>, inputWidth: Int, before: Int) -> FusedRun?
    {
        let sub = Network(inputNames: (0..<inputWidth).map { "x\($0 + 1)" }, layers: Array(layers))
        guard let folded = Composition.foldedSymbolic(sub) else { return nil }
        let exact = ExactConstantMap.canonical(AffineMap.composeChain(folded))
        var worst = Rational.zero
        func near(_ p: Polynomial) -> Rational? {
            guard let c = ExactConstant(p), let (v, e) = c.nearest(by: { $0.nearestFloat32Value }) else { return nil }
            if e > worst { worst = e }
            return v
        }
        var entries = [Rational](), bias = [Rational]()
        var overflow = false
        for i in 0..<exact.weights.rows {
            for j in 0..<exact.weights.columns {
                guard let v = near(exact.weights[i, j]) else { overflow = true; break }
                entries.append(v)
            }
        }
        for b in exact.bias where !overflow {
            guard let v = near(b) else { overflow = true; break }
            bias.append(v)
        }
        guard !overflow else { return nil }
        let m = exact.outputDimension, n = exact.inputDimension
        let map = AffineMap(weights: Matrix(rows: m, columns: n, entries: entries), bias: bias)
        let rank = RankFinding.of(.symbolic(exact), in: sub).rank
        var run = FusedRun(
            firstLayer: first, lastLayer: last, map: map, rank: rank, parametersBefore: before,
            parametersAfter: m * n + m, float32MaxAbsError: worst, factorization: nil, evidence: .syntactic)
        run.constants = exact
        return run
    }

    /// The exact composition of syntactically affine layers.
    static func composeSyntactic(_ layers: ArraySlice<Layer>, inputWidth: Int) -> AffineMap<Rational> {
        let sub = Network(inputNames: (0..<inputWidth).map { "x\($0 + 1)" }, layers: Array(layers))
        let maps = Composition.foldedNumeric(sub)!
        return AffineMap.composeChain(maps)
    }

    /// W', b' of layers a...b (0-based) when the analysis proves them affine.
    static func analysedMap(_ network: Network, from a: Int, through b: Int, inputWidth: Int, options: AnalysisOptions)
        -> AffineMap<Rational>?
    {
        let sub = Network(
            inputNames: a == 0 ? network.inputNames : (0..<inputWidth).map { "x\($0 + 1)" },
            layers: Array(network.layers[a...b]), domain: a == 0 ? network.domain : nil)
        let analysis = Analyzer.analyze(sub, options: options)
        guard analysis.verdict.collapses, case .numeric(let map)? = analysis.collapsed else { return nil }
        return map
    }

    /// The run record: rank, parameter counts, float32 error and factorization.
    static func run(first: Int, last: Int, map: AffineMap<Rational>, before: Int, evidence: FusedRun.Evidence)
        -> FusedRun
    {
        let m = map.outputDimension, n = map.inputDimension
        let rank = map.weights.rank(atMost: min(m, n))
        var worst = Rational.zero
        var overflow = false
        for e in map.weights.entries + map.bias {
            guard let nearest = e.nearestFloat32Value else {
                overflow = true
                break
            }
            let error = (nearest - e).magnitude
            if error > worst { worst = error }
        }
        let factorization =
            rank < min(m, n) && rank * (m + n) + rank + m < m * n + m ? RankFactorization(map.weights, rank: rank) : nil
        return FusedRun(
            firstLayer: first, lastLayer: last, map: map, rank: rank, parametersBefore: before,
            parametersAfter: m * n + m, float32MaxAbsError: overflow ? nil : worst,
            factorization: factorization, evidence: evidence)
    }
}
