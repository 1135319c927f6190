public import ExactNumbers

/// One linear condition on x ∈ Qⁿ: a·x ≤ b, a·x < b or a·x = b, with exact rationals.
public struct LinearConstraint: Hashable, Sendable, CustomStringConvertible {
    /// How a·x compares with the bound.
    public enum Relation: String, Hashable, Sendable {
        /// a·x ≤ b.
        case lessOrEqual = "<="
        /// a·x < b (strict: used for the interiors of regions).
        case less = "<"
        /// a·x = b.
        case equal = "="
    }

    /// The coefficients a (one per variable).
    public var coefficients: [Rational]
    /// The bound b.
    public var bound: Rational
    /// The comparison.
    public var relation: Relation

    /// a·x (relation) b.
    public init(_ coefficients: [Rational], _ relation: Relation, _ bound: Rational) {
        self.coefficients = coefficients
        self.bound = bound
        self.relation = relation
    }

    /// a·x.
    public func value(at x: [Rational]) -> Rational {
        dot(coefficients, x)
    }

    /// Whether x satisfies the condition (exactly).
    public func isSatisfied(by x: [Rational]) -> Bool {
        let v = value(at: x)
        switch relation {
        case .lessOrEqual: return v <= bound
        case .less: return v < bound
        case .equal: return v == bound
        }
    }

    /// The same condition scaled by a positive rational so that the coefficients and the bound
    /// are integers with greatest common divisor 1 (the zero condition is left alone).
    ///
    /// Example: (1/2)·x1 − (1/3)·x2 < 1/6 becomes 3·x1 − 2·x2 < 1.
    public func normalized() -> LinearConstraint {
        if let words = wordNormalized() { return words }
        var lcm = BigInt.one
        for r in coefficients + [bound] where !r.isZero { lcm = BigInt.lcm(lcm, r.denominator) }
        var g = BigInt.zero
        let scaled = (coefficients + [bound]).map { $0 * Rational(lcm) }
        for r in scaled where !r.isZero { g = g.isZero ? r.numerator.magnitude : BigInt.gcd(g, r.numerator) }
        guard !g.isZero else { return self }
        let factor = Rational(numerator: BigInt.one, denominator: g)
        let all = scaled.map { $0 * factor }
        return LinearConstraint(Array(all.dropLast()), relation, all.last!)
    }

    /// `normalized()` in machine words (the same lcm, gcd and result), or nil when a
    /// value does not fit.
    func wordNormalized() -> LinearConstraint? {
        var lcm = 1
        for r in coefficients + [bound] {
            guard let (p, q) = r.wordParts, p != .min else { return nil }
            if q == 1 || lcm % q == 0 { continue }
            var g = lcm, h = q
            while h != 0 { (g, h) = (h, g % h) }
            let (l, overflow) = lcm.multipliedReportingOverflow(by: q / g)
            if overflow { return nil }
            lcm = l
        }
        var scaled = [Int]()
        scaled.reserveCapacity(coefficients.count + 1)
        var g = 0
        for r in coefficients + [bound] {
            let (p, q) = r.wordParts!
            let (v, overflow) = p.multipliedReportingOverflow(by: lcm / q)
            if overflow || v == .min { return nil }
            scaled.append(v)
            var a = UInt(g), b = v.magnitude
            while b != 0 { (a, b) = (b, a % b) }
            g = Int(a)
        }
        guard g != 0 else { return self }
        let all = scaled.map { Rational($0 / g) }
        return LinearConstraint(Array(all.dropLast()), relation, all.last!)
    }

    /// `2*x1 - x2 < 3` with the given variable names (x1, x2, ... by default).
    public func text(names: [String]? = nil) -> String {
        let names = names ?? (0..<coefficients.count).map { "x\($0 + 1)" }
        // For a person, inequalities get integer coefficients with gcd 1 and a positive leading
        // coefficient (2*x1 + 4*x2 > 1, not -2*x1 - 4*x2 < -1). Equations (also used to
        // print the rows of affine maps) are shown as they are.
        var shown = relation == .equal ? self : normalized()
        var relationText = relation.rawValue
        if relation != .equal, let lead = shown.coefficients.first(where: { !$0.isZero }), lead.signum < 0 {
            shown = LinearConstraint(shown.coefficients.map { -$0 }, relation, -shown.bound)
            switch relation {
            case .less: relationText = ">"
            case .lessOrEqual: relationText = ">="
            case .equal: relationText = "="
            }
        }
        var terms = [String]()
        for (c, name) in zip(shown.coefficients, names) where !c.isZero {
            let magnitude = c.magnitude
            let body = magnitude.isOne ? name : "\(magnitude)*\(name)"
            if terms.isEmpty {
                terms.append(c.signum < 0 ? "-" + body : body)
            } else {
                terms.append((c.signum < 0 ? "- " : "+ ") + body)
            }
        }
        let lhs = terms.isEmpty ? "0" : terms.joined(separator: " ")
        return "\(lhs) \(relationText) \(shown.bound)"
    }

    /// `a·x (relation) b` with variables x1, x2, ....
    public var description: String { text() }
}

/// a·x, exactly. Precondition: equal lengths.
func dot(_ a: [Rational], _ x: [Rational]) -> Rational {
    var s = Rational.zero
    for (u, v) in zip(a, x) where !u.isZero && !v.isZero { s += u * v }
    return s
}
