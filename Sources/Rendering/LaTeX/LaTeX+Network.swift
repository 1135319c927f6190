import ExactNumbers
import Algebra
import NetworkModel
import Collapse
import Foundation

/// How an activation is written: applied to an argument, and its definition.
struct ActivationTeX {
    /// f applied to `argument` (`\operatorname{relu}(W_{1} x + b_{1})`); the argument
    /// unchanged for the identity.
    let apply: (String) -> String
    /// `\operatorname{relu}(t) = \max(0, t)`; nil for the identity.
    let definition: String?
}

extension LaTeXBuilder {
    // MARK: Notation

    /// h_{k} for k ≥ 1, x for 0, y for the last layer.
    func stateName(_ k: Int) -> String {
        if k == 0 { return "\(vx)" }
        if k == network.layers.count { return "y" }
        return "h_{\(k)}"
    }

    /// W·v in the convention: `W v` or `v W`.
    func applied(_ w: String, to v: String) -> String {
        isRow ? "\(v) \(w)" : "\(w) \(v)"
    }

    /// W_{k}, or \widetilde{W}_{k} when an affine activation was folded into layer k.
    func weightName(_ k: Int) -> String {
        network.layers[k - 1].activation.isIdentityFunction ? "\(wLetter)_{\(k)}" : "\\widetilde{\(wLetter)}_{\(k)}"
    }

    /// b_{k}, or \tilde{b}_{k} when folded.
    func biasName(_ k: Int) -> String {
        network.layers[k - 1].activation.isIdentityFunction ? "\(bLetter)_{\(k)}" : "\\tilde{\(bLetter)}_{\(k)}"
    }

    /// The activation of layer k as TeX.
    mutating func activationTeX(_ f: Activation, layer k: Int) -> ActivationTeX {
        func op(_ name: String, _ def: String?) -> ActivationTeX {
            ActivationTeX(apply: { "\(name)(\($0))" }, definition: def)
        }
        let t = Polynomial(Symbol("t"))
        switch f {
        case _ where f.isIdentityFunction:
            return ActivationTeX(apply: { $0 }, definition: nil)
        case _ where coefficients(of: f) != nil:
            var p = Polynomial(Rational.zero)
            for (power, c) in coefficients(of: f)!.enumerated() { p = p + c * t.power(power) }
            return op("f_{\(k)}", "f_{\(k)}(t) = \(polynomial(p))")
        case .relu: return op("\\operatorname{relu}", "\\operatorname{relu}(t) = \\max(0, t)")
        case .leakyRelu(let alpha):
            let a = alpha.needsParentheses ? "(\(polynomial(alpha)))" : polynomial(alpha)
            return op(
                "\\operatorname{lrelu}",
                "\\operatorname{lrelu}(t) = \\begin{cases} t & t > 0,\\\\ \(a)\\, t & t \\le 0 \\end{cases}")
        case .hardtanh:
            return op("\\operatorname{hardtanh}", "\\operatorname{hardtanh}(t) = \\min\\bigl(1, \\max(-1, t)\\bigr)")
        case .step:
            return op(
                "\\operatorname{step}",
                "\\operatorname{step}(t) = \\begin{cases} 1 & t > 0,\\\\ 0 & t \\le 0 \\end{cases}")
        case .sign:
            return op(
                "\\operatorname{sign}",
                "\\operatorname{sign}(t) = \\begin{cases} 1 & t > 0,\\\\ 0 & t = 0,\\\\ -1 & t < 0 \\end{cases}")
        case .abs: return op("\\operatorname{abs}", "\\operatorname{abs}(t) = \\lvert t \\rvert")
        case .sigmoid: return op("\\sigma", "\\sigma(t) = \\frac{1}{1 + e^{-t}}")
        case .tanh: return op("\\tanh", "\\tanh t = \\frac{e^{t} - e^{-t}}{e^{t} + e^{-t}}")
        case .arctan: return op("\\arctan", "\\arctan t = \\int_{0}^{t} \\frac{ds}{1 + s^{2}}")
        case .softplus:
            return op("\\operatorname{softplus}", "\\operatorname{softplus}(t) = \\log\\bigl(1 + e^{t}\\bigr)")
        case .silu:
            return op("\\operatorname{silu}", "\\operatorname{silu}(t) = t\\,\\sigma(t) = \\frac{t}{1 + e^{-t}}")
        case .gelu:
            return op(
                "\\operatorname{gelu}",
                "\\operatorname{gelu}(t) = \\frac{t}{2}\\Bigl(1 + \\operatorname{erf}\\bigl(t/\\sqrt{2}\\bigr)\\Bigr)")
        case .elu(let alpha):
            let a = alpha.needsParentheses ? "(\(polynomial(alpha)))" : polynomial(alpha)
            return op(
                "\\operatorname{elu}",
                "\\operatorname{elu}(t) = \\begin{cases} t & t > 0,\\\\ \(a)\\,(e^{t} - 1) & t \\le 0 \\end{cases}")
        case .clip(let lower, let upper):
            let lo = lower.map { polynomial($0) } ?? "-\\infty"
            let hi = upper.map { polynomial($0) } ?? "\\infty"
            return op("\\operatorname{clip}", "\\operatorname{clip}(t) = \\min\\bigl(\(hi), \\max(\(lo), t)\\bigr)")
        case .hardSigmoid(let alpha, let beta):
            let a = alpha.needsParentheses ? "(\(polynomial(alpha)))" : polynomial(alpha)
            return op(
                "\\operatorname{hardsigmoid}",
                "\\operatorname{hardsigmoid}(t) = \\max\\bigl(0, \\min(1, \(a)\\, t + \(polynomial(beta)))\\bigr)")
        case .softmax:
            return op(
                "\\operatorname{softmax}", "\\operatorname{softmax}(t)_{i} = \\frac{e^{t_{i}}}{\\sum_{j} e^{t_{j}}}")
        default:
            return op("f_{\(k)}", nil)
        }
    }

