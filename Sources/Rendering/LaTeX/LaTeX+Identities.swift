import ExactNumbers
import Algebra
import NetworkModel
import Collapse

extension LaTeXBuilder {
    // MARK: Names that do not clash with the network's

    /// The tool's letters, chosen to avoid the network's input names and symbols
    /// (`ReportNames`: the same letters as the text and JSON reports).
    var names: ReportNames { ReportNames(network) }

    /// The input vector and first point: x, or u / p when an input or symbol is called x….
    var vx: String { LaTeXEscaping.name(names.x) }

    /// The second point of the identities: z (y is the output here), or another free letter.
    var secondPoint: String {
        LaTeXEscaping.name(names.fresh(["z", "v", "q"], also: [names.x, names.c, "y"]))
    }

    /// The scalar of homogeneity: c, or the free letter `ReportNames` chose (s, k, ...).
    var scalarName: String { LaTeXEscaping.name(names.c) }

    /// The letter of the layers' weight matrices: W, or V / M when a user's name reads as
    /// W with a subscript (`W1`, `W_2`).
    var wLetter: String { LaTeXEscaping.name(names.fresh(["W", "V", "M"])) }

    /// The letter of the layers' biases: b, or d / β when a user's name reads as b with a
    /// subscript (a symbol `b1` is typeset b_{1}, which must not be mistaken for layer 1's bias).
    var bLetter: String { LaTeXEscaping.name(names.fresh(["b", "d", "beta"])) }

    /// A sentence saying which of the document's letters were changed to avoid the network's
    /// names, or nil when none was.
    var namesNote: String? {
        var changes: [String] = []
        if names.x != "x" { changes.append("$\(vx)$ for the input vector (and the first point of the identities)") }
        if scalarName != "c" { changes.append("$\(scalarName)$ for the scalar of homogeneity") }
        if secondPoint != "z" { changes.append("$\(secondPoint)$ for the second point") }
        if wLetter != "W" { changes.append("$\(wLetter)_{k}$ for the weight matrix of layer $k$") }
        if bLetter != "b" { changes.append("$\(bLetter)_{k}$ for the bias of layer $k$") }
        guard !changes.isEmpty else { return nil }
        let used = names.taken.map { "$" + LaTeXEscaping.name($0) + "$" }.joined(separator: ", ")
        return "\\emph{Notation.} The network's own names are \(used), so this document writes "
            + changes.joined(separator: ", ") + "."
    }

    /// F applied to `v` in the convention (`W'v + b'` or `vW' + b'`).
    func affineText(_ v: String, bias: String = "b'") -> String {
        applied("W'", to: v) + (bias.isEmpty ? "" : " + " + bias)
    }

    // MARK: Identity checks of a collapsed network

