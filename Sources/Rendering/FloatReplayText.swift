public import Collapse

/// The float replay of a witness, for a person: clearly a reporting aid, not evidence.
public enum FloatReplayText {
    /// Lines appended to the text report of a `not-affine` verdict on a model file.
    public static func render(_ replay: FloatReplay) -> String {
        func shown(_ run: FloatReplayRun) -> String {
            let gap = FloatReplayJSON.text(run.gap, run.format)
            let points = run.pointsExact ? "" : "; the points rounded to \(run.format.rawValue)"
            switch run.reproduction {
            case .lost: return "0 (the violation is lost in rounding\(points))"
            case .visible: return "\(gap) (visible\(points))"
            case .distorted: return "\(gap) (distorted by rounding\(points))"
            }
        }
        return """

            float replay (a reporting aid for reproducing the witness in PyTorch or onnxruntime; not evidence):
              affinity gap of the exact witness:  \(replay.exactGap)
              the same points evaluated in float64: \(shown(replay.float64))
              the same points evaluated in float32: \(shown(replay.float32))

            """
    }
}
