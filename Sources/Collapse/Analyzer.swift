import ExactNumbers
import Algebra
import NetworkModel

/// Settings of an analysis.
public struct AnalysisOptions: Sendable {
    /// Working precision, in bits, of the enclosures of transcendental activations.
    public var precision: Int
    /// Seed of the witness search's random candidates (the search is deterministic).
    public var seed: UInt64
    /// At most this many network evaluations in the witness search.
    public var evaluationBudget: Int
    /// Largest polynomial (in terms) the composition of polynomial activations may build.
    public var termLimit: Int
    /// At most this many linear regions in the complete decision for piecewise-linear
    /// networks (`--max-regions`); past it the verdict is `unknown`.
    public var maxRegions: Int
    /// Called now and then during a long region enumeration (the library does no I/O).
    public var progress: (@Sendable (RegionProgress) -> Void)?
    /// Sizes of the polynomials the analysis may build (`--max-terms`), checked before each
    /// product; past them the verdict is `unknown` with the reason.
    public var budget: PolynomialBudget = .standard
    /// When set, long loops stop at this time and the verdict is `unknown` (`--timeout`).
    public var deadline: Deadline? = nil

    /// Defaults: 128 bits, seed 1, a budget scaled to the network's size.
    public init(precision: Int = 128, seed: UInt64 = 1, evaluationBudget: Int? = nil, termLimit: Int = 20_000,
                maxRegions: Int = 4096, progress: (@Sendable (RegionProgress) -> Void)? = nil) {
        self.precision = precision
        self.seed = seed
        self.evaluationBudget = evaluationBudget ?? 0
        self.termLimit = termLimit
        self.maxRegions = maxRegions
        self.progress = progress
    }
}

/// Decides what a network computes and gathers the evidence (contract §3).
public enum Analyzer {
    /// The verdict with its evidence. Never guesses: `linear`/`affine` rest on exact
    /// composition, `not-affine` on a re-checked exact witness, everything else is `unknown`
    /// with a reason.
    public static func analyze(_ network: Network, options: AnalysisOptions = AnalysisOptions()) -> Analysis {
        // softmax over a single unit is the constant 1 = 0·t + 1: analyse it as that affine map,
        // and report on the network as written.
        let normalized = network.replacingSingleUnitSoftmax()
        guard normalized == network else {
            var analysis = analyze(normalized, options: options)
            analysis.network = network
            for (index, layer) in network.layers.enumerated() where layer.activation != normalized.layers[index].activation {
                analysis.layerFindings[index] = LayerFinding(
                    layer: index + 1, activation: layer.activation,
                    affineFold: (Polynomial(Rational.zero), Polynomial(Rational.one)),
                    summary: "softmax over a single unit is the constant 1 (e^t / e^t = 1), the affine map 0·t + 1; it folds into its layer")
            }
            return analysis
        }
        let findings = LayerFindings.make(network)
        let allAffine = network.layers.allSatisfy { $0.activation.affineForm != nil }
        if allAffine {
            return collapseAffine(network, findings: findings, options: options)
        }
        if let refused = AnalysisLimits.degreeRefusal(network, options: options) {
            return undecided(network, findings: findings, reason: refused)
        }
        let allPolynomial = network.layers.allSatisfy { $0.activation.polynomialForm != nil }
        if allPolynomial, let result = analyzePolynomial(network, findings: findings, options: options) {
            return result
        }
        if !network.isNumeric {
            let culprit = network.layers.firstIndex { $0.activation.affineForm == nil }.map { $0 + 1 } ?? 1
            let name = network.layers[culprit - 1].activation.name
            return undecided(network, findings: findings,
                             reason: "layer \(culprit) applies \(name), which is not affine, to values that depend on symbolic weights; whether the network is affine depends on the values of the symbols (give them numbers to decide)")
        }
        let searched = searchWitness(network, findings: findings, options: options, polynomialReason: nil)
        if searched.verdict == .unknown, RegionEnumerator.supports(network),
           let decided = RegionDecision.decide(network, findings: findings, options: options) {
            return decided
        }
        if searched.verdict == .notAffine, RegionEnumerator.supports(network) {
            var illustrated = searched
            illustrated.regions = RegionDecision.illustrate(network, options: options)
            return illustrated
        }
        return searched
    }

