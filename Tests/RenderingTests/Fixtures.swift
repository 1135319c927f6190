import ExactNumbers
import Enclosures
import Algebra
import NetworkModel
import Collapse

/// Hand-built analyses for rendering tests (no engine involved).
enum Fixtures {
    static func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d) }

    static func network(name: String?, weights: [[Rational]], bias: [Rational], inputNames: [String]? = nil) -> Network
    {
        let map = AffineMap(weights: Matrix(rows: weights), bias: bias)
        let names = inputNames ?? (1...max(1, weights.first?.count ?? 1)).map { "x\($0)" }
        return Network(name: name, inputNames: names, layers: [Layer(dense: .numeric(map))])
    }

    /// The contract §3 example: an affine map with failing additivity and homogeneity.
    static func contractExample(name: String? = "stacked-linear") -> Analysis {
        let weights = [[q(7, 2), q(-1)]], bias = [q(1, 2)]
        let net = network(name: name, weights: weights, bias: bias)
        let map = AffineMap(weights: Matrix(rows: weights), bias: bias)
        let zero = [q(0), q(0)]
        return Analysis(
            network: net,
            outcome: .collapses(
                map: .numeric(map),
                rank: RankFinding(rank: 1, isGeneric: false, narrowestWidth: 1, narrowestLayer: 1, fullRank: 1),
                provenance: .affineFold(layers: [.numeric(map)])),
            additivity: IdentityCheck(
                identity: .additivity, holds: false,
                witness: Witness(x: zero, y: zero, c: nil, lhs: [.exact(q(1, 2))], rhs: [.exact(q(1))]),
                residual: [Polynomial(q(-1, 2))]),
            homogeneity: IdentityCheck(
                identity: .homogeneity, holds: false,
                witness: Witness(x: zero, y: nil, c: q(2), lhs: [.exact(q(1, 2))], rhs: [.exact(q(1))]),
                residual: nil),
            affinity: IdentityCheck(identity: .affinity, holds: true, witness: nil, residual: [Polynomial.zero]),
            layerFindings: [LayerFinding(layer: 1, activation: .identity, behaviour: .identity)])
    }

    /// A not-affine verdict whose witness sides are enclosures (as for tanh).
    static func notAffineWithEnclosures() -> Analysis {
        let net = Network(
            name: "tanh-net", inputNames: ["x"],
            layers: [
                Layer(dense: .numeric(AffineMap(weights: Matrix(rows: [[q(1)]]), bias: [q(0)])), activation: .tanh)
            ])
        let lhs = ExactValue.enclosed(RationalInterval(lo: q(76, 100), hi: q(77, 100)))
        let rhs = ExactValue.enclosed(RationalInterval(lo: q(152, 100), hi: q(153, 100)))
        let witness = Witness(x: [q(1)], y: [q(1)], c: nil, lhs: [lhs], rhs: [rhs])
        return Analysis(
            network: net,
            outcome: .refuted(
                witness: witness, provenance: .witnessSearch(culprit: Culprit(layer: 1, activation: .tanh))),
            additivity: IdentityCheck(identity: .additivity, holds: false, witness: witness, residual: nil),
            homogeneity: IdentityCheck(identity: .homogeneity, holds: nil, witness: nil, residual: nil),
            affinity: IdentityCheck(identity: .affinity, holds: false, witness: witness, residual: nil),
            layerFindings: [LayerFinding(layer: 1, activation: .tanh, behaviour: .notAffine(nil))])
    }

    /// A symbolic affine map whose linearity depends on b1.
    static func symbolic() -> Analysis {
        let w = Matrix(rows: [[Polynomial(Symbol("w11")), Polynomial(Symbol("w12"))]])
        let b = [Polynomial(Symbol("b1"))]
        let map = AffineMap(weights: w, bias: b)
        let net = Network(name: nil, inputNames: ["x1", "x2"], layers: [Layer(dense: .symbolic(map))])
        let undecided = { (i: Identity) in IdentityCheck(identity: i, holds: nil, witness: nil, residual: nil) }
        return Analysis(
            network: net,
            outcome: .collapses(
                map: .symbolic(map),
                rank: RankFinding(rank: 1, isGeneric: true, narrowestWidth: 1, narrowestLayer: 1, fullRank: 1),
                provenance: .affineFold(layers: [.symbolic(map)])),
            additivity: undecided(.additivity), homogeneity: undecided(.homogeneity),
            affinity: IdentityCheck(identity: .affinity, holds: true, witness: nil, residual: nil),
            layerFindings: [])
    }

    /// A linear map of the given shape with entries of mixed widths (or of `entryBits` bits).
    static func linear(rows: Int, columns: Int, entryBits: Int = 0, bottleneck: Bool = false) -> Analysis {
        var entries: [Rational] = []
        entries.reserveCapacity(rows * columns)
        let big = BigInt(1).shiftedLeft(entryBits)
        for i in 0..<rows {
            for j in 0..<columns {
                let n = (i * 7 + j * 13) % 23 - 11
                entries.append(
                    entryBits > 0
                        ? Rational(numerator: big + BigInt(n), denominator: BigInt(2 * j + 3))
                        : Rational(n * 100 + j, i + 2))
            }
        }
        let map = AffineMap(
            weights: Matrix(rows: rows, columns: columns, entries: entries),
            bias: Array(repeating: Rational(0), count: rows))
        let net = Network(
            name: "wide", inputNames: (1...columns).map { "x\($0)" }, layers: [Layer(dense: .numeric(map))])
        let holds = { (i: Identity) in IdentityCheck(identity: i, holds: true, witness: nil, residual: nil) }
        let full = min(rows, columns)
        let rank =
            bottleneck
            ? RankFinding(rank: 2, isGeneric: false, narrowestWidth: 2, narrowestLayer: 2, fullRank: full)
            : RankFinding(rank: full, isGeneric: false, narrowestWidth: full, narrowestLayer: nil, fullRank: full)
        return Analysis(
            network: net,
            outcome: .collapses(map: .numeric(map), rank: rank, provenance: .affineFold(layers: [.numeric(map)])),
            additivity: holds(.additivity), homogeneity: holds(.homogeneity), affinity: holds(.affinity),
            layerFindings: [])
    }
}
