import Algebra

/// Escaping of free text and names for LaTeX, so that every spec yields a document that
/// compiles: the ten specials, `<`, `>`, `|`, the Unicode the engine's sentences use, and any
/// other non-ASCII character (written as its code point).
enum LaTeXEscaping {
    /// Unicode the analysis' sentences contain, in text mode.
    static let unicode: [Character: String] = [
        "·": "\\ensuremath{\\cdot}", "−": "\\ensuremath{-}", "≥": "\\ensuremath{\\geq}",
        "≤": "\\ensuremath{\\leq}", "≠": "\\ensuremath{\\neq}", "→": "\\ensuremath{\\to}",
        "×": "\\ensuremath{\\times}", "∘": "\\ensuremath{\\circ}", "…": "\\ldots{}",
        "–": "--", "—": "---", "‘": "`", "’": "'", "“": "``", "”": "''",
        "∞": "\\ensuremath{\\infty}", "±": "\\ensuremath{\\pm}", "≈": "\\ensuremath{\\approx}",
        "∈": "\\ensuremath{\\in}", "√": "\\ensuremath{\\surd}", "Φ": "\\ensuremath{\\Phi}",
        "σ": "\\ensuremath{\\sigma}", "α": "\\ensuremath{\\alpha}", "∑": "\\ensuremath{\\sum}",
        "ℚ": "\\ensuremath{\\mathbb{Q}}", "ℝ": "\\ensuremath{\\mathbb{R}}",
        "β": "\\ensuremath{\\beta}", "γ": "\\ensuremath{\\gamma}", "δ": "\\ensuremath{\\delta}",
        "ε": "\\ensuremath{\\varepsilon}", "λ": "\\ensuremath{\\lambda}", "μ": "\\ensuremath{\\mu}",
        "π": "\\ensuremath{\\pi}", "τ": "\\ensuremath{\\tau}", "φ": "\\ensuremath{\\varphi}",
        "ω": "\\ensuremath{\\omega}", "θ": "\\ensuremath{\\theta}", "Σ": "\\ensuremath{\\Sigma}",
    ]

    /// `text` for LaTeX text mode: `\`, `{`, `}`, `$`, `&`, `#`, `_`, `%`, `^`, `~`, `<`, `>`,
    /// `|` escaped; control characters become spaces; other non-ASCII characters are written
    /// as `(U+XXXX)`.
    static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "$", "&", "#", "_", "%": out += "\\" + String(c)
            case "^": out += "\\^{}"
            case "~": out += "\\~{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "|": out += "\\textbar{}"
            case "-" where out.hasSuffix("-"): out += "{}-"  // `--` must not become an en dash
            default:
                if let mapped = unicode[c] {
                    out += mapped
                } else if c.unicodeScalars.count == 1, let v = c.unicodeScalars.first?.value, (0xC0...0xFF).contains(v),
                    v != 0xD7, v != 0xF7
                {
                    out.append(c)  // Latin-1 letters (Ü, é, ß): LaTeX's default UTF-8 input sets them
                } else if c.isASCII {
                    if let ascii = c.asciiValue, ascii < 32 || ascii == 127 { out += " " } else { out.append(c) }
                } else {
                    out += c.unicodeScalars.map { "(U+" + String($0.value, radix: 16, uppercase: true) + ")" }.joined()
                }
            }
        }
        return out
    }

    /// A symbol in math mode: `w11` → `w_{11}`, `b_2` → `b_{2}`, `alpha` → `\alpha`
    /// (`Symbol.latex`); a name that is not an identifier is set as escaped upright text.
    static func symbol(_ s: Symbol) -> String {
        if s.isIdentifier || ConstantAtom.of(s) != nil { return s.latex }  // \sigma(1), \sqrt{2}
        return "\\text{" + text(s.name) + "}"
    }

    /// An input name in math mode (as `symbol`).
    static func name(_ name: String) -> String { symbol(Symbol(name)) }

    /// `text` with every run of more than `maxDigits` digits shortened to its leading and
    /// trailing digits around `...`.
    static func shortenDigitRuns(_ text: String, maxDigits: Int) -> String {
        var out = "", run = ""
        func flush() {
            out += run.count > maxDigits ? shortenedDigits(run, keep: maxDigits, ellipsis: "...") : run
            run = ""
        }
        for c in text {
            if c.isASCII && c.isNumber { run.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }

    /// The leading and trailing digits of a long digit string around `ellipsis`.
    static func shortenedDigits(_ digits: String, keep: Int, ellipsis: String) -> String {
        let head = max(keep * 2 / 3, 1), tail = max(keep - head, 1)
        return String(digits.prefix(head)) + ellipsis + String(digits.suffix(tail))
    }
}
