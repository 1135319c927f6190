import ExactNumbers

/// A coefficient inside a product kernel: a machine integer while it fits, else a rational
/// (internal). Symbolic chains have small integer coefficients (mostly 1), so the kernel does
/// word arithmetic and touches GMP only on overflow or for non-integers.
enum KernelCoefficient {
    case small(Int)
    case big(Rational)

    /// `r`, as a machine integer when it is one (stored inline).
    @inline(__always) init(_ r: Rational) {
        if let v = r.inlineInteger {
            self = .small(v)
        } else {
            self = .big(r)
        }
    }

    /// The exact value (small values are inline rationals: no allocation).
    var rational: Rational {
        switch self {
        case .small(let v): return Rational(v)
        case .big(let r): return r
        }
    }

    var isZero: Bool {
        switch self {
        case .small(let v): return v == 0
        case .big(let r): return r.isZero
        }
    }

    var isOne: Bool {
        if case .small(1) = self { return true }
        return false
    }

    /// a·b.
    @inline(__always) static func product(_ a: KernelCoefficient, _ b: KernelCoefficient) -> KernelCoefficient {
        if case .small(let x) = a, case .small(let y) = b {
            let (p, overflow) = x.multipliedReportingOverflow(by: y)
            if !overflow { return .small(p) }
        }
        return .big(a.rational * b.rational)
    }

    /// self += x.
    @inline(__always) mutating func add(_ x: KernelCoefficient) {
        if case .small(let a) = self, case .small(let b) = x {
            let (s, overflow) = a.addingReportingOverflow(b)
            if !overflow { self = .small(s); return }
        }
        var r = rational
        self = .small(0)  // release, so the rational below is uniquely referenced when it can be
        r += x.rational
        self = .big(r)
    }
}

/// A polynomial's packed keys and kernel coefficients in buffers the kernel owns (internal:
/// the operands of product kernels, converted once and shared by every product using them).
/// A constant is one all-zero key of stride 1; zero has no term.
final class KernelOperand {
    let stride: Int
    let count: Int
    let keys: UnsafeMutablePointer<UInt64>
    let coefficients: UnsafeMutablePointer<KernelCoefficient>

    init(_ p: Polynomial) {
        switch p.representation {
        case .constant(let c):
            stride = 1
            count = c.isZero ? 0 : 1
            keys = .allocate(capacity: 1)
            keys.initialize(to: 0)
            coefficients = .allocate(capacity: 1)
            if count == 1 { coefficients.initialize(to: KernelCoefficient(c)) }
        case .general(let t):
            stride = t.stride
            count = t.count
            keys = .allocate(capacity: t.words.count)
            _ = UnsafeMutableBufferPointer(start: keys, count: t.words.count).initialize(from: t.words)
            coefficients = .allocate(capacity: count)
            for i in 0..<count { (coefficients + i).initialize(to: KernelCoefficient(t.coefficients[i])) }
        }
    }

    deinit {
        coefficients.deinitialize(count: count)
        coefficients.deallocate()
        keys.deallocate()
    }
}

