public import ExactNumbers
public import Collapse

/// What `separable` decided, with the data the reports need: the points as given, the
/// points the decision is about (their images after K layers with `--through`), the
/// labels and the outcome.
public struct SeparabilityCase: Sendable {
    /// The points as the file gives them.
    public let points: [[Rational]]
    /// The points decided on: equal to `points`, or their images after `layer` layers.
    public let mapped: [[Rational]]
    /// 0 or 1 per point.
    public let labels: [Int]
    /// With `--through`: the network's name (or file) and K.
    public let through: (network: String, layer: Int)?
    /// The decision.
    public let outcome: Separability.Outcome

    /// Creates a case.
    public init(
        points: [[Rational]], mapped: [[Rational]], labels: [Int], through: (network: String, layer: Int)?,
        outcome: Separability.Outcome
    ) {
        self.points = points
        self.mapped = mapped
        self.labels = labels
        self.through = through
        self.outcome = outcome
    }

    /// The variable of the space decided in: x, or h (the layer's outputs).
    var variable: String { through == nil ? "x" : "h" }
}

/// The text and JSON reports of `separable`.
public enum SeparabilityReport {
    /// `{"separable": true, "hyperplane": {"weights": [...], "bias": "..."}, "margin": "...",
    /// "farkas": null, "dimension": d, "points": [...], "labels": [...]}` (with `--through`
    /// also `"through": {"network", "layer"}` and `"mapped_points"`); when not separable
    /// `"hyperplane": null`, `"margin": null` and `"farkas": ["1", "1", "1", "1"]`. One
    /// object and a newline.
    public static func json(_ c: SeparabilityCase) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        switch c.outcome {
        case .separable(let w, let b, let margin):
            writer.key("separable"); writer.bool(true)
            writer.key("hyperplane")
            writer.beginObject()
            writer.key("weights"); writer.rationals(w)
            writer.key("bias"); writer.rational(b)
            writer.endObject()
            writer.key("margin"); writer.rational(margin)
            writer.key("farkas"); writer.null()
        case .notSeparable(let farkas):
            writer.key("separable"); writer.bool(false)
            writer.key("hyperplane"); writer.null()
            writer.key("margin"); writer.null()
            writer.key("farkas"); writer.rationals(farkas)
        }
        writer.key("dimension"); writer.int(c.mapped.first?.count ?? 0)
        writer.key("points")
        writer.beginArray()
        for p in c.points { writer.rationals(p) }
        writer.endArray()
        writer.key("labels")
        writer.beginArray()
        for l in c.labels { writer.int(l) }
        writer.endArray()
        if let through = c.through {
            writer.key("through")
            writer.beginObject()
            writer.key("network"); writer.string(through.network)
            writer.key("layer"); writer.int(through.layer)
            writer.endObject()
            writer.key("mapped_points")
            writer.beginArray()
            for p in c.mapped { writer.rationals(p) }
            writer.endArray()
        }
        writer.endObject()
        return writer.finish()
    }

    /// The report for a person: the answer first, then the hyperplane and each point's
    /// value, or the multipliers and the sum that gives 0 > 0.
    public static func text(_ c: SeparabilityCase) -> String {
        var out = ""
        let v = c.variable
        let space =
            c.through.map { "after the first \($0.layer) layer\($0.layer == 1 ? "" : "s") of \($0.network)" }
            ?? "as given"
        switch c.outcome {
        case .separable(let w, let b, let margin):
            out += "separable: yes — the points (\(space)) are linearly separable\n"
            out += "hyperplane: \(linearText(w, b, variable: v)) > 0 exactly on label 1, < 0 on label 0\n"
            out += "margin: \(margin) (the smallest |w·\(v) + b| over the points; max over |w_i| <= 1)\n\n"
            for (k, (p, label)) in zip(c.mapped, c.labels).enumerated() {
                let value = zip(w, p).reduce(b) { $0 + $1.0 * $1.1 }
                out +=
                    "  point \(k + 1) \(tuple(c.points[k]))\(c.through == nil ? "" : " -> \(tuple(p))"), label \(label): w·\(v) + b = \(value)\n"
            }
        case .notSeparable(let farkas):
            out += "separable: no — no hyperplane separates the points (\(space))\n"
            out +=
                "Farkas certificate (one multiplier per point): [\(farkas.map(\.description).joined(separator: ", "))]\n\n"
            out += "For any w, b, separation needs w·\(v) + b > 0 on label 1 and -(w·\(v) + b) > 0 on label 0:\n"
            for (k, (p, label)) in zip(c.mapped, c.labels).enumerated() {
                let sign = label == 1 ? "" : "-"
                out += "  [\(farkas[k])]  \(sign)(w·\(tuple(p)) + b) > 0    (point \(k + 1), label \(label))\n"
            }
            out += "Adding them with these multipliers, every w and b cancels: 0 > 0, a contradiction.\n"
        }
        return out
    }

    /// `(0, 1/2)`.
    static func tuple(_ p: [Rational]) -> String { "(" + p.map(\.description).joined(separator: ", ") + ")" }

    /// `2*x1 - x2 + 1/2`.
    static func linearText(_ w: [Rational], _ b: Rational, variable: String) -> String {
        var terms = [String]()
        for (i, c) in w.enumerated() where !c.isZero {
            let name = "\(variable)\(i + 1)"
            let body = c.magnitude.isOne ? name : "\(c.magnitude)*\(name)"
            terms.append(terms.isEmpty ? (c.signum < 0 ? "-" + body : body) : (c.signum < 0 ? "- " : "+ ") + body)
        }
        if !b.isZero || terms.isEmpty {
            terms.append(terms.isEmpty ? b.description : (b.signum < 0 ? "- " : "+ ") + b.magnitude.description)
        }
        return terms.joined(separator: " ")
    }
}
