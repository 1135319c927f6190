import Testing
import Foundation
import ExactNumbers
import Algebra
import NetworkModel
import Collapse

/// The float replay of a `not-affine` witness (a reporting aid, never evidence) agrees with an
/// independent plain float forward pass written here (arrays of Float / Double, the C
/// library's functions), bit for bit, and in float64 reproduces the exact gap.
struct FloatReplayTests {
    /// A random layer stack of float32 weights in [-1, 1] (kept as Floats for the plain pass).
    struct FloatStack {
        var weights: [[[Float]]]
        var biases: [[Float]]
        var activations: [Activation]

        init(sizes: [Int], activations: [Activation], random: inout SeededRandom) {
            weights = []
            biases = []
            for k in 1..<sizes.count {
                weights.append(
                    (0..<sizes[k]).map { _ in
                        (0..<sizes[k - 1]).map { _ in Float(Int(random.next() % 2001) - 1000) / 997 }
                    })
                biases.append((0..<sizes[k]).map { _ in Float(Int(random.next() % 2001) - 1000) / 991 })
            }
            self.activations = activations
        }

        func network(domain: InputDomain? = nil) -> Network {
            let layers = zip(zip(weights, biases), activations).map { wb, f in
                let (w, b) = wb
                let matrix = Matrix(rows: w.map { $0.map { Rational(exactly: $0)! } })
                return Layer(
                    dense: .numeric(AffineMap(weights: matrix, bias: b.map { Rational(exactly: $0)! })), activation: f)
            }
            return Network(inputNames: (1...weights[0][0].count).map { "x\($0)" }, layers: layers, domain: domain)
        }

        /// F(x) by the plain loop in T: b_i + Σ_j W_ij·v_j left to right, then f.
        func evaluate<T: BinaryFloatingPoint>(_ x: [T], _ f: (Activation, T) -> T) -> [T] {
            var v = x
            for ((w, b), act) in zip(zip(weights, biases), activations) {
                v = zip(w, b).map { row, bias in
                    var s = T(bias)
                    for (wij, vj) in zip(row, v) { s += T(wij) * vj }
                    return f(act, s)
                }
            }
            return v
        }
    }

    static func float(_ f: Activation, _ t: Float) -> Float {
        switch f {
        case .relu: return max(0, t)
        case .sigmoid: return 1 / (1 + expf(-t))
        case .leakyRelu: return t > 0 ? t : t / 8
        default: return t
        }
    }

    static func double(_ f: Activation, _ t: Double) -> Double {
        switch f {
        case .relu: return max(0, t)
        case .sigmoid: return 1 / (1 + exp(-t))
        case .leakyRelu: return t > 0 ? t : t / 8
        default: return t
        }
    }

    /// Both sides in T by the plain loop: F(x+y)+F(0) vs F(x)+F(y), or the midpoint form.
    static func sides<T: BinaryFloatingPoint>(
        _ stack: FloatStack, _ w: Witness, midpoint: Bool, round: (Rational) -> T,
        _ f: (Activation, T) -> T
    ) -> (lhs: [T], rhs: [T]) {
        let y = w.y!
        let fx = stack.evaluate(w.x.map(round), f), fy = stack.evaluate(y.map(round), f)
        if midpoint {
            let fm = stack.evaluate(zip(w.x, y).map { round(($0 + $1) / Rational(2)) }, f)
            return (fm, zip(fx, fy).map { ($0 + $1) / 2 })
        }
        let fs = stack.evaluate(zip(w.x, y).map { round($0 + $1) }, f), f0 = stack.evaluate(w.x.map { _ in T.zero }, f)
        return (zip(fs, f0).map { $0 + $1 }, zip(fx, fy).map { $0 + $1 })
    }

    static let shapes: [(sizes: [Int], activations: [Activation], domain: Bool)] = [
        ([3, 6, 5, 2], [.relu, .relu, .identity], false),
        ([2, 7, 3], [.leakyRelu(alpha: Polynomial(Rational(1, 8))), .identity], false),
        ([4, 5, 3, 2], [.sigmoid, .relu, .identity], false),
        ([3, 6, 2], [.relu, .identity], true),
    ]

    @Test(arguments: 0..<4)
    func replayMatchesAPlainFloatLoopBitForBit(_ shape: Int) throws {
        var random = SeededRandom(seed: 0xF10A7 + UInt64(shape))
        let (sizes, activations, hasDomain) = Self.shapes[shape]
        let stack = FloatStack(sizes: sizes, activations: activations, random: &random)
        let box = InputDomain(box: (0..<sizes[0]).map { _ in InputDomain.Interval(lo: Rational(-2), hi: Rational(2)) })
        let analysis = Analyzer.analyze(stack.network(domain: hasDomain ? box : nil))
        #expect(analysis.verdict == .notAffine)
        let w = try #require(analysis.affinity.witness)
        let replay = try #require(FloatReplay.replay(analysis))
        #expect(replay.form == (hasDomain ? .midpoint : .sum))

        let s32 = Self.sides(stack, w, midpoint: hasDomain, round: { $0.nearestFloat! }, Self.float)
        #expect(replay.float32.lhs == s32.lhs.map(Double.init))
        #expect(replay.float32.rhs == s32.rhs.map(Double.init))
        #expect(replay.float32Gap == Double(zip(s32.lhs, s32.rhs).map { abs($0 - $1) }.max()!))
        let s64 = Self.sides(stack, w, midpoint: hasDomain, round: { $0.nearestDouble! }, Self.double)
        #expect(replay.float64.lhs == s64.lhs)
        #expect(replay.float64.rhs == s64.rhs)
        #expect(replay.float64Gap == zip(s64.lhs, s64.rhs).map { abs($0 - $1) }.max()!)

        // The exact gap: max |lhs − rhs| of the witness, exact when both sides are.
        let lhs = w.lhs.compactMap(\.exactValue), rhs = w.rhs.compactMap(\.exactValue)
        if lhs.count == w.lhs.count && rhs.count == w.rhs.count {
            #expect(replay.exactGapValue == .exact(zip(lhs, rhs).map { ($0 - $1).magnitude }.max()!))
        } else {
            // A side is an enclosure: so is the gap (a positive one, since the sides' enclosures
            // are disjoint).
            #expect(replay.exactGapValue.exactValue == nil)
            #expect(replay.exactGapValue.description.hasPrefix("["))
        }
        // float64 reproduces a clear witness; the replay is labelled by its ratio.
        #expect(replay.exactGap > 0)
        #expect(abs(replay.float64Gap - replay.exactGap) <= 1e-9 * replay.exactGap)
        #expect(replay.float64.reproduction == .visible)
        #expect(
            replay.float32.reproduction
                == (replay.float32.ratio > 0.5 && replay.float32.ratio < 2 ? .visible : .distorted))
    }

    @Test func fixtureWitnessIsReproducedInFloat64() throws {
        let analysis = Analyzer.analyze(try Fixtures.network("relu-mlp.onnx"))
        #expect(analysis.verdict == .notAffine)
        let replay = try #require(FloatReplay.replay(analysis))
        #expect(replay.exactGap > 0)
        #expect(abs(replay.float64Gap - replay.exactGap) <= 1e-9 * replay.exactGap)
        #expect(abs(replay.float32Gap - replay.exactGap) <= 1e-3 * replay.exactGap)
    }

    @Test func noReplayWithoutANotAffineVerdict() throws {
        #expect(FloatReplay.replay(Analyzer.analyze(try Fixtures.network("gemm-chain.onnx"))) == nil)
    }
}