    /// F(x + z) against F(x) + F(z), F(c x) against c F(x), worked out on F = W'x + b'.
    mutating func identitySection() {
        guard let collapsed = analysis.collapsed else { return }
        let z = secondPoint, c = scalarName
        let map = collapsed.symbolicMap
        let linear = collapsed.biasIsZero
        line(
            "\\paragraph{Is it linear?} Write $F(\(vx)) = \(affineText(vx))$. For all inputs $\(vx)$, $\(z)$ and every scalar $\(c)$:"
        )
        line("\\begin{align*}")
        line(
            "  F(\(vx) + \(z)) &= \(applied("W'", to: vx)) + \(applied("W'", to: z)) + b', & F(\(vx)) + F(\(z)) &= \(applied("W'", to: vx)) + \(applied("W'", to: z)) + 2b',\\\\"
        )
        line(
            "  F(\(c)\\,\(vx)) &= \(c)\\,\(applied("W'", to: vx)) + b', & \(c)\\,F(\(vx)) &= \(c)\\,\(applied("W'", to: vx)) + \(c)\\,b'."
        )
        line("\\end{align*}")
        if linear {
            line(
                "Since $b' = 0$, the two sides agree in both lines: $F(\(vx) + \(z)) = F(\(vx)) + F(\(z))$ and $F(\(c)\\,\(vx)) = \(c)\\,F(\(vx))$ for all $\(vx)$, $\(z)$ and $\(c)$. Additivity and homogeneity hold, so $F$ is linear."
            )
        } else {
            line("The first pair differs by $b'$ and the second by $(1 - \(c))\\,b'$.")
            // A single output reads better as a number than as a 1 x 1 matrix.
            let bias = map.bias
            let b =
                bias.count == 1
                ? Typeset(tex: polynomial(bias[0]), width: 0)
                : Typeset(
                    tex: tuple(count: bias.count) { b, i in b.polynomial(bias[i]) } + (isRow ? "" : "^{\\top}"),
                    width: 0)
            if case .numeric = collapsed {
                line(
                    "Here $b' = \(b.tex) \\neq 0$, so additivity fails, and homogeneity fails for every $\(c) \\neq 1$."
                )
            } else if collapsed.hasConstantEntries {
                line(
                    "Here $b' = \(b.tex) \\neq 0$ (an exact constant whose rigorous enclosure excludes 0), so additivity fails, and homogeneity fails for every $\(c) \\neq 1$."
                )
            } else {
                line(
                    "Here $b' = \(b.tex)$ is not identically zero, so for generic values of the symbols both identities fail."
                )
                if let conditions = analysis.linearIf, !conditions.isEmpty {
                    let shown = conditions.prefix(6)
                    let equations = shown.map { "$\(polynomial($0)) = 0$" }
                    line(
                        "$F$ is linear exactly when $b' = 0$, that is when \(joinedList(equations))\(conditions.count > shown.count ? " (and \(conditions.count - shown.count) more)" : "")."
                    )
                } else {
                    line("An entry of $b'$ is a nonzero number, so $F$ is not linear for any values of the symbols.")
                }
            }
            if let w = analysis.additivity.witness, let y = w.y {
                let bothZero = w.x.allSatisfy(\.isZero) && y.allSatisfy(\.isZero)
                let at = bothZero ? "At $\(vx) = \(z) = 0$" : "At $\(vx) = \(point(w.x))$, $\(z) = \(point(y))$"
                let lhs = values(w.lhs, inline: true), rhs = values(w.rhs, inline: true)
                line(
                    at
                        + (bothZero
                            ? ": $F(0) = \(lhs)$ but $F(0) + F(0) = \(rhs)$."
                            : ": $F(\(vx) + \(z)) = \(lhs)$ but $F(\(vx)) + F(\(z)) = \(rhs)$."))
            }
            if let w = analysis.homogeneity.witness, let scalar = w.c {
                let s = number(scalar)
                let lhs = values(w.lhs, inline: true), rhs = values(w.rhs, inline: true)
                if w.x.allSatisfy(\.isZero) {
                    line("At $\(c) = \(s)$, $\(vx) = 0$: $F(0) = \(lhs)$ but $\(s)\\,F(0) = \(rhs)$.")
                } else {
                    line(
                        "At $\(c) = \(s)$, $\(vx) = \(point(w.x))$: $F(\(c)\\,\(vx)) = \(lhs)$ but $\(c)\\,F(\(vx)) = \(rhs)$."
                    )
                }
            }
            var isNumeric = false
            if case .numeric = collapsed { isNumeric = true }
            line(
                "What does hold is the identity of affine maps, $F(\(vx) + \(z)) + F(0) = \(applied("W'", to: vx)) + \(applied("W'", to: z)) + 2b' = F(\(vx)) + F(\(z))$ for all $\(vx)$, $\(z)$: $F$ is affine\(isNumeric ? ", not linear" : "")."
            )
        }
        if let sentence = residualSentence() { line(sentence) }
        if !collapsesByRegions, let residual = analysis.additivity.residual, residual == map.bias.map({ -$0 }),
            analysis.affinity.residual?.allSatisfy(\.isZero) == true
        {
            line(
                "The same differences come out when symbolic $\(vx)$, $\(z)$ and $\(c)$ are pushed through the layers one at a time, without using $W'$: an independent check of the composition."
            )
        }
        line("")
        notes()
    }

    /// A vector of values: a scalar when it has one entry, else a vector in the convention
    /// (or an inline tuple, for running text).
    mutating func values(_ v: [ExactValue], inline: Bool = false) -> String {
        if v.count == 1 { return value(v[0]) }
        if inline { return tuple(count: v.count) { b, i in b.value(v[i]) } }
        // Only the entries shown after elision are typeset.
        var fragments = [TeXFragment](repeating: TeXFragment(""), count: v.count)
        for i in shownIndices(v.count).compactMap({ $0 }) { fragments[i] = valueFragment(v[i]) }
        return vector(fragments: fragments).tex
    }

