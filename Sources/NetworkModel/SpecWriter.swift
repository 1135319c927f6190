internal import Algebra
public import ExactNumbers

/// Writes a `Network` as a spec (contract §1) that `SpecReader` reads back to an equal
/// network: integers bare, fractions quoted (`"2/3"`), symbols and expressions as strings,
/// every activation with all its parameters.
public enum SpecWriter {
    /// The network as YAML: block style for the structure, one flow list per weight row.
    /// With `decimals`, every number whose denominator divides a power of ten (every binary
    /// float's value) is written as its exact decimal expansion (`0.100000001490116119384765625`),
    /// which the reader takes exactly; other fractions stay `"p/q"`.
    public static func yaml(_ network: Network, decimals: Bool = false) -> String {
        let yamlScalar: (Entry) -> String = { SpecWriter.yamlScalar($0, decimals: decimals) }
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
            out += prefix + "activation: " + activation(layer.activation, yaml: true, decimals: decimals) + "\n"
        }
        return out
    }

    /// The network as JSON: one line per weight row; `decimals` as for `yaml`.
    public static func json(_ network: Network, decimals: Bool = false) -> String {
        let jsonScalar: (Entry) -> String = { SpecWriter.jsonScalar($0, decimals: decimals) }
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
                out +=
                    "        ],\n        \"bias\": [" + bias.map { jsonScalar($0) }.joined(separator: ", ")
                    + "]\n      },\n"
            }
            out += "      \"activation\": " + activation(layer.activation, yaml: false, decimals: decimals) + "\n    }"
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
        case .float32(let map):
            let rows = (0..<map.weights.rows).map { map.weights.rationalRow($0).map(Entry.number) }
            return (rows, map.bias.map(Entry.number))
        case .symbolic(let map):
            let rows = (0..<map.weights.rows).map { map.weights.rowArray($0).map(entry) }
            return (rows, map.bias.map(entry))
        }
    }

    private static func entry(_ p: Polynomial) -> Entry {
        p.constantValue.map(Entry.number) ?? .expression(p)
    }

    private static func yamlScalar(_ entry: Entry, decimals: Bool = false) -> String {
        switch entry {
        case .number(let r):
            if decimals, !r.isInteger, let text = exactDecimalText(r) { return text }
            return r.isInteger ? r.description : "\"" + r.description + "\""
        case .expression(let p): return yamlString(p.description)
        }
    }

    private static func jsonScalar(_ entry: Entry, decimals: Bool = false) -> String {
        switch entry {
        case .number(let r):
            if decimals, !r.isInteger, let text = exactDecimalText(r) { return text }
            return r.isInteger ? r.description : "\"" + r.description + "\""
        case .expression(let p): return jsonString(p.description)
        }
    }

    private static func activation(_ activation: Activation, yaml: Bool, decimals: Bool = false) -> String {
        let scalar: (Polynomial) -> String =
            yaml ? { yamlScalar(entry($0), decimals: decimals) } : { jsonScalar(entry($0), decimals: decimals) }
        let key: (String) -> String = yaml ? { $0 } : { "\"" + $0 + "\"" }
        switch activation {
        case .affine(let slope, let intercept):
            return "{\(key("affine")): {\(key("slope")): \(scalar(slope)), \(key("intercept")): \(scalar(intercept))}}"
        case .polynomial(let coefficients):
            return "{\(key("polynomial")): [" + coefficients.map(scalar).joined(separator: ", ") + "]}"
        case .leakyRelu(let alpha), .elu(let alpha):
            return "{\(key(activation.name)): {\(key("alpha")): \(scalar(alpha))}}"
        case .clip(let lower, let upper):
            let bounds = [("min", lower), ("max", upper)].compactMap { k, v in v.map { "\(key(k)): \(scalar($0))" } }
            return "{\(key("clip")): {" + bounds.joined(separator: ", ") + "}}"
        case .hardSigmoid(let alpha, let beta):
            return "{\(key("hard_sigmoid")): {\(key("alpha")): \(scalar(alpha)), \(key("beta")): \(scalar(beta))}}"
        default:
            return yaml ? activation.name : "\"" + activation.name + "\""
        }
    }

    /// The exact decimal expansion of r when its denominator is 2^a·5^b (finite), e.g.
    /// `-0.375`; nil otherwise. n/(2^a 5^b) = n·2^(k−a)·5^(k−b) / 10^k with k = max(a, b).
    public static func exactDecimalText(_ r: Rational) -> String? {
        var d = r.denominator
        var twos = 0, fives = 0
        if let small = d.exactInt {
            var q = small
            twos = q.trailingZeroBitCount
            q >>= twos
            while q % 5 == 0 { q /= 5; fives += 1 }
            guard q == 1 else { return nil }
        } else {
            let two = BigInt(2), five = BigInt(5)
            let width = d.bitWidth
            if BigInt(1).shiftedLeft(width - 1) == d {
                twos = width - 1
            } else {
                while true {
                    let (q, rem) = d.quotientAndRemainder(dividingBy: two)
                    guard rem.isZero else { break }
                    d = q; twos += 1
                }
                while true {
                    let (q, rem) = d.quotientAndRemainder(dividingBy: five)
                    guard rem.isZero else { break }
                    d = q; fives += 1
                }
                guard d.isOne else { return nil }
            }
        }
        let k = max(twos, fives)
        var scaled = r.numerator
        if k > twos { scaled = scaled * BigInt(2).power(k - twos) }
        if k > fives { scaled = scaled * BigInt(5).power(k - fives) }
        var digits = scaled.magnitude.description
        if digits.count <= k { digits = String(repeating: "0", count: k - digits.count + 1) + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -k))
        return (scaled.signum < 0 ? "-" : "") + digits
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

    /// A JSON string literal, quotes included: `"`, `\`, the control characters, U+2028,
    /// U+2029 and U+FEFF escaped (`\n`, `\u0001`), so it is one line and reads back as `text`.
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value < 0xA0)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
                {
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
