import ExactNumbers
import NetworkModel
import Collapse

extension LaTeXBuilder {
    /// Most inputs for which a truth table is shown (2⁴ = 16 rows).
    static let truthTableInputs = 4

    /// F on every corner of the unit cube {0, 1}ⁿ, in binary counting order, when the network
    /// computes a Boolean function there and the table itself shows the witness: 2 to
    /// `truthTableInputs` inputs, every output exactly 0 or 1 at every corner (as XOR's step
    /// network does), and the affinity witness's points x, z and x + z all corners. Nil otherwise.
    var truthTable: [(input: [Rational], output: [Rational])]? {
        let n = network.inputDimension
        guard n >= 2, n <= Self.truthTableInputs, let w = analysis.affinity.witness, let y = w.y else { return nil }
        let isCorner = { (p: [Rational]) in p.allSatisfy { $0.isZero || $0.isOne } }
        guard isCorner(w.x), isCorner(y), isCorner(zip(w.x, y).map { $0 + $1 }) else { return nil }
        var rows = [(input: [Rational], output: [Rational])]()
        for k in 0..<(1 << n) {
            let input = (0..<n).map { Rational((k >> (n - 1 - $0)) & 1) }
            guard let values = try? Evaluator.evaluate(network, at: input) else { return nil }
            let output = values.compactMap(\.exactValue)
            guard output.count == values.count, output.allSatisfy({ $0.isZero || $0.isOne }) else { return nil }
            rows.append((input, output))
        }
        return rows
    }

    /// The truth table of a network that computes a Boolean function on the corners of the
    /// unit cube (`truthTable`), evaluated exactly; nothing otherwise.
    mutating func truthTableSection() {
        guard let rows = truthTable else { return }
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
