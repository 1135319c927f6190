import ExactNumbers
import Algebra
import NetworkModel
public import Collapse

/// The contract's §3 JSON report of an `Analysis`.
///
/// The contract's keys come first, in the contract's order: `network`, `input_dim`,
/// `output_dim`, `verdict`, `collapsed` (`{"weights": [[...]], "bias": [...]}` or null),
/// `rank` (int or null), `additivity`, `homogeneity`, `affinity` (each
/// `{"holds": bool|null, "witness": {...}|null}`). Extensions follow, as new keys only:
/// `residual` inside an identity check (when computed symbolically), `linear_if` and
/// `affine_if` (when the symbols decide), `reason` (when given), `input_names`,
/// `polynomial_outputs` (F as polynomials in the inputs, polynomial activations), `layers`
/// (per-layer findings), `rank_generic` (symbolic rank), `rank_proven` (false: `rank` is a
/// proven lower bound, the rank with probability >= 1 - 2^`rank_failure_probability_log2`)
/// and `rank_bottleneck` (when a
/// narrow layer caps the rank), `regions` (when the linear regions were enumerated to
/// decide: see `regionsExtension`), `float_replay` last (a `not-affine` verdict on a model
/// file: the witness evaluated in float32 and float64, see `FloatReplayJSON`).
///
/// Every number is a string: a canonical rational (`"-3/4"`, `"5"`), a polynomial in plain
/// form (`"w11*z1 + w21*z2"`), or an enclosure `{"lo": "p/q", "hi": "p/q"}`. The output is
/// one JSON object followed by a newline.
///
/// Complexity: linear in the size of the output; the text is built in one byte buffer.
public enum JSONReport {
    /// The report as JSON text ending with a newline.
    /// `floatReplay` (model files) adds the `float_replay` key (see `FloatReplayJSON`).
    public static func render(_ analysis: Analysis, floatReplay: FloatReplay? = nil) -> String {
        var writer = JSONWriter(reservingCapacity: estimatedSize(of: analysis))
        write(analysis, floatReplay: floatReplay, into: &writer)
        return writer.finish()
    }

    /// Streams the report (the same bytes as `render`) to `sink` in chunks of about
    /// `chunkSize` bytes, so a report of tens of megabytes is never held whole in memory.
    public static func write(
        _ analysis: Analysis, floatReplay: FloatReplay? = nil, chunkSize: Int = 1 << 20,
        to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var writer = JSONWriter(chunkSize: max(chunkSize, 1), sink: sink)
        write(analysis, floatReplay: floatReplay, into: &writer)
        writer.finishStream()
    }

