import ExactNumbers
import Enclosures
import Algebra

/// Exact (or enclosure) arithmetic on values, used to form the two sides of an identity.
extension ExactValue {
    /// a + b: exact when both are exact, symbolic when either is symbolic, else the interval sum.
    static func + (a: ExactValue, b: ExactValue) -> ExactValue {
        switch (a, b) {
        case (.exact(let x), .exact(let y)): return .exact(x + y)
        case (.symbolic(let p), _): return .symbolic(p + b.polynomial!)
        case (_, .symbolic(let q)): return .symbolic(a.polynomial! + q)
        default:
            let i = a.interval!, j = b.interval!
            return ExactValue(RationalInterval(lo: i.lo + j.lo, hi: i.hi + j.hi))
        }
    }

    /// c·a, exactly or by interval arithmetic.
    func scaled(by c: Rational) -> ExactValue {
        switch self {
        case .exact(let x): return .exact(c * x)
        case .symbolic(let p): return .symbolic(Polynomial(c) * p)
        case .enclosed(let i):
            let p = c * i.lo, q = c * i.hi
            return ExactValue(RationalInterval(lo: Rational.min(p, q), hi: Rational.max(p, q)))
        }
    }

    /// The value as a polynomial when exact or symbolic.
    var polynomial: Polynomial? {
        switch self {
        case .exact(let x): return Polynomial(x)
        case .symbolic(let p): return p
        case .enclosed: return nil
        }
    }
}

/// Elementwise a + b of two vectors of values.
func addVectors(_ a: [ExactValue], _ b: [ExactValue]) -> [ExactValue] {
    zip(a, b).map { $0 + $1 }
}

/// Elementwise c·a.
func scaleVector(_ a: [ExactValue], by c: Rational) -> [ExactValue] {
    a.map { $0.scaled(by: c) }
}
