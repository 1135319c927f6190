internal import Algebra
internal import ExactNumbers

/// Walks a positioned document tree against the spec schema (contract §1) and builds a
/// `Network`, throwing one `SpecError` at the offending node for the first fault found.
struct SpecWalker {
    /// The file name used in locations.
    let file: String
    /// The source, used only on errors to place a fault inside a scalar's text.
    let source: SpecSource?

    static let topKeys = ["network", "input", "layers", "domain"]
    static let layerKeys = ["dense", "activation"]
    static let denseKeys = ["weights", "bias"]
    /// Largest input dimension accepted from `input: n`.
    static let maximumInputDimension = 1 << 24
    /// Widest activation-only layer accepted: such a layer is the map f(I x), and its n×n
    /// identity (in the collapsed W' and the derivation) is what an analysis builds, so a
    /// bare `input: 16777216` with `activation: identity` would exhaust memory and abort.
    static let maximumActivationOnlyWidth = 2048

    func network(_ root: SpecNode) throws(SpecError) -> Network {
        guard let entries = root.entries else {
            throw SpecError(
                "the document is \(root.shapeDescription); expected a mapping with 'input' and 'layers'",
                at: root.location)
        }
        try checkKeys(entries, known: SpecWalker.topKeys, in: "the network")
        var name: String? = nil
        if let entry = entries.first(where: { $0.key == "network" }) {
            guard let scalar = entry.value.scalar else {
                throw SpecError(
                    "network name is \(entry.value.shapeDescription); expected a name such as network: my-net",
                    at: entry.value.location)
            }
            name = scalar.isNull ? nil : scalar.text
        }
        guard let inputEntry = entries.first(where: { $0.key == "input" }) else {
            throw SpecError(
                "missing 'input'; expected input names (input: [x1, x2]) or a dimension (input: 2)", at: root.location)
        }
        let inputs = try inputNames(inputEntry.value)
        guard let layersEntry = entries.first(where: { $0.key == "layers" }) else {
            throw SpecError(
                "missing 'layers'; expected a list of layers (layers: [{dense: {weights: [[1, 0]]}}])",
                at: root.location)
        }
        guard let layerNodes = layersEntry.value.elements else {
            throw SpecError(
                "'layers' is \(layersEntry.value.shapeDescription); expected a list of layers",
                at: layersEntry.value.location)
        }
        guard !layerNodes.isEmpty else {
            throw SpecError("empty layer list; expected at least one layer", at: layersEntry.value.location)
        }
        var layers: [Layer] = []
        layers.reserveCapacity(layerNodes.count)
        var size = inputs.count
        for (index, node) in layerNodes.enumerated() {
            let layer = try self.layer(node, number: index + 1, inputSize: size)
            if layer.dense == nil, size > SpecWalker.maximumActivationOnlyWidth {
                throw SpecError(
                    "layer \(index + 1) applies its activation alone to \(size) units; expected at most \(SpecWalker.maximumActivationOnlyWidth) units in an activation-only layer (its map is a \(size)×\(size) matrix)",
                    at: node.location)
            }
            size = layer.outputDimension(forInput: size)
            layers.append(layer)
        }
        var network = Network(name: name, inputNames: inputs.map(\.name), layers: layers)
        if let entry = entries.first(where: { $0.key == "domain" }) {
            network.domain = try domain(entry.value, keyLocation: entry.keyLocation, inputNames: network.inputNames)
        }
        try checkInputNamesAreNotSymbols(
            inputs, network, dimensionOnly: inputEntry.value.scalar != nil, layers: layersEntry.value)
        return network
    }

    // MARK: Keys

