internal import Algebra
internal import ExactNumbers

extension SpecWalker {
    /// Reads `activation:`: a name (`relu`), or a one-key map with parameters
    /// (`{affine: {slope: 2, intercept: -1}}`, `{polynomial: [0, 0, 1]}`).
    func activation(_ node: SpecNode, layer number: Int) throws(SpecError) -> Activation {
        switch node.kind {
        case .scalar(let scalar):
            if scalar.isNull { return .identity }
            let name = scalar.text
            if name == "polynomial" {
                throw SpecError(
                    "layer \(number) activation 'polynomial' needs its coefficients; expected {polynomial: [c0, c1, ..., ck]}",
                    at: node.location)
            }
            guard let activation = Activation(name: name) else { throw unknownActivation(name, at: node.location) }
            return activation
        case .sequence, .numbers:
            throw SpecError(
                "layer \(number) activation is a list; expected a name (relu) or a one-key map ({leaky_relu: {alpha: \"1/5\"}})",
                at: node.location)
        case .mapping(let entries):
            guard entries.count == 1, let entry = entries.first else {
                throw SpecError(
                    "layer \(number) activation map has \(entries.count) keys; expected one key, the activation name ({affine: {slope: 2}})",
                    at: node.location)
            }
            return try parameterized(entry, layer: number)
        }
    }

    private func unknownActivation(_ name: String, at location: SourceLocation) -> SpecError {
        let known = Activation.knownNames.joined(separator: ", ")
        if let suggestion = Suggestions.nearest(to: name, in: Activation.knownNames) {
            return SpecError(
                "unknown activation \(SpecError.quote(name)) (did you mean '\(suggestion)'?); expected one of \(known)",
                at: location)
        }
        return SpecError("unknown activation \(SpecError.quote(name)); expected one of \(known)", at: location)
    }

    /// `{name: parameters}`.
    private func parameterized(_ entry: SpecEntry, layer number: Int) throws(SpecError) -> Activation {
        let name = entry.key
        let value = entry.value
        let isEmpty = (value.scalar?.isNull ?? false) || (value.entries?.isEmpty ?? false)
        switch name {
        case "polynomial":
            guard let elements = value.elements else {
                throw SpecError(
                    "layer \(number) polynomial coefficients are \(value.shapeDescription); expected a list [c0, c1, ..., ck]",
                    at: value.location)
            }
            guard !elements.isEmpty else {
                throw SpecError(
                    "layer \(number) polynomial has no coefficients; expected a list [c0, c1, ..., ck] with at least one entry",
                    at: value.location)
            }
            var coefficients: [Polynomial] = []
            for (i, element) in elements.enumerated() {
                coefficients.append(try parameter(element, what: "layer \(number) polynomial coefficient c\(i)"))
            }
            return .polynomial(coefficients)
        case "affine", "leaky_relu", "elu", "clip", "hard_sigmoid":
            var parameters: [String: Polynomial] = [:]
            if !isEmpty {
                guard let entries = value.entries else {
                    let example =
                        name == "affine" ? "{affine: {slope: 2, intercept: -1}}" : "{\(name): {alpha: \"1/5\"}}"
                    throw SpecError(
                        "layer \(number) \(name) parameters are \(value.shapeDescription); expected a map such as \(example)",
                        at: value.location)
                }
                try checkKeys(entries, known: Activation.parameterKeys(of: name), in: "the \(name) parameters")
                for parameterEntry in entries {
                    parameters[parameterEntry.key] = try parameter(
                        parameterEntry.value, what: "layer \(number) \(name) \(parameterEntry.key)")
                }
            }
            switch name {
            case "affine":
                return .affine(
                    slope: parameters["slope"] ?? Polynomial(Activation.defaultAffineSlope),
                    intercept: parameters["intercept"] ?? Polynomial(Activation.defaultAffineIntercept))
            case "leaky_relu":
                return .leakyRelu(alpha: parameters["alpha"] ?? Polynomial(Activation.defaultLeakyReluAlpha))
            case "clip":
                if let lo = parameters["min"]?.constantValue, let hi = parameters["max"]?.constantValue, lo > hi {
                    throw SpecError(
                        "layer \(number) clip has min \(lo) above max \(hi); expected min <= max", at: value.location)
                }
                return .clip(lower: parameters["min"], upper: parameters["max"])
            case "hard_sigmoid":
                return .hardSigmoid(
                    alpha: parameters["alpha"] ?? Polynomial(Activation.defaultHardSigmoidAlpha),
                    beta: parameters["beta"] ?? Polynomial(Activation.defaultHardSigmoidBeta))
            default:
                return .elu(alpha: parameters["alpha"] ?? Polynomial(Activation.defaultEluAlpha))
            }
        default:
            guard let activation = Activation(name: name) else { throw unknownActivation(name, at: entry.keyLocation) }
            guard isEmpty else {
                throw SpecError(
                    "layer \(number) activation \(SpecError.quote(name)) takes no parameters; expected just its name (activation: \(name))",
                    at: value.location)
            }
            return activation
        }
    }
}
