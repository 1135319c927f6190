import ExactNumbers
import Algebra
import NetworkModel
import Collapse

extension LaTeXBuilder {
    /// A collapse on an input domain D: every sentence is about D. The derivation of the map
    /// (the whole-space or simplified network's derivation when that is how it was proved,
    /// the case analysis inside D, or nothing more than the domain section's argument), the
    /// map on D with the bias fold explained, the gradient, the identities read on D, the rank.
    mutating func domainCollapseSections() {
        guard let collapsed = analysis.collapsed, let findings = analysis.domainFindings else { return }
        if collapsesByRegions {
            caseAnalysisSection()
        } else {
            if findings.method == .wholeSpace || findings.method == .simplifiedOnDomain {
                foldingSection()
                let original: CollapsedMap
                if case .collapses(_, _, .biasFoldedOnDomain(let map, _)) = analysis.outcome {
                    original = map
                } else {
                    original = collapsed
                }
                if derivation.chain != nil { chainSections(collapsed: original) }
            }
            domainMapSection(collapsed)
        }
        gradientSection()
        domainIdentitySection()
        rankSection()
    }

    /// "The map on D": F(x) = W'x + b' for every x in D, with W', b' displayed, and the bias
    /// fold when there is one.
    mutating func domainMapSection(_ collapsed: CollapsedMap) {
        let map = collapsed.symbolicMap
        var text = "\\paragraph{The map on $D$.} "
        if case .collapses(_, _, .biasFoldedOnDomain(let original, _)) = analysis.outcome {
            let b = vector(original.symbolicMap.bias)
            text +=
                "The argument above gives $F(\(vx)) = W\(vx) + b$ on $D$ with $b = \(b.tex)$. The affine hull of $D$ misses $0$: a linear equation $w \\cdot \(vx) = 1$ holds on all of $D$, so $b = b\\,(w \\cdot \(vx))$ there and $F(\(vx)) = (W + b\\,w^{\\top})\\,\(vx)$ for every $\(vx) \\in D$, a linear map:"
        } else {
            text += "For every $\(vx) \\in D$, $F(\(vx)) = \(affineText(vx))$ with"
        }
        line(text)
        let w = matrix(map.weights), b = vector(map.bias)
        line("\\[")
        line("  W' = \(w.tex), \\qquad b' = \(b.tex).")
        line("\\]")
        if let findings = analysis.domainFindings, findings.dimension >= 0, findings.dimension < findings.inputDimension
        {
            line(
                "Since $D$ has dimension $\(findings.dimension) < \(findings.inputDimension)$, other maps agree with $F$ on $D$ as well; this is one of them."
            )
        }
        line("")
        notes()
    }

    /// The identities read on D (contract §5): midpoint affinity holds by convexity;
    /// additivity and homogeneity as decided on the points that stay in D.
    mutating func domainIdentitySection() {
        let z = secondPoint, c = scalarName
        line(
            "\\paragraph{The identities on $D$.} For $\(vx), \(z) \\in D$ the midpoint $\\tfrac{\(vx) + \(z)}{2}$ lies in $D$ ($D$ is convex), and $F(\\tfrac{\(vx) + \(z)}{2}) = W'\\tfrac{\(vx) + \(z)}{2} + b' = \\tfrac{F(\(vx)) + F(\(z))}{2}$: midpoint affinity holds on $D$."
        )
        switch analysis.additivity.holds {
        case true?:
            line(
                "Additivity holds: $F(\(vx) + \(z)) = F(\(vx)) + F(\(z))$ whenever $\(vx)$, $\(z)$ and $\(vx) + \(z)$ are in $D$."
            )
        case false?:
            if let w = analysis.additivity.witness, let y = w.y {
                line(
                    "Additivity fails in $D$: at $\(vx) = \(point(w.x))$, $\(z) = \(point(y))$ (with $\(vx) + \(z)$ in $D$ too), $F(\(vx) + \(z)) = \(values(w.lhs, inline: true))$ but $F(\(vx)) + F(\(z)) = \(values(w.rhs, inline: true))$."
                )
            }
        case nil:
            line(
                "No $\(vx)$, $\(z)$ with $\(vx)$, $\(z)$, $\(vx) + \(z)$ all in $D$ exist, so additivity says nothing on $D$."
            )
        }
        switch analysis.homogeneity.holds {
        case true?:
            line(
                "Homogeneity holds: $F(\(c)\\,\(vx)) = \(c)\\,F(\(vx))$ whenever $\(vx)$ and $\(c)\\,\(vx)$ are in $D$."
            )
        case false?:
            if let w = analysis.homogeneity.witness, let s = w.c {
                line(
                    "Homogeneity fails in $D$: at $\(c) = \(number(s))$, $\(vx) = \(point(w.x))$ (with $\(c)\\,\(vx)$ in $D$ too), $F(\(c)\\,\(vx)) = \(values(w.lhs, inline: true))$ but $\(c)\\,F(\(vx)) = \(values(w.rhs, inline: true))$."
                )
            }
        case nil:
            line(
                "No $\(vx)$ and scalar $\(c) \\neq 1$ with $\(vx)$ and $\(c)\\,\(vx)$ both in $D$ exist (besides trivial ones), so homogeneity says nothing on $D$."
            )
        }
        line("")
        notes()
    }
}

extension LaTeXBuilder {
    /// The verdict and the claim on a domain: about F on D, never about the whole space (nil
    /// for `unknown`, whose sentences say nothing about the whole space either).
    func domainVerdictSentence(linearMap: String, affineMap: String) -> String? {
        switch analysis.verdict {
        case .linear:
            return
                "On $D$ the network collapses to one linear map: $\(linearMap)$ for every $\(vx) \\in D$. There, a single layer without bias computes the same function."
        case .affine:
            return
                "On $D$ the network collapses to one affine map: $\(affineMap)$ for every $\(vx) \\in D$, with $b' \\neq 0$. There, a single layer computes the same function."
        case .notAffine:
            return
                "No affine map equals $F$ on $D$: the exact witness in $D$ above rules out $F(\(vx)) = \(affineText(vx))$ on $D$ for every choice of $W'$ and $b'$."
        case .unknown:
            return nil
        }
    }

    /// The claim on a domain (nil for `unknown`).
    func domainClaim() -> String? {
        let n = network.layers.count
        let layers =
            n == 1 ? "the single layer of this network computes" : "the \(Self.count(n)) layers of this network compute"
        switch analysis.verdict {
        case .linear:
            return
                "On the domain $D$ below, \(layers) one linear map, $y = W'\(vx)$: on $D$ they collapse into a single layer without bias."
        case .affine:
            return
                "On the domain $D$ below, \(layers) one affine map, $y = W'\(vx) + b'$ with $b' \\neq 0$: on $D$ they collapse into a single layer, which is affine but not linear there."
        case .notAffine:
            return
                "No affine map $y = W'\(vx) + b'$ equals this network on the domain $D$ below: an exact witness in $D$ shows that, on $D$, it does not collapse into a single layer."
        case .unknown: return nil
        }
    }
}
