import ExactNumbers
import Algebra
import NetworkModel
import Collapse
import Foundation

/// One step of the chain (`ChainStep`, computed in Collapse) with the names it is shown under.
struct ShownChainStep<S: TeXScalar> {
    /// The map and its running product.
    let step: ChainStep<S>
    /// `W_{k}` or `\widetilde{W}_{k}`.
    let weightName: String
    /// `b_{k}` or `\tilde{b}_{k}`; nil when the (folded) bias is zero.
    let biasName: String?
    /// 1-based layer index.
    var layer: Int { step.layer }
    /// The map, with the spec's out × in weights.
    var map: AffineMap<S> { step.map }
}

extension LaTeXBuilder {
    /// The chain sections of a collapse by folding (`Derivation.chain`), with rational
    /// scalars when the chain and the collapsed map are numeric; for a collapse that does not
    /// fold layer by layer, the polynomial expansion or the cancelling hinges.
    mutating func chainSections(collapsed: CollapsedMap) {
        switch (derivation.chain, collapsed) {
        case (.numeric(let chain)?, .numeric(let map)): derivationSections(chain: chain, collapsed: map)
        case (let chain?, _): derivationSections(chain: chain.symbolic, collapsed: collapsed.symbolicMap)
        case (nil, .numeric(let map))
        where analysis.foldedLayers.allSatisfy({ if case .numeric = $0 { return true } else { return false } }):
            derivationSections(chain: nil, collapsed: map)
        case (nil, _): derivationSections(chain: nil, collapsed: collapsed.symbolicMap)
        }
    }

    /// The substitution chain, the exact products and the collapsed map.
    mutating func derivationSections<S: TeXScalar>(chain: ProductChain<S>?, collapsed: AffineMap<S>) {
        guard let chain else {
            if case .collapses(_, _, .hingesCancel(let layer)) = analysis.outcome {
                return hingeCollapse(collapsed, layer: layer)
            }
            polynomialCollapse(collapsed)
            return
        }
        let steps = chain.steps.map { step in
            ShownChainStep(
                step: step, weightName: weightName(step.layer),
                biasName: step.map.bias.allSatisfy(\.isZero) ? nil : biasName(step.layer))
        }
        substitutionChain(steps)
        products(steps, collapsed: collapsed)
        collapsedSummary(collapsed)
        constantsParagraph(collapsed)
    }

    // MARK: The chain, symbolically