    // MARK: Affine activations: compose exactly

    static func collapseAffine(_ network: Network, findings: [LayerFinding], options: AnalysisOptions = AnalysisOptions()) -> Analysis {
        if let folded = Composition.foldedNumeric(network) {
            // A network with no layers (built in code; specs reject it) is the identity.
            let map = folded.isEmpty ? AffineMap<Rational>.identity(network.inputDimension) : AffineMap<Rational>.composeChain(folded)
            return collapsed(network, findings: findings, map: .numeric(map), folded: folded.map { .numeric($0) }, polynomialOutputs: nil)
        }
        let folded = Composition.foldedSymbolic(network)!
        switch Composition.composeChainChecked(folded, budget: options.budget, deadline: options.deadline) {
        case .success(let map):
            return collapsed(network, findings: findings, map: .symbolic(map), folded: folded.map { .symbolic($0) }, polynomialOutputs: nil,
                             options: options)
        case .failure(let limit):
            return undecided(network, findings: findings, reason: "the symbolic composition stopped: \(limit.description)")
        }
    }

    /// The analysis of a network proved equal to the affine map `map`.
    static func collapsed(_ network: Network, findings: [LayerFinding], map: CollapsedMap, folded: [CollapsedMap], polynomialOutputs: [Polynomial]?,
                          options: AnalysisOptions = AnalysisOptions()) -> Analysis {
        let biasZero = map.biasIsZero
        let verdict: Verdict = biasZero ? .linear : .affine
        var linearIf: [Polynomial]? = nil
        if case .symbolic(let m) = map, !biasZero {
            let nonzero = m.bias.filter { !$0.isZero }
            if nonzero.allSatisfy({ !$0.isConstant }) { linearIf = nonzero }
        }
        let checks = IdentityEvidence.forCollapsed(network, map: map)
        return Analysis(network: network, verdict: verdict, reason: nil, collapsed: map,
                        rank: rankFinding(network, map: map, options: options),
                        additivity: checks.additivity, homogeneity: checks.homogeneity, affinity: checks.affinity,
                        linearIf: linearIf, affineIf: nil, layerFindings: findings, foldedLayers: folded,
                        polynomialOutputs: polynomialOutputs)
    }

    static func rankFinding(_ network: Network, map: CollapsedMap, options: AnalysisOptions = AnalysisOptions()) -> RankFinding {
        var narrowest = network.inputDimension
        var narrowestLayer: Int? = nil
        var width = network.inputDimension
        for (index, layer) in network.layers.enumerated() {
            if let dense = layer.dense { width = dense.outputDimension }
            if index < network.layers.count - 1, width < narrowest {
                narrowest = width
                narrowestLayer = index + 1
            }
        }
        let full = min(map.inputDimension, map.outputDimension)
        let rank: Int
        let generic: Bool
        var certificate: GenericRank? = nil
        switch map {
        case .numeric(let m): rank = m.weights.rank(atMost: min(narrowest, full)); generic = false
        case .symbolic(let m):
            let c = m.weights.genericRankCertificate(atMost: min(narrowest, full), seed: options.seed, budget: options.budget)
            (rank, generic, certificate) = (c.rank, true, c)
        }
        return RankFinding(rank: rank, isGeneric: generic, narrowestWidth: min(narrowest, full),
                           narrowestLayer: narrowest < full ? narrowestLayer : nil, fullRank: full, certificate: certificate)
    }

    // MARK: Polynomial activations: compose as polynomial maps