    /// Throws at the first key not in `known`, suggesting the nearest known key.
    func checkKeys(_ entries: [SpecEntry], known: [String], in context: String) throws(SpecError) {
        for entry in entries where !known.contains(entry.key) {
            if let suggestion = Suggestions.nearest(to: entry.key, in: known) {
                throw SpecError(
                    "unknown key \(SpecError.quote(entry.key)); did you mean '\(suggestion)'?", at: entry.keyLocation)
            }
            throw SpecError(
                "unknown key \(SpecError.quote(entry.key)) in \(context); expected \(Suggestions.list(known))",
                at: entry.keyLocation)
        }
    }

    // MARK: Inputs

    /// Input names with their locations.
    func inputNames(_ node: SpecNode) throws(SpecError) -> [(name: String, location: SourceLocation)] {
        let expected = "expected a list of input names (input: [x1, x2]) or a positive dimension (input: 2)"
        switch node.kind {
        case .mapping:
            throw SpecError("'input' is a mapping; \(expected)", at: node.location)
        case .scalar(let scalar):
            if scalar.isNull {
                throw SpecError("'input' is null; \(expected)", at: node.location)
            }
            guard let value = try? Rational.parse(scalar.text) else {
                throw SpecError("'input' is \(node.shapeDescription); \(expected)", at: node.location)
            }
            guard value.isInteger else {
                throw SpecError(
                    "input dimension \(scalar.text) is not an integer; expected a positive integer dimension (input: 2) or a list of names",
                    at: node.location)
            }
            guard value.signum > 0 else {
                throw SpecError(
                    "input dimension \(scalar.text) is not positive; expected a positive integer dimension (input: 2) or a list of names",
                    at: node.location)
            }
            guard let n = value.numerator.exactInt, n <= SpecWalker.maximumInputDimension else {
                throw SpecError(
                    "input dimension \(SpecError.quote(scalar.text)) is too large; expected at most \(SpecWalker.maximumInputDimension)",
                    at: node.location)
            }
            guard YAMLTags.isCoreInteger(scalar.text) else {
                // `input: 2.0` or `2e0` equals an integer but is written as a decimal: a
                // dimension is a count, written as one.
                throw SpecError(
                    "input dimension \(scalar.text) is written as a decimal, not an integer; expected a positive integer dimension (input: 2) or a list of names",
                    at: node.location)
            }
            return (1...n).map { ("x\($0)", node.location) }
        case .sequence, .numbers:
            let elements = node.elements ?? []
            guard !elements.isEmpty else {
                throw SpecError("empty input list; expected at least one input name", at: node.location)
            }
            var seen: [String: Int] = [:]
            var names: [(name: String, location: SourceLocation)] = []
            for (index, element) in elements.enumerated() {
                guard let scalar = element.scalar, !scalar.isNull, !scalar.isBoolean else {
                    throw SpecError(
                        "input name \(index + 1) is \(element.shapeDescription); expected an identifier such as x1",
                        at: element.location)
                }
                guard SpecWalker.isIdentifier(scalar.text) else {
                    throw SpecError(
                        "input name \(SpecError.quote(scalar.text)) is not an identifier; expected a letter or '_' followed by letters, digits or '_'",
                        at: element.location)
                }
                if let first = seen[scalar.text] {
                    throw SpecError(
                        "duplicate input name \(SpecError.quote(scalar.text)) (also input \(first)); expected distinct input names",
                        at: element.location)
                }
                seen[scalar.text] = index + 1
                names.append((scalar.text, element.location))
            }
            return names
        }
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x5F }
        guard isLetter(first) else { return false }
        return text.utf8.allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// Input names must not also be weight or parameter symbols: a symbolic composition
    /// would confuse the two.
    ///
    /// When `input` gives only a dimension, the names x1, x2, ... are the reader's, not the
    /// user's: the clash is then reported at the symbol's first use in `layers`, as a symbol
    /// that has an input's name.
    private func checkInputNamesAreNotSymbols(
        _ inputs: [(name: String, location: SourceLocation)], _ network: Network,
        dimensionOnly: Bool, layers: SpecNode
    ) throws(SpecError) {
        let symbols = Set(network.symbols.map(\.name))
        guard !symbols.isEmpty else { return }
        for (index, input) in inputs.enumerated() where symbols.contains(input.name) {
            guard dimensionOnly else {
                throw SpecError(
                    "input name \(SpecError.quote(input.name)) is also a symbol in the weights or parameters; expected input names distinct from symbols",
                    at: input.location)
            }
            let count = inputs.count
            throw SpecError(
                "the symbol \(SpecError.quote(input.name)) has the name of input \(index + 1): 'input: \(count)' names \(count == 1 ? "its input x1" : count == 2 ? "the inputs x1, x2" : "the inputs x1, ..., x\(count)"); expected another symbol name, or input names of your own (input: [u1\(count > 1 ? ", ..." : "")])",
                at: firstUse(of: input.name, in: layers) ?? input.location)
        }
    }