    /// c0, c1, ..., ck when f is a polynomial in t (identity and affine included).
    func coefficients(of f: Activation) -> [Polynomial]? {
        switch f {
        case .identity: return [Polynomial(Rational.zero), Polynomial(Rational.one)]
        case .affine(let a, let c): return [c, a]
        case .polynomial(let cs): return cs
        default:
            guard let (a, c) = f.affineForm else { return nil }
            return [c, a]
        }
    }

    // MARK: Claim

    /// One sentence saying where the argument goes.
    mutating func claim() {
        let n = network.layers.count
        let layers = n == 1 ? "one layer" : "\(Self.count(n)) layers"
        let map = isRow ? "y = \(vx)W' + b'" : "y = W'\(vx) + b'"
        let linearMap = isRow ? "y = \(vx)W'" : "y = W'\(vx)"
        var text: String
        let linearIfSymbols = analysis.linearIf != nil
        switch analysis.verdict {
        case .linear:
            text =
                n == 1
                ? "The single layer of this network computes a linear map, $\(linearMap)$: it has no bias to make it merely affine."
                : "The \(layers) of this network compute one linear map, $\(linearMap)$: they collapse into a single layer without bias."
        case .affine:
            let subject =
                n == 1
                ? "The single layer of this network computes an affine map"
                : "The \(layers) of this network compute one affine map"
            let collapse = n == 1 ? "" : ": they collapse into a single layer"
            text =
                linearIfSymbols
                ? "\(subject), $\(map)$\(collapse). It is linear exactly when $b' = 0$, which depends on the values of the symbols."
                : "\(subject), $\(map)$ with $b' \\neq 0$\(collapse)\(n == 1 ? ": it is" : ", which is") affine but not linear."
        case .notAffine:
            text =
                "No affine map $\(map)$ computes this network: an exact counterexample below shows that it does not collapse into a single layer."
        case .unknown:
            text =
                "Whether this network collapses into a single affine layer is not decided here; the reason is given below."
        }
        if analysis.network.domain != nil, let onDomain = domainClaim() { text = onDomain }
        line("\\noindent\\textbf{Claim.} " + text)
        let numbers = network.isNumeric ? "rational numbers" : "rational numbers and polynomials in the symbols"
        line(
            "All arithmetic below is exact, with \(numbers); nothing is rounded\(usesEnclosures ? ", and the values of transcendental functions are given by rigorous enclosures" : "")."
        )
        line("")
    }

    /// Whether the document shows enclosures of transcendental values.
    var usesEnclosures: Bool {
        let witnesses = [analysis.affinity, analysis.additivity, analysis.homogeneity].compactMap(\.witness)
        return witnesses.contains { w in
            (w.lhs + w.rhs).contains { if case .enclosed = $0 { return true } else { return false } }
        }
    }

    // MARK: The network

