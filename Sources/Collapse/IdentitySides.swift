import ExactNumbers
import Algebra

/// Where the two sides of an identity live: points (inputs of F) that add and scale, and
/// values (outputs of F) that add and scale by a point's scalar.
struct SidesSpace<Point, Value> {
    /// The scalar 0 of a point's coordinates.
    let zero: Point
    /// a + b, coordinatewise.
    let addPoints: (Point, Point) -> Point
    /// c·a for a scalar c and a coordinate a.
    let scalePoint: (Point, Point) -> Point
    /// u + v for two values of F.
    let addValues: ([Value], [Value]) -> [Value]
    /// c·v for a scalar c and a value of F.
    let scaleValues: (Point, [Value]) -> [Value]
}

extension SidesSpace where Point == Rational, Value == ExactValue {
    /// Rational points; exact values or enclosures (numeric networks).
    static var exact: Self {
        SidesSpace(
            zero: .zero, addPoints: { $0 + $1 }, scalePoint: { $0 * $1 },
            addValues: addVectors, scaleValues: { scaleVector($1, by: $0) })
    }
}

extension SidesSpace where Point == Rational, Value == Polynomial {
    /// Rational points; values polynomial in the weight symbols.
    static var symbolicValues: Self {
        SidesSpace(
            zero: .zero, addPoints: { $0 + $1 }, scalePoint: { $0 * $1 },
            addValues: { zip($0, $1).map { $0 + $1 } }, scaleValues: { c, v in v.map { Polynomial(c) * $0 } })
    }
}

extension SidesSpace where Point == Polynomial, Value == Polynomial {
    /// Symbolic points x, y and scalar c; polynomial values.
    static var symbolic: Self {
        SidesSpace(
            zero: Polynomial(Rational.zero), addPoints: { $0 + $1 }, scalePoint: { $0 * $1 },
            addValues: { zip($0, $1).map { $0 + $1 } }, scaleValues: { c, v in v.map { c * $0 } })
    }
}

extension Identity {
    /// The two sides of the identity, the one definition every check uses (the witness
    /// search, the re-check, the region witness, the symbolic refutation, the residuals):
    /// additivity F(x+y) and F(x) + F(y); homogeneity F(c·x) and c·F(x); affinity
    /// F(x+y) + F(0) and F(x) + F(y).
    ///
    /// `f` is called in this order: F(x+y), F(x), F(y), then F(0) for affinity; or F(c·x), F(x)
    /// for homogeneity. Nil when the identity's second point (y, or c) is missing or `f` fails.
    func sides<Point, Value>(
        x: [Point], y: [Point]?, c: Point?, in space: SidesSpace<Point, Value>,
        _ f: ([Point]) -> [Value]?
    ) -> (lhs: [Value], rhs: [Value])? {
        switch self {
        case .additivity, .affinity:
            guard let y, let fxy = f(zip(x, y).map(space.addPoints)), let fx = f(x), let fy = f(y) else { return nil }
            let rhs = space.addValues(fx, fy)
            if self == .additivity { return (fxy, rhs) }
            guard let f0 = f(x.map { _ in space.zero }) else { return nil }
            return (space.addValues(fxy, f0), rhs)
        case .homogeneity:
            guard let c, let fcx = f(x.map { space.scalePoint(c, $0) }), let fx = f(x) else { return nil }
            return (fcx, space.scaleValues(c, fx))
        }
    }
}