    static func analyzePolynomial(_ network: Network, findings: [LayerFinding], options: AnalysisOptions) -> Analysis? {
        let inputs = Composition.inputSymbols(network)
        let outputs: [Polynomial]
        switch AnalysisLimits.polynomialOutputs(network, inputs: inputs, options: options) {
        case .outputs(let h): outputs = h
        case .notPolynomial: return nil
        case .stopped(let limit):
            // Too large to compose: a numeric network still gets the witness search.
            if network.isNumeric, case .tooLarge = limit { return nil }
            return undecided(network, findings: findings, reason: "the composition of the polynomial activations stopped: \(limit.description)")
        }
        let inputSet = Set(inputs)
        var linearPart = [[Polynomial]](repeating: [Polynomial](repeating: Polynomial(Rational.zero), count: inputs.count), count: outputs.count)
        var constantPart = [Polynomial](repeating: Polynomial(Rational.zero), count: outputs.count)
        var higher = [Polynomial]()
        for (i, p) in outputs.enumerated() {
            // Group the terms by their monomial in the input symbols.
            var groups: [Monomial: Polynomial] = [:]
            for (m, c) in p.terms {
                let (inputPart, weightPart) = m.split { inputSet.contains($0) }
                groups[inputPart, default: Polynomial(Rational.zero)] += Polynomial(terms: [weightPart: c])
            }
            for (m, coefficient) in groups where !coefficient.isZero {
                switch m.totalDegree {
                case 0: constantPart[i] = coefficient
                case 1: linearPart[i][inputs.firstIndex(of: m.symbols[0])!] = coefficient
                default: higher.append(coefficient)
                }
            }
        }
        if higher.isEmpty {
            let w = Matrix<Polynomial>(rows: outputs.count, columns: inputs.count, entries: linearPart.flatMap { $0 })
            let symbolicMap = AffineMap(weights: w, bias: constantPart)
            let map: CollapsedMap
            if network.isNumeric {
                map = .numeric(AffineMap(weights: w.map { $0.constantValue! }, bias: constantPart.map { $0.constantValue! }))
            } else {
                map = .symbolic(symbolicMap)
            }
            return collapsed(network, findings: findings, map: map, folded: [], polynomialOutputs: outputs, options: options)
        }
        let maxDegree = outputs.map(\.totalDegree).max() ?? 0
        if network.isNumeric {
            var result = searchWitness(network, findings: findings, options: options,
                                       polynomialReason: "F is a polynomial map of degree \(maxDegree) in the inputs whose terms of degree >= 2 do not cancel")
            result = result.with(polynomialOutputs: outputs)
            return result
        }
        let decides = higher.contains { $0.isConstant }
        if decides, let result = SymbolicPolynomialWitness.refute(network, findings: findings, outputs: outputs) {
            return result
        }
        return Analysis(network: network, verdict: .unknown,
                        reason: decides
                            ? "F is a polynomial map whose terms of degree >= 2 do not all cancel, but with symbolic weights no single witness refutes affinity for every value of the symbols"
                            : "F is a polynomial map; it is affine exactly when the coefficients in affine_if all vanish, which depends on the values of the symbols",
                        collapsed: nil, rank: nil,
                        additivity: IdentityCheck(identity: .additivity, holds: nil, witness: nil, residual: nil),
                        homogeneity: IdentityCheck(identity: .homogeneity, holds: nil, witness: nil, residual: nil),
                        affinity: IdentityCheck(identity: .affinity, holds: nil, witness: nil, residual: nil),
                        linearIf: nil, affineIf: decides ? nil : higher, layerFindings: findings, foldedLayers: [],
                        polynomialOutputs: outputs)
    }

    // MARK: Non-affine activations: search for a witness

