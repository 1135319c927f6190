import ExactNumbers
import Algebra

/// `LinearFeasibility.deepen` decided by a floating-point proposal that exact arithmetic
/// confirms, used where only the decision and some interior point matter (`regions --count`,
/// `RegionEnumerationOptions.confirmedFloatPrograms`), never where the printed point matters.
///
/// The system {aᵢ·x < bᵢ (i ∈ P), aᵢ·x ≤ bᵢ (i ∈ Q), aᵢ·x = bᵢ (i ∈ E)} is handed to
/// `FloatSimplex`. Its answer is only a hint:
/// - a proposed point is rounded to a few dyadic grids (2⁻⁶, 2⁻¹⁴, 2⁻²⁴) and finally read
///   exactly (a `Double` is a dyadic rational); every condition is evaluated at the candidate
///   in exact rational arithmetic, and the first candidate where all hold is the witness;
/// - a proposed "empty" names the rows tight at the floating-point optimum (equalities as two
///   opposite rows); the exact null space of their normals (Gauss–Jordan over the rationals)
///   gives candidate multipliers y, accepted only when, exactly, y ≥ 0, Σ yᵢaᵢ = 0,
///   Σ_{i∈P} yᵢ > 0 and Σ yᵢbᵢ ≤ 0. Then any x satisfying the system would give
///   0 = Σ yᵢaᵢ·x < Σ yᵢbᵢ ≤ 0, so the system is empty (Motzkin's transposition theorem).
///
/// A program whose numbers fit machine words is solved exactly first (the integer dictionary of
/// `FractionFreeSimplex.deepen`, cheaper than confirming a proposal); the proposal serves the
/// programs that would need `BigInt`. Whenever the proposal fails either exact check (or the
/// floating-point program gives up), the exact program (`LinearFeasibility.deepen`) decides. Every answer is therefore exact:
/// a point that satisfies every condition, or nil with an exact certificate of emptiness.
public enum ConfirmedFeasibility {
    /// How many decisions were confirmed and how many fell back to the exact program.
    public struct Tally: Hashable, Sendable {
        /// Proposed points that satisfied every condition exactly.
        public var confirmedPoints = 0
        /// Proposed empty systems whose Farkas multipliers checked exactly.
        public var confirmedEmpty = 0
        /// Proposals not confirmed: the exact program decided.
        public var exactFallbacks = 0
        /// Programs whose numbers fit machine words, solved exactly without a proposal.
        public var wordPrograms = 0
    }

    /// `LinearFeasibility.deepen`'s answer: `start` when it satisfies every condition, else a
    /// point satisfying every condition (strict ones strictly), or nil when none exists.
    static func deepen(
        _ constraints: [LinearConstraint], dimension n: Int, start: [Rational], lpCount: inout Int,
        tally: inout Tally
    ) -> [Rational]? {
        // Machine-word exact programs first: when their numbers fit, they cost less than the
        // exact confirmation of a proposal.
        if let answer = FractionFreeSimplex.deepen(Int.self, constraints, dimension: n, start: start) {
            switch answer {
            case .start: return start
            case .point(let p): lpCount += 1; tally.wordPrograms += 1; return p
            case .empty: lpCount += 1; tally.wordPrograms += 1; return nil
            }
        }
        if constraints.allSatisfy({ $0.isSatisfied(by: start) }) { return start }
        if let answer = confirmed(constraints, dimension: n, start: start) {
            lpCount += 1
            switch answer {
            case .some(let p): tally.confirmedPoints += 1; return p
            case .none: tally.confirmedEmpty += 1; return nil
            }
        }
        tally.exactFallbacks += 1
        return LinearFeasibility.deepen(constraints, dimension: n, start: start, lpCount: &lpCount)
    }