    // MARK: Rank

    /// rank W', with the bottleneck (PCA) remark where a narrow layer limits it.
    mutating func rankSection() {
        guard let finding = analysis.rank, let collapsed = analysis.collapsed else { return }
        let m = collapsed.outputDimension, n = collapsed.inputDimension
        let shape = isRow ? "\(n) \\times \(m)" : "\(m) \\times \(n)"
        var text = "\\paragraph{Rank.} $W'$ is $\(shape)$ and $\\operatorname{rank} W' = \(finding.rank)$"
        text +=
            finding.isGeneric
            ? " for generic values of the symbols (the rank over the rational functions in them; special values can only lower it)."
            : "."
        if finding.isBottleneck, let k = finding.narrowestLayer {
            let w = finding.narrowestWidth
            text +=
                " Layer \(k) has only \(w) unit\(w == 1 ? "" : "s"), fewer than the \(n) inputs and the \(m) outputs, so every input passes through a space of dimension \(w): $\\operatorname{rank} W' \\le \(w) < \\min(\(m), \(n)) = \(finding.fullRank)$, whatever the weights. This is a \\emph{linear bottleneck}: the network maps $\\mathbb{Q}^{\(n)}$ into \(analysis.collapsed?.biasIsZero ?? true ? "a subspace" : "an affine plane (a translate of a subspace)") of dimension at most \(w). It is the situation of principal component analysis (PCA): a linear autoencoder with a \(w)-unit code can at best learn the projection onto the top \(w) principal components, a rank-\(w) map, and without a nonlinear activation no number of extra layers raises the rank."
        } else if finding.rank == finding.fullRank {
            text +=
                " This is full rank, $\\min(\(m), \(n)) = \(finding.fullRank)$: no direction of the input is lost beyond what the shape forces."
        } else {
            text +=
                " This is less than $\\min(\(m), \(n)) = \(finding.fullRank)$: $W'$ has a kernel of dimension \(n - finding.rank), and inputs that differ by a kernel vector give the same output."
        }
        line(text)
        line("")
    }

    // MARK: Verdict

    mutating func verdictSection() {
        var text = "\\paragraph{Verdict.} "
        let linearMap = isRow ? "y = \(vx)W'" : "y = W'\(vx)"
        let affineMap = isRow ? "y = \(vx)W' + b'" : "y = W'\(vx) + b'"
        if analysis.network.domain != nil,
            let sentence = domainVerdictSentence(linearMap: linearMap, affineMap: affineMap)
        {
            line(text + sentence)
            return
        }
        switch analysis.verdict {
        case .linear:
            text +=
                "The network collapses to one linear map, $\(linearMap)$. Stacking the layers added no expressive power: a single layer without bias computes the same function."
        case .affine:
            if analysis.linearIf != nil {
                text +=
                    "The network collapses to one affine map, $\(affineMap)$, for all values of the symbols; it is linear exactly when $b' = 0$."
            } else {
                text +=
                    "The network collapses to one affine map; it is affine, not linear. Stacking the layers added no expressive power: $\(affineMap)$ is one layer."
            }
        case .notAffine:
            let names = nonAffineActivationNames()
            let subject =
                names.isEmpty
                ? "nonlinear activations give"
                : joinedList(names) + (names.count == 1 ? " activation gives" : " activations give")
            text +=
                "No affine map equals $F$: the exact witness above rules out $F(\(vx)) = \(affineText(vx))$ for every choice of $W'$ and $b'$. The \(subject) the network what a stack of linear layers cannot have; it does not collapse into one layer."
        case .unknown:
            text +=
                "Not decided: prove-collapse neither composed the network into one affine map nor found an exact witness against it."
        }
        line(text)
    }

    /// The names of the non-affine activations, in layer order, without repeats.
    func nonAffineActivationNames() -> [String] {
        var names = [String]()
        for layer in network.layers where layer.activation.affineForm == nil {
            let name = "\\texttt{\(LaTeXEscaping.text(layer.activation.name))}"
            if !names.contains(name) { names.append(name) }
        }
        return names
    }
}
