import ExactNumbers
import NetworkModel
import Collapse

extension LaTeXBuilder {
    /// The truth table of a network that computes a Boolean function on the corners of the
    /// unit cube, where the affinity witness lies (`Derivation.truthTable`); nothing otherwise.
    mutating func truthTableSection() {
        guard let rows = derivation.truthTable?.rows else { return }
        let n = network.inputDimension, m = network.outputDimension
        let inputs = network.inputNames.map(LaTeXEscaping.name)
        let outputs = m == 1 ? ["y"] : (1...m).map { "y_{\($0)}" }
        let square = n == 2 ? "square" : "cube"
        line(
            "\\paragraph{Truth table.} At the corners of the unit \(square), where every input is 0 or 1, every output of $F$ is 0 or 1 too: the network computes a Boolean function there. Evaluated exactly (the witness below uses four of these rows):"
        )
        line("\\[")
        line("\\begin{array}{" + String(repeating: "c", count: n) + "|" + String(repeating: "c", count: m) + "}")
        line("  " + (inputs + outputs).joined(separator: " & ") + " \\\\ \\hline")
        for row in rows {
            line("  " + (row.input + row.output).map { $0.description }.joined(separator: " & ") + " \\\\")
        }
        line("\\end{array}")
        line("\\]")
        line("")
    }
}