    /// The confirmed answer (.some(point) or .some(nil) for empty), or nil when the proposal
    /// could not be confirmed.
    static func confirmed(_ constraints: [LinearConstraint], dimension n: Int, start: [Rational]) -> [Rational]?? {
        // Expanded rows: (condition, sign ±1, strict).
        var rows = [[Double]](), bounds = [Double](), strict = [Bool](), origin = [(Int, Bool)]()
        rows.reserveCapacity(constraints.count)
        for (index, c) in constraints.enumerated() {
            guard let b = approximate(c.bound) else { return nil }
            var a = [Double]()
            a.reserveCapacity(n)
            for x in c.coefficients {
                guard let v = approximate(x) else { return nil }
                a.append(v)
            }
            rows.append(a); bounds.append(b); strict.append(c.relation == .less); origin.append((index, false))
            if c.relation == .equal {
                rows.append(a.map { -$0 }); bounds.append(-b); strict.append(false); origin.append((index, true))
            }
        }
        var x0 = [Double]()
        x0.reserveCapacity(n)
        for x in start {
            guard let v = approximate(x) else { return nil }
            x0.append(v)
        }
        guard let proposal = FloatSimplex.propose(rows: rows, bounds: bounds, strict: strict, start: x0) else {
            return nil
        }
        switch proposal {
        case .point(let x):
            // The simplest of a few dyadic roundings that still satisfies every condition
            // exactly (small numbers keep the later exact work in machine words), else the
            // floating-point point itself, read exactly.
            for bits in [6, 14, 24] {
                let unit = Double(1 << bits)
                var point = [Rational]()
                point.reserveCapacity(n)
                for v in x {
                    let scaled = (v * unit).rounded()
                    guard abs(scaled) < 0x1p52 else { break }
                    point.append(Rational(Int(scaled), 1 << bits))
                }
                if point.count == n, constraints.allSatisfy({ $0.isSatisfied(by: point) }) { return .some(point) }
            }
            var point = [Rational]()
            point.reserveCapacity(n)
            for v in x {
                guard let r = Rational(exactly: v) else { return nil }
                point.append(r)
            }
            return constraints.allSatisfy({ $0.isSatisfied(by: point) }) ? .some(point) : nil
        case .empty(let tight):
            return isEmptyByFarkas(constraints, rows: tight.map { origin[$0] }, dimension: n) ? .some(nil) : nil
        }
    }

    /// A floating-point value near r (only a proposal's input: not necessarily the nearest).
    static func approximate(_ r: Rational) -> Double? {
        if let (p, q) = r.wordParts { return Double(p) / Double(q) }
        return r.nearestDouble
    }

    /// Whether multipliers on the given rows (condition, negated) prove the system empty
    /// exactly (see the type's description).
    static func isEmptyByFarkas(_ constraints: [LinearConstraint], rows: [(Int, Bool)], dimension n: Int) -> Bool {
        guard rows.contains(where: { constraints[$0.0].relation == .less }) else { return false }
        // Columns: the rows' normals (negated for the opposite copy of an equality).
        var entries = [Rational]()
        entries.reserveCapacity(n * rows.count)
        for j in 0..<n {
            for (c, negated) in rows {
                let v = constraints[c].coefficients[j]
                entries.append(negated ? -v : v)
            }
        }
        // Normalised conditions have integer normals: fraction-free elimination, no gcds.
        let nullSpace =
            IntegerNullSpace.basis(rows: n, columns: rows.count, entries: entries)
            ?? Matrix<Rational>(rows: n, columns: rows.count, entries: entries).nullSpaceBasis()
        for basis in nullSpace {
            var strictSum = Rational.zero
            for (y, (c, _)) in zip(basis, rows) where constraints[c].relation == .less { strictSum = strictSum + y }
            guard strictSum.signum != 0 else { continue }
            let y = strictSum.signum > 0 ? basis : basis.map { -$0 }
            guard y.allSatisfy({ $0.signum >= 0 }) else { continue }
            var combination = Rational.zero
            for (yi, (c, negated)) in zip(y, rows) where !yi.isZero {
                let b = constraints[c].bound
                combination = combination + yi * (negated ? -b : b)
            }
            if combination.signum <= 0 { return true }
        }
        return false
    }
}
