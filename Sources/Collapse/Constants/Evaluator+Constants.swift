import ExactNumbers
import Enclosures
import Algebra

extension Evaluator {
    /// W·v + b for a dense part whose entries are exact constants (`ExactConstant`: √ from a
    /// BatchNormalization fold, σ(1) from a constant unit): rational entries stay exact, the
    /// others are enclosed at `precision` bits (MPFR, directed rounding) and combined by
    /// interval arithmetic; nil when an entry has a free symbol.
    static func applyConstantDense(_ map: AffineMap<Polynomial>, to v: [ExactValue], precision: Int) -> [ExactValue]? {
        var enclosures = [Polynomial: RationalInterval]()
        func enclose(_ p: Polynomial) -> RationalInterval? {
            if let r = p.constantValue { return RationalInterval(exactly: r) }
            if let known = enclosures[p] { return known }
            guard let c = ExactConstant(p) else { return nil }
            let i = c.enclosure(precision: precision)
            enclosures[p] = i
            return i
        }
        var intervals = [RationalInterval]()
        for value in v {
            guard let i = value.interval else { return nil }
            intervals.append(i)
        }
        var out = [ExactValue]()
        out.reserveCapacity(map.outputDimension)
        for i in 0..<map.outputDimension {
            guard var total = enclose(map.bias[i]) else { return nil }
            for j in 0..<map.inputDimension where !map.weights[i, j].isZero {
                guard let w = enclose(map.weights[i, j]) else { return nil }
                total = total + w * intervals[j]
            }
            out.append(ExactValue(Enclosure.outward(total, precision: precision)))
        }
        return out
    }
}
