import Testing
import Foundation
import ExactNumbers
import Algebra
import NetworkModel
@testable import ModelFiles
import Collapse

/// The compact float32 layer (`Float32Matrix`, `LayerWeights.float32`) against the rational
/// one: the same exact values (checked against `BinaryFloat`, an independent decoding), the same
/// exact products (integer accumulation against the plain rational product), and the same
/// evaluations, verdicts and witnesses for imported models.
struct Float32LayerTests {
    /// A random finite float32 bit pattern drawn from every class: ±0, subnormals, the smallest
    /// and largest exponents, and ordinary weights around 1 (the fraction bits random).
    static func randomBits(_ random: inout SeededRandom) -> UInt32 {
        let sign: UInt32 = random.next() & 1 == 0 ? 0 : 0x8000_0000
        let fraction = UInt32(truncatingIfNeeded: random.next()) & 0x7F_FFFF
        let field: UInt32
        switch random.next() % 8 {
        case 0: return sign  // +0 or -0
        case 1: field = 0  // subnormal
        case 2: field = UInt32(1 + random.next() % 4)  // smallest normals
        case 3: field = UInt32(250 + random.next() % 5)  // largest finite exponents
        case 4: field = UInt32(1 + random.next() % 254)  // anywhere
        default: field = UInt32(120 + random.next() % 12)  // around 1, like trained weights
        }
        return sign | field << 23 | fraction
    }

    static func randomRational(_ random: inout SeededRandom) -> Rational {
        switch random.next() % 6 {
        case 0: return .zero
        case 1: return Rational(Int(random.next() % 2001) - 1000)
        case 2:
            // A large numerator over a large denominator (GMP values).
            let p = BigInt(Int(random.next() >> 2)) * BigInt(Int(random.next() >> 2)) - BigInt(Int(random.next() >> 3))
            return Rational(numerator: p, denominator: BigInt(Int(random.next() >> 3) | 1))
        default: return Rational(Int(random.next() % 201) - 100, Int(random.next() % 97) + 1)
        }
    }

