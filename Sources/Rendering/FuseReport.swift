import ExactNumbers
import Algebra
import NetworkModel
public import Collapse

/// The `fuse` report (contract §7): text for a person, JSON for scripts.
public enum FuseReport {
    /// The JSON report: network, parameters_before, parameters_after, runs[{layers, weights,
    /// bias, rank, parameters_before, parameters_after, float32_max_abs_error}], with the
    /// extensions `evidence` and `factorization` per run.
    public static func json(_ result: FusionResult) -> String {
        var writer = JSONWriter(reservingCapacity: 4096)
        writer.beginObject()
        writer.key("network"); writer.optionalString(result.network.name)
        writer.key("parameters_before"); writer.int(result.parametersBefore)
        writer.key("parameters_after"); writer.int(result.parametersAfter)
        writer.key("runs")
        writer.beginArray()
        for run in result.runs {
            writer.beginObject()
            writer.key("layers")
            writer.beginArray(); writer.int(run.firstLayer); writer.int(run.lastLayer); writer.endArray()
            if run.constants != nil {
                writer.key("weights")
                writer.beginArray()
                for row in run.weightTexts { writer.strings(row) }
                writer.endArray()
                writer.key("bias"); writer.strings(run.biasTexts)
            } else {
                writer.key("weights"); writer.matrix(run.map.weights)
                writer.key("bias"); writer.vector(run.map.bias)
            }
            writer.key("rank"); writer.int(run.rank)
            writer.key("parameters_before"); writer.int(run.parametersBefore)
            writer.key("parameters_after"); writer.int(run.parametersAfter)
            writer.key("float32_max_abs_error")
            if let error = run.float32MaxAbsError { writer.rational(error) } else { writer.null() }
            // Extensions.
            writer.key("evidence"); writer.string(run.evidence.rawValue)
            writer.key("factorization")
            if let f = run.factorization {
                writer.beginObject()
                writer.key("rank"); writer.int(f.rank)
                writer.key("parameters"); writer.int(f.parameters)
                writer.key("left"); writer.matrix(f.left)
                writer.key("right"); writer.matrix(f.right)
                writer.endObject()
            } else {
                writer.null()
            }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.finish()
    }

    /// The report for a person: one paragraph per run with W', b' (elided when large).
    public static func text(_ result: FusionResult) -> String {
        var lines: [String] = []
        let name = result.network.name.map { "network \($0): " } ?? ""
        let layers = result.network.layers.count
        lines.append(
            "\(name)\(layers) layer\(layers == 1 ? "" : "s"), \(result.parametersBefore) parameters before fusing, \(result.parametersAfter) after"
        )
        if result.runs.isEmpty {
            lines.append("no run of two or more consecutive layers composes to an affine map; nothing to fuse")
        }
        for run in result.runs {
            lines.append("")
            let how = run.evidence == .syntactic ? "every activation in it is affine" : "proved affine by the analysis"
            lines.append(
                "layers \(run.firstLayer)-\(run.lastLayer) fuse into one dense layer (\(how)): \(run.map.outputDimension)×\(run.map.inputDimension), rank \(run.rank), \(run.parametersBefore) → \(run.parametersAfter) parameters"
            )
            var shortened = false
            lines.append("  W' =")
            lines += TextMatrix.lines(
                rows: run.map.weights.rows, columns: run.map.weights.columns, indent: "    ", shortened: &shortened
            ) { run.weightTexts[$0][$1] }
            lines.append("  b' =")
            lines += TextMatrix.lines(rows: run.map.bias.count, columns: 1, indent: "    ", shortened: &shortened) {
                i, _ in run.biasTexts[i]
            }
            if let error = run.float32MaxAbsError {
                lines.append(
                    run.constants != nil
                        ? "  stored as float32, the largest entry error is at most \(error.decimalText(digits: 12, roundingUp: true)) (a rigorous bound: W' and b' hold irrational constants)"
                        : "  stored as float32, the largest entry error is \(error.decimalText(digits: 12, roundingUp: true)) (exactly \(error))"
                )
            } else {
                lines.append("  some entry is too large for float32 (it would round to infinity)")
            }
            if let f = run.factorization {
                lines.append(
                    "  rank \(f.rank) < \(min(run.map.outputDimension, run.map.inputDimension)): W' = U·V with U \(f.left.rows)×\(f.rank) and V \(f.rank)×\(f.right.columns) has \(f.parameters) parameters instead of \(run.parametersAfter) (fuse --factor writes it)"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
