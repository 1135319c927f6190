import ExactNumbers
import Enclosures
import Algebra
import NetworkModel
import Collapse

extension LaTeXBuilder {
    // MARK: What each non-affine activation breaks

    /// For each non-affine activation: an exact scalar counterexample, relu(1 + (−1)) = 0 but
    /// relu(1) + relu(−1) = 1, and positive homogeneity where it holds.
    mutating func activationSection() {
        var seen = Set<Activation>()
        var sentences = [String]()
        for (index, layer) in network.layers.enumerated() {
            let f = layer.activation
            guard f.affineForm == nil, !seen.contains(f) else { continue }
            seen.insert(f)
            let layers = network.layers.indices.filter { network.layers[$0].activation == f }.map { String($0 + 1) }
            let which = layers.count == 1 ? "Layer \(layers[0]) applies" : "Layers \(joinedList(layers)) apply"
            let tex = activationTeX(f, layer: index + 1)
            let label =
                coefficients(of: f) != nil && tex.definition != nil
                ? "$\(tex.definition!)$" : "\\texttt{\(LaTeXEscaping.text(f.name))}"
            var sentence = "\(which) \(label), which is not affine"
            if let brk = derivation.scalarBreaks[f] {
                sentence += ": " + scalarBreakText(tex, brk)
            } else if !f.isElementwise {
                sentence +=
                    ": its coordinates sum to 1 for every input, so $\(tex.apply("\(vx) + \(secondPoint)"))$ sums to 1 while $\(tex.apply(vx)) + \(tex.apply(secondPoint))$ sums to 2; they always differ."
            } else if !f.symbols.isEmpty {
                sentence =
                    "\(which) \\texttt{\(LaTeXEscaping.text(f.name))} with symbolic parameters; whether it is affine depends on their values."
            } else {
                sentence += "."
            }
            if f.isPositivelyHomogeneous && !f.isIdentityFunction {
                sentence +=
                    " Yet it is positively homogeneous, $\(tex.apply("c\\,t")) = c\\,\(tex.apply("t"))$ for every $c \\ge 0$: scaling by a nonnegative factor cannot expose it; what it breaks is additivity."
            }
            sentences.append(sentence)
        }
        guard !sentences.isEmpty else { return }
        line("\\paragraph{Why the activations matter.} " + sentences.joined(separator: " "))
        line("")
        notes()
    }

    /// `relu(1 + (-1)) = relu(0) = 0`, but `relu(1) + relu(-1) = 1 + 0 = 1`.
    mutating func scalarBreakText(_ tex: ActivationTeX, _ values: ScalarBreakValues) -> String {
        let brk = values.counterexample
        let s = brk.s, t = brk.t
        let fs = values.atS, ft = values.atT, fst = values.atSum, f0 = values.atZero
        func show(_ v: ExactValue?) -> String? { v.map { value($0) } }
        let sText = number(s), tText = t.signum < 0 ? "(\(number(t)))" : number(t)
        var lhs = tex.apply("\(sText) + \(tText)")
        if let v = show(fst) {
            lhs +=
                " = " + tex.apply(number(s + t))
                + (fst.map { isExact($0) } == true ? " = \(v)" : " \\in \(intervalText(fst!))")
        }
        var rhs = "\(tex.apply(number(s))) + \(tex.apply(number(t)))"
        if let a = show(fs), let b = show(ft) { rhs += " = \(a) + \(b)" }
        if brk.fixesZero {
            return "$\(lhs)$, but $\(rhs)\(sumText(brk.rhs))$."
        }
        let zeroText = show(f0).map { " + \($0)" } ?? ""
        return
            "$\(tex.apply("\(sText) + \(tText)")) + \(tex.apply("0")) = \(show(fst) ?? tex.apply(number(s + t)))\(zeroText)\(sumText(brk.lhs))$, but $\(rhs)\(sumText(brk.rhs))$."
    }

    /// " = v" when exact, " \in [lo, hi]" for an enclosure.
    mutating func sumText(_ v: ExactValue) -> String {
        isExact(v) ? " = \(value(v))" : " \\in \(intervalText(v))"
    }

    func isExact(_ v: ExactValue) -> Bool {
        if case .enclosed = v { return false }
        return true
    }

