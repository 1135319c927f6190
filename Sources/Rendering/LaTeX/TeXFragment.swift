import ExactNumbers
import Algebra

/// Typeset math together with the facts the layout needs about it, recorded where the text
/// is produced from the mathematics (a rational that is not an integer is written as a
/// stacked fraction, a power as a superscript, an enclosure opens with a bracket), so that no
/// layout decision has to search the text afterwards.
struct TeXFragment {
    /// The math-mode text.
    var text: String
    /// Whether the text holds a stacked fraction (`\tfrac`): rows holding one need extra space.
    var hasFraction = false
    /// Whether the text holds a superscript (`x^{2}`, `\times 10^{-5}`).
    var hasSuperscript = false
    /// Whether the text begins with `[` (an enclosure), which a preceding `\\` would read as
    /// its optional argument.
    var opensWithBracket = false
    /// Whether the text begins with a minus sign (a negative number, or a polynomial whose
    /// first printed term is negative): appending it as a term writes ` - ` and the rest.
    var opensWithMinus = false

    /// A fraction or a superscript: taller than a line of digits.
    var isTall: Bool { hasFraction || hasSuperscript }

    /// Plain text with no fraction, superscript or bracket (`\vdots`, a label).
    init(_ text: String) {
        self.text = text
    }

    /// Text with its facts.
    init(
        text: String, hasFraction: Bool, hasSuperscript: Bool = false, opensWithBracket: Bool = false,
        opensWithMinus: Bool = false
    ) {
        self.text = text
        self.hasFraction = hasFraction
        self.hasSuperscript = hasSuperscript
        self.opensWithBracket = opensWithBracket
        self.opensWithMinus = opensWithMinus
    }

    /// The parts' texts joined by `separator` (which must not hold a fraction or superscript),
    /// with their facts; it opens with a bracket or a minus sign when `prefix` is empty and the
    /// first part does.
    static func joined(_ parts: [TeXFragment], separator: String, prefix: String = "", suffix: String = "")
        -> TeXFragment
    {
        TeXFragment(
            text: prefix + parts.map(\.text).joined(separator: separator) + suffix,
            hasFraction: parts.contains { $0.hasFraction }, hasSuperscript: parts.contains { $0.hasSuperscript },
            opensWithBracket: prefix.isEmpty && parts.first?.opensWithBracket == true,
            opensWithMinus: prefix.isEmpty && parts.first?.opensWithMinus == true)
    }
}

extension TeXFragment {
    /// A symbol as `LaTeXEscaping.symbol` writes it, with the facts of a constant atom's
    /// argument (`\sigma(\tfrac{1}{2})` holds a fraction).
    static func symbol(_ s: Symbol) -> TeXFragment {
        let text = LaTeXEscaping.symbol(s)
        guard case .function(_, let argument)? = ConstantAtom.of(s) else { return TeXFragment(text) }
        let facts = polynomialFacts(argument.polynomial)
        return TeXFragment(text: text, hasFraction: facts.fraction, hasSuperscript: facts.superscript)
    }

    /// Whether `Polynomial.latex` of p holds a fraction (a coefficient that is not an
    /// integer) or a superscript (a power), atoms included.
    static func polynomialFacts(_ p: Polynomial) -> (fraction: Bool, superscript: Bool) {
        var fraction = false, superscript = false
        for (m, c) in p.sortedTerms {
            if !c.magnitude.isInteger { fraction = true }
            for (s, e) in zip(m.symbols, m.exponents) {
                if e != 1 { superscript = true }
                let inner = symbol(s)
                fraction = fraction || inner.hasFraction
                superscript = superscript || inner.hasSuperscript
            }
        }
        return (fraction, superscript)
    }
}
