import ExactNumbers

/// A constant tensor of an ONNX graph with exact entries: a shape and its entries in
/// row-major (C) order. The entries are the exact rationals of the stored binary values.
///
/// A float32 tensor keeps its 4-byte bit patterns (`float32Bits`) until an operation needs
/// rationals (`values` makes them on each read): a weight matrix then reaches its layer in the
/// compact form (`Float32Matrix`), never as 24-byte rationals.
struct ExactTensor: Hashable, Sendable {
    /// The dimensions (empty for a scalar).
    var shape: [Int]
    /// The entries as float32 bit patterns (finite), or nil when they are `rationals`.
    private(set) var float32Bits: [UInt32]?
    /// The entries as rationals, or empty when `float32Bits` holds them.
    private var rationals: [Rational]

    /// shape.product entries, row-major, as exact rationals (made from `float32Bits` on each
    /// read when the tensor is compact; setting them replaces the compact form).
    var values: [Rational] {
        get { float32Bits.map { $0.map(Float32Matrix.value(bits:)) } ?? rationals }
        set {
            float32Bits = nil
            rationals = newValue
        }
    }

    /// The number of entries a shape holds (1 for a scalar). Precondition: the shape passed
    /// `checkedCount` (a shape read from the file may overflow the product).
    static func count(_ shape: [Int]) -> Int { shape.reduce(1, *) }

    /// The most entries a tensor or the chain vector may hold: 2^31, the bound the tensor
    /// decoder applies to weights.
    static let maximumCount = 1 << 31

    /// The most entries a folded constant may hold beyond its larger operand (2^20): constant
    /// arithmetic never grows the constants past the file's tensors and this bound, so a
    /// broadcast of [65536, 1] by [1, 65536] is refused instead of asking for 2^32 entries.
    static let foldingCount = 1 << 20

    /// The number of entries a shape holds; nil when a dimension is negative or the product
    /// exceeds `maximumCount` (checked before each multiplication, so it never overflows).
    static func checkedCount(_ shape: [Int]) -> Int? {
        var count = 1
        for d in shape {
            guard d >= 0 else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow, product <= maximumCount else { return nil }
            count = product
        }
        return count
    }

    /// A scalar.
    init(scalar: Rational) {
        shape = []
        rationals = [scalar]
    }

    /// A tensor. Precondition: values.count == count(shape).
    init(shape: [Int], values: [Rational]) {
        self.shape = shape
        self.rationals = values
    }

    /// A float32 tensor kept as its bit patterns. Precondition: bits.count == count(shape),
    /// every pattern finite.
    init(shape: [Int], float32Bits bits: [UInt32]) {
        self.shape = shape
        self.float32Bits = bits
        self.rationals = []
    }

    /// The same entries with another shape (Reshape, Flatten, Squeeze: the order is kept).
    func reshaped(_ newShape: [Int]) -> ExactTensor {
        var t = self
        t.shape = newShape
        return t
    }

    /// The compact float32 matrix of a 2-D float32 tensor; nil otherwise.
    var float32Matrix: Float32Matrix? {
        guard let float32Bits, shape.count == 2 else { return nil }
        return Float32Matrix(rows: shape[0], columns: shape[1], bits: float32Bits)
    }

    /// The entries as integers (shapes and axes of Reshape, Unsqueeze, ...); nil when one
    /// is not an integer that fits a machine word.
    var integers: [Int]? {
        let values = self.values
        var out: [Int] = []
        out.reserveCapacity(values.count)
        for v in values {
            guard v.isInteger, let i = v.numerator.exactInt else { return nil }
            out.append(i)
        }
        return out
    }

    /// The numpy broadcast of two shapes (aligned at the right; a dimension 1 stretches), or
    /// nil when they do not broadcast.
    static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        var out = [Int](repeating: 1, count: rank)
        for k in 0..<rank {
            let x = k < rank - a.count ? 1 : a[k - (rank - a.count)]
            let y = k < rank - b.count ? 1 : b[k - (rank - b.count)]
            guard x == y || x == 1 || y == 1 else { return nil }
            out[k] = max(x, y)
        }
        return out
    }

    /// This tensor's entries broadcast to `shape` (which must be a broadcast of its shape).
    func broadcast(to target: [Int]) -> [Rational] {
        let values = self.values
        if shape == target { return values }
        let total = ExactTensor.count(target)
        if values.count == 1 { return [Rational](repeating: values[0], count: total) }
        let rank = target.count
        let padded = [Int](repeating: 1, count: rank - shape.count) + shape
        var strides = [Int](repeating: 0, count: rank)
        var step = 1
        for k in (0..<rank).reversed() {
            strides[k] = padded[k] == 1 ? 0 : step
            step *= padded[k]
        }
        var out: [Rational] = []
        out.reserveCapacity(total)
        var index = [Int](repeating: 0, count: rank)
        for _ in 0..<total {
            var source = 0
            for k in 0..<rank { source += index[k] * strides[k] }
            out.append(values[source])
            var k = rank - 1
            while k >= 0 {
                index[k] += 1
                if index[k] < target[k] { break }
                index[k] = 0
                k -= 1
            }
        }
        return out
    }

    /// The entrywise combination of two tensors under numpy broadcasting; nil when the shapes
    /// do not broadcast. `operation` returns nil to refuse (division by zero).
    static func combine(_ a: ExactTensor, _ b: ExactTensor, _ operation: (Rational, Rational) -> Rational?)
        -> ExactTensor??
    {
        guard let shape = broadcastShape(a.shape, b.shape) else { return .some(nil) }
        let x = a.broadcast(to: shape), y = b.broadcast(to: shape)
        var out: [Rational] = []
        out.reserveCapacity(x.count)
        for i in 0..<x.count {
            guard let v = operation(x[i], y[i]) else { return nil }
            out.append(v)
        }
        return .some(ExactTensor(shape: shape, values: out))
    }

    /// The 2-D transpose. Precondition: shape.count == 2.
    func transposed2D() -> ExactTensor {
        let r = shape[0], c = shape[1]
        if let float32Bits {
            var out = [UInt32]()
            out.reserveCapacity(float32Bits.count)
            for j in 0..<c {
                for i in 0..<r { out.append(float32Bits[i * c + j]) }
            }
            return ExactTensor(shape: [c, r], float32Bits: out)
        }
        let values = self.values
        var out: [Rational] = []
        out.reserveCapacity(values.count)
        for j in 0..<c {
            for i in 0..<r { out.append(values[i * c + j]) }
        }
        return ExactTensor(shape: [c, r], values: out)
    }
}
