import ExactNumbers
public import Enclosures
import Algebra
public import NetworkModel

/// Collapsed maps whose entries are exact constant expressions (contract §4: σ(1), √2), held
/// as `CollapsedMap.symbolic` maps whose only symbols are `ConstantAtom`s.
///
/// The verdict is `linear` iff b' = 0 exactly: an entry whose canonical form is 0 is 0; any
/// other entry is proved nonzero by an enclosure that excludes 0 (64 to 4096 bits,
/// `ExactConstant.sign`); when some entry is neither, the network is affine but linear versus
/// affine is undecided (`UndecidedReason.constantBiasUndecided`).
enum ExactConstantMap {
    /// The largest precision tried to prove an entry of b' nonzero.
    static let maximumPrecision = AnalysisOptions.defaults.constantSignPrecision

    /// Whether a simplified network can be decided as it is: no constant atoms, or only
    /// affine activations (constants help only when they lead to one affine map).
    static func usable(_ network: Network) -> Bool {
        !network.hasConstantAtoms || network.layers.allSatisfy { $0.activation.affineForm != nil }
    }

    /// The conclusion for the composed map of an affine network with constant atoms.
    static func conclusion(_ map: AffineMap<Polynomial>, layers: [AffineMap<Polynomial>]) -> Conclusion {
        let reduced = canonical(map)
        let undecided = reduced.bias.indices.filter { i in
            !reduced.bias[i].isZero && (ExactConstant(reduced.bias[i])?.sign(upTo: maximumPrecision) == nil)
        }
        if !undecided.isEmpty { return .undecided(.constantBiasUndecided(map: reduced, entries: undecided)) }
        return .collapses(.symbolic(reduced), .affineFold(layers: layers.map { .symbolic(canonical($0)) }))
    }

    /// Every entry in canonical form (`Polynomial.reducingConstants`).
    static func canonical(_ map: AffineMap<Polynomial>) -> AffineMap<Polynomial> {
        AffineMap(weights: map.weights.map { $0.reducingConstants() }, bias: map.bias.map { $0.reducingConstants() })
    }
}

extension Network {
    /// Whether some weight or bias is an exact constant expression with an atom (σ(1), √2).
    public var hasConstantAtoms: Bool {
        symbols.contains { ConstantAtom.of($0) != nil }
    }

    /// Whether the network's symbols are all constant atoms (and there is one): its weights
    /// are exact real numbers, not free symbols.
    public var hasOnlyConstantSymbols: Bool {
        let s = symbols
        return !s.isEmpty && s.allSatisfy { ConstantAtom.of($0) != nil }
    }
}

extension CollapsedMap {
    /// Whether the map's entries are exact constants with at least one atom (no free symbol):
    /// the report then carries `collapsed.enclosures` (contract §4).
    public var hasConstantEntries: Bool {
        guard case .symbolic(let m) = self else { return false }
        let entries = m.bias + (0..<m.weights.rows).flatMap { m.weights.rowArray($0) }
        return entries.contains { !$0.isConstant } && entries.allSatisfy(\.isConstantExpression)
    }

    /// The non-rational entries with rigorous enclosures (contract §4 `enclosures`): weights
    /// as (row, column, enclosure), the bias as (index, enclosure), 0-based, in row-major order.
    /// Each enclosure is taken at `precision` bits, refined further only where that one
    /// contains 0 and a finer one excludes it (`ExactConstant.separatingEnclosure`).
    public func constantEnclosures(precision: Int = 128) -> (
        weights: [(row: Int, column: Int, enclosure: RationalInterval)],
        bias: [(index: Int, enclosure: RationalInterval)]
    ) {
        guard case .symbolic(let m) = self else { return ([], []) }
        func enclose(_ p: Polynomial) -> RationalInterval? {
            guard !p.isConstant, let c = ExactConstant(p) else { return nil }
            let fixed = c.enclosure(precision: precision)
            return fixed.contains(.zero) ? (c.separatingEnclosure() ?? fixed) : fixed
        }
        var weights = [(row: Int, column: Int, enclosure: RationalInterval)]()
        for i in 0..<m.weights.rows {
            for j in 0..<m.weights.columns {
                if let e = enclose(m.weights[i, j]) { weights.append((i, j, e)) }
            }
        }
        let bias = m.bias.indices.compactMap { i in enclose(m.bias[i]).map { (index: i, enclosure: $0) } }
        return (weights, bias)
    }
}

extension ExactConstantMap {
    /// A proven lower bound on the rank of a matrix of exact constants: interval Gaussian
    /// elimination on enclosures at `precision` bits, each pivot chosen among the entries whose
    /// enclosure excludes 0. Every operation is enclosed, so each pivot encloses the exact
    /// pivot of the same elimination; k pivots excluding 0 prove a nonzero k×k minor.
    static func provenRankLowerBound(_ w: Matrix<Polynomial>, precision: Int = 256) -> Int {
        var a = [[RationalInterval]]()
        for i in 0..<w.rows {
            var row = [RationalInterval]()
            for j in 0..<w.columns {
                guard let c = ExactConstant(w[i, j]) else { return 0 }
                row.append(c.enclosure(precision: precision))
            }
            a.append(row)
        }
        var rows = Set(0..<w.rows), columns = Set(0..<w.columns)
        var rank = 0
        while true {
            var best: (Int, Int, Rational)? = nil
            for i in rows {
                for j in columns where !a[i][j].contains(.zero) {
                    let size = Swift.min(a[i][j].lo.magnitude, a[i][j].hi.magnitude)
                    if best == nil || size > best!.2 { best = (i, j, size) }
                }
            }
            guard let (p, q, _) = best else { return rank }
            rank += 1
            rows.remove(p)
            columns.remove(q)
            for i in rows {
                let factor = a[i][q] / a[p][q]
                for j in columns {
                    a[i][j] = Enclosure.outward(a[i][j] - factor * a[p][j], precision: precision)
                }
            }
        }
    }
}
