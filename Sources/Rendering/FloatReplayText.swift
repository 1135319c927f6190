public import Collapse

/// The float replay of a witness, for a person: clearly a reporting aid, not evidence.
public enum FloatReplayText {
    /// Lines appended to the text report of a `not-affine` verdict on a model file.
    public static func render(_ replay: FloatReplay) -> String {
        func shown(_ gap: Double) -> String {
            if gap == 0 { return "0 (the violation is lost in rounding)" }
            let ratio = gap / replay.exactGap
            let verdict = ratio > 0.5 && ratio < 2 ? "visible" : "distorted by rounding"
            return "\(format(gap)) (\(verdict))"
        }
        return """

            float replay (a reporting aid for reproducing the witness in PyTorch or onnxruntime; not evidence):
              affinity gap of the exact witness:  \(format(replay.exactGap))
              the same points evaluated in float64: \(shown(replay.float64Gap))
              the same points evaluated in float32: \(shown(replay.float32Gap))

            """
    }

    static func format(_ x: Double) -> String {
        let text = "\(x)"
        return text
    }
}