    /// Where the identifier `name` is first written in a scalar under `node` (document order).
    private func firstUse(of name: String, in node: SpecNode) -> SourceLocation? {
        var pending = [node]
        while let next = pending.popLast() {
            switch next.kind {
            case .mapping(let entries): pending.append(contentsOf: entries.reversed().map(\.value))
            case .sequence(let elements): pending.append(contentsOf: elements.reversed())
            case .numbers: break
            case .scalar(let scalar):
                if let offset = SpecWalker.offset(ofIdentifier: name, in: scalar.text) {
                    return location(ofOffset: offset, in: scalar, at: next.location)
                }
            }
        }
        return nil
    }

    /// The character offset of `name` as a whole identifier in `text`, nil when absent.
    static func offset(ofIdentifier name: String, in text: String) -> Int? {
        let characters = Array(text), target = Array(name)
        func isPart(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        guard characters.count >= target.count else { return nil }
        for start in 0...(characters.count - target.count)
        where Array(characters[start..<start + target.count]) == target {
            let before = start == 0 ? nil : characters[start - 1]
            let after = start + target.count < characters.count ? characters[start + target.count] : nil
            if !(before.map(isPart) ?? false) && !(after.map(isPart) ?? false) { return start }
        }
        return nil
    }

    // MARK: Layers

    func layer(_ node: SpecNode, number: Int, inputSize: Int) throws(SpecError) -> Layer {
        guard let entries = node.entries else {
            throw SpecError(
                "layer \(number) is \(node.shapeDescription); expected a mapping with 'dense' and/or 'activation'",
                at: node.location)
        }
        try checkKeys(entries, known: SpecWalker.layerKeys, in: "layer \(number)")
        let denseEntry = entries.first(where: { $0.key == "dense" })
        let activationEntry = entries.first(where: { $0.key == "activation" })
        guard denseEntry != nil || activationEntry != nil else {
            throw SpecError(
                "layer \(number) has neither 'dense' nor 'activation'; expected at least one of them", at: node.location
            )
        }
        var dense: LayerWeights? = nil
        if let denseEntry {
            dense = try self.dense(denseEntry, layer: number, inputSize: inputSize)
        }
        var activation = Activation.identity
        if let activationEntry {
            activation = try self.activation(activationEntry.value, layer: number)
        }
        return Layer(dense: dense, activation: activation, location: node.location)
    }

    /// "layer 1 gives 3 outputs" / "the network has 3 inputs" for size messages.
    private func sourceOfInputs(layer: Int, size: Int) -> String {
        layer == 1
            ? "the network has \(size) input\(size == 1 ? "" : "s")"
            : "layer \(layer - 1) gives \(size) output\(size == 1 ? "" : "s")"
    }

    func dense(_ entry: SpecEntry, layer number: Int, inputSize: Int) throws(SpecError) -> LayerWeights {
        let node = entry.value
        guard let entries = node.entries else {
            throw SpecError(
                "layer \(number) 'dense' is \(node.shapeDescription); expected a mapping with 'weights' and optional 'bias'",
                at: node.location)
        }
        try checkKeys(entries, known: SpecWalker.denseKeys, in: "a dense block")
        guard let weightsEntry = entries.first(where: { $0.key == "weights" }) else {
            throw SpecError(
                "layer \(number) dense block has no 'weights'; expected weights: [[...], ...] (out x in)",
                at: entry.keyLocation)
        }
        let weightsNode = weightsEntry.value
        guard let rowNodes = weightsNode.elements else {
            throw SpecError(
                "layer \(number) weights are \(weightsNode.shapeDescription); expected a list of rows, [[...], ...] (out x in)",
                at: weightsNode.location)
        }
        guard !rowNodes.isEmpty else {
            throw SpecError(
                "layer \(number) weights have no rows; expected at least one row, [[...], ...] (out x in)",
                at: weightsNode.location)
        }
        var rows: [SpecRow] = []
        rows.reserveCapacity(rowNodes.count)
        for (i, rowNode) in rowNodes.enumerated() {
            let row: SpecRow
            switch rowNode.kind {
            case .numbers(let list): row = .numbers(list.values)
            case .sequence(let elements): row = .nodes(elements)
            default:
                throw SpecError(
                    "layer \(number) weights row \(i + 1) is \(rowNode.shapeDescription); expected a list of numbers (weights are out x in, [[...], ...])",
                    at: rowNode.location)
            }
            if i > 0, row.count != rows[0].count {
                throw SpecError(
                    "ragged weights: layer \(number) row \(i + 1) has \(row.count) entries but row 1 has \(rows[0].count); expected every row of the same length",
                    at: rowNode.location)
            }
            rows.append(row)
        }
        let columns = rows[0].count
        guard columns == inputSize else {
            throw SpecError(
                "layer \(number) expects \(columns) input\(columns == 1 ? "" : "s") but \(sourceOfInputs(layer: number, size: inputSize)); expected rows of \(inputSize) entries",
                at: weightsNode.location)
        }
        var bias: SpecRow? = nil
        if let biasEntry = entries.first(where: { $0.key == "bias" }), !(biasEntry.value.scalar?.isNull ?? false) {
            let row: SpecRow
            switch biasEntry.value.kind {
            case .numbers(let list): row = .numbers(list.values)
            case .sequence(let elements): row = .nodes(elements)
            default:
                throw SpecError(
                    "layer \(number) bias is \(biasEntry.value.shapeDescription); expected a list with one entry per row of the weights",
                    at: biasEntry.value.location)
            }
            guard row.count == rows.count else {
                throw SpecError(
                    "layer \(number) bias has \(row.count) entr\(row.count == 1 ? "y" : "ies") but the weights have \(rows.count) row\(rows.count == 1 ? "" : "s"); expected one bias entry per row",
                    at: biasEntry.value.location)
            }
            bias = row
        }
        // The nodes of a `numbers` row are rebuilt only if the slow path needs them.
        let rowLists = rowNodes.map { node -> SpecNumberList? in
            if case .numbers(let list) = node.kind { return list }
            return nil
        }
        var biasList: SpecNumberList? = nil
        if let biasEntry = entries.first(where: { $0.key == "bias" }), case .numbers(let list) = biasEntry.value.kind {
            biasList = list
        }
        return try entriesOf(
            rows: rows, bias: bias, layer: number, shared: SpecWalker.sharedEntries(rowLists, columns: columns),
            nodesOfRow: { i in rowLists[i]?.nodes ?? rowNodes[i].elements ?? [] },
            biasNodes: { biasList?.nodes ?? [] })
    }

    /// The weights' entries, row-major, as the array the JSON reader filled when every row
    /// is a `numbers` list of one block holding exactly these rows in order (the matrix then
    /// shares it: no copy of a layer's weights while the document tree is alive); nil otherwise.
    static func sharedEntries(_ rows: [SpecNumberList?], columns: Int) -> [Rational]? {
        guard let block = rows.first??.block, block.values.count == rows.count * columns else { return nil }
        for (i, row) in rows.enumerated() {
            guard let row, row.block === block, row.range == (i * columns)..<((i + 1) * columns) else { return nil }
        }
        return block.values
    }

    /// Converts the entries: numeric when all are numbers (never building polynomials),
    /// symbolic as soon as one is not. `nodesOfRow` gives the element nodes of a row kept as
    /// numbers, for the slow path.
    private func entriesOf(
        rows: [SpecRow], bias: SpecRow?, layer number: Int, shared: [Rational]?,
        nodesOfRow: (Int) -> [SpecNode], biasNodes: () -> [SpecNode]
    ) throws(SpecError) -> LayerWeights {
        let columns = rows[0].count
        var numbers: [Rational] = shared ?? []
        if shared == nil { numbers.reserveCapacity(rows.count * columns) }
        numeric: do {
            for row in rows where shared == nil {
                switch row {
                case .numbers(let values): numbers.append(contentsOf: values)
                case .nodes(let nodes):
                    for entry in nodes {
                        guard let value = fastRational(entry) else { break numeric }
                        numbers.append(value)
                    }
                }
            }
            var biasValues: [Rational] = []
            switch bias {
            case .numbers(let values)?: biasValues = Array(values)
            case .nodes(let nodes)?:
                biasValues.reserveCapacity(nodes.count)
                for entry in nodes {
                    guard let value = fastRational(entry) else { break numeric }
                    biasValues.append(value)
                }
            case nil:
                biasValues = Array(repeating: Rational.zero, count: rows.count)
            }
            let weights = Matrix(rows: rows.count, columns: columns, entries: numbers)
            return .numeric(AffineMap(weights: weights, bias: biasValues))
        }
        // Slow path: some entry is an expression, or malformed (the error comes from here).
        let rowNodes: [[SpecNode]] = rows.indices.map { i in
            if case .nodes(let nodes) = rows[i] { return nodes }
            return nodesOfRow(i)
        }
        var entries: [Polynomial] = numbers.map { Polynomial($0) }
        entries.reserveCapacity(rows.count * columns)
        var allNumbers = true
        for index in numbers.count..<(rows.count * columns) {
            let (i, j) = index.quotientAndRemainder(dividingBy: columns)
            let value = try scalarValue(rowNodes[i][j], what: "layer \(number) weight (row \(i + 1), column \(j + 1))")
            if case .expression = value { allNumbers = false }
            entries.append(value.polynomial)
        }
        var biasValues: [Polynomial] = []
        switch bias {
        case .numbers(let values)?:
            biasValues = values.map { Polynomial($0) }
        case .nodes(let nodes)?:
            for (i, entry) in nodes.enumerated() {
                let value = try scalarValue(entry, what: "layer \(number) bias entry \(i + 1)")
                if case .expression = value { allNumbers = false }
                biasValues.append(value.polynomial)
            }
        case nil:
            biasValues = Array(repeating: Polynomial(Rational.zero), count: rows.count)
        }
        if allNumbers {
            // Numbers in unusual notation (0x1F, "1/3 + 1/6"): still a numeric layer.
            let weights = Matrix(rows: rows.count, columns: columns, entries: entries.map { $0.constantValue! })
            return .numeric(AffineMap(weights: weights, bias: biasValues.map { $0.constantValue! }))
        }
        let weights = Matrix(rows: rows.count, columns: columns, entries: entries)
        return .symbolic(AffineMap(weights: weights, bias: biasValues))
    }
}

/// A row of weights (or the bias) as read: parsed numbers, or element nodes.
enum SpecRow {
    case numbers(ArraySlice<Rational>)
    case nodes([SpecNode])

    var count: Int {
        switch self {
        case .numbers(let values): return values.count
        case .nodes(let nodes): return nodes.count
        }
    }
}
