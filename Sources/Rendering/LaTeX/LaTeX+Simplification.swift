import Collapse

extension LaTeXBuilder {
    /// Lists the exact normalisation steps (contract §4) and shows the simplified network the
    /// rest of the derivation is about; nothing when the network was not simplified.
    mutating func simplificationSection() {
        guard let normalization = analysis.normalization, normalization.changed else { return }
        line(
            "\\paragraph{Simplification.} Before deciding, the network is simplified exactly: each step below is an identity of real functions (with the activations' exact definitions, breakpoints included), so the simplified network computes the same function $F$ for every input\(normalization.steps.contains(where: \.onDomain) ? " in $D$" : "")."
        )
        let limit = 12
        line("\\begin{itemize}")
        for step in normalization.steps.prefix(limit) {
            line("  \\item " + SimplificationText.texSentence(step) + ".")
        }
        if normalization.steps.count > limit {
            line("  \\item \\ldots\\ (\(normalization.steps.count) steps in all; every one is in the JSON report).")
        }
        line("\\end{itemize}")
        line("")
        networkSection(heading: "The simplified network.")
    }
}