    /// `[lo, hi]` for an enclosure, the value for an exact one.
    mutating func intervalText(_ v: ExactValue) -> String { intervalFragment(v).text }

    /// `intervalText` with its facts.
    mutating func intervalFragment(_ v: ExactValue) -> TeXFragment {
        if case .enclosed(let i) = v { return bracketIntervalFragment(i) }
        return valueFragment(v)
    }

    // MARK: The witness, layer by layer

    /// The affinity witness evaluated step by step at x, z, x + z and 0, and the two sides
    /// of F(x + z) + F(0) = F(x) + F(z); then the additivity and homogeneity witnesses.
    mutating func witnessSection() {
        if network.domain != nil { return domainWitnessSection() }
        guard let w = analysis.affinity.witness, let y = w.y else { return }
        let z = secondPoint
        line(
            "\\paragraph{A witness, layer by layer.} Take $\(vx) = \(point(w.x))$ and $\(z) = \(point(y))$. Every affine map $G$ satisfies $G(\(vx) + \(z)) + G(0) = G(\(vx)) + G(\(z))$ (both sides are $\(applied("W'", to: vx)) + \(applied("W'", to: z)) + 2b'$). Evaluating the network exactly at the four points, step by step:"
        )
        if case .success(let trace)? = derivation.witnessTrace {
            witnessTable(trace, headers: ["\(vx)", z, "\(vx) + \(z)", "0"])
        }
        let exact = (w.lhs + w.rhs).allSatisfy(isExact)
        let relation = exact ? "=" : "\\in"
        let lhs = "F(\(vx) + \(z)) + F(0) \(relation) \(intervalValues(w.lhs))"
        let rhs = "F(\(vx)) + F(\(z)) \(relation) \(intervalValues(w.rhs))"
        if TeXWidth.estimate(lhs) + TeXWidth.estimate(rhs) + 3 > Self.lineWidth * 0.8 {
            line("\\begin{gather*}")
            line("  \(lhs),\\\\")
            line("  \(rhs).")
            line("\\end{gather*}")
        } else {
            line("\\[")
            line("  \(lhs), \\qquad \(rhs).")
            line("\\]")
        }
        if exact {
            line(
                "The two sides differ, so $F$ is not affine: no choice of $W'$ and $b'$ gives $F(\(vx)) = \(affineText(vx))$."
            )
        } else {
            line(
                "In at least one coordinate the two enclosures are disjoint, so the two sides differ: $F$ is not affine, and no rounding error can change that conclusion."
            )
        }
        if derivation.vanishesAtZero {
            line(
                "Here $F(0) = 0$, so this is also a failure of additivity, $F(\(vx) + \(z)) \\neq F(\(vx)) + F(\(z))$.")
        }
        otherWitnesses(skippingAdditivityAt: (w.x, y))
        line("")
        notes()
    }

    /// The additivity and homogeneity witnesses, one sentence each.
    mutating func otherWitnesses(skippingAdditivityAt pair: ([Rational], [Rational])) {
        let z = secondPoint, c = scalarName
        if let w = analysis.additivity.witness, let y = w.y, !(w.x == pair.0 && y == pair.1) {
            line(
                "Additivity fails at $\(vx) = \(point(w.x))$, $\(z) = \(point(y))$: $F(\(vx) + \(z)) \(relationSign(w)) \(intervalValues(w.lhs, inline: true))$ but $F(\(vx)) + F(\(z)) \(relationSign(w)) \(intervalValues(w.rhs, inline: true))$."
            )
        }
        let noBias = network.layers.allSatisfy {
            $0.dense.map { d in d.polynomialMap.bias.allSatisfy(\.isZero) } ?? true
        }
        let positive = network.layers.allSatisfy { $0.activation.isPositivelyHomogeneous }
        if noBias && positive {
            line(
                "No layer has a bias and every activation is positively homogeneous, so $F(\(c)\\,\(vx)) = \(c)\\,F(\(vx))$ for every $\(c) \\ge 0$: the network itself is positively homogeneous, and homogeneity can fail only for negative $\(c)$."
            )
        }
        if let w = analysis.homogeneity.witness, let scalar = w.c {
            line(
                "Homogeneity fails at $\(vx) = \(point(w.x))$, $\(c) = \(number(scalar))$: $F(\(c)\\,\(vx)) \(relationSign(w)) \(intervalValues(w.lhs, inline: true))$ but $\(c)\\,F(\(vx)) \(relationSign(w)) \(intervalValues(w.rhs, inline: true))$."
            )
        } else if analysis.homogeneity.holds == nil {
            line("No counterexample to homogeneity was found.")
        }
    }

