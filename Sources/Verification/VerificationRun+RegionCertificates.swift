import ExactNumbers
import NetworkModel
import Algebra

extension VerificationRun {
    /// Every `regions.certificates` entry: its conditions must each follow from the stated
    /// activation pattern (a positive multiple of a piece condition of a fixed unit, whose
    /// pre-activation verify computes along the pattern, or of a domain condition), and its
    /// multipliers must add them up to 0 < 0 or 0 ≤ −c (Farkas), in exact arithmetic.
    mutating func regionCertificates(_ node: ReportJSON) throws(ReportError) {
        guard let entries = node.array else { throw bad(node, "'regions.certificates' is not a list") }
        guard network.isNumeric, network.layers.allSatisfy({ CheckedPiece.pieces(of: $0.activation) != nil }) else {
            result.underivable.append("regions.certificates: the network is not numeric and piecewise linear"); return
        }
        let n = network.inputDimension
        for (index, entry) in entries.enumerated() {
            let what = "regions.certificates[\(index)]"
            guard let pattern = entry["pattern"]?.array?.compactMap(\.text),
                let constraintNodes = entry["constraints"]?.array,
                let multiplierNodes = entry["multipliers"]?.array, multiplierNodes.count == constraintNodes.count
            else {
                throw bad(entry, "'\(what)' needs 'pattern', 'constraints' and as many 'multipliers'")
            }
            var stated = [(coefficients: [Rational], relation: String, bound: Rational)]()
            for c in constraintNodes {
                guard
                    let coefficients = c["coefficients"]?.array?.compactMap({
                        $0.text.flatMap { try? Rational.parse($0) }
                    }), coefficients.count == n,
                    let relation = c["relation"]?.text, ["<", "<=", "="].contains(relation),
                    let bound = c["bound"]?.text.flatMap({ try? Rational.parse($0) })
                else {
                    throw bad(
                        c,
                        "'\(what)' has a constraint without \(n) rational coefficients, a relation (<, <=, =) and a rational bound"
                    )
                }
                stated.append((coefficients, relation, bound))
            }
            var multipliers = [Rational]()
            for m in multiplierNodes {
                guard let r = m.text.flatMap({ try? Rational.parse($0) }) else {
                    throw bad(m, "'\(what).multipliers' has an entry that is not a rational")
                }
                multipliers.append(r)
            }
            guard let implied = patternConditions(pattern) else {
                fail("\(what).pattern: \(pattern) is not an activation pattern of this network"); return
            }
            for (k, c) in stated.enumerated() where !implied.contains(where: { Self.implies($0, c) }) {
                fail("\(what).constraints[\(k)]: it does not follow from the pattern \(pattern)"); return
            }
            // Farkas: Σ λ·a = 0, Σ λ·b ≤ 0, and < 0 unless a strict condition has λ > 0.
            var sum = [Rational](repeating: .zero, count: n), total = Rational.zero, strict = false
            for (c, lambda) in zip(stated, multipliers) {
                if c.relation != "=", lambda.signum < 0 {
                    fail("\(what).multipliers: a multiplier of an inequality is negative"); return
                }
                if lambda.isZero { continue }
                if c.relation == "<" { strict = true }
                for j in 0..<n { sum[j] += lambda * c.coefficients[j] }
                total += lambda * c.bound
            }
            guard sum.allSatisfy(\.isZero), total.signum < 0 || (total.isZero && strict) else {
                fail(
                    "\(what).multipliers: they do not add the conditions up to a contradiction (Σλa = \(sum.map(\.description)), Σλb = \(total))"
                ); return
            }
        }
        result.verified.append("regions.certificates (\(entries.count) empty patterns, Farkas multipliers)")
    }

    /// The conditions a (partial) pattern imposes, with the domain's: (coefficients, relation, bound).
    func patternConditions(_ pattern: [String]) -> [(coefficients: [Rational], relation: String, bound: Rational)]? {
        let n = network.inputDimension
        var result = domainConditions.map { (coefficients: $0.coefficients, relation: "<=", bound: $0.bound) }
        var map = (0..<n).map { i in (0..<n).map { j in i == j ? Rational.one : Rational.zero } }
        var offset = [Rational](repeating: .zero, count: n)
        guard pattern.count <= network.layers.count else { return nil }
        for (l, symbols) in pattern.enumerated() {
            let layer = network.layers[l]
            var pre = map, preOffset = offset
            if let dense = layer.dense?.rationalMap {
                pre = []; preOffset = []
                for i in 0..<dense.outputDimension {
                    var row = [Rational](repeating: .zero, count: n)
                    var b = dense.bias[i]
                    for k in 0..<dense.inputDimension where !dense.weights[i, k].isZero {
                        for j in 0..<n { row[j] += dense.weights[i, k] * map[k][j] }
                        b += dense.weights[i, k] * offset[k]
                    }
                    pre.append(row); preOffset.append(b)
                }
            }
            let pieces = CheckedPiece.pieces(of: layer.activation)!
            let labels: [Character] =
                pieces.count == 5 ? ["-", "m", "0", "p", "+"] : (pieces.count == 3 ? ["-", "0", "+"] : [])
            let chars = Array(symbols)
            if pieces.count == 1 {
                guard chars.isEmpty else { return nil }
                map = pre.map { $0.map { pieces[0].slope * $0 } }
                offset = preOffset.map { pieces[0].slope * $0 + pieces[0].intercept }
                continue
            }
            guard chars.count <= pre.count, l == pattern.count - 1 || chars.count == pre.count else { return nil }
            var nextMap = [[Rational]](), nextOffset = [Rational]()
            for (u, ch) in chars.enumerated() {
                guard let k = labels.firstIndex(of: ch) else { return nil }
                let piece = pieces[k]
                for c in piece.conditions(g: pre[u], beta: preOffset[u]) {
                    result.append((c.coefficients, c.strict ? "<" : "<=", c.bound))
                }
                if piece.point { result.append((pre[u], "=", piece.lo! - preOffset[u])) }
                nextMap.append(pre[u].map { piece.slope * $0 })
                nextOffset.append(piece.slope * preOffset[u] + piece.intercept)
            }
            map = nextMap; offset = nextOffset
        }
        return result
    }

    /// Whether the condition `known` implies `stated` (a positive multiple, or any nonzero
    /// multiple of an equality; a stated ≤ follows from <, ≤ or =).
    static func implies(
        _ known: (coefficients: [Rational], relation: String, bound: Rational),
        _ stated: (coefficients: [Rational], relation: String, bound: Rational)
    ) -> Bool {
        guard let j = known.coefficients.firstIndex(where: { !$0.isZero }), !stated.coefficients[j].isZero else {
            return false
        }
        let factor = stated.coefficients[j] / known.coefficients[j]
        guard zip(known.coefficients, stated.coefficients).allSatisfy({ $0 * factor == $1 }),
            known.bound * factor == stated.bound
        else { return false }
        if factor.signum < 0 { return known.relation == "=" && stated.relation != "<" }
        switch stated.relation {
        case "<": return known.relation == "<"
        case "<=": return true
        default: return known.relation == "="
        }
    }
}
