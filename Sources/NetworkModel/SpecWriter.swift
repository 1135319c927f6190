internal import Algebra
internal import ExactNumbers

/// Writes a `Network` as a spec (contract §1) that `SpecReader` reads back to an equal
/// network: integers bare, fractions quoted (`"2/3"`), symbols and expressions as strings,
/// every activation with all its parameters.
public enum SpecWriter {
    /// The network as YAML: block style for the structure, one flow list per weight row.
    public static func yaml(_ network: Network) -> String {
        var out = ""
        out.reserveCapacity(estimatedSize(network))
        if let name = network.name { out += "network: \(yamlString(name))\n" }
        out += "input: [" + network.inputNames.map(yamlString).joined(separator: ", ") + "]\n"
        if let domain = network.domain { out += domainBlock(domain, yaml: true) }
        if network.layers.isEmpty {
            out += "layers: []\n"
            return out
        }
        out += "layers:\n"
        for layer in network.layers {
            var prefix = "  - "
            if let dense = layer.dense {
                out += prefix + "dense:\n"
                prefix = "    "
                let (rows, bias) = entries(dense)
                out += "      weights:\n"
                for row in rows {
                    out += "        - [" + row.map { yamlScalar($0) }.joined(separator: ", ") + "]\n"
                }
                out += "      bias: [" + bias.map { yamlScalar($0) }.joined(separator: ", ") + "]\n"
            }
            out += prefix + "activation: " + activation(layer.activation, yaml: true) + "\n"
        }
        return out
    }

    /// The network as JSON: one line per weight row.
    public static func json(_ network: Network) -> String {
        var out = ""
        out.reserveCapacity(estimatedSize(network))
        out += "{\n"
        if let name = network.name { out += "  \"network\": \(jsonString(name)),\n" }
        out += "  \"input\": [" + network.inputNames.map(jsonString).joined(separator: ", ") + "],\n"
        out += "  \"layers\": ["
        for (index, layer) in network.layers.enumerated() {
            out += index == 0 ? "\n    {\n" : ",\n    {\n"
            if let dense = layer.dense {
                let (rows, bias) = entries(dense)
                out += "      \"dense\": {\n        \"weights\": [\n"
                for (i, row) in rows.enumerated() {
                    out += "          [" + row.map { jsonScalar($0) }.joined(separator: ", ") + "]"
                    out += i + 1 < rows.count ? ",\n" : "\n"
                }
                out += "        ],\n        \"bias\": [" + bias.map { jsonScalar($0) }.joined(separator: ", ") + "]\n      },\n"
            }
            out += "      \"activation\": " + activation(layer.activation, yaml: false) + "\n    }"
        }
        out += network.layers.isEmpty ? "]" : "\n  ]"
        if let domain = network.domain { out += ",\n" + domainBlock(domain, yaml: false) }
        out += "\n}\n"
        return out
    }

    // MARK: Entries

    /// A weight entry: a number or a polynomial with symbols.
    private enum Entry {
        case number(Rational)
        case expression(Polynomial)
    }

    private static func entries(_ dense: LayerWeights) -> (rows: [[Entry]], bias: [Entry]) {
        switch dense {
        case .numeric(let map):
            let rows = (0..<map.weights.rows).map { map.weights.rowArray($0).map(Entry.number) }
            return (rows, map.bias.map(Entry.number))
        case .symbolic(let map):
            let rows = (0..<map.weights.rows).map { map.weights.rowArray($0).map(entry) }
            return (rows, map.bias.map(entry))
        }
    }

    private static func entry(_ p: Polynomial) -> Entry {
        p.constantValue.map(Entry.number) ?? .expression(p)
    }

    private static func yamlScalar(_ entry: Entry) -> String {
        switch entry {
        case .number(let r): return r.isInteger ? r.description : "\"" + r.description + "\""
        case .expression(let p): return yamlString(p.description)
        }
    }

    private static func jsonScalar(_ entry: Entry) -> String {
        switch entry {
        case .number(let r): return r.isInteger ? r.description : "\"" + r.description + "\""
        case .expression(let p): return jsonString(p.description)
        }
    }

    private static func activation(_ activation: Activation, yaml: Bool) -> String {
        let scalar: (Polynomial) -> String = yaml ? { yamlScalar(entry($0)) } : { jsonScalar(entry($0)) }
        let key: (String) -> String = yaml ? { $0 } : { "\"" + $0 + "\"" }
        switch activation {
        case .affine(let slope, let intercept):
            return "{\(key("affine")): {\(key("slope")): \(scalar(slope)), \(key("intercept")): \(scalar(intercept))}}"
        case .polynomial(let coefficients):
            return "{\(key("polynomial")): [" + coefficients.map(scalar).joined(separator: ", ") + "]}"
        case .leakyRelu(let alpha), .elu(let alpha):
            return "{\(key(activation.name)): {\(key("alpha")): \(scalar(alpha))}}"
        default:
            return yaml ? activation.name : "\"" + activation.name + "\""
        }
    }

    // MARK: Strings

    /// YAML 1.1 and 1.2 words that a plain scalar would turn into null or a boolean.
    private static let reservedWords: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"]

    /// A plain scalar for identifiers that no YAML schema reads as anything but a string;
    /// a double-quoted scalar (JSON escapes are valid YAML escapes) otherwise.
    static func yamlString(_ text: String) -> String {
        if SpecWalker.isIdentifier(text), !reservedWords.contains(text.lowercased()) { return text }
        return jsonString(text)
    }

    /// A JSON string literal.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value < 0xA0) || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func estimatedSize(_ network: Network) -> Int {
        network.layers.reduce(256) { size, layer in
            guard let dense = layer.dense else { return size + 32 }
            return size + 8 * (dense.inputDimension + 1) * dense.outputDimension + 64
        }
    }
}