    static func searchWitness(_ network: Network, findings: [LayerFinding], options: AnalysisOptions, polynomialReason: String?) -> Analysis {
        let size = network.layers.reduce(network.inputDimension) { acc, layer in
            acc + (layer.dense.map { $0.outputDimension * $0.inputDimension } ?? 0)
        }
        let budget = options.evaluationBudget > 0 ? options.evaluationBudget : max(60, min(3000, 4_000_000 / max(size, 1)))
        var search = WitnessSearch(network: network, precision: options.precision, seed: options.seed, budget: budget)
        search.deadline = options.deadline
        let affinity = search.affinityWitness()
        let additivity = search.additivityWitness(after: affinity)
        let homogeneity = search.homogeneityWitness(after: affinity)
        let culprit = network.layers.firstIndex { $0.activation.affineForm == nil }.map { $0 + 1 }
        let verdict: Verdict = affinity != nil ? .notAffine : .unknown
        var reason: String
        if let affinity, let culprit {
            let name = network.layers[culprit - 1].activation.name
            let how = network.layers[culprit - 1].activation.isPiecewiseLinear
                ? "a unit of it is reached on both sides of a breakpoint"
                : "its units are reached where it bends"
            reason = polynomialReason ?? "layer \(culprit) applies \(name), which is not affine, and \(how)"
            reason += "; exact witness: F(x+y) + F(0) = \(affinity.lhs.map { $0.humanText() }.joined(separator: ", ")) but F(x) + F(y) = \(affinity.rhs.map { $0.humanText() }.joined(separator: ", "))"
        } else {
            let allPiecewiseLinear = network.layers.allSatisfy { $0.activation.isPiecewiseLinear }
            reason = search.timedOut
                ? "\(options.deadline!.phrase) ran out during the witness search after \(budget - search.budget) of \(budget) evaluations, with no exact witness of non-affinity and affinity not proved"
                : "no exact witness of non-affinity was found in \(budget) evaluations and affinity is not proved: "
                + (allPiecewiseLinear
                    ? "the non-affine units may never be reached on both sides of a breakpoint"
                    : "the differences may be too small for the enclosures at this precision, or the non-affine units may never be reached where they bend")
        }
        return Analysis(network: network, verdict: verdict, reason: reason, collapsed: nil, rank: nil,
                        additivity: IdentityCheck(identity: .additivity, holds: additivity == nil ? nil : false, witness: additivity, residual: nil),
                        homogeneity: IdentityCheck(identity: .homogeneity, holds: homogeneity == nil ? nil : false, witness: homogeneity, residual: nil),
                        affinity: IdentityCheck(identity: .affinity, holds: affinity == nil ? nil : false, witness: affinity, residual: nil),
                        linearIf: nil, affineIf: nil, layerFindings: findings, foldedLayers: [], polynomialOutputs: nil)
    }

    static func undecided(_ network: Network, findings: [LayerFinding], reason: String) -> Analysis {
        Analysis(network: network, verdict: .unknown, reason: reason, collapsed: nil, rank: nil,
                 additivity: IdentityCheck(identity: .additivity, holds: nil, witness: nil, residual: nil),
                 homogeneity: IdentityCheck(identity: .homogeneity, holds: nil, witness: nil, residual: nil),
                 affinity: IdentityCheck(identity: .affinity, holds: nil, witness: nil, residual: nil),
                 linearIf: nil, affineIf: nil, layerFindings: findings, foldedLayers: [], polynomialOutputs: nil)
    }
}

extension Analysis {
    /// A copy with `polynomialOutputs` replaced.
    func with(polynomialOutputs: [Polynomial]?) -> Analysis {
        Analysis(network: network, verdict: verdict, reason: reason, collapsed: collapsed, rank: rank,
                 additivity: additivity, homogeneity: homogeneity, affinity: affinity, linearIf: linearIf,
                 affineIf: affineIf, layerFindings: layerFindings, foldedLayers: foldedLayers,
                 polynomialOutputs: polynomialOutputs, regions: regions)
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

extension Network {
    /// The network with every softmax over a single unit replaced by the constant map
    /// 0·t + 1 it computes (softmax(t) = e^t / e^t = 1).
    func replacingSingleUnitSoftmax() -> Network {
        var width = inputDimension
        var copy = self
        for index in copy.layers.indices {
            if let dense = copy.layers[index].dense { width = dense.outputDimension }
            if case .softmax = copy.layers[index].activation, width == 1 {
                copy.layers[index].activation = .affine(slope: Polynomial(Rational.zero), intercept: Polynomial(Rational.one))
            }
        }
        return copy
    }
}
