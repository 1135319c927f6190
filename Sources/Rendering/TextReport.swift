import ExactNumbers
import Algebra
import NetworkModel
public import Collapse

/// The report for a person: the verdict on the first line, then the collapsed map W', b'
/// as aligned exact fractions (or the reason and witnesses when it does not collapse), the
/// rank, the three identities with their residuals or witnesses, the symbolic conditions,
/// and what each layer's activation does.
///
/// Matrices larger than 12×12 show their corners; the full matrix is in `--format json`.
public enum TextReport {
    /// The report, ending with a newline. With `rowVectors`, maps are written for row
    /// vectors, y = x W' + b' (W' transposed, b' a row), as `--convention row` asks.
    public static func render(_ analysis: Analysis, rowVectors: Bool = false) -> String {
        var lines: [String] = [verdictLine(analysis, rowVectors: rowVectors), networkLine(analysis.network)]
        if let domain = domainLine(analysis) { lines.append(domain) }
        if let reason = analysis.reason { lines.append("reason: \(reason)") }
        if let regions = regionsLine(analysis) { lines.append(regions) }
        lines += simplificationLines(analysis)

        if analysis.verdict.collapses, let collapsed = analysis.collapsed {
            lines.append("")
            lines += rowVectors ? rowMapLines(collapsed) : mapLines(collapsed)
        }
        if analysis.verdict.collapses, let rank = analysis.rank {
            lines.append("")
            lines.append(rankLine(rank, collapsed: analysis.collapsed))
            if let gradient = jacobianLine(analysis) { lines.append(gradient) }
        }
        if let linearIf = analysis.linearIf, !linearIf.isEmpty {
            lines.append("")
            lines.append("linear exactly when all of these vanish (the entries of b'):")
            lines += linearIf.map { "  \($0) = 0" }
        }
        if let affineIf = analysis.affineIf, !affineIf.isEmpty {
            lines.append("")
            let what: String
            if case .undecided(.symbolicHinges) = analysis.outcome {
                what = "the coefficients of the hinges, one per hyperplane and output"
            } else {
                what = "coefficients of degree ≥ 2"
            }
            lines.append("affine exactly when all of these vanish (\(what)):")
            lines += affineIf.map { "  \($0) = 0" }
        }
        if let outputs = analysis.polynomialOutputs, !outputs.isEmpty {
            lines.append("")
            lines.append("outputs as polynomials in the inputs:")
            for (index, output) in outputs.prefix(TextMatrix.elisionThreshold).enumerated() {
                lines.append("  F\(index + 1) = \(output)")
            }
            if outputs.count > TextMatrix.elisionThreshold {
                lines.append("  … (\(outputs.count) outputs; all of them in --format json)")
            }
        }

        lines.append("")
        lines.append("identities:")
        let names = ReportNames(analysis.network)
        if let legend = namesLegend(names) { lines.append("  \(legend)") }
        let digits = EnclosureDigits.forReport(analysis)
        for check in [analysis.additivity, analysis.homogeneity, analysis.affinity] {
            lines += identityLines(
                check, collapsed: analysis.verdict.collapses ? analysis.collapsed : nil, names: names,
                onDomain: analysis.network.domain != nil, digits: digits)
        }

        if !analysis.layerFindings.isEmpty {
            lines.append("")
            lines.append("layers:")
            lines += layerLines(analysis.layerFindings, digits: digits)
        }
        if let legend = enclosureLegend(analysis, names: names, digits: digits) {
            lines.append("")
            lines.append(legend)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What each layer does, one line per run of consecutive layers with the same activation
    /// and finding: `1-3. identity: plain linear layers, W x + b`.
    static func layerLines(_ findings: [LayerFinding], digits: Int? = nil) -> [String] {
        var lines: [String] = []
        var start = 0
        while start < findings.count {
            var end = start
            while end + 1 < findings.count, findings[end + 1].activation == findings[start].activation,
                findings[end + 1].summary(digits: digits) == findings[start].summary(digits: digits),
                findings[end + 1].layer == findings[end].layer + 1
            {
                end += 1
            }
            let first = findings[start], last = findings[end]
            let numbers = start == end ? "\(first.layer)" : "\(first.layer)-\(last.layer)"
            let summary: String
            if first.activation == .identity {
                summary = start == end ? "a plain linear layer, W x + b" : "plain linear layers, W x + b"
            } else {
                summary = first.summary(digits: digits)
            }
            lines.append("  \(numbers). \(ActivationText.display(first.activation)): \(summary)")
            start = end + 1
        }
        return lines
    }

    /// The first line: `verdict: affine — ...`.
    public static func verdictLine(_ analysis: Analysis, rowVectors: Bool = false) -> String {
        let map = rowVectors ? "xW'" : "W'x"
        switch analysis.verdict {
        case .linear:
            return "verdict: linear — the network collapses to one linear map y = \(map) (b' = 0)"
        case .affine:
            return "verdict: affine — the network collapses to one affine map y = \(map) + b' (not linear: b' ≠ 0)"
        case .notAffine:
            return "verdict: not-affine — no affine map equals the network (witness below)"
        case .unknown:
            return "verdict: unknown — not decided (reason below)"
        }
    }

    /// `network: NAME, 2 inputs (x1, x2) → 1 output, 3 layers`.
    static func networkLine(_ network: Network) -> String {
        let name = network.name.map { "\($0), " } ?? ""
        let inputs = network.inputDimension == 1 ? "1 input" : "\(network.inputDimension) inputs"
        let names = TextMatrix.inline(network.inputNames)
        let outputs = network.outputDimension == 1 ? "1 output" : "\(network.outputDimension) outputs"
        let layers = network.layers.count == 1 ? "1 layer" : "\(network.layers.count) layers"
        return "network: \(name)\(inputs) \(names) → \(outputs), \(layers)"
    }

    /// W' and b' as aligned matrices.
    static func mapLines(_ collapsed: CollapsedMap) -> [String] {
        var shortened = false
        var lines: [String] = []
        let rows = collapsed.outputDimension, columns = collapsed.inputDimension
        let elided = TextMatrix.isElided(rows: rows, columns: columns)
        let note = elided ? ", corners shown; the full matrix is in --format json" : ""
        lines.append("W' (\(rows)×\(columns)\(note)) =")
        switch collapsed {
        case .numeric(let map):
            lines += TextMatrix.lines(rows: rows, columns: columns, indent: "  ", shortened: &shortened) {
                map.weights[$0, $1].description
            }
            lines.append("b' (\(rows)) =")
            lines += TextMatrix.columnLines(rows, indent: "  ", shortened: &shortened) { map.bias[$0].description }
        case .symbolic(let map):
            lines += TextMatrix.lines(rows: rows, columns: columns, indent: "  ", shortened: &shortened) {
                map.weights[$0, $1].description
            }
            lines.append("b' (\(rows)) =")
            lines += TextMatrix.columnLines(rows, indent: "  ", shortened: &shortened) { map.bias[$0].description }
        }
        if shortened {
            lines.append(
                "(entries longer than \(TextMatrix.maximumEntryLength) characters are shortened with …; exact values are in --format json)"
            )
        }
        return lines + constantLines(collapsed)
    }

    /// W' and b' for row vectors, y = x W' + b': W' is in × out (the transpose of the
    /// column convention's W'), b' one row.
    static func rowMapLines(_ collapsed: CollapsedMap) -> [String] {
        var shortened = false
        var lines: [String] = []
        let outputs = collapsed.outputDimension, inputs = collapsed.inputDimension
        let note =
            TextMatrix.isElided(rows: inputs, columns: outputs)
            ? ", corners shown; the full matrix is in --format json" : ""
        lines.append("row vectors, y = x W' + b':")
        lines.append("W' (\(inputs)×\(outputs)\(note)) =")
        let weights = collapsed.weightEntry, bias = collapsed.biasEntry
        lines += TextMatrix.lines(rows: inputs, columns: outputs, indent: "  ", shortened: &shortened) {
            weights($1, $0)
        }
        lines.append("b' (1×\(outputs)) =")
        lines += TextMatrix.lines(rows: 1, columns: outputs, indent: "  ", shortened: &shortened) { bias($1) }
        if shortened {
            lines.append(
                "(entries longer than \(TextMatrix.maximumEntryLength) characters are shortened with …; exact values are in --format json)"
            )
        }
        return lines
    }

    /// `rank: 2 (full)` or `rank 2 < 3: the width-2 layer is a bottleneck (layer 2)`.
    static func rankLine(_ rank: RankFinding, collapsed: CollapsedMap?) -> String {
        let generic = rank.isGeneric ? "; generic, over the rational functions in the symbols" : ""
        if rank.isBottleneck, let layer = rank.narrowestLayer {
            return
                "rank \(rank.rank) < \(rank.fullRank): the width-\(rank.narrowestWidth) layer is a bottleneck (layer \(layer)\(generic))"
        }
        if rank.rank == rank.fullRank {
            return "rank: \(rank.rank) (full rank\(generic))"
        }
        if let c = rank.certificate, !c.isProven {
            return
                "rank: at least \(rank.rank) (generic; a proven lower bound, equal to the rank with probability at least 1 - 2^-\(c.failureExponent): the exact elimination is past the size budget)"
        }
        return "rank: \(rank.rank) < \(rank.fullRank) = min(inputs, outputs)"
            + (rank.isGeneric ? " (generic, over the rational functions in the symbols)" : "")
    }

    /// The identity's statement, its difference as written, and how it reads for a map, in
    /// the report's letters (x, y, c unless the network uses them).
    static func statement(
        _ identity: Identity, names: ReportNames = ReportNames(inputNames: [], symbolNames: []), onDomain: Bool = false
    ) -> (name: String, law: String, difference: String) {
        let (x, y, c) = (names.x, names.y, names.c)
        if onDomain {
            switch identity {
            case .additivity:
                return (
                    "additivity", "F(\(x)+\(y)) = F(\(x)) + F(\(y)), \(x), \(y), \(x)+\(y) in D",
                    "F(\(x)+\(y)) - F(\(x)) - F(\(y))"
                )
            case .homogeneity:
                return (
                    "homogeneity", "F(\(c)*\(x)) = \(c)*F(\(x)), \(x), \(c)*\(x) in D", "F(\(c)*\(x)) - \(c)*F(\(x))"
                )
            case .affinity:
                return (
                    "affinity", "F((\(x)+\(y))/2) = (F(\(x)) + F(\(y)))/2, \(x), \(y) in D",
                    "F((\(x)+\(y))/2) - (F(\(x)) + F(\(y)))/2"
                )
            }
        }
        switch identity {
        case .additivity: return ("additivity", "F(\(x)+\(y)) = F(\(x)) + F(\(y))", "F(\(x)+\(y)) - F(\(x)) - F(\(y))")
        case .homogeneity: return ("homogeneity", "F(\(c)*\(x)) = \(c)*F(\(x))", "F(\(c)*\(x)) - \(c)*F(\(x))")
        case .affinity:
            return ("affinity", "F(\(x)+\(y)) + F(0) = F(\(x)) + F(\(y))", "F(\(x)+\(y)) + F(0) - F(\(x)) - F(\(y))")
        }
    }

    /// The names of the two sides of an identity as the contract writes them.
    static func sides(
        _ identity: Identity, names: ReportNames = ReportNames(inputNames: [], symbolNames: []), onDomain: Bool = false
    ) -> (lhs: String, rhs: String) {
        let (x, y, c) = (names.x, names.y, names.c)
        if onDomain, identity == .affinity { return ("F((\(x)+\(y))/2)", "(F(\(x)) + F(\(y)))/2") }
        switch identity {
        case .additivity: return ("F(\(x)+\(y))", "F(\(x)) + F(\(y))")
        case .homogeneity: return ("F(\(c)*\(x))", "\(c)*F(\(x))")
        case .affinity: return ("F(\(x)+\(y)) + F(0)", "F(\(x)) + F(\(y))")
        }
    }

    /// `the witness points are u, v and the scalar is s, because the network uses x, c`, or
    /// nil when the usual letters x, y, c are free.
    static func namesLegend(_ names: ReportNames) -> String? {
        let renamed = names.renamed
        guard !renamed.isEmpty else { return nil }
        let roles = ["x": "the first point", "y": "the second point", "c": "the scalar"]
        let parts = renamed.map { "\(roles[$0.default]!) is \($0.chosen)" }
        let clashing = renamed.map(\.default)
        return "letters: " + parts.joined(separator: ", ")
            + "; the network already uses the name\(clashing.count == 1 ? "" : "s") \(clashing.joined(separator: ", "))"
    }

    /// One identity: verdict, residual (named −b' or (1 − c)·b' when it is), and witness.
    static func identityLines(
        _ check: IdentityCheck, collapsed: CollapsedMap?, names: ReportNames, onDomain: Bool = false,
        digits reportDigits: Int? = nil
    ) -> [String] {
        let (name, law, difference) = statement(check.identity, names: names, onDomain: onDomain)
        let status: String
        switch check.holds {
        case true?: status = onDomain ? "holds on D" : "holds for all inputs"
        case false?: status = "fails"
        case nil: status = onDomain && collapsed != nil ? "vacuous: no such points in D" : "undecided"
        }
        var lines = [
            "  " + TextMatrix.padRight(name, to: 12) + TextMatrix.padRight(law + ":", to: onDomain ? 44 : 30) + status
        ]
        if let residual = check.residual {
            let named = residualName(check.identity, residual: residual, collapsed: collapsed, scalar: names.c)
            let values =
                residual.allSatisfy(\.isZero)
                ? "0" : TextMatrix.inline(residual.map { ResidualText.text($0, scalar: names.c) })
            lines.append("      \(difference) = \(named.map { "\($0) = " } ?? "")\(values)")
        }
        if let witness = check.witness {
            var point = "\(names.x) = \(TextMatrix.inline(witness.x.map(\.description)))"
            if let y = witness.y { point += ", \(names.y) = \(TextMatrix.inline(y.map(\.description)))" }
            if let c = witness.c { point += ", \(names.c) = \(c)" }
            let (lhs, rhs) = sides(check.identity, names: names, onDomain: onDomain)
            lines.append("      witness: \(point)")
            let digits = reportDigits ?? EnclosureDigits.separating(witness.lhs, witness.rhs)
            lines.append("        \(lhs) = \(TextMatrix.inline(witness.lhs.map { $0.humanText(digits: digits) }))")
            lines.append("        \(rhs) = \(TextMatrix.inline(witness.rhs.map { $0.humanText(digits: digits) }))")
        }
        return lines
    }

    /// `-b'` when the additivity residual is −b'; `(1 - c)*b'` when the homogeneity residual
    /// is (1 − c)·b' for the scalar's symbol `scalar`; nil when it vanishes or otherwise.
    static func residualName(
        _ identity: Identity, residual: [Polynomial], collapsed: CollapsedMap?, scalar: String = "c"
    ) -> String? {
        if residual.allSatisfy(\.isZero) { return nil }
        guard let collapsed, residual.count == collapsed.outputDimension else { return nil }
        // b' as polynomials (only the bias: converting a large W' would be wasted work).
        let bias: [Polynomial]
        switch collapsed {
        case .numeric(let map): bias = map.bias.map { Polynomial($0) }
        case .symbolic(let map): bias = map.bias
        }
        switch identity {
        case .additivity, .affinity:
            return residual == bias.map({ -$0 }) ? "-b'" : nil
        case .homogeneity:
            let factor = Polynomial.one - Polynomial(Symbol(scalar))
            return residual == bias.map({ factor * $0 }) ? "(1 - \(scalar))*b'" : nil
        }
    }
}

extension TextMatrix {
    /// Left-aligns `text` in a field of `width` characters (at least one space after).
    static func padRight(_ text: String, to width: Int) -> String {
        let count = text.count
        return count >= width ? text + " " : text + String(repeating: " ", count: width - count)
    }
}

extension CollapsedMap {
    /// Entry (i, j) of W' as printed text, without converting the whole matrix.
    var weightEntry: (Int, Int) -> String {
        switch self {
        case .numeric(let m): return { m.weights[$0, $1].description }
        case .symbolic(let m): return { m.weights[$0, $1].description }
        }
    }

    /// Entry i of b' as printed text.
    var biasEntry: (Int) -> String {
        switch self {
        case .numeric(let m): return { m.bias[$0].description }
        case .symbolic(let m): return { m.bias[$0].description }
        }
    }
}
