import ExactNumbers
import Enclosures
import Algebra
import NetworkModel

/// A reported side value: an exact rational or an enclosure {"lo", "hi"}.
enum ReportedValue {
    case exact(Rational)
    case enclosure(RationalInterval)
    /// A polynomial in the weight symbols (witnesses of symbolic networks).
    case symbolic(Polynomial)
}

extension VerificationRun {
    /// Precisions (bits) tried in turn for enclosures: all above the analysis' default 128.
    static let precisions = [256, 1024, 4096]

    mutating func identity(_ name: String, verdict: String) throws(ReportError) {
        guard let node = root[name], case .object = node else {
            throw bad(root[name], "'\(name)' is missing or not an object")
        }
        guard let holdsNode = node["holds"] else { throw bad(node, "'\(name).holds' is missing") }
        if holdsNode.isNull { return }
        guard let holds = holdsNode.bool else { throw bad(holdsNode, "'\(name).holds' is not true, false or null") }
        if holds {
            switch (verdict, name) {
            case ("linear", _), ("affine", "affinity"):
                result.verified.append("\(name).holds (follows from the collapsed map)")
            case ("affine", _):
                fail("\(name).holds: the report says true, but b' is not zero, so F(0) = b' ≠ 0 breaks it")
            case ("not-affine", "affinity"):
                fail("affinity.holds: the report says true for a not-affine verdict")
            default:
                result.underivable.append(
                    "\(name).holds = true for verdict \(verdict): verify cannot re-derive an identity for all inputs of a network that does not collapse"
                )
            }
            return
        }
        guard let witness = node["witness"], case .object = witness else {
            result.underivable.append("\(name).holds = false without a witness"); return
        }
        try checkWitness(name, witness)
    }

    mutating func checkWitness(_ name: String, _ w: ReportJSON) throws(ReportError) {
        guard let x = try rationals(w["x"], "\(name).witness.x") else { return }
        var y: [Rational]? = nil, c: Rational? = nil
        if name == "homogeneity" {
            guard let text = w["c"]?.text, let value = try? Rational.parse(text) else {
                result.underivable.append("\(name).witness.c is not a rational"); return
            }
            c = value
        } else {
            guard let value = try rationals(w["y"], "\(name).witness.y") else { return }
            y = value
        }
        guard let lhs = try reported(w["lhs"], "\(name).witness.lhs"),
            let rhs = try reported(w["rhs"], "\(name).witness.rhs")
        else { return }
        let n = network.inputDimension
        guard x.count == n, y.map({ $0.count == n }) ?? true else {
            fail("\(name).witness: a point has the wrong number of coordinates (expected \(n))"); return
        }
        let m = network.outputDimension
        guard lhs.count == m, rhs.count == m else {
            fail("\(name).witness: lhs and rhs need \(m) entries, one per output"); return
        }

        // The points the identity evaluates F at, and how the sides combine them.
        let domain = network.domain
        var points: [[Rational]]
        let combine: ([[CheckedValue]]) -> (lhs: [CheckedValue], rhs: [CheckedValue])
        switch name {
        case "additivity":
            let s = zip(x, y!).map { $0 + $1 }
            points = [s, x, y!]
            combine = { v in (v[0], zip(v[1], v[2]).map { $0 + $1 }) }
        case "homogeneity":
            points = [x.map { c! * $0 }, x]
            combine = { v in (v[0], v[1].map { $0.scaled(by: c!) }) }
        default:
            if domain != nil {
                points = [zip(x, y!).map { ($0 + $1) * Rational(1, 2) }, x, y!]
                combine = { v in (v[0], zip(v[1], v[2]).map { ($0 + $1).scaled(by: Rational(1, 2)) }) }
            } else {
                points = [zip(x, y!).map { $0 + $1 }, [Rational](repeating: .zero, count: n), x, y!]
                combine = { v in (zip(v[0], v[1]).map { $0 + $1 }, zip(v[2], v[3]).map { $0 + $1 }) }
            }
        }
        if let domain {
            let used = name == "affinity" ? [x, y!] : points
            if let outside = used.first(where: { !domain.contains($0) }) {
                fail(
                    "\(name).witness: the point (\(outside.map(\.description).joined(separator: ", "))) is not in the domain"
                ); return
            }
        }
        if !network.isNumeric {
            checkSymbolicWitness(name, points: points, c: c, lhs: lhs, rhs: rhs)
            return
        }
        var undecided = ""
        for precision in Self.precisions {
            var values = [[CheckedValue]]()
            do {
                for p in points { values.append(try PlainEvaluation.evaluate(network, at: p, precision: precision)) }
            } catch {
                result.underivable.append("\(name).witness: \(error.reason)"); return
            }
            let (l, r) = combine(values)
            // The reported sides must contain (or equal) the true values.
            var decided = true
            for (label, reportedSide, actual) in [("lhs", lhs, l), ("rhs", rhs, r)] {
                for (i, (rep, act)) in zip(reportedSide, actual).enumerated() {
                    switch Self.compare(rep, act) {
                    case .agrees: break
                    case .disagrees(let why):
                        fail("\(name).witness.\(label)[\(i)]: \(why)"); return
                    case .undecided(let why): decided = false; undecided = "\(name).witness.\(label)[\(i)]: \(why)"
                    }
                }
            }
            // The sides must provably differ.
            let differs = zip(l, r).contains { $0.differs(from: $1) }
            let exactEqual = zip(l, r).allSatisfy { a, b in
                if case .exact(let p) = a, case .exact(let q) = b { return p == q }
                return false
            }
            if exactEqual {
                fail(
                    "\(name).witness: the two sides are equal (\(l.map(Self.text).joined(separator: ", "))), so the witness refutes nothing"
                ); return
            }
            if decided && differs {
                result.verified.append(
                    "\(name).witness (direct evaluation\(values.joined().contains { if case .enclosed = $0 { return true }; return false } ? ", MPFR at \(precision) bits" : ""))"
                )
                return
            }
            if !differs { undecided = "\(name).witness: the sides' enclosures still overlap" }
        }
        result.underivable.append(undecided)
    }