    /// The network as equations, one per layer, with its matrices.
    mutating func networkSection(heading: String = "The network.") {
        let n = network.inputDimension
        let names = network.inputNames
        let inputs = tuple(count: n) { _, i in LaTeXEscaping.name(names[i]) }
        let inputText =
            n == 1
            ? "$\(vx) = \(LaTeXEscaping.name(names[0]))$, a single number"
            : isRow ? "a row vector $\(vx) = \(inputs)$" : "$\(vx) = \(inputs)^{\\top}$"
        let count = network.layers.count
        let rowNote =
            isRow
            ? " (vectors are rows here, so each weight matrix is the transpose of the spec's $\\text{out} \\times \\text{in}$ matrix):"
            : ":"
        let layerText =
            count == 0
            ? "no layers, so $y = \(vx)$."
            : (count == 1 ? "one layer" : "\(Self.count(count)) layers, applied in order") + rowNote
        if let namesNote { line(namesNote) }
        line("\\paragraph{\(heading)} Input \(inputText); \(layerText)")
        guard count > 0 else { line(""); return }
        var rows = [(equation: Typeset, weights: Typeset?, bias: Typeset?, k: Int)]()
        var definitions = [String]()
        for (index, layer) in network.layers.enumerated() {
            let k = index + 1
            let f = activationTeX(layer.activation, layer: k)
            if let d = f.definition, !definitions.contains(d) { definitions.append(d) }
            let previous = stateName(k - 1)
            var argument = previous
            var weights: Typeset? = nil, bias: Typeset? = nil
            if let dense = layer.dense {
                argument = applied("\(wLetter)_{\(k)}", to: previous)
                switch dense {
                case .numeric(let m):
                    weights = matrix(m.weights)
                    if !m.bias.allSatisfy(\.isZero) { bias = vector(m.bias) }
                case .float32(let compact):
                    let m = compact.materialized
                    weights = matrix(m.weights)
                    if !m.bias.allSatisfy(\.isZero) { bias = vector(m.bias) }
                case .symbolic(let m):
                    weights = matrix(m.weights)
                    if !m.bias.allSatisfy(\.isZero) { bias = vector(m.bias) }
                }
                if bias != nil { argument += " + \(bLetter)_{\(k)}" }
            }
            let equation = "\(stateName(k)) &= \(f.apply(argument))"
            rows.append((Typeset(tex: equation, width: TeXWidth.estimate(equation)), weights, bias, k))
        }
        // One row per layer with its matrices beside it when that fits; otherwise the
        // matrices on their own lines.
        let eqWidth = rows.map(\.equation.width).max() ?? 0
        let wWidth = rows.compactMap { $0.weights.map { $0.width + 3 } }.max() ?? 0
        let bWidth = rows.compactMap { $0.bias.map { $0.width + 3 } }.max() ?? 0
        let besides = eqWidth + wWidth + bWidth + 4 <= Self.lineWidth
        line("\\begin{align*}")
        for (position, row) in rows.enumerated() {
            let last = position == rows.count - 1
            var parts = [String]()
            if let w = row.weights { parts.append("\(wLetter)_{\(row.k)} &= \(w.tex)") }
            if let b = row.bias { parts.append("\(bLetter)_{\(row.k)} &= \(b.tex)") }
            let end = last ? "." : ","
            if besides || parts.isEmpty {
                let all = [row.equation.tex] + parts
                line("  " + all.joined(separator: ", & ") + end + (last ? "" : "\\\\"))
            } else {
                line("  \(row.equation.tex), \\quad\\text{where}\\\\")
                let both = (row.weights?.width ?? 0) + (row.bias?.width ?? 0) + 8 <= Self.lineWidth
                if both, parts.count == 2 {
                    line(
                        "  " + parts[0] + ", \\quad " + parts[1].replacingOccurrences(of: "&=", with: "=") + end
                            + (last ? "" : "\\\\"))
                } else {
                    for (i, part) in parts.enumerated() {
                        let lastPart = i == parts.count - 1
                        line("  " + part + (lastPart ? end : ",") + (last && lastPart ? "" : "\\\\"))
                    }
                }
            }
        }
        line("\\end{align*}")
        if !definitions.isEmpty {
            let elementwise = network.layers.contains {
                $0.activation.isElementwise && !$0.activation.isIdentityFunction
            }
            let defs = definitions.map { "$\($0)$" }
            line(
                (elementwise
                    ? "Each activation acts on every coordinate separately" : "The activation acts on the whole vector")
                    + (network.layers.contains { !$0.activation.isElementwise } && elementwise
                        ? " (softmax on the whole vector)" : "")
                    + ", with " + joinedList(defs) + ".")
        }
        line("")
        notes()
    }

    /// Small counts in words: "two", ..., "ten"; digits above.
    static func count(_ n: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return n >= 0 && n < words.count ? words[n] : String(n)
    }

