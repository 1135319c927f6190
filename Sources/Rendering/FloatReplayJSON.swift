import ExactNumbers
import Collapse

/// The `float_replay` key of the JSON report (a `not-affine` verdict on a model file): how
/// the exact affinity witness looks in float32 and float64. A reporting aid, not evidence.
///
/// ```
/// "float_replay": {"identity": "affinity", "form": "sum" | "midpoint",
///   "exact_gap": "p/q" | {"lo": "p/q", "hi": "p/q"},
///   "float64": {"gap": "1.25e-05", "ratio": "1.0", "reproduction": "visible",
///               "points_exact": true, "lhs": ["…"], "rhs": ["…"]},
///   "float32": {…}}
/// ```
/// Float values are strings in the format's shortest round-trip decimal (reading the string
/// in that format gives the same float; `inf`, `-inf`, `nan` when not finite).
enum FloatReplayJSON {
    static func write(_ replay: FloatReplay, into writer: inout JSONWriter) {
        writer.key("float_replay")
        writer.beginObject()
        writer.key("identity"); writer.string("affinity")
        writer.key("form"); writer.string(replay.form.rawValue)
        writer.key("exact_gap"); writer.exactValue(replay.exactGapValue)
        for run in [replay.float64, replay.float32] {
            writer.key(run.format.rawValue)
            writer.beginObject()
            writer.key("gap"); writer.string(text(run.gap, run.format))
            writer.key("ratio"); writer.string(text(run.ratio, .float64))
            writer.key("reproduction"); writer.string(run.reproduction.rawValue)
            writer.key("points_exact"); writer.bool(run.pointsExact)
            writer.key("lhs"); writer.strings(run.lhs.map { text($0, run.format) })
            writer.key("rhs"); writer.strings(run.rhs.map { text($0, run.format) })
            writer.endObject()
        }
        writer.endObject()
    }

    /// The shortest round-trip decimal of `value` in `format`.
    static func text(_ value: Double, _ format: FloatReplayRun.Format) -> String {
        switch format {
        case .float32: return Float(value).description
        case .float64: return value.description
        }
    }
}