    /// A witness of a network with weight symbols: F at the witness's rational points as
    /// polynomials in the symbols (layer by layer, `PlainProduct.polynomial`), compared with
    /// the reported sides exactly; the sides must differ as polynomials (for generic values of
    /// the symbols, as contract §3 says).
    mutating func checkSymbolicWitness(
        _ name: String, points: [[Rational]], c: Rational?, lhs: [ReportedValue], rhs: [ReportedValue]
    ) {
        let symbols = inputSymbols
        guard let outputs = PlainProduct.polynomial(network, inputs: symbols) else {
            result.underivable.append(
                "\(name).witness: the network with weight symbols is not polynomial, so verify cannot evaluate it");
            return
        }
        let values = points.map { p in
            outputs.map { $0.partiallyEvaluated(at: Dictionary(uniqueKeysWithValues: zip(symbols, p))) }
        }
        let half = Polynomial(Rational(1, 2))
        let sides: (lhs: [Polynomial], rhs: [Polynomial])
        switch (name, values.count) {
        case ("additivity", _): sides = (values[0], zip(values[1], values[2]).map { $0 + $1 })
        case ("homogeneity", _): sides = (values[0], values[1].map { Polynomial(c!) * $0 })
        case (_, 3): sides = (values[0], zip(values[1], values[2]).map { half * ($0 + $1) })
        default: sides = (zip(values[0], values[1]).map { $0 + $1 }, zip(values[2], values[3]).map { $0 + $1 })
        }
        for (label, reported, actual) in [("lhs", lhs, sides.lhs), ("rhs", rhs, sides.rhs)] {
            for (i, (rep, act)) in zip(reported, actual).enumerated() {
                let claimed: Polynomial
                switch rep {
                case .symbolic(let p): claimed = p
                case .exact(let r): claimed = Polynomial(r)
                case .enclosure:
                    fail("\(name).witness.\(label)[\(i)]: an enclosure for a network without transcendental values");
                    return
                }
                if claimed != act {
                    fail("\(name).witness.\(label)[\(i)]: the report says \(claimed), direct evaluation gives \(act)");
                    return
                }
            }
        }
        guard zip(sides.lhs, sides.rhs).contains(where: { $0 != $1 }) else {
            fail("\(name).witness: the two sides are the same polynomial, so the witness refutes nothing"); return
        }
        result.verified.append("\(name).witness (direct evaluation as polynomials in the symbols)")
    }