    /// "a", "a and b", "a, b and c".
    func joinedList(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    // MARK: Folding affine activations

    /// How each affine activation a·t + c folds into its layer, with the folded matrices.
    mutating func foldingSection() {
        let folded = analysis.foldedLayers
        guard folded.count == network.layers.count else { return }
        let foldable = network.layers.indices.filter {
            !network.layers[$0].activation.isIdentityFunction && network.layers[$0].activation.affineForm != nil
        }
        guard !foldable.isEmpty else { return }
        let generic =
            isRow
            ? "f(hW + b) = a(hW + b) + c\\mathbf{1} = h\\,(aW) + (ab + c\\mathbf{1})"
            : "f(Wh + b) = a(Wh + b) + c\\mathbf{1} = (aW)\\,h + (ab + c\\mathbf{1})"
        line(
            "\\paragraph{Folding the affine activations.} An affine activation $f(t) = a\\,t + c$ folds into its layer: $\(generic)$, where $\\mathbf{1}$ is the vector of ones. So each such layer is again an affine map:"
        )
        line("\\begin{align*}")
        for (position, index) in foldable.enumerated() {
            let k = index + 1
            let layer = network.layers[index]
            let (a, c) = layer.activation.affineForm!
            let aTeX =
                a == Polynomial(Rational.one)
                ? ""
                : a == Polynomial(Rational(-1))
                    ? "-" : (a.needsParentheses ? "(\(polynomial(a)))\\," : polynomial(a) + " ")
            let map = folded[index].symbolicMap
            let hasBias = layer.dense.map { d in !d.polynomialMap.bias.allSatisfy(\.isZero) } ?? false
            var wFormula: String, bFormula: String
            if layer.dense != nil {
                wFormula = "\(aTeX)\(wLetter)_{\(k)}"
                bFormula = hasBias ? "\(aTeX)\(bLetter)_{\(k)}" + (c.isZero ? "" : signed(onesFragment(c))) : ones(c)
            } else {
                wFormula = "\(aTeX)I_{\(map.inputDimension)}"
                bFormula = ones(c)
            }
            let w = foldedMatrix(folded[index])
            let b = foldedVector(folded[index])
            let wLine = "\(weightName(k)) &= \(wFormula) = \(w.tex)"
            let bLine = "\(biasName(k)) &= \(bFormula) = \(b.tex)"
            let last = position == foldable.count - 1
            if TeXWidth.estimate(wFormula) + w.width + TeXWidth.estimate(bFormula) + b.width + 12 <= Self.lineWidth {
                line("  \(wLine), & \(bLine)" + (last ? "." : ",\\\\"))
            } else {
                line("  \(wLine),\\\\")
                line("  \(bLine)" + (last ? "." : ",\\\\"))
            }
        }
        line("\\end{align*}")
        line("")
        notes()
    }

    /// c·1, the constant vector: `\mathbf{1}`, `-\mathbf{1}`, `\tfrac{1}{4}\,\mathbf{1}`, `0`.
    mutating func ones(_ c: Polynomial) -> String { onesFragment(c).text }

    /// `ones` with its facts (a minus sign in front for a negative c).
    mutating func onesFragment(_ c: Polynomial) -> TeXFragment {
        if c.isZero { return TeXFragment("0") }
        if c == Polynomial(Rational.one) { return TeXFragment("\\mathbf{1}") }
        if c == Polynomial(Rational(-1)) {
            return TeXFragment(text: "-\\mathbf{1}", hasFraction: false, opensWithMinus: true)
        }
        let tex = polynomialFragment(c)
        if c.termCount > 1 { return .joined([tex], separator: "", prefix: "(", suffix: ")\\,\\mathbf{1}") }
        return .joined([tex], separator: "", suffix: "\\,\\mathbf{1}")
    }

    /// " + p" or " - q" for appending a term: a term that opens with a minus sign is written
    /// ` - ` and the rest of it.
    func signed(_ term: TeXFragment) -> String {
        term.opensWithMinus ? " - " + term.text.dropFirst() : " + " + term.text
    }

    mutating func foldedMatrix(_ map: CollapsedMap) -> Typeset {
        switch map {
        case .numeric(let m): return matrix(m.weights)
        case .symbolic(let m): return matrix(m.weights)
        }
    }

    mutating func foldedVector(_ map: CollapsedMap) -> Typeset {
        switch map {
        case .numeric(let m): return vector(m.bias)
        case .symbolic(let m): return vector(m.bias)
        }
    }
}
