import ExactNumbers
import Algebra
import NetworkModel
import Collapse

/// One region as the case analysis shows it: its label R_k and the region.
struct ShownRegion {
    let label: Int
    let region: LinearRegion
}

extension LaTeXBuilder {
    /// Regions listed in full before the rest are elided with a count.
    static let shownRegionLimit = 6

    /// Whether the network collapses by the region decision (one map on every region), so
    /// the case analysis replaces the substitution chain.
    var collapsesByRegions: Bool {
        analysis.verdict.collapses && analysis.regions?.commonMap != nil
    }

    /// The case analysis over the linear regions of a piecewise-linear network: the
    /// regions (activation pattern, inequalities, an interior point, the affine map there),
    /// the first few in full and the rest counted, and why the maps do or do not agree.
    /// Writes nothing when the analysis carries no regions.
    mutating func caseAnalysisSection() {
        guard let facts = analysis.regions, !facts.regions.isEmpty || !facts.differing.isEmpty else { return }
        let n = network.inputDimension
        let lower = facts.regionsExamined - facts.fullDimensionalRegions
        let discontinuous = network.layers.contains { $0.activation.isDiscontinuous }

        line(
            "\\paragraph{Case analysis over the linear regions.} Every activation here is piecewise linear. Fix for every unit the piece of its activation it is on, its \\emph{activation pattern} (\(patternLegend())). The inputs with a given pattern form a convex region cut out by linear inequalities, and on it every activation is one affine function, so $F$ is one affine map there."
        )
        line(countSentence(facts, lower: lower))
        line("")

        // The regions shown: the two with different maps, the regions of the witness's
        // points, then the first ones up to the limit; in the order enumerated.
        var required = [LinearRegion]()
        for region in facts.differing + witnessRegions(facts) where !required.contains(region) {
            required.append(region)
        }
        var shownSet = required
        for region in facts.regions where shownSet.count < Self.shownRegionLimit && !shownSet.contains(region) {
            shownSet.append(region)
        }
        var shown = [ShownRegion]()
        var extra = facts.regions.count
        for (k, region) in facts.regions.enumerated() where shownSet.contains(region) {
            shown.append(ShownRegion(label: k + 1, region: region))
        }
        for region in shownSet where !facts.regions.contains(region) {
            extra += 1
            shown.append(ShownRegion(label: extra, region: region))
        }
        let showHidden = hiddenStatesAreSmall
        line("\\begin{itemize}")
        for s in shown {
            line("  \\item[$R_{\(s.label)}$:] " + regionText(s.region, showHidden: showHidden))
        }
        line("\\end{itemize}")
        let listing =
            "\\texttt{prove-collapse regions SPEC} lists every region with its inequalities, an interior point and its map (\\texttt{-{}-count} just counts them)"
        if facts.complete && shown.count < facts.regionsExamined {
            line("Only \(Self.count(shown.count)) of the \(facts.regionsExamined) regions are shown; \(listing).")
        } else if !facts.complete {
            line("There are more regions than the \(Self.count(facts.regionsExamined)) examined here; \(listing).")
        }
        line("")
        notes()

        if let common = facts.commonMap {
            agreement(common, facts: facts, discontinuous: discontinuous, regionCount: facts.regionsExamined)
        } else if facts.differing.count == 2 {
            disagreement(facts, labels: shown, inputs: n)
        }
    }

    /// `+` above the breakpoint, `-` below it, `0` on it; hardtanh's five pieces.
    func patternLegend() -> String {
        var legend =
            "written layer by layer, one sign per unit: $+$ above its breakpoint, $-$ below it, $0$ exactly on it"
        if network.layers.contains(where: { if case .hardtanh = $0.activation { return true } else { return false } }) {
            legend +=
                "; for \\texttt{hardtanh}, $-$ below $-1$, $0$ between $-1$ and $1$, $+$ above $1$, and $m$, $p$ exactly at $-1$, $1$"
        }
        return legend
    }

