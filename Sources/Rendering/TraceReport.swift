public import ExactNumbers
public import NetworkModel
public import Collapse

/// One evaluated point for `prove-collapse eval`: the input, the output, and (with
/// `--trace`) every layer's output in order.
public struct EvaluationRecord: Sendable {
    /// The input point x.
    public let point: [Rational]
    /// F(x), exact or enclosed.
    public let output: [ExactValue]
    /// With `--trace`: index 0 is the input, then each layer's output.
    public let layers: [[ExactValue]]?

    /// Creates a record.
    public init(point: [Rational], output: [ExactValue], layers: [[ExactValue]]?) {
        self.point = point
        self.output = output
        self.layers = layers
    }
}

/// The output of `prove-collapse eval`: exact values per point, layer by layer with
/// `--trace`. Enclosures print in text as `[lo, hi]` with the bounds rounded outward to 20
/// decimals (still rigorous), and in JSON as exact `{"lo": "p/q", "hi": "p/q"}`.
public enum TraceReport {
    /// `F(1/2, -3) = (7/4, -1)` per point; with layers, one indented line per layer.
    public static func text(network: Network, records: [EvaluationRecord]) -> String {
        var lines: [String] = []
        for record in records {
            let x = "(" + record.point.map(\.description).joined(separator: ", ") + ")"
            let y = "(" + record.output.map(Self.human).joined(separator: ", ") + ")"
            if let layers = record.layers {
                lines.append("x = \(x)")
                for (index, values) in layers.enumerated() where index > 0 {
                    let layer = index - 1 < network.layers.count ? network.layers[index - 1] : nil
                    let kind =
                        layer.map { ($0.dense == nil ? "" : "dense + ") + ActivationText.display($0.activation) } ?? ""
                    lines.append("  layer \(index) (\(kind)): (" + values.map(Self.human).joined(separator: ", ") + ")")
                }
                lines.append("F\(x) = \(y)")
            } else {
                lines.append("F\(x) = \(y)")
            }
        }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    /// An exact value as is; an enclosure as outward-rounded decimals.
    static func human(_ value: ExactValue) -> String { value.humanText(digits: 20) }

    /// `{"network": ..., "points": [{"x": [...], "y": [...], "layers": [[...], ...]}]}`.
    public static func json(network: Network, records: [EvaluationRecord]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("network"); writer.optionalString(network.name)
        writer.key("points")
        writer.beginArray()
        for record in records {
            writer.beginObject()
            writer.key("x"); writer.rationals(record.point)
            writer.key("y"); writer.exactValues(record.output)
            if let layers = record.layers {
                writer.key("layers")
                writer.beginArray()
                for values in layers { writer.exactValues(values) }
                writer.endArray()
            }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.finish()
    }
}
