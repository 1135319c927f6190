import Collapse

extension TextReport {
    /// The normalisation steps, one per line (the first `TextMatrix.elisionThreshold`; all
    /// of them are in `--format json`); empty when nothing was simplified.
    static func simplificationLines(_ analysis: Analysis) -> [String] {
        guard let normalization = analysis.normalization, normalization.changed else { return [] }
        let onDomain = normalization.steps.contains(where: \.onDomain)
        var lines = ["", "simplified exactly before deciding (the same function F\(onDomain ? " on D" : "")):"]
        let steps = normalization.steps
        for step in steps.prefix(TextMatrix.elisionThreshold) {
            lines.append("  - " + SimplificationText.sentence(step))
        }
        if steps.count > TextMatrix.elisionThreshold {
            lines.append("  … (\(steps.count) steps; all of them in --format json)")
        }
        return lines
    }
}