    /// y = W_3(W_2(W_1 x + b_1) + b_2) + b_3 = W_3W_2W_1 x + (W_3W_2b_1 + W_3b_2 + b_3)
    /// = W'x + b' for up to three maps; the induction step for longer chains.
    mutating func substitutionChain<S>(_ steps: [ShownChainStep<S>]) {
        let final = isRow ? "\(vx) W'" : "W' \(vx)"
        let hasBias = steps.contains { $0.biasName != nil }
        switch steps.count {
        case 0:
            line("\\paragraph{Substitution.} Every layer is the identity, so $y = \(vx)$: $W' = I$ and $b' = 0$.")
            line("")
            return
        case 1:
            let s = steps[0]
            let map = applied(s.weightName, to: "\(vx)") + (s.biasName.map { " + " + $0 } ?? "")
            line(
                "\\paragraph{Substitution.} There is one affine map, $y = \(map)$; it is already a single layer, $y = \(final)\(hasBias ? " + b'" : "")$ with $W' = \(s.weightName)$\(s.biasName.map { " and $b' = \($0)$" } ?? "")."
            )
            line("")
            return
        case 2, 3:
            // `nested` is a sum once some map so far has a bias; a sum is put in parentheses
            // before the next map applies to it.
            var nested = ""
            var nestedIsSum = false, parenthesised = false
            for (i, s) in steps.enumerated() {
                var inner = i == 0 ? "\(vx)" : nested
                if i > 0 && nestedIsSum {
                    inner = "(\(nested))"
                    parenthesised = true
                }
                nested = applied(s.weightName, to: inner) + (s.biasName.map { " + " + $0 } ?? "")
                nestedIsSum = nestedIsSum || s.biasName != nil
            }
            let product = productName(steps, upTo: steps.count)
            var biasTerms = [String]()
            for (j, s) in steps.enumerated() {
                guard let b = s.biasName else { continue }
                let after = Array(steps[(j + 1)...])
                biasTerms.append(
                    isRow
                        ? ([b] + after.map(\.weightName)).joined(separator: " ")
                        : (after.reversed().map(\.weightName) + [b]).joined(separator: " "))
            }
            let expanded =
                (isRow ? "\(vx)\\,(\(product))" : "(\(product))\\,\(vx)")
                + (biasTerms.isEmpty ? "" : " + (" + biasTerms.joined(separator: " + ") + ")")
            line("\\paragraph{Substitution.} Put each layer into the next one:")
            line("\\begin{align*}")
            line("  y &= \(nested) \\\\")
            if hasBias || steps.count > 2 || parenthesised { line("    &= \(expanded) \\\\") }
            line("    &= \(final)\(hasBias ? " + b'" : "").")
            line("\\end{align*}")
            if !hasBias { line("No layer has a bias, so there is no constant term: $b' = 0$.") }
        default:
            let count = steps.count
            let step =
                isRow
                ? "h_{k+1} &= (\(vx) A_{k} + c_{k})\\, \(wLetter)_{k+1} + \(bLetter)_{k+1} \\\\\n          &= \(vx)\\,(A_{k} \(wLetter)_{k+1}) + (c_{k} \(wLetter)_{k+1} + \(bLetter)_{k+1})"
                : "h_{k+1} &= \(wLetter)_{k+1} (A_{k} \(vx) + c_{k}) + \(bLetter)_{k+1} \\\\\n          &= (\(wLetter)_{k+1} A_{k})\\, \(vx) + (\(wLetter)_{k+1} c_{k} + \(bLetter)_{k+1})"
            line(
                "\\paragraph{Substitution, by induction.} Write $\(wLetter)_{k}$, $\(bLetter)_{k}$ for the $k$-th of the \(Self.count(count)) affine maps (after folding; $\(bLetter)_{k} = 0$ where a layer has no bias). Suppose the first $k$ maps together compute one affine map, $h_{k} = \(isRow ? "x A_{k}" : "A_{k} x") + c_{k}$; this holds for $k = 1$ with $A_{1} = \(wLetter)_{1}$, $c_{1} = \(bLetter)_{1}$. Then the next map gives"
            )
            line("\\begin{align*}")
            line("  \(step),")
            line("\\end{align*}")
            let aStep = isRow ? "A_{k+1} = A_{k} \(wLetter)_{k+1}" : "A_{k+1} = \(wLetter)_{k+1} A_{k}"
            let cStep =
                isRow
                ? "c_{k+1} = c_{k} \(wLetter)_{k+1} + \(bLetter)_{k+1}"
                : "c_{k+1} = \(wLetter)_{k+1} c_{k} + \(bLetter)_{k+1}"
            let wProduct =
                isRow
                ? "\(wLetter)_{1} \(wLetter)_{2} \\cdots \(wLetter)_{\(count)}"
                : "\(wLetter)_{\(count)} \\cdots \(wLetter)_{2} \(wLetter)_{1}"
            let bSum =
                isRow
                ? "\\sum_{k=1}^{\(count)} \(bLetter)_{k} \(wLetter)_{k+1} \\cdots \(wLetter)_{\(count)}"
                : "\\sum_{k=1}^{\(count)} \(wLetter)_{\(count)} \\cdots \(wLetter)_{k+1} \(bLetter)_{k}"
            line(
                "so $\(aStep)$ and $\(cStep)$: the first $k + 1$ maps are again one affine map. By induction all \(Self.count(count)) are:"
            )
            line("\\[")
            line("  y = \(final) + b', \\qquad W' = A_{\(count)} = \(wProduct), \\qquad b' = c_{\(count)} = \(bSum).")
            line("\\]")
            let names = steps.map { "$\(wLetter)_{\($0.layer)}$" }
            if steps.enumerated().contains(where: { $0.offset + 1 != $0.element.layer })
                || steps.contains(where: { $0.weightName != "\(wLetter)_{\($0.layer)}" })
            {
                line(
                    "Here the $k$-th map is layer \(joinedList(steps.map { String($0.layer) })) in turn (\(joinedList(names.count > 0 ? steps.map { "$\($0.weightName)$" } : []))."
                )
            }
        }
        line("")
    }

    /// The product of the first `count` weight names in the convention's order:
    /// `W_{2} W_{1}` or `W_{1} W_{2}`.
    func productName<S>(_ steps: [ShownChainStep<S>], upTo count: Int) -> String {
        let names = steps.prefix(count).map(\.weightName)
        return (isRow ? names : names.reversed()).joined(separator: " ")
    }

    // MARK: The chain, concretely

    /// The running products A_k = W_k A_{k-1} and c_k = W_k c_{k-1} + b_k with the actual
    /// matrices, one step per line.
    mutating func products<S: TeXScalar>(_ steps: [ShownChainStep<S>], collapsed: AffineMap<S>) {
        guard steps.count >= 2 else {
            if let s = steps.first {
                let w = matrix(collapsed.weights), b = vector(collapsed.bias)
                line("\\paragraph{The map.}")
                line("\\[")
                line("  W' = \(s.weightName) = \(w.tex), \\qquad b' = \(b.tex).")
                line("\\]")
                line("")
                notes()
            }
            return
        }
        let useA = steps.count >= 4
        line(
            "\\paragraph{The products, exactly.} \(useA ? "Step by step, with the actual matrices:" : "With the actual matrices:")"
        )
        var a = steps[0].step.product
        var c = steps[0].step.offset
        var cName = steps[0].biasName
        // Whether `cName` is a sum of terms (it then needs parentheses as a factor).
        var cNameIsSum = false
        var lines = [String]()
        for (position, s) in steps.enumerated().dropFirst() {
            let i = position + 1
            let isLast = i == steps.count
            let newA = s.step.product
            let newC = s.step.offset
            // The weights.
            let aName = useA ? "A_{\(i - 1)}" : productName(steps, upTo: i - 1)
            var lhs =
                useA
                ? "A_{\(i)} = " + (isRow ? "\(aName) \(s.weightName)" : "\(s.weightName) \(aName)")
                : productName(steps, upTo: i)
            if !useA && i > 2 { lhs = isRow ? "(\(aName))\\, \(s.weightName)" : "\(s.weightName)\\,(\(aName))" }
            if isLast { lhs = "W' = " + lhs }
            lines.append(productLine(lhs: lhs, left: s.map.weights, right: a, result: newA))
            // The bias.
            let cIsZero = c.allSatisfy(\.isZero)
            if !(cIsZero && s.biasName == nil) {
                let labelIsSum = !useA && cName != nil && cNameIsSum
                let cLabel = useA ? "c_{\(i - 1)}" : (cName.map { labelIsSum ? "(\($0))" : $0 } ?? "0")
                var terms = [String]()
                if !cIsZero { terms.append(isRow ? "\(cLabel) \(s.weightName)" : "\(s.weightName) \(cLabel)") }
                if let b = s.biasName { terms.append(b) }
                let formula = terms.joined(separator: " + ")
                let label = useA ? "c_{\(i)} = " + formula : formula
                lines.append(
                    biasLine(
                        lhs: isLast ? "b' = " + label : label, weights: s.map.weights, previous: cIsZero ? nil : c,
                        bias: s.biasName == nil ? nil : s.map.bias, result: newC))
                cName = formula
                cNameIsSum = terms.count > 1 || (!cIsZero && labelIsSum)
            } else {
                cName = nil
                cNameIsSum = false
            }
            a = newA
            c = newC
        }
        // align* gives every row the widest label plus the widest right side: when that is
        // wider than the line, each equation is centred on its own (gather*).
        let halves = lines.map { $0.components(separatedBy: "&=") }
        let left = halves.map { TeXWidth.estimate($0[0]) }.max() ?? 0
        let right = halves.map { TeXWidth.estimate($0.dropFirst().joined()) }.max() ?? 0
        let gather = left + right + 2 > Self.lineWidth
        line(gather ? "\\begin{gather*}" : "\\begin{align*}")
        line(
            lines.map { "  " + (gather ? $0.replacingOccurrences(of: "&=", with: "=") : $0) }.joined(
                separator: ",\\\\\n") + ".")
        line(gather ? "\\end{gather*}" : "\\end{align*}")
        if c.allSatisfy(\.isZero) && steps.contains(where: { $0.biasName != nil }) {
            line("The offsets cancel: the network has biases, yet $b' = 0$.")
        }
        line("")
        notes()
    }

    /// `lhs &= [L][R] = [entry expansions] = [result]`, dropping the factors (and the
    /// expansions) when they do not fit on a line.
    mutating func productLine<S: TeXScalar>(lhs: String, left: Matrix<S>, right: Matrix<S>, result: Matrix<S>) -> String
    {
        // With row vectors the displayed product is Aᵀ Wᵀ = (W A)ᵀ; `matrix` transposes.
        let (first, second) = isRow ? (right.transposed(), left.transposed()) : (left, right)
        let l = isRow ? matrix(right) : matrix(left), r = isRow ? matrix(left) : matrix(right)
        let res = matrix(result)
        let lhsWidth = TeXWidth.estimate(lhs)
        var text = "\(lhs) &= "
        guard lhsWidth + l.width + r.width + 2 <= Self.lineWidth else { return text + res.tex }
        text += "\(l.tex) \(r.tex)"
        var current = lhsWidth + l.width + r.width + 2
        if S.self == Rational.self, result.rows * result.columns <= 4, left.columns <= 3,
            let expansion = expandedProduct(first, second)
        {
            let e = matrixOfTexts(expansion)
            if current + e.width + 2 <= Self.lineWidth {
                text += " = \(e.tex)"
                current += e.width + 2
            } else if e.width + lhsWidth + 2 <= Self.lineWidth {
                text += "\\\\\n    &= \(e.tex)"
                current = lhsWidth + e.width + 2
            }
        }
        if current + res.width + 2 <= Self.lineWidth {
            text += " = \(res.tex)"
        } else {
            text += "\\\\\n    &= \(res.tex)"
        }
        return text
    }

    /// `lhs &= [W][c] + [b] = [result]` (or `[c][W] + [b]` with row vectors).
    mutating func biasLine<S: TeXScalar>(lhs: String, weights: Matrix<S>, previous: [S]?, bias: [S]?, result: [S])
        -> String
    {
        let res = vector(result)
        var parts = [String]()
        var width = TeXWidth.estimate(lhs) + res.width + 2
        if let previous {
            let w = matrix(weights), p = vector(previous)
            parts.append(isRow ? "\(p.tex) \(w.tex)" : "\(w.tex) \(p.tex)")
            width += w.width + p.width
        }
        if let bias {
            let b = vector(bias)
            parts.append(b.tex)
            width += b.width + 1
        }
        if width <= Self.lineWidth, !parts.isEmpty, !(previous == nil && parts.count == 1) {
            return "\(lhs) &= " + parts.joined(separator: " + ") + " = \(res.tex)"
        }
        return "\(lhs) &= \(res.tex)"
    }

    /// Entry (i, j) of L·R written out: `3\cdot 1 + (-2)\cdot\tfrac{1}{2}` (numeric only).
    mutating func expandedProduct<S: TeXScalar>(_ l: Matrix<S>, _ r: Matrix<S>) -> [[TeXFragment]]? {
        guard l.columns == r.rows, l.columns > 0 else { return nil }
        var rows = [[TeXFragment]]()
        for i in 0..<l.rows {
            var row = [TeXFragment]()
            for j in 0..<r.columns {
                var terms = [TeXFragment]()
                for k in 0..<l.columns {
                    let a = l[i, k], b = r[k, j]
                    var at = a.fragment(&self), bt = b.fragment(&self)
                    if k > 0 && a.needsParentheses { at.text = "(\(at.text))" }
                    if b.needsParentheses { bt.text = "(\(bt.text))" }
                    terms.append(.joined([at, bt], separator: "\\cdot ", prefix: k > 0 ? "+ " : ""))
                }
                row.append(.joined(terms, separator: " "))
            }
            rows.append(row)
        }
        return rows
    }

    /// A bmatrix of typeset cells.
    mutating func matrixOfTexts(_ cells: [[TeXFragment]]) -> Typeset {
        bmatrix(rows: cells.count, columns: cells.first?.count ?? 0) { _, i, j in cells[i][j] }
    }

    // MARK: The result

    /// "So the whole network is the single layer y_1 = 2x_1 + 8x_2 + 5/2."
    mutating func collapsedSummary<S: TeXScalar>(_ map: AffineMap<S>) {
        let m = map.outputDimension, n = map.inputDimension
        guard m > 0 else { return }
        if m <= 4 && n <= 6 {
            var equations = [String]()
            for i in 0..<m {
                let lhs = m == 1 ? "y" : "y_{\(i + 1)}"
                equations.append(
                    "\(lhs) = " + linearCombination(weights: (0..<n).map { map.weights[i, $0] }, bias: map.bias[i]))
            }
            let width = equations.map(TeXWidth.estimate).max() ?? 0
            if width <= Self.lineWidth {
                let body =
                    equations.count == 1
                    ? "\\[\n  \(equations[0]).\n\\]"
                    : "\\begin{align*}\n"
                        + equations.map {
                            "  "
                                + $0.replacingOccurrences(
                                    of: " = ", with: " &= ", options: [], range: $0.range(of: " = "))
                        }.joined(separator: ",\\\\\n") + ".\n\\end{align*}"
                let kind = map.bias.allSatisfy(\.isZero) ? "linear" : "affine"
                line(
                    "\\noindent So the whole network is \(m == 1 ? "the single \(kind) map" : "one \(kind) map, coordinate by coordinate:")"
                )
                line(body)
                line("")
                return
            }
        }
        line(
            "\\noindent So the whole network is the single layer $y = \(isRow ? "\(vx)W'" : "W'\(vx)") + b'$ with the $W'$ and $b'$ above ($W'$ has \(m) row\(m == 1 ? "" : "s") and \(n) column\(n == 1 ? "" : "s")\(isRow ? ", transposed here" : ""))."
        )
        line("")
    }

    /// Σ_j a_j x_j + b, with signs and parentheses as a person writes them.
    mutating func linearCombination<S: TeXScalar>(weights: [S], bias: S) -> String {
        var out = ""
        for (j, w) in weights.enumerated() where !w.isZero {
            let x = LaTeXEscaping.name(network.inputNames[j])
            let p = w.asPolynomial
            var term: String
            if let c = p.constantValue {
                term = c.magnitude.isOne ? x : number(c.magnitude) + " " + x
                term = out.isEmpty ? (c.signum < 0 ? "-" + term : term) : (c.signum < 0 ? " - " : " + ") + term
            } else if p.termCount == 1 {
                let t = polynomialFragment(p)
                term = out.isEmpty ? t.text + " " + x : signed(t) + " " + x
            } else {
                term = (out.isEmpty ? "" : " + ") + "(\(polynomial(p)))\\, " + x
            }
            out += term
        }
        if !bias.isZero {
            let b = bias.fragment(&self)
            out += out.isEmpty ? b.text : signed(b)
        }
        return out.isEmpty ? "0" : out
    }

    /// A network that collapses because the terms of degree >= 2 of its polynomial
    /// activations cancel: the expanded outputs, then W' and b'.
    mutating func polynomialCollapse<S: TeXScalar>(_ map: AffineMap<S>) {
        line(
            "\\paragraph{Expanding.} Every activation is a polynomial, so $F$ is a polynomial map; expanding it layer by layer, every term of degree 2 or more in $\(vx)$ cancels:"
        )
        summaryWithMatrices(map)
    }
}