    /// How many regions there are, and how they were found.
    func countSentence(_ facts: RegionAnalysis, lower: Int) -> String {
        let lp = "\(facts.linearPrograms) exact linear program\(facts.linearPrograms == 1 ? "" : "s")"
        let full = facts.fullDimensionalRegions
        let fullText = "\(Self.count(full)) linear region\(full == 1 ? "" : "s")"
        let lowerText =
            lower > 0
            ? ", and \(Self.count(lower)) lower-dimensional region\(lower == 1 ? "" : "s") where a \\texttt{step} or \\texttt{sign} unit sits exactly on its jump"
            : ""
        if facts.complete {
            return
                "These regions were enumerated exactly, each kept only when an exact rational linear program shows that it is not empty (\(lp) in all): \(analysis.network.domain == nil ? "the input space" : "$D$") splits into \(fullText)\(lowerText)."
        }
        if facts.hitLimit && facts.decidesVerdict {
            return
                "These regions were enumerated exactly (\(lp)) up to the limit of \(facts.maxRegions) regions (\\texttt{-{}-max-regions}): \(fullText)\(lowerText) so far, every full-dimensional one carrying the same affine map."
        }
        if facts.decidesVerdict {
            return
                "These regions were enumerated exactly (\(lp)), stopping as soon as two of them carried different maps, after \(fullText)\(lowerText)."
        }
        return
            "The first \(facts.regionsExamined) of these regions were enumerated exactly (\(lp)): \(fullText)\(lowerText); there are more."
    }

    /// Whether the hidden layers are narrow enough to show their values on each region.
    var hiddenStatesAreSmall: Bool {
        let layers = network.layers
        guard layers.count >= 2, layers.count <= 3, network.inputDimension <= 3 else { return false }
        var width = network.inputDimension
        for layer in layers.dropLast() {
            if let dense = layer.dense { width = dense.outputDimension }
            if width > 4 { return false }
        }
        return true
    }

    /// `pattern \texttt{+-}, where $t > 0$ (for example $t = 1$): $h_{1} = (t, 0)$ and $y = t$.`
    mutating func regionText(_ region: LinearRegion, showHidden: Bool) -> String {
        let layers = region.pattern.symbols.filter { !$0.isEmpty }.map { symbols -> String in
            // Wide layers: the first and last units' pieces around \ldots.
            let shown =
                symbols.count > 24
                ? String(symbols.prefix(10)) + "}\\ldots\\texttt{" + String(symbols.suffix(10)) : symbols
            return "\\texttt{\(shown)}"
        }
        var text = "pattern " + (layers.isEmpty ? "(none)" : layers.joined(separator: "\\,$|$\\,"))
        if !region.isFullDimensional {
            text += " (dimension \(region.dimension), on a jump)"
        }
        let conditions = region.withoutRedundantConstraints().constraints.map { constraintText($0.normalized()) }
        let names = network.inputNames
        let pointText =
            network.inputDimension == 1
            ? "$\(LaTeXEscaping.name(names[0])) = \(number(region.point[0]))$"
            : "$\(vx) = \(point(region.point))$"
        if conditions.isEmpty {
            text += ", every input (for example \(pointText))"
        } else {
            let shown = conditions.prefix(8)
            text +=
                ", where " + joinedList(shown.map { "$\($0)$" })
                + (conditions.count > shown.count ? " (and \(conditions.count - shown.count) more inequalities)" : "")
            text += " (for example \(pointText))"
        }
        var maps = [String]()
        if showHidden, let hidden = hiddenMaps(region) {
            for (k, h) in hidden.enumerated() where k < network.layers.count - 1 {
                maps.append("$\(stateName(k + 1)) = \(mapText(h, name: nil))$")
            }
        }
        if showHidden, let sum = outputArithmetic(region) {
            maps.append("$\(sum)$")
        } else {
            maps.append(regionMapText(region.map))
        }
        return text + ": " + joinedList(maps) + regionJacobianText(region) + "."
    }

    /// `t > 0`: a·x < b written with the inputs' names, turned around when every
    /// coefficient is negative.
    mutating func constraintText(_ c: LinearConstraint) -> String {
        var coefficients = c.coefficients, bound = c.bound
        var relation: String
        switch c.relation {
        case .less: relation = "<"
        case .lessOrEqual: relation = "\\le"
        case .equal: relation = "="
        }
        if let first = coefficients.first(where: { !$0.isZero }), first.signum < 0 {
            coefficients = coefficients.map { -$0 }
            bound = -bound
            relation = relation == "<" ? ">" : relation == "\\le" ? "\\ge" : relation
        }
        return linearCombination(weights: coefficients, bias: Rational.zero) + " \(relation) " + number(bound)
    }

