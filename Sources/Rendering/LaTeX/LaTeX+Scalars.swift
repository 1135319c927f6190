import ExactNumbers
import Enclosures
import Algebra
import Collapse

/// A scalar the derivation can typeset: an exact rational or a polynomial in the weight
/// symbols.
protocol TeXScalar: ExactRing {
    /// The scalar in math mode with its layout facts (shortened when over-long; the builder
    /// records it).
    func fragment(_ builder: inout LaTeXBuilder) -> TeXFragment
    /// Whether the scalar needs parentheses as a factor: (−2)·3, (a + b) x.
    var needsParentheses: Bool { get }
    /// The scalar as a polynomial (a rational as a constant).
    var asPolynomial: Polynomial { get }
}

extension TeXScalar {
    /// The scalar in math mode (`fragment`'s text).
    func tex(_ builder: inout LaTeXBuilder) -> String { fragment(&builder).text }
}

extension Rational: TeXScalar {
    func fragment(_ builder: inout LaTeXBuilder) -> TeXFragment { builder.numberFragment(self) }
    var needsParentheses: Bool { signum < 0 }
    var asPolynomial: Polynomial { Polynomial(self) }
}

extension Polynomial: TeXScalar {
    func fragment(_ builder: inout LaTeXBuilder) -> TeXFragment { builder.polynomialFragment(self) }
    var needsParentheses: Bool {
        if let c = constantValue { return c.signum < 0 }
        return termCount > 1 || (sortedTerms.first?.coefficient.signum ?? 1) < 0
    }
    var asPolynomial: Polynomial { self }
}

/// Typeset math with an estimate of its width in em, for layout decisions.
struct Typeset {
    var tex: String
    var width: Double
}

extension LaTeXBuilder {
    /// A rational in math mode: integers as digits, fractions as `\tfrac{p}{q}` with the sign
    /// in front; digit strings past `maxDigits` shortened.
    mutating func number(_ r: Rational) -> String { numberFragment(r).text }

    /// `number` with its facts: a fraction exactly when r is not an integer.
    mutating func numberFragment(_ r: Rational) -> TeXFragment {
        let negative = r.signum < 0
        if r.isInteger {
            return TeXFragment(
                text: (negative ? "-" : "") + digits(r.numerator.magnitude.description), hasFraction: false,
                opensWithMinus: negative)
        }
        let body = "\\tfrac{\(digits(r.numerator.magnitude.description))}{\(digits(r.denominator.description))}"
        return TeXFragment(text: negative ? "-" + body : body, hasFraction: true, opensWithMinus: negative)
    }

    /// A digit string, shortened to leading and trailing digits when too long.
    mutating func digits(_ text: String) -> String {
        guard text.count > options.maxDigits else { return text }
        shortened = true
        return LaTeXEscaping.shortenedDigits(text, keep: 15, ellipsis: "\\ldots{}")
    }

    /// A monomial in math mode: `w_{11}^{2} z_{1}`.
    func monomial(_ m: Monomial) -> String { monomialFragment(m).text }

    /// `monomial` with its facts: a superscript for a power, a fraction inside a constant
    /// atom's argument (`\\sigma(\\tfrac{1}{2})`).
    func monomialFragment(_ m: Monomial) -> TeXFragment {
        if m.isOne { return TeXFragment("1") }
        return TeXFragment.joined(
            zip(m.symbols, m.exponents).map { s, e in
                var base = TeXFragment.symbol(s)
                if e != 1 {
                    base.text += "^{\(e)}"
                    base.hasSuperscript = true
                }
                return base
            }, separator: " ")
    }

    /// A polynomial in math mode, terms in the printing order (graded lex, decreasing);
    /// more than `maxTerms` terms are shortened to the first ones, `\cdots` and the last.
    mutating func polynomial(_ p: Polynomial) -> String { polynomialFragment(p).text }

    /// `polynomial` with the facts of the terms shown.
    mutating func polynomialFragment(_ p: Polynomial) -> TeXFragment {
        TeXFragment.joined(polynomialTermFragments(p, maxTerms: termLimit ?? options.maxTerms), separator: " ")
    }

    /// The terms of a polynomial, each with its sign (`3 x_{1}^{2}`, `- 2 x_{2}`, `+ 1`), the
    /// first without a plus; past `maxTerms` the first ones, `+ \cdots` and the last.
    mutating func polynomialTerms(_ p: Polynomial, maxTerms: Int) -> [String] {
        polynomialTermFragments(p, maxTerms: maxTerms).map(\.text)
    }

    /// `polynomialTerms` with each term's facts.
    mutating func polynomialTermFragments(_ p: Polynomial, maxTerms: Int) -> [TeXFragment] {
        let terms = p.sortedTerms
        if terms.isEmpty { return [TeXFragment("0")] }
        var shown: [(monomial: Monomial, coefficient: Rational)?] = terms.map { $0 }
        if terms.count > maxTerms {
            shortened = true
            shown = Array(terms.prefix(maxTerms - 2)) + [nil] + [terms[terms.count - 1]]
        }
        var out = [TeXFragment]()
        for (index, term) in shown.enumerated() {
            guard let (m, c) = term else {
                out.append(TeXFragment("+ \\cdots"))
                continue
            }
            let negative = c.signum < 0
            var sign = TeXFragment(index == 0 ? (negative ? "-" : "") : (negative ? "- " : "+ "))
            sign.opensWithMinus = index == 0 && negative
            let magnitude = c.magnitude
            if m.isOne {
                out.append(.joined([sign, numberFragment(magnitude)], separator: ""))
            } else if magnitude.isOne {
                out.append(.joined([sign, monomialFragment(m)], separator: ""))
            } else {
                let factor = TeXFragment.joined([numberFragment(magnitude), monomialFragment(m)], separator: " ")
                out.append(.joined([sign, factor], separator: ""))
            }
        }
        return out
    }

