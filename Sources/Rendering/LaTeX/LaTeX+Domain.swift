import ExactNumbers
import NetworkModel
import Collapse

extension LaTeXBuilder {
    /// The input domain the claim is about (contract §5): D as a box and linear
    /// inequalities, how the verdict on D was reached, and how the identities read on D.
    /// Nothing when the analysis is about the whole space.
    mutating func domainSection() {
        guard let domain = network.domain else { return }
        line("\\subsection*{The input domain}")
        var conditions = [String]()
        for (interval, name) in zip(domain.box, network.inputNames) where interval.lo != nil || interval.hi != nil {
            let x = LaTeXEscaping.name(name)
            switch (interval.lo, interval.hi) {
            case (let lo?, let hi?) where lo == hi: conditions.append("\(x) = \(number(lo))")
            case (let lo?, let hi?): conditions.append("\(number(lo)) \\le \(x) \\le \(number(hi))")
            case (let lo?, nil): conditions.append("\(x) \\ge \(number(lo))")
            case (nil, let hi?): conditions.append("\(x) \\le \(number(hi))")
            case (nil, nil): break
            }
        }
        for c in domain.constraints {
            var terms = [String]()
            for (a, name) in zip(c.coefficients, network.inputNames) where !a.isZero {
                let magnitude = a.magnitude
                let body = (magnitude.isOne ? "" : number(magnitude) + "\\,") + LaTeXEscaping.name(name)
                terms.append(terms.isEmpty ? (a.signum < 0 ? "-" + body : body) : (a.signum < 0 ? "- " : "+ ") + body)
            }
            let relation = c.relation == .lessOrEqual ? "\\le" : "\\ge"
            conditions.append((terms.isEmpty ? "0" : terms.joined(separator: " ")) + " \(relation) \(number(c.bound))")
        }
        line("Every claim below is about $F$ restricted to the domain")
        line(
            "\\[ D = \\{\\, x \\in \\mathbb{R}^{\(network.inputDimension)} : "
                + (conditions.isEmpty ? "\\text{no condition}" : conditions.joined(separator: ",\\ ")) + " \\,\\}, \\]")
        line("that is: $F(x) = W'x + b'$ for every $x \\in D$. On $D$ the affinity identity is read at midpoints,")
        line(
            "$F(\\tfrac{x+y}{2}) = \\tfrac{F(x) + F(y)}{2}$ for $x, y \\in D$; additivity and homogeneity quantify only over"
        )
        line("points that stay in $D$ ($x, y, x+y \\in D$; $x, c\\,x \\in D$), and every witness lies in $D$.")
        if let findings = analysis.domainFindings {
            switch findings.method {
            case .stableUnits:
                line(
                    "Exact bound propagation over $D$ shows that each of the \(findings.stableUnits ?? 0) piecewise-linear units keeps its"
                )
                line(
                    "pre-activation inside one piece of its activation for every $x \\in D$, so on $D$ each unit is that piece, an affine map,"
                )
                line("and $F$ is their composition.")
            case .regions:
                line(
                    "Exact bound propagation over $D$ finds \(findings.stableUnits ?? 0) stable and \(findings.unstableUnits ?? 0) unstable units;"
                )
                line(
                    "the linear regions of $F$ inside $D$ are enumerated exactly (the conditions of $D$ in every linear program)."
                )
            case .wholeSpace:
                line("$F$ is affine on all of $\\mathbb{R}^{\(network.inputDimension)}$ (below), hence on $D$.")
            case .simplifiedOnDomain:
                line(
                    "Exact bound propagation over $D$ shows units whose pre-activation stays in one piece of their activation for every $x \\in D$;"
                )
                line("each acts as that piece, and the network so simplified (below), equal to $F$ on $D$, is affine.")
            case .polynomialOnAffineHull:
                line(
                    "$F$ is a polynomial map. $D$ lies in its affine hull, the solutions of $D$'s equalities; writing every input"
                )
                line(
                    "as an affine function of the free inputs there (a parametrisation of the hull) turns $F$ into a polynomial $G$ with"
                )
                line(
                    "$G = F$ on the hull. $G$ has no term of degree 2 or more, and a polynomial affine on the relative interior of $D$ is affine,"
                )
                line("so $F$ equals the affine map $G$ on $D$ (below), though not on the whole space.")
            case .witnessSearch, .undecided: break
            }
            if findings.dimension >= 0 && findings.dimension < findings.inputDimension {
                line(
                    "$D$ has dimension $\(findings.dimension) < \(findings.inputDimension)$: $W'$ and $b'$ are not unique on $D$; shown is the network's own map on $D$"
                        + (findings.biasFolded
                            ? ", with its bias folded into $W'$ (the affine hull of $D$ misses $0$, so every affine map on $D$ is linear there)."
                            : "."))
            }
        }
        line("")
    }
}

extension LaTeXBuilder {
    /// The midpoint witness on D, evaluated step by step at x, z and (x + z)/2, and the two
    /// sides of F((x+z)/2) = (F(x) + F(z))/2; then the additivity and homogeneity witnesses.
    mutating func domainWitnessSection() {
        guard let w = analysis.affinity.witness, let y = w.y else { return }
        let z = secondPoint
        line(
            "\\paragraph{A witness in $D$, layer by layer.} Take $x = \(point(w.x))$ and $\(z) = \(point(y))$, both in $D$. Every affine map $G$ satisfies $G(\\tfrac{x + \(z)}{2}) = \\tfrac{G(x) + G(\(z))}{2}$. Evaluating the network exactly at the three points, step by step:"
        )
        if case .success(let trace)? = derivation.witnessTrace {
            witnessTable(trace, headers: ["x", z, "\\tfrac{x + \(z)}{2}"])
        }
        let relation = relationSign(w)
        line("\\[")
        line(
            "  F(\\tfrac{x + \(z)}{2}) \(relation) \(intervalValues(w.lhs)), \\qquad \\tfrac{F(x) + F(\(z))}{2} \(relation) \(intervalValues(w.rhs))."
        )
        line("\\]")
        line("The two sides differ, so no affine map equals $F$ on $D$.")
        otherWitnesses(skippingAdditivityAt: (w.x, y))
        line("")
        notes()
    }
}