    /// `y = t` or `y = (t, 2 t + 1)` inline, or `y = W x + b` with matrices when wide: inline
    /// when the matrices are small, else displayed (two of them in a sentence would not fit
    /// on a line).
    mutating func regionMapText(_ map: AffineMap<Rational>) -> String {
        let inline = mapText(map, name: "y")
        if TeXWidth.estimate(inline) <= Self.lineWidth * 0.6 { return "$\(inline)$" }
        let w = matrix(map.weights), b = vector(map.bias)
        let tex = "y = \(isRow ? "x\\,\(w.tex)" : "\(w.tex)\\,x") + \(b.tex)"
        return w.width + b.width > Self.lineWidth * 0.3 ? "\\[\n  \(tex)\n\\]\n" : "$\(tex)$"
    }

    /// `name = t` for one coordinate, `name = (t, 0)` for several (without the name when nil).
    mutating func mapText(_ map: AffineMap<Rational>, name: String?) -> String {
        let m = map.outputDimension
        let prefix = name.map { "\($0) = " } ?? ""
        if m == 1 { return prefix + linearCombination(weights: map.weights.rowArray(0), bias: map.bias[0]) }
        return prefix
            + tuple(count: m) { b, i in b.linearCombination(weights: map.weights.rowArray(i), bias: map.bias[i]) }
    }

    /// `y = 0 - (-t) = t`: the last layer applied to the hidden values on the region, for one
    /// output, a last layer without activation and at most four small integer weights.
    mutating func outputArithmetic(_ region: LinearRegion) -> String? {
        guard let last = network.layers.last, last.activation.isIdentityFunction, let m = last.dense?.rationalMap,
            m.outputDimension == 1, m.inputDimension <= 4, network.layers.count >= 2,
            let hidden = hiddenMaps(region), hidden.count >= 2
        else { return nil }
        let h = hidden[hidden.count - 2]
        var terms = [String]()
        for j in 0..<m.inputDimension {
            let c = m.weights[0, j]
            guard c.denominator.isOne, c.magnitude <= Rational(9) else { return nil }
            if c.isZero { continue }
            let weights = h.weights.rowArray(j), bias = h.bias[j]
            var e = linearCombination(weights: weights, bias: bias)
            // The combination begins with a minus when its first nonzero coefficient (or, with
            // none, its constant) is negative, and is a sum with two nonzero parts or more.
            let negative = (weights.first { !$0.isZero } ?? bias).signum < 0
            let compound = negative || weights.filter { !$0.isZero }.count + (bias.isZero ? 0 : 1) >= 2
            if c.isOne {
                if negative { e = "(\(e))" }
                terms.append(terms.isEmpty ? e : "+ " + e)
            } else {
                if compound { e = "(\(e))" }
                let factor = c.magnitude.isOne ? "" : number(c.magnitude) + "\\cdot "
                terms.append((c.signum < 0 ? (terms.isEmpty ? "-" : "- ") : (terms.isEmpty ? "" : "+ ")) + factor + e)
            }
        }
        if !m.bias[0].isZero {
            terms.append((m.bias[0].signum < 0 ? "- " : "+ ") + number(m.bias[0].magnitude))
        }
        guard terms.count >= 2 else { return nil }
        let result = linearCombination(weights: region.map.weights.rowArray(0), bias: region.map.bias[0])
        return "y = " + terms.joined(separator: " ") + " = " + result
    }

    /// The map from the input to every layer's output on the region (the linearisation at its
    /// pattern, `RegionCase.layerMaps`). Nil for layers with symbolic weights.
    func hiddenMaps(_ region: LinearRegion) -> [AffineMap<Rational>]? {
        regionCase(region).layerMaps
    }

    /// The case analysis's values for a kept or differing region (`Derivation.caseAnalysis`).
    func regionCase(_ region: LinearRegion) -> RegionCase {
        guard let cases = derivation.caseAnalysis else {
            preconditionFailure("a case analysis is shown only for an analysis with regions")
        }
        return cases[region]
    }