    static func write(_ analysis: Analysis, floatReplay: FloatReplay? = nil, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("network"); writer.optionalString(analysis.network.name)
        writer.key("input_dim"); writer.int(analysis.network.inputDimension)
        writer.key("output_dim"); writer.int(analysis.network.outputDimension)
        writer.key("verdict"); writer.string(analysis.verdict.rawValue)

        writer.key("collapsed")
        if analysis.verdict.collapses, let collapsed = analysis.collapsed {
            writer.beginObject()
            switch collapsed {
            case .numeric(let map):
                writer.key("weights"); writer.matrix(map.weights)
                writer.key("bias"); writer.vector(map.bias)
            case .symbolic(let map):
                writer.key("weights"); writer.matrix(map.weights)
                writer.key("bias"); writer.vector(map.bias)
                if collapsed.hasConstantEntries { constantEnclosures(collapsed, into: &writer) }
            }
            writer.endObject()
        } else {
            writer.null()
        }

        writer.key("rank")
        if analysis.verdict.collapses, let rank = analysis.rank { writer.int(rank.rank) } else { writer.null() }

        writer.key("additivity"); identity(analysis.additivity, into: &writer)
        writer.key("homogeneity"); identity(analysis.homogeneity, into: &writer)
        writer.key("affinity"); identity(analysis.affinity, into: &writer)
        domainExtension(analysis, into: &writer)

        // Extensions.
        if let linearIf = analysis.linearIf { writer.key("linear_if"); writer.polynomials(linearIf) }
        if let affineIf = analysis.affineIf { writer.key("affine_if"); writer.polynomials(affineIf) }
        jacobianExtension(analysis, into: &writer)
        if let reason = analysis.reason { writer.key("reason"); writer.string(reason) }
        writer.key("evidence"); writer.string(EvidenceText.kind(analysis))
        writer.key("input_names"); writer.strings(analysis.network.inputNames)
        names(ReportNames(analysis.network), into: &writer)
        if let outputs = analysis.polynomialOutputs { writer.key("polynomial_outputs"); writer.polynomials(outputs) }
        if analysis.verdict.collapses, let rank = analysis.rank {
            if rank.isGeneric { writer.key("rank_generic"); writer.bool(true) }
            if let c = rank.certificate {
                writer.key("rank_proven"); writer.bool(c.isProven)
                if !c.isProven { writer.key("rank_failure_probability_log2"); writer.int(-c.failureExponent) }
            }
            if rank.isBottleneck {
                writer.key("rank_bottleneck")
                writer.beginObject()
                writer.key("rank"); writer.int(rank.rank)
                writer.key("full_rank"); writer.int(rank.fullRank)
                writer.key("layer"); writer.optionalInt(rank.narrowestLayer)
                writer.key("width"); writer.int(rank.narrowestWidth)
                writer.endObject()
            }
        }
        regionsExtension(analysis, into: &writer)
        simplificationsExtension(analysis, into: &writer)
        writer.key("layers")
        writer.beginArray()
        for finding in analysis.layerFindings {
            writer.beginObject()
            writer.key("index"); writer.int(finding.layer)
            writer.key("activation"); writer.string(ActivationText.name(finding.activation))
            writer.key("summary"); writer.string(finding.summary)
            writer.endObject()
        }
        writer.endArray()
        if let floatReplay { FloatReplayJSON.write(floatReplay, into: &writer) }
        writer.endObject()
    }

    /// `"names": {"x", "y", "c"}`: the letters of the witness points and of the scalar, which
    /// the residuals use (never an input name or a symbol of the network).
    static func names(_ names: ReportNames, into writer: inout JSONWriter) {
        writer.key("names")
        writer.beginObject()
        writer.key("x"); writer.string(names.x)
        writer.key("y"); writer.string(names.y)
        writer.key("c"); writer.string(names.c)
        writer.endObject()
    }

    /// `{"holds": ..., "witness": ...}` plus `residual` when present.
    static func identity(_ check: IdentityCheck, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("holds"); writer.optionalBool(check.holds)
        writer.key("witness")
        if let witness = check.witness { self.witness(witness, into: &writer) } else { writer.null() }
        if let residual = check.residual { writer.key("residual"); writer.polynomials(residual) }
        writer.endObject()
    }

    /// `{"x": [...], "y": [...] | "c": "...", "lhs": [...], "rhs": [...]}`.
    static func witness(_ witness: Witness, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("x"); writer.rationals(witness.x)
        if let y = witness.y { writer.key("y"); writer.rationals(y) }
        if let c = witness.c { writer.key("c"); writer.rational(c) }
        writer.key("lhs"); writer.exactValues(witness.lhs)
        writer.key("rhs"); writer.exactValues(witness.rhs)
        writer.endObject()
    }

    /// A capacity guess: entry count times a typical entry size (a rational's bit size / 3
    /// digits), so huge matrices reserve once.
    static func estimatedSize(of analysis: Analysis) -> Int {
        guard let collapsed = analysis.collapsed else { return 4096 }
        switch collapsed {
        case .numeric(let map):
            let rows = map.weights.rows, columns = map.weights.columns
            guard rows > 0, columns > 0 else { return 4096 }
            let sample = map.weights[rows / 2, columns / 2].bitSize / 3 + 8
            return 4096 + (rows * columns + rows) * sample
        case .symbolic(let map):
            return 4096 + (map.weights.rows * map.weights.columns + map.bias.count) * 32
        }
    }
}
