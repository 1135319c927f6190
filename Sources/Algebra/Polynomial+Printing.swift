public import ExactNumbers

extension Polynomial: CustomStringConvertible {
    /// The plain contract form, read back exactly by `parse(_:)` (for identifier symbols):
    /// terms in decreasing graded-lex order joined by ` + ` / ` - `, a coefficient written
    /// before its monomial with `*` unless it is ±1, powers with `^`.
    /// Examples: `w11*z1 + w21*z2`, `-1/2*a^2 + 3`, `2*a + 1/3`, `0`.
    public var description: String {
        if case .general(let t) = representation { return t.plainText() }
        return render(
            constant: { $0.description },
            term: { c, m in c.isOne ? m.description : "\(c)*\(m.description)" })
    }

    /// The LaTeX form, same term order: `w_{11} z_{1} + w_{21} z_{2}`,
    /// `-\tfrac{1}{2} a^{2} + 3`. Symbols as in `Symbol.latex`, coefficients as in
    /// `Rational.latex`, factors separated by spaces.
    public var latex: String {
        render(
            constant: { $0.latex },
            term: { c, m in c.isOne ? m.latex : "\(c.latex) \(m.latex)" })
    }

    /// Joins the terms; `term` receives a positive coefficient, signs are handled here.
    private func render(constant: (Rational) -> String, term: (Rational, Monomial) -> String) -> String {
        let ordered = sortedTerms
        if ordered.isEmpty { return "0" }
        var out = ""
        // Under a `PrintingInterrupt` past its deadline the text stops early (its installer
        // discards it); the clock is consulted every 64 terms.
        let interrupt = PrintingInterrupt.current
        var reported = 0
        for (index, (m, c)) in ordered.enumerated() {
            if let interrupt, index & 63 == 63 {
                if interrupt.stopsText(afterWriting: out.utf8.count - reported) { break }
                reported = out.utf8.count
            }
            let negative = c.signum < 0
            if index == 0 {
                if negative { out += "-" }
            } else {
                out += negative ? " - " : " + "
            }
            let magnitude = c.magnitude
            out += m.isOne ? constant(magnitude) : term(magnitude, m)
        }
        return out
    }
}

extension Monomial {
    /// LaTeX form: `w_{11}^{2} z_{1}` (`1` for `.one`).
    public var latex: String {
        if isOne { return "1" }
        return powers.map { s, e in e == 1 ? s.latex : "\(s.latex)^{\(e)}" }
            .joined(separator: " ")
    }
}

extension Rational {
    /// LaTeX form: integers as digits (`5`, `-5`), other values as `\tfrac{p}{q}` with the
    /// sign in front (`-\tfrac{3}{4}`).
    public var latex: String {
        if isInteger { return description }
        let body = "\\tfrac{\(numerator.magnitude)}{\(denominator)}"
        return signum < 0 ? "-" + body : body
    }
}

extension Symbol {
    /// The lowercase Greek letter names LaTeX has commands for.
    static let greekLetters: Set<String> = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
        "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi",
        "psi", "omega",
        "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
    ]

    /// LaTeX form of the name: a base and an optional subscript.
    ///
    /// The subscript is what follows the first `_` (`b_2` → `b_{2}`, `w_12` → `w_{12}`), or
    /// else the trailing digits (`w11` → `w_{11}`). A Greek letter name becomes its command
    /// (`alpha` → `\alpha`, `beta1` → `\beta_{1}`); another base longer than one letter is set
    /// upright (`bias` → `\mathrm{bias}`). Underscores left in a subscript are escaped.
    /// A constant atom (`sigmoid(1)`, `sqrt(2)`) is written as `ConstantAtom.latex`.
    public var latex: String {
        if let atom = ConstantAtom.of(self) { return atom.latex }
        let chars = Array(name)
        var base: String, subscriptText: String?
        if let underscore = chars.firstIndex(of: "_"), underscore > 0 {
            base = String(chars[..<underscore])
            subscriptText = String(chars[(underscore + 1)...])
        } else {
            var cut = chars.count
            while cut > 0, chars[cut - 1].isASCII, chars[cut - 1].isNumber { cut -= 1 }
            if cut > 0 && cut < chars.count {
                base = String(chars[..<cut])
                subscriptText = String(chars[cut...])
            } else {
                base = name
                subscriptText = nil
            }
        }
        let renderedBase: String
        if Symbol.greekLetters.contains(base) {
            renderedBase = "\\" + base
        } else if base.count == 1 && base != "_" {
            renderedBase = base
        } else {
            renderedBase = "\\mathrm{\(Symbol.escaped(base))}"
        }
        guard let subscriptText, !subscriptText.isEmpty else { return renderedBase }
        return "\(renderedBase)_{\(Symbol.escaped(subscriptText))}"
    }

    /// Escapes the LaTeX specials that can occur in a name.
    static func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "_", "#", "$", "%", "&", "{", "}": out += "\\\(c)"
            case "\\": out += "\\textbackslash{}"
            case "^": out += "\\^{}"
            case "~": out += "\\~{}"
            default: out.append(c)
            }
        }
        return out
    }
}