    func relationSign(_ w: Witness) -> String {
        (w.lhs + w.rhs).allSatisfy(isExact) ? "=" : "\\in"
    }

    /// A vector of values with enclosures written as `[lo, hi]`.
    mutating func intervalValues(_ v: [ExactValue], inline: Bool = false) -> String {
        if v.count == 1 { return intervalText(v[0]) }
        if inline { return tuple(count: v.count) { b, i in b.intervalText(v[i]) } }
        var fragments = [TeXFragment](repeating: TeXFragment(""), count: v.count)
        for i in shownIndices(v.count).compactMap({ $0 }) { fragments[i] = intervalFragment(v[i]) }
        return vector(fragments: fragments).tex
    }

    /// The traced witness (`WitnessTrace`) as a table: one row per step (input, each dense
    /// part, each activation), one column per point; split in two when too wide, middle rows
    /// elided for very deep networks.
    mutating func witnessTable(_ trace: WitnessTrace, headers: [String]) {
        let points = trace.points
        let labels = trace.steps.map { step -> String in
            switch step {
            case .input: return "\\text{input}"
            case .dense(let k, let hasBias):
                return (isRow ? "(\\cdot)\\, \(wLetter)_{\(k)}" : "\(wLetter)_{\(k)}(\\cdot)")
                    + (hasBias ? " + \(bLetter)_{\(k)}" : "")
            case .activation(let k, let f): return activationTeX(f, layer: k).apply("\\cdot")
            }
        }
        let traces = trace.values
        var rows = Array(labels.indices).map { Optional($0) }
        if rows.count > 24 { rows = Array(rows.prefix(10)) + [nil] + Array(rows.suffix(10)) }
        func table(_ b: inout LaTeXBuilder, limit: Int) -> [[TeXFragment]] {
            var cells = [[TeXFragment]]()
            for r in rows {
                guard let r else {
                    cells.append([TeXFragment("\\vdots")] + points.map { _ in TeXFragment("\\vdots") })
                    continue
                }
                var row = [TeXFragment(labels[r])]
                for trace in traces {
                    let v = trace[r]
                    row.append(
                        v.count == 1
                            ? b.valueFragment(v[0])
                            : b.tupleFragment(count: v.count, limit: limit) { b, i in b.valueFragment(v[i]) })
                }
                cells.append(row)
            }
            return cells
        }
        var cells = table(&self, limit: 4)
        func widths(_ cells: [[TeXFragment]]) -> (label: Double, columns: [Double]) {
            (
                cells.map { TeXWidth.estimate($0[0].text) }.max() ?? 0,
                points.indices.map { j in cells.map { TeXWidth.estimate($0[j + 1].text) }.max() ?? 0 }
            )
        }
        var (labelWidth, columnWidths) = widths(cells)
        if labelWidth + (columnWidths.max() ?? 0) + 2.4 > Self.lineWidth {
            // Enclosures make wide cells: fewer entries of each vector, one point per table.
            cells = table(&self, limit: 3)
            (labelWidth, columnWidths) = widths(cells)
        }
        // As many points per table as fit on the line, in order.
        var groups: [[Int]] = [[]]
        var used = labelWidth + 1.2
        for j in points.indices {
            let w = columnWidths[j] + 1.2
            if !groups[groups.count - 1].isEmpty && used + w > Self.lineWidth {
                groups.append([])
                used = labelWidth + 1.2
            }
            groups[groups.count - 1].append(j)
            used += w
        }
        // Fractions and superscripts need a little air between rows (the labels have neither).
        let rowEnd = cells.joined().contains { $0.isTall } ? " \\\\[2pt]" : " \\\\"
        for group in groups {
            line("\\[")
            line("\\begin{array}{r|" + String(repeating: "c", count: group.count) + "}")
            line("   & " + group.map { "\(headers[$0])" }.joined(separator: " & ") + " \\\\ \\hline")
            for row in cells {
                line("  " + ([row[0]] + group.map { row[$0 + 1] }).map(\.text).joined(separator: " & ") + rowEnd)
            }
            line("\\end{array}")
            line("\\]")
        }
        line("The last row is $F$ at each point.")
    }