    @Test func entriesAreTheExactValuesOfTheBits() {
        var random = SeededRandom(seed: 0xC0A7)
        for _ in 0..<20_000 {
            let bits = UInt32(truncatingIfNeeded: random.next())
            let expected = BinaryFloat.single(bits: bits)
            let matrix = Float32Matrix(rows: 1, columns: 1, bits: [bits])
            #expect(matrix?.entry(0, 0) == expected, "bits \(String(bits, radix: 16))")
            if expected != nil { #expect(Float32Matrix.value(bits: bits) == expected) }
        }
        for bits in [0x7F80_0000, 0xFF80_0000, 0x7FC0_0000, 0x7F80_0001, 0xFFFF_FFFF] as [UInt32] {
            #expect(Float32Matrix(rows: 1, columns: 2, bits: [0x3F80_0000, bits]) == nil)
            #expect(Float32Matrix.firstNonFinite([0, 0x3F80_0000, bits]) == 2)
        }
        // -0 is stored as +0: equal bit arrays are equal values.
        #expect(Float32Matrix(rows: 1, columns: 1, bits: [0x8000_0000])?.bits == [0])
    }

    @Test func productsEqualTheRationalProduct() {
        var random = SeededRandom(seed: 0xF32A)
        for trial in 0..<60 {
            let rows = Int(random.next() % 6) + 1, columns = Int(random.next() % 9) + 1
            let bits = (0..<(rows * columns)).map { _ in Self.randomBits(&random) }
            let w = Float32Matrix(rows: rows, columns: columns, bits: bits)!
            let bias = (0..<rows).map { _ in Self.randomRational(&random) }
            let compact = Float32AffineMap(weights: w, bias: bias)
            let rational = AffineMap(
                weights: Matrix(rows: rows, columns: columns, entries: bits.map { BinaryFloat.single(bits: $0)! }),
                bias: bias)
            #expect(compact.materialized == rational)
            #expect(LayerWeights.float32(compact) == .numeric(rational))
            #expect(LayerWeights.float32(compact).hashValue == LayerWeights.numeric(rational).hashValue)
            for _ in 0..<4 {
                let x = (0..<columns).map { _ in Self.randomRational(&random) }
                let product = compact.apply(x)
                #expect(product == rational.apply(x), "trial \(trial)")
                #expect(product.allSatisfy { $0.checkInvariants() })
            }
        }
    }

    @Test func importedFloat32LayersAreCompactAndEqualTheirReading() throws {
        for file in ["relu-mlp.onnx", "typed-fields.onnx", "gemm-chain.onnx", "matmul-both.onnx"] {
            let network = try Fixtures.network(file)
            let compact = network.layers.compactMap { layer -> Float32AffineMap? in
                if case .float32(let map)? = layer.dense { return map }
                return nil
            }
            #expect(!compact.isEmpty, "\(file) has a compact layer")
            let materialized = Network(
                name: network.name, inputNames: network.inputNames,
                layers: network.layers.map { Layer(dense: $0.dense?.materialized, activation: $0.activation) })
            #expect(materialized == network)
            #expect(materialized.layers.allSatisfy { if case .float32? = $0.dense { false } else { true } })
            var random = SeededRandom(seed: 0x1A7E)
            for _ in 0..<5 {
                let x = (0..<network.inputDimension).map { _ in Self.randomRational(&random) }
                #expect(try Evaluator.evaluate(network, at: x) == Evaluator.evaluate(materialized, at: x), "\(file)")
            }
            let a = Analyzer.analyze(network), b = Analyzer.analyze(materialized)
            #expect(a.verdict == b.verdict, "\(file)")
            #expect(a.affinity.witness == b.affinity.witness, "\(file)")
            #expect(a.additivity.witness == b.additivity.witness, "\(file)")
            #expect(a.homogeneity.witness == b.homogeneity.witness, "\(file)")
        }
    }

    /// The file's bytes with the 4-byte entry `entry` of the little-endian float array `values`
    /// (found in the file as it is stored) replaced by `replacement`.
    static func patched(_ file: String, values: [UInt32], entry: Int, with replacement: UInt32) throws -> Data {
        var data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(file)))
        let pattern = Data(values.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } })
        let found = try #require(data.range(of: pattern), "the weights of \(file) are stored as they are")
        let at = found.lowerBound + 4 * entry
        data.replaceSubrange(at..<(at + 4), with: (0..<4).map { UInt8(truncatingIfNeeded: replacement >> (8 * $0)) })
        return data
    }

    @Test func nonFiniteWeightsAreRejectedAtTheirEntry() throws {
        // raw_data (W2 of relu-mlp, 4×5 with transB = 1: stored as the layer holds it).
        let mlp = try Fixtures.network("relu-mlp.onnx")
        let compact = mlp.layers.compactMap { layer -> Float32Matrix? in
            if case .float32(let m)? = layer.dense, m.weights.rows == 4 { return m.weights }
            return nil
        }
        let w2 = try #require(compact.first)
        for (bits, entry) in [(0x7FC0_0000 as UInt32, 3), (0xFF80_0000, 7)] {
            let data = try Self.patched("relu-mlp.onnx", values: w2.bits, entry: entry, with: bits)
            do {
                _ = try ONNXReader.parse(data: data, file: "m.onnx")
                Issue.record("a non-finite raw_data entry was accepted")
            } catch {
                #expect(
                    error.description
                        == "m.onnx: tensor 'W2': entry \(entry) is infinite or NaN; expected finite weights")
            }
        }
        // float_data (typed-fields: a 2×2 W1 as packed floats).
        let typed = try Fixtures.network("typed-fields.onnx")
        guard case .float32(let w1)? = typed.layers.first?.dense else {
            Issue.record("typed-fields' first layer is not a compact float32 layer")
            return
        }
        let stored = w1.weights.bits
        let layout =
            try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("typed-fields.onnx"))).range(
                of: Data(stored.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } })) != nil
        let values = layout ? stored : [stored[0], stored[2], stored[1], stored[3]]
        let data = try Self.patched("typed-fields.onnx", values: values, entry: 1, with: 0x7F80_0000)
        do {
            _ = try ONNXReader.parse(data: data, file: "t.onnx")
            Issue.record("an infinite float_data entry was accepted")
        } catch {
            #expect(error.description.hasSuffix("entry 1 is infinite or NaN; expected finite weights"))
        }
    }
}
