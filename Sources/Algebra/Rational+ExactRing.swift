public import ExactNumbers

/// The rationals are the base field: every other `ExactRing` here contains them.
extension Rational: ExactRing {
    /// The value itself (the identity embedding ℚ → ℚ).
    public init(_ value: Rational) { self = value }
}