    /// A value of the analysis: exact, symbolic, or a rigorous enclosure `[lo, hi]` with the
    /// document's one precision (`enclosureDigits`).
    mutating func value(_ v: ExactValue) -> String { valueFragment(v).text }

    /// `value` with its facts.
    mutating func valueFragment(_ v: ExactValue) -> TeXFragment {
        switch v {
        case .exact(let r): return numberFragment(r)
        case .symbolic(let p): return polynomialFragment(p)
        case .enclosed(let i): return bracketIntervalFragment(i)
        }
    }

    /// `[lo, hi]` with lo rounded down and hi rounded up to the document's `enclosureDigits`
    /// significant digits (`[5.0000, 5.0001] \times 10^{-41}` for very small or large values);
    /// the first one printed is the example of the note that explains them.
    mutating func bracketInterval(_ i: RationalInterval) -> String { bracketIntervalFragment(i).text }

    /// `bracketInterval` with its facts: it opens with a bracket, and has a superscript when
    /// it carries a power of ten.
    mutating func bracketIntervalFragment(_ i: RationalInterval) -> TeXFragment {
        let t = EnclosureDigits.text(i, digits: enclosureDigits)
        let tex = "[\(Self.digitRuns(t.lo)), \(Self.digitRuns(t.hi))]" + Self.powerOfTen(t.exponent)
        intervalNotationUsed = true
        if firstEnclosure == nil { firstEnclosure = tex }
        return TeXFragment(text: tex, hasFraction: false, hasSuperscript: t.exponent != nil, opensWithBracket: true)
    }

    /// Decimal text with every run of 8 or more equal digits written as a counted run,
    /// `4.\underbrace{9\cdots9}_{79}7`: every digit is still there (exact), and bounds that
    /// need 80 digits to differ fit on a line.
    static func digitRuns(_ text: String) -> String {
        var out = ""
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            var j = i
            while j < characters.count, characters[j] == characters[i] { j += 1 }
            if characters[i].isNumber, j - i >= 8 {
                out += "\\underbrace{\(characters[i])\\cdots\(characters[i])}_{\(j - i)}"
            } else {
                out += String(characters[i..<j])
            }
            i = j
        }
        return out
    }

    /// ` \times 10^{e}`, or nothing.
    static func powerOfTen(_ exponent: Int?) -> String {
        exponent.map { " \\times 10^{\($0)}" } ?? ""
    }
}

/// A rough width estimate of math-mode TeX in em at text size: enough to decide whether a
/// display fits on a line or must be broken.
enum TeXWidth {
    static func estimate(_ tex: String) -> Double {
        var scanner = Array(tex.unicodeScalars)[...]
        return measure(&scanner, scale: 1)
    }

    private static func group(_ s: inout ArraySlice<Unicode.Scalar>, scale: Double) -> Double {
        // Skips spaces, then reads one {...} group or one token.
        while let c = s.first, c == " " { s.removeFirst() }
        guard let c = s.first else { return 0 }
        if c == "{" {
            s.removeFirst()
            var depth = 1
            var inner = [Unicode.Scalar]()
            while let d = s.first {
                s.removeFirst()
                if d == "{" { depth += 1 } else if d == "}" { depth -= 1; if depth == 0 { break } }
                inner.append(d)
            }
            var slice = inner[...]
            return measure(&slice, scale: scale)
        }
        var one = [s.removeFirst()][...]
        return measure(&one, scale: scale)
    }

    private static func measure(_ s: inout ArraySlice<Unicode.Scalar>, scale: Double) -> Double {
        var width = 0.0
        while let c = s.first {
            s.removeFirst()
            switch c {
            case "\\":
                var name = ""
                while let d = s.first, d.properties.isAlphabetic { name.unicodeScalars.append(d); s.removeFirst() }
                if name.isEmpty, let d = s.first {
                    s.removeFirst()
                    switch d {
                    case ",": width += 0.17 * scale
                    case ";": width += 0.28 * scale
                    case "\\": break
                    default: width += 0.5 * scale
                    }
                    continue
                }
                switch name {
                case "tfrac", "frac":
                    let factor = name == "tfrac" ? 0.7 : 1.0
                    let a = group(&s, scale: scale * factor), b = group(&s, scale: scale * factor)
                    width += max(a, b) + 0.3 * scale
                case "text", "mathrm", "operatorname", "mathbf", "textbf", "emph", "ensuremath", "widetilde", "tilde":
                    width += group(&s, scale: scale)
                case "quad": width += 1 * scale
                case "qquad": width += 2 * scale
                case "left", "right", "bigl", "bigr", "Bigl", "Bigr", "top", "limits", "displaystyle":
                    width += 0.3 * scale
                case "begin", "end": _ = group(&s, scale: 0)
                case "cdots", "ldots", "vdots", "ddots": width += 1.2 * scale
                case "allowbreak": break
                case "underbrace":
                    let body = group(&s, scale: scale)
                    if s.first == "_" { s.removeFirst(); _ = group(&s, scale: scale * 0.7) }
                    width += body
                default: width += 0.8 * scale
                }
            case "_", "^":
                width += group(&s, scale: scale * 0.7)
            case "{", "}", " ", "&": break
            case "+", "-", "=", "<", ">": width += 1.1 * scale
            case "(", ")", "[", "]", ",", ".", "'", "|": width += 0.35 * scale
            default: width += (c.properties.isAlphabetic ? 0.55 : 0.5) * scale
            }
        }
        return width
    }
}