    /// Every region carries `common`: the kinks (or jumps) cancel, and F is that map.
    mutating func agreement(_ common: AffineMap<Rational>, facts: RegionAnalysis, discontinuous: Bool, regionCount: Int)
    {
        let every = regionCount == 2 ? "Both regions carry" : "All \(Self.count(regionCount)) regions carry"
        var text = "\\paragraph{Why the regions agree.} \(every) the same affine map. "
        if analysis.network.domain != nil {
            text +=
                "The regions, each cut to $D$, cover $D$; "
                + (discontinuous
                    ? "lower-dimensional ones included, so $F$ equals this map on all of $D$."
                    : "the linear regions cover $D$ except the boundaries between them, where some unit sits exactly on its breakpoint; $F$ is continuous, so it equals this map there too, and hence on all of $D$.")
        } else if discontinuous {
            text +=
                "The regions, lower-dimensional ones included, cover every input, so $F$ equals this map everywhere: the jumps of the units cancel in the output."
        } else {
            text +=
                "The linear regions cover every input except the boundaries between them, where some unit sits exactly on its breakpoint; $F$ is continuous, so it equals this map there too, and hence everywhere."
            text +=
                " The kinks cancel: each unit bends at its breakpoint, but in the output the bends offset one another (as in $\\operatorname{relu}(t) - \\operatorname{relu}(-t) = t$), so crossing from one region into the next changes which pieces the units are on without changing $F$."
        }
        line(text)
        summaryWithMatrices(common)
    }

    /// Two regions with different maps: F is not affine; where the witness's points lie.
    mutating func disagreement(_ facts: RegionAnalysis, labels: [ShownRegion], inputs n: Int) {
        let a = facts.differing[0], b = facts.differing[1]
        let la = labels.first { $0.region == a }?.label ?? 1
        let lb = labels.first { $0.region == b }?.label ?? 2
        let onD = analysis.network.domain == nil ? "" : " on $D$"
        var text =
            "\\paragraph{Why the regions disagree.} Regions $R_{\(la)}$ and $R_{\(lb)}$ carry different maps, \(regionMapText(a.map)) on $R_{\(la)}$ and \(regionMapText(b.map)) on $R_{\(lb)}$. "
        if b.isFullDimensional {
            text +=
                "An affine map equal to $F$\(onD) would agree with the map of $R_{\(la)}$ on that open region, hence everywhere (two affine maps that agree on an open set are equal), and likewise with the map of $R_{\(lb)}$; the two maps differ, so no affine map equals $F$\(onD)."
        } else {
            text +=
                "An affine map equal to $F$\(onD) would agree with the map of $R_{\(la)}$ on that open region, hence everywhere; but on $R_{\(lb)}$, where a unit sits on its jump, $F$ differs from it. So no affine map equals $F$\(onD)."
        }
        line(text)
        if let w = analysis.affinity.witness, w.y != nil {
            var sentence = ""
            if facts.decidesVerdict {
                sentence =
                    "The witness above was built from these two regions: along the line through their interior points $F$ bends, and four points around the bend give $F(\(vx) + \(secondPoint)) + F(0) \\neq F(\(vx)) + F(\(secondPoint))$, re-checked by exact evaluation. "
            }
            sentence += witnessLocations(facts: facts, labels: labels)
            if !sentence.isEmpty { line(sentence) }
        }
        line("")
    }

    /// The kept regions that hold a point of the affinity witness (x, z, x + z, 0).
    func witnessRegions(_ facts: RegionAnalysis) -> [LinearRegion] {
        guard facts.commonMap == nil, let cases = derivation.caseAnalysis else { return [] }
        return cases.witnessPoints.indices.compactMap { i in
            facts.regions.first { cases[$0].holdsWitnessPoint[i] }
        }
    }

    /// "In the witness above, x lies in R_2, z and x + z in R_1, and 0 on a boundary ...".
    func witnessLocations(facts: RegionAnalysis, labels: [ShownRegion]) -> String {
        let z = secondPoint
        let names = ["\(vx)", z, "\(vx) + \(z)", "0"]
        var candidates = labels
        for (k, region) in facts.regions.enumerated() where !candidates.contains(where: { $0.region == region }) {
            candidates.append(ShownRegion(label: k + 1, region: region))
        }
        var groups = [(String, [String])]()  // place, point names
        for (i, name) in names.enumerated() {
            let place: String
            if let found = candidates.first(where: { regionCase($0.region).holdsWitnessPoint[i] }) {
                place = "in $R_{\(found.label)}$"
            } else if facts.complete {
                place = "on a boundary between regions"
            } else {
                return ""
            }
            if let i = groups.firstIndex(where: { $0.0 == place }) {
                groups[i].1.append("$\(name)$")
            } else {
                groups.append((place, ["$\(name)$"]))
            }
        }
        guard groups.count > 1 else { return "" }
        let parts = groups.enumerated().map { i, g in
            (i == 0 ? joinedList(g.1) + (g.1.count == 1 ? " lies " : " lie ") : joinedList(g.1) + " ") + g.0
        }
        return
            "In the witness, \(joinedList(parts)): within one region $F$ is affine, so a witness needs points of different regions."
    }
}

extension String {
}