/// Σ products of polynomials by a heap merge (internal): the kernel of polynomial, matrix and
/// matrix–vector products. Each product x·y becomes |smaller| STREAMS, one per term t of the
/// smaller operand, yielding t·(terms of the larger) in decreasing key order (a monomial order
/// is compatible with multiplication); a max-heap over the streams' current keys emits all
/// term products in decreasing order, so equal monomials arrive together and combine at once,
/// and the result is written sorted, with no hash table and no per-term allocation (Johnson's
/// heap multiplication, as in FLINT's mpoly). Work: O(N log S) key comparisons for N term
/// products and S streams. Every `ComputationInterrupt.checkInterval` term products the
/// installed `ComputationInterrupt` is asked whether to stop.
enum ProductKernel {
    /// The zero key of stride 1: the multiplier of a stream that adds an operand as it is.
    nonisolated(unsafe) static let unitKey: UnsafeMutablePointer<UInt64> = {
        let p = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()

    /// Σᵢ xᵢ·yᵢ (+ extra). Returns zero at once when the installed interrupt has been raised.
    static func sumOfProducts(_ pairs: [(KernelOperand, KernelOperand)], plus extra: KernelOperand? = nil) -> Polynomial
    {
        let interrupt = ComputationInterrupt.current
        if interrupt?.wasRaised == true { return .zero }
        // Streams: (multiplier key, stride, coefficient) × (source operand).
        var streamCount = 0, outStride = 1, bound = 0
        for (x, y) in pairs where x.count > 0 && y.count > 0 {
            let (s, l) = x.count <= y.count ? (x, y) : (y, x)
            streamCount += s.count
            outStride = Swift.max(outStride, s.stride + l.stride - 1)
            bound = PolynomialBudget.saturatingSum(bound, PolynomialBudget.saturatingProduct(s.count, l.count))
        }
        if let extra, extra.count > 0 {
            streamCount += 1
            outStride = Swift.max(outStride, extra.stride)
            bound = PolynomialBudget.saturatingSum(bound, extra.count)
        }
        if streamCount == 0 { return .zero }

        let mulKey = UnsafeMutablePointer<UnsafePointer<UInt64>>.allocate(capacity: streamCount)
        let mulStride = UnsafeMutablePointer<Int>.allocate(capacity: streamCount)
        let mulCoefficient = UnsafeMutablePointer<KernelCoefficient>.allocate(capacity: streamCount)
        let sourceKeys = UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>.allocate(capacity: streamCount)
        let sourceCoefficients = UnsafeMutablePointer<UnsafeMutablePointer<KernelCoefficient>>.allocate(
            capacity: streamCount)
        let sourceStride = UnsafeMutablePointer<Int>.allocate(capacity: streamCount)
        let sourceCount = UnsafeMutablePointer<Int>.allocate(capacity: streamCount)
        let position = UnsafeMutablePointer<Int>.allocate(capacity: streamCount)
        let keyBuffer = UnsafeMutablePointer<UInt64>.allocate(capacity: streamCount * outStride)
        let heap = UnsafeMutablePointer<Int32>.allocate(capacity: streamCount)
        let current = UnsafeMutablePointer<UInt64>.allocate(capacity: outStride)
        defer {
            mulCoefficient.deinitialize(count: streamCount)
            for p in [
                UnsafeMutableRawPointer(mulKey), UnsafeMutableRawPointer(mulStride),
                UnsafeMutableRawPointer(mulCoefficient),
                UnsafeMutableRawPointer(sourceKeys), UnsafeMutableRawPointer(sourceCoefficients),
                UnsafeMutableRawPointer(sourceStride), UnsafeMutableRawPointer(sourceCount),
                UnsafeMutableRawPointer(position), UnsafeMutableRawPointer(keyBuffer),
                UnsafeMutableRawPointer(heap), UnsafeMutableRawPointer(current),
            ] {
                p.deallocate()
            }
        }
        var n = 0
        for (x, y) in pairs where x.count > 0 && y.count > 0 {
            let (s, l) = x.count <= y.count ? (x, y) : (y, x)
            for t in 0..<s.count {
                mulKey[n] = UnsafePointer(s.keys + t * s.stride)
                mulStride[n] = s.stride
                (mulCoefficient + n).initialize(to: s.coefficients[t])
                (sourceKeys[n], sourceCoefficients[n], sourceStride[n], sourceCount[n]) = (
                    l.keys, l.coefficients, l.stride, l.count
                )
                position[n] = 0
                n += 1
            }
        }
        if let extra, extra.count > 0 {
            mulKey[n] = UnsafePointer(unitKey)
            mulStride[n] = 1
            (mulCoefficient + n).initialize(to: .small(1))
            (sourceKeys[n], sourceCoefficients[n], sourceStride[n], sourceCount[n]) = (
                extra.keys, extra.coefficients, extra.stride, extra.count
            )
            position[n] = 0
            n += 1
        }

        /// Writes stream s's current product key.
        @inline(__always) func computeKey(_ s: Int) {
            let out = keyBuffer + s * outStride
            let a = mulKey[s], sa = mulStride[s]
            let sb = sourceStride[s]
            let b = sourceKeys[s] + position[s] * sb
            out[0] = a[0] &+ b[0]
            var i = 1, j = 1, k = 1
            while i < sa && a[i] != 0 && j < sb && b[j] != 0 {
                let (x, y) = (a[i], b[j])
                let (hx, hy) = (x >> 32, y >> 32)
                if hx > hy {
                    out[k] = x; i += 1
                } else if hy > hx {
                    out[k] = y; j += 1
                } else {
                    let e = (x & 0xFFFF_FFFF) + (y & 0xFFFF_FFFF)
                    precondition(e <= 0xFFFF_FFFF, "Monomial exponent overflow")
                    out[k] = (x & PackedTerms.idMask) | e
                    i += 1; j += 1
                }
                k += 1
            }
            while i < sa && a[i] != 0 { out[k] = a[i]; i += 1; k += 1 }
            while j < sb && b[j] != 0 { out[k] = b[j]; j += 1; k += 1 }
            while k < outStride { out[k] = 0; k += 1 }
        }

        @inline(__always) func above(_ s: Int32, _ t: Int32) -> Bool {
            PackedTerms.compare(keyBuffer + Int(s) * outStride, keyBuffer + Int(t) * outStride, outStride) > 0
        }

        var heapCount = 0
        func siftDown(_ start: Int) {
            var parent = start
            let item = heap[parent]
            while true {
                let left = 2 * parent + 1
                if left >= heapCount { break }
                var child = left
                if left + 1 < heapCount && above(heap[left + 1], heap[left]) { child = left + 1 }
                if !above(heap[child], item) { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = item
        }

        for s in 0..<streamCount {
            computeKey(s)
            heap[s] = Int32(s)
        }
        heapCount = streamCount
        var start = heapCount / 2 - 1
        while start >= 0 { siftDown(start); start -= 1 }

        var builder = PackedTermsBuilder(stride: outStride, capacity: Swift.min(bound, 1 << 26))
        var pending = false
        var accumulator = KernelCoefficient.small(0)
        var operations = 0
        let interval = ComputationInterrupt.checkInterval
        while heapCount > 0 {
            let s = Int(heap[0])
            let key = keyBuffer + s * outStride
            let m = mulCoefficient[s]
            let sc = sourceCoefficients[s][position[s]]
            let c = m.isOne ? sc : KernelCoefficient.product(m, sc)
            if pending && PackedTerms.compare(key, current, outStride) == 0 {
                accumulator.add(c)
            } else {
                if pending && !accumulator.isZero { builder.append(current, accumulator.rational) }
                current.update(from: key, count: outStride)
                accumulator = c
                pending = true
            }
            position[s] += 1
            if position[s] == sourceCount[s] {
                heapCount -= 1
                heap[0] = heap[heapCount]
            } else {
                computeKey(s)
            }
            if heapCount > 1 { siftDown(0) }
            operations &+= 1
            if operations & (interval - 1) == 0, let interrupt, interrupt.shouldStop() { return .zero }
        }
        if pending && !accumulator.isZero { builder.append(current, accumulator.rational) }
        withExtendedLifetime(pairs) {}
        withExtendedLifetime(extra) {}
        return builder.polynomial()
    }
}

extension Polynomial {
    /// Σᵢ aᵢ·bᵢ (+ extra) in one heap merge (no intermediate polynomials).
    /// Precondition: equal counts.
    static func sumOfProducts(_ a: [KernelOperand], _ b: [KernelOperand], plus extra: KernelOperand? = nil)
        -> Polynomial
    {
        ProductKernel.sumOfProducts(Array(zip(a, b)), plus: extra)
    }
}

extension Matrix where Scalar == Polynomial {
    /// Whether every entry is a constant (then rational arithmetic is faster than the kernel).
    var isConstant: Bool { entries.allSatisfy(\.isConstant) }

    /// The product by the heap kernel: each operand entry converted once (`KernelOperand`),
    /// each result entry one merge Σₖ AᵢₖBₖⱼ (`ProductKernel`). Equals `plainProduct`.
    /// Precondition: self.columns == other.rows.
    func kernelProduct(_ other: Matrix<Polynomial>) -> Matrix<Polynomial> {
        precondition(
            columns == other.rows,
            "Matrix product of \(rows)×\(columns) and \(other.rows)×\(other.columns)")
        let (m, n, p) = (rows, columns, other.columns)
        let a = entries.map(KernelOperand.init)
        let b = other.entries.map(KernelOperand.init)
        var out: [Polynomial] = []
        out.reserveCapacity(m * p)
        for i in 0..<m {
            for j in 0..<p {
                out.append(ProductKernel.sumOfProducts((0..<n).map { k in (a[i * n + k], b[k * p + j]) }))
            }
        }
        return Matrix(rows: m, columns: p, entries: out)
    }

    /// M·v by the heap kernel. Precondition: v.count == columns.
    func kernelApplied(to v: [Polynomial]) -> [Polynomial] {
        precondition(v.count == columns, "Matrix with \(columns) columns applied to a vector of length \(v.count)")
        let x = v.map(KernelOperand.init)
        return (0..<rows).map { i in
            ProductKernel.sumOfProducts((0..<columns).map { (KernelOperand(entries[i * columns + $0]), x[$0]) })
        }
    }
}