    enum Comparison {
        case agrees
        case disagrees(String)
        case undecided(String)
    }

    /// Whether a reported value is right about the true value known as `actual`.
    static func compare(_ reported: ReportedValue, _ actual: CheckedValue) -> Comparison {
        switch (reported, actual) {
        case (.exact(let r), .exact(let a)):
            return r == a ? .agrees : .disagrees("the report says \(r), direct evaluation gives \(a)")
        case (.exact(let r), .enclosed(let i)):
            return i.contains(r)
                ? .undecided("the report gives an exact \(r) for a value known only within [\(i.lo), \(i.hi)]")
                : .disagrees("the report says \(r), the value lies in [\(i.lo), \(i.hi)]")
        case (.enclosure(let e), .exact(let a)):
            return e.contains(a)
                ? .agrees
                : .disagrees("the report's enclosure [\(e.lo), \(e.hi)] does not contain the exact value \(a)")
        case (.symbolic, _):
            return .disagrees("the report gives a polynomial in symbols for a network with numbers")
        case (.enclosure(let e), .enclosed(let i)):
            if e.contains(i) { return .agrees }
            if !e.overlaps(i) {
                return .disagrees(
                    "the report's enclosure [\(e.lo), \(e.hi)] misses the value, which lies in [\(i.lo), \(i.hi)]")
            }
            return .undecided(
                "the report's enclosure [\(e.lo), \(e.hi)] and the value's [\(i.lo), \(i.hi)] overlap without containment"
            )
        }
    }

    static func text(_ v: CheckedValue) -> String {
        switch v {
        case .exact(let r): return r.description
        case .enclosed(let i): return "[\(i.lo), \(i.hi)]"
        }
    }

    /// A list of rationals; nil (recorded as underivable) when an entry is symbolic.
    mutating func rationals(_ node: ReportJSON?, _ what: String) throws(ReportError) -> [Rational]? {
        guard let elements = node?.array else { throw bad(node, "'\(what)' is missing or not a list") }
        var values = [Rational]()
        for e in elements {
            guard let text = e.text, let r = try? Rational.parse(text) else {
                result.underivable.append(
                    "\(what): the entry '\(e.text ?? "?")' is not a rational (a symbolic witness)")
                return nil
            }
            values.append(r)
        }
        return values
    }

    /// A list of reported side values: rationals or {"lo", "hi"} enclosures.
    mutating func reported(_ node: ReportJSON?, _ what: String) throws(ReportError) -> [ReportedValue]? {
        guard let elements = node?.array else { throw bad(node, "'\(what)' is missing or not a list") }
        var values = [ReportedValue]()
        for e in elements {
            if case .object = e {
                guard let lo = e["lo"]?.text.flatMap({ try? Rational.parse($0) }),
                    let hi = e["hi"]?.text.flatMap({ try? Rational.parse($0) }), lo <= hi
                else {
                    throw bad(e, "'\(what)' has an enclosure without rational 'lo' ≤ 'hi'")
                }
                values.append(.enclosure(RationalInterval(lo: lo, hi: hi)))
            } else if let text = e.text, let r = try? Rational.parse(text) {
                values.append(.exact(r))
            } else if !network.isNumeric, let text = e.text, let p = try? Polynomial.parse(text) {
                values.append(.symbolic(p))
            } else {
                result.underivable.append(
                    "\(what): the entry '\(e.text ?? "?")' is not a rational or an enclosure (a symbolic witness)")
                return nil
            }
        }
        return values
    }
}