    // MARK: Polynomial activations

    /// For polynomial activations: F as a polynomial of degree up to the product of the
    /// activations' degrees (2^L for quadratic layers).
    mutating func polynomialSection() {
        guard let outputs = analysis.polynomialOutputs, !analysis.verdict.collapses else { return }
        guard let found = derivation.polynomialDegrees else { return }
        let degree = found.attained, degrees = found.layers, bound = found.bound
        let raising = degrees.filter { $0 != 1 }
        let quadratic = !raising.isEmpty && raising.allSatisfy { $0 == 2 }
        var text =
            "\\paragraph{A polynomial network.} Every activation is a polynomial, so $F$ is a polynomial map of the inputs. A layer whose activation has degree $d$ multiplies the degree by at most $d$, so $\\deg F \\le "
        text +=
            quadratic
            ? "2^{\(raising.count)} = \(bound)$: each of the \(Self.count(raising.count)) quadratic layers doubles the degree, and the affine layers keep it."
            : "\(degrees.map(String.init).joined(separator: " \\cdot ")) = \(bound)$."
        text +=
            " Here $F$ has degree \(degree) in $\(vx)$"
            + (degree >= 2 ? ", and a polynomial map of degree 2 or more is not affine." : ".")
        line(text)
        let totalTerms = outputs.map(\.termCount).reduce(0, +)
        if outputs.count <= 3 && totalTerms <= 60 {
            // Long polynomials over several aligned lines.
            var rows = [String]()
            for (i, p) in outputs.enumerated() {
                let name = outputs.count == 1 ? "y" : "y_{\(i + 1)}"
                var current = "  \(name) &= "
                var width = 0.0
                for (index, term) in polynomialTerms(p, maxTerms: 40).enumerated() {
                    let w = TeXWidth.estimate(term)
                    if width > 0 && width + w > Self.lineWidth - 6 {
                        rows.append(current)
                        current = "    &\\quad "
                        width = 0
                    }
                    current += (index == 0 ? "" : " ") + term
                    width += w + 0.5
                }
                rows.append(current)
            }
            line("\\begin{align*}")
            line(rows.joined(separator: "\\\\\n") + ".")
            line("\\end{align*}")
        } else {
            line(
                "(Expanded, its \(outputs.count) output\(outputs.count == 1 ? " has" : "s have") \(totalTerms) terms in all.)"
            )
        }
        line("")
        notes()
    }

    // MARK: Undecided

    /// The reason a verdict is unknown, and the conditions that would decide it.
    mutating func undecidedSection() {
        guard analysis.verdict == .unknown else { return }
        if let reason = analysis.reason {
            line(
                "\\paragraph{Not decided.} " + prose(reason.prefix(1).uppercased() + reason.dropFirst())
                    + (reason.hasSuffix(".") ? "" : "."))
        }
        if let conditions = analysis.affineIf, !conditions.isEmpty {
            let shown = conditions.prefix(6)
            line("$F$ is affine exactly when all these coefficients vanish:")
            line("\\begin{align*}")
            var rows = [String]()
            for p in shown { rows.append("  \(polynomial(p)) &= 0") }
            line(
                rows.joined(separator: ",\\\\\n") + (conditions.count > shown.count ? ",\\\\\n  &\\;\\;\\vdots" : "")
                    + ".")
            line("\\end{align*}")
            if conditions.count > shown.count { line("(\(conditions.count) conditions in all.)") }
        }
        line("")
        notes()
    }

    /// A sentence from the engine, escaped, with over-long digit runs shortened.
    mutating func prose(_ text: String) -> String {
        let short = LaTeXEscaping.shortenDigitRuns(text, maxDigits: options.maxDigits)
        if short != text { shortened = true }
        return LaTeXEscaping.text(short)
    }
}
