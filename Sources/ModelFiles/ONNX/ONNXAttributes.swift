import ExactNumbers

/// Reading a node's attributes by name, with the exact value of float attributes (an ONNX
/// float attribute is a float32; its value is the rational its bits are).
struct ONNXAttributes {
    private let byName: [String: Onnx_AttributeProto]

    /// The attributes of `node`.
    init(_ node: Onnx_NodeProto) {
        var map: [String: Onnx_AttributeProto] = [:]
        for a in node.attribute { map[a.name] = a }
        byName = map
    }

    /// Whether the attribute is present.
    func has(_ name: String) -> Bool { byName[name] != nil }

    /// An integer attribute, or `default`.
    func int(_ name: String, default value: Int) -> Int {
        guard let a = byName[name], a.hasI else { return value }
        return Int(a.i)
    }

    /// A list of integers, or nil when absent.
    func ints(_ name: String) -> [Int]? {
        guard let a = byName[name] else { return nil }
        return a.ints.map { Int($0) }
    }

    /// The exact value of a float attribute, or the exact value of the float32 `default`
    /// (ONNX defaults such as LeakyRelu's 0.01 are float32 values too); nil for an
    /// infinite or NaN value.
    func float(_ name: String, default value: Float) -> Rational? {
        let f = byName[name].flatMap { $0.hasF ? $0.f : nil } ?? value
        return BinaryFloat.single(bits: f.bitPattern)
    }

    /// A tensor attribute (Constant's `value`).
    func tensor(_ name: String) -> Onnx_TensorProto? {
        guard let a = byName[name], a.hasT else { return nil }
        return a.t
    }

    /// A float attribute's raw value, if present.
    func rawFloat(_ name: String) -> Float? {
        guard let a = byName[name], a.hasF else { return nil }
        return a.f
    }

    /// A list-of-floats attribute, if present.
    func floats(_ name: String) -> [Float]? { byName[name].map { $0.floats } }
}
