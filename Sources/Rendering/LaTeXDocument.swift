import ExactNumbers
import Algebra
import Collapse

// Stand-in: the full LaTeX derivation is issue 4 (another engineer replaces this file).
// It produces a minimal valid standalone document: the verdict, and W', b' in bmatrix.

/// A standalone LaTeX document (amsmath/amssymb only) stating the verdict and W', b'.
public enum LaTeXDocument {
    /// The document text, ending with a newline.
    public static func render(_ analysis: Analysis) -> String {
        var out = "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n"
        let name = analysis.network.name.map(escape) ?? "the network"
        out += "\\section*{prove-collapse: \(name)}\n"
        out += "Verdict: \\textbf{\(analysis.verdict.rawValue)}.\n\n"
        if let reason = analysis.reason { out += escape(reason) + "\n\n" }
        if analysis.verdict.collapses, let collapsed = analysis.collapsed {
            let map = collapsed.symbolicMap
            out += "\\[\nW' = " + bmatrix(rows: map.weights.rows, columns: map.weights.columns) { map.weights[$0, $1].latex }
            out += ", \\qquad b' = " + bmatrix(rows: map.bias.count, columns: 1) { i, _ in map.bias[i].latex } + "\n\\]\n"
        }
        out += "\\end{document}\n"
        return out
    }

    static func bmatrix(rows: Int, columns: Int, entry: (Int, Int) -> String) -> String {
        guard rows > 0, columns > 0 else { return "\\begin{bmatrix}\\end{bmatrix}" }
        let body = (0..<rows).map { i in (0..<columns).map { j in entry(i, j) }.joined(separator: " & ") }
        return "\\begin{bmatrix}\n" + body.joined(separator: " \\\\\n") + "\n\\end{bmatrix}"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "$", "&", "#", "_", "%": out += "\\" + String(ch)
            case "^": out += "\\^{}"
            case "~": out += "\\~{}"
            default: out.append(ch)
            }
        }
        return out
    }
}
