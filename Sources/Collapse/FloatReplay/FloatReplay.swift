import ExactNumbers
import Enclosures
import Algebra
import NetworkModel

/// A reporting aid, never evidence: how an exact `not-affine` witness looks when the network
/// is evaluated in floating point (float32 and float64, weights rounded once to the nearest
/// value of the format), as PyTorch or onnxruntime would evaluate it. A witness whose gap is
/// below float32 rounding is what floating-point verifiers get wrong.
///
/// The gap of the affinity identity is max_i |lhs_i − rhs_i| with lhs = F(x+y) + F(0),
/// rhs = F(x) + F(y) (the midpoint form F((x+y)/2) vs (F(x)+F(y))/2 on a domain), as in the
/// witness. The replay evaluates F in the format at the witness's points (each rounded once
/// from its exact value: x, y, and x+y and 0, or (x+y)/2) and forms both sides and their
/// difference in the format.
///
/// Computed after the analysis from its witness, and read only by the renderings: nothing
/// here feeds back into a verdict.
public struct FloatReplay: Sendable, Hashable {
    /// Which form of the affinity identity the witness uses.
    public enum Form: String, Sendable, Hashable {
        /// F(x+y) + F(0) vs F(x) + F(y) (the whole input space).
        case sum
        /// F((x+y)/2) vs (F(x)+F(y))/2 (on a domain).
        case midpoint
    }

    /// The exact gap max_i |lhs_i − rhs_i| of the witness: a rational, or an enclosure when a
    /// side is enclosed.
    public let exactGapValue: ExactValue
    /// The exact gap as a Double (the nearest to the enclosure's midpoint), for ratios.
    public let exactGap: Double
    /// The identity's form.
    public let form: Form
    /// The replay in float64.
    public let float64: FloatReplayRun
    /// The replay in float32.
    public let float32: FloatReplayRun

    /// The gap when F is evaluated in float64.
    public var float64Gap: Double { float64.gap }
    /// The gap when F is evaluated in float32.
    public var float32Gap: Double { float32.gap }

    /// The replay of the affinity witness of a `not-affine` analysis of a numeric network;
    /// nil when there is none or a weight or activation parameter is symbolic.
    ///
    /// Complexity: one rounding per weight and format (each layer converted once), then three
    /// or four float forward passes per format.
    public static func replay(_ analysis: Analysis) -> FloatReplay? {
        let network = analysis.network
        guard analysis.verdict == .notAffine, network.isNumeric, let w = analysis.affinity.witness, let y = w.y,
            w.lhs.count == w.rhs.count, let exactGap = exactGap(w)
        else { return nil }
        let form: Form = network.domain != nil ? .midpoint : .sum
        // The evaluation points, exactly, then rounded once in each format.
        let points: [[Rational]] =
            form == .midpoint
            ? [w.x, y, zip(w.x, y).map { ($0 + $1) / Rational(2) }]
            : [w.x, y, zip(w.x, y).map { $0 + $1 }, w.x.map { _ in Rational.zero }]
        let mid = exactGap.interval.map { $0.midpoint.doubleApproximation } ?? .nan
        guard
            let r64 = FloatNetwork<Double>(network).map({ run($0, points, form: form, exactGap: mid, format: .float64) }
            ),
            let r32 = FloatNetwork<Float>(network).map({ run($0, points, form: form, exactGap: mid, format: .float32) })
        else { return nil }
        return FloatReplay(exactGapValue: exactGap, exactGap: mid, form: form, float64: r64, float32: r32)
    }

    /// max_i |lhs_i − rhs_i| by exact interval arithmetic (exact when both sides are).
    static func exactGap(_ w: Witness) -> ExactValue? {
        var gap: RationalInterval?
        for (l, r) in zip(w.lhs, w.rhs) {
            guard let a = l.interval, let b = r.interval else { return nil }
            let d = a - b
            let magnitude: RationalInterval
            if d.lo.signum >= 0 {
                magnitude = d
            } else if d.hi.signum <= 0 {
                magnitude = -d
            } else {
                magnitude = RationalInterval(lo: .zero, hi: Swift.max(-d.lo, d.hi))
            }
            gap =
                gap.map { RationalInterval(lo: Swift.max($0.lo, magnitude.lo), hi: Swift.max($0.hi, magnitude.hi)) }
                ?? magnitude
        }
        return ExactValue(gap ?? RationalInterval(exactly: .zero))
    }

    /// Both sides and their gap in T at the exact points rounded to T.
    static func run<T: ElementaryFloat>(
        _ f: FloatNetwork<T>, _ points: [[Rational]], form: Form, exactGap: Double,
        format: FloatReplayRun.Format
    ) -> FloatReplayRun {
        var exact = true
        let rounded = points.map { p in
            p.map { r -> T in
                let v = T.nearest(r)
                if exact, Rational(exactly: Double(v)) != r { exact = false }
                return v
            }
        }
        let fx = f.evaluate(rounded[0]), fy = f.evaluate(rounded[1])
        let lhs: [T], rhs: [T]
        switch form {
        case .midpoint:
            lhs = f.evaluate(rounded[2])
            rhs = zip(fx, fy).map { ($0 + $1) / 2 }
        case .sum:
            lhs = zip(f.evaluate(rounded[2]), f.evaluate(rounded[3])).map { $0 + $1 }
            rhs = zip(fx, fy).map { $0 + $1 }
        }
        var gap: T = 0
        for (l, r) in zip(lhs, rhs) {
            let d = Swift.abs(l - r)
            if d.isNaN || d > gap { gap = d }
            if gap.isNaN { break }
        }
        return FloatReplayRun(
            format: format, pointsExact: exact, lhs: lhs.map { Double($0) }, rhs: rhs.map { Double($0) },
            gap: Double(gap), exactGap: exactGap)
    }
}

/// The replay in one float format: both sides of the identity and their gap, computed in the
/// format (stored as Doubles; float32 values widen exactly).
public struct FloatReplayRun: Sendable, Hashable {
    /// The float format.
    public enum Format: String, Sendable, Hashable {
        case float32, float64
    }

    /// How the float gap compares with the exact one.
    public enum Reproduction: String, Sendable, Hashable {
        /// The float gap is within a factor 2 of the exact gap.
        case visible
        /// The float gap is nonzero but off by more than a factor 2 (or not finite).
        case distorted
        /// The float gap is zero: rounding hides the violation.
        case lost
    }

    /// The format.
    public let format: Format
    /// Whether every evaluation point is exactly representable in the format (otherwise the
    /// replay evaluates the nearest points, not the witness's).
    public let pointsExact: Bool
    /// The left side, evaluated in the format.
    public let lhs: [Double]
    /// The right side, evaluated in the format.
    public let rhs: [Double]
    /// max_i |lhs_i − rhs_i|, computed in the format.
    public let gap: Double
    /// gap / (the exact gap); NaN when the exact gap is 0.
    public let ratio: Double

    /// A run; `exactGap` is the exact gap as a Double.
    public init(format: Format, pointsExact: Bool, lhs: [Double], rhs: [Double], gap: Double, exactGap: Double) {
        self.format = format
        self.pointsExact = pointsExact
        self.lhs = lhs
        self.rhs = rhs
        self.gap = gap
        ratio = exactGap == 0 ? .nan : gap / exactGap
    }

    /// `lost` when the gap is 0, `visible` when 1/2 < ratio < 2, `distorted` otherwise.
    public var reproduction: Reproduction {
        if gap == 0 { return .lost }
        return ratio > 0.5 && ratio < 2 ? .visible : .distorted
    }
}
