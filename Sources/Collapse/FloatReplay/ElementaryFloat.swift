import Foundation
public import ExactNumbers

/// The floating-point formats the float replay evaluates in (`Float`, `Double`): rounding
/// from a rational, and the elementary functions of the activations in that format (the C
/// library's, as PyTorch and onnxruntime call them).
///
/// A reporting aid only: nothing computed through this protocol is evidence or reaches a
/// verdict.
public protocol ElementaryFloat: BinaryFloatingPoint, Sendable {
    /// The value of the format nearest to `r` (round to nearest, ties to even); ±infinity
    /// when `r` rounds past the largest finite value.
    static func nearest(_ r: Rational) -> Self
    static func exponential(_ x: Self) -> Self
    static func hyperbolicTangent(_ x: Self) -> Self
    static func arcTangent(_ x: Self) -> Self
    static func logOnePlus(_ x: Self) -> Self
    static func errorFunction(_ x: Self) -> Self
}

extension Double: ElementaryFloat {
    public static func nearest(_ r: Rational) -> Double { r.nearestDouble ?? (r.signum < 0 ? -.infinity : .infinity) }
    public static func exponential(_ x: Double) -> Double { Foundation.exp(x) }
    public static func hyperbolicTangent(_ x: Double) -> Double { Foundation.tanh(x) }
    public static func arcTangent(_ x: Double) -> Double { Foundation.atan(x) }
    public static func logOnePlus(_ x: Double) -> Double { Foundation.log1p(x) }
    public static func errorFunction(_ x: Double) -> Double { Foundation.erf(x) }
}

extension Float: ElementaryFloat {
    public static func nearest(_ r: Rational) -> Float { r.nearestFloat ?? (r.signum < 0 ? -.infinity : .infinity) }
    public static func exponential(_ x: Float) -> Float { Foundation.expf(x) }
    public static func hyperbolicTangent(_ x: Float) -> Float { Foundation.tanhf(x) }
    public static func arcTangent(_ x: Float) -> Float { Foundation.atanf(x) }
    public static func logOnePlus(_ x: Float) -> Float { Foundation.log1pf(x) }
    public static func errorFunction(_ x: Float) -> Float { Foundation.erff(x) }
}

extension Rational {
    /// The nearest Double (display and the float replay only; never on the proof path).
    public var doubleApproximation: Double { Double.nearest(self) }
}
