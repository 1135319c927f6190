import ExactNumbers
public import NetworkModel
import Enclosures
import Algebra

/// What `verify` found: the claims it re-derived, the first that is false, and those it
/// cannot re-derive.
public struct VerificationResult: Sendable {
    /// The claims re-derived and found true, in order, as short names (`collapsed.weights`).
    public var verified: [String] = []
    /// The first false claim, with what the report says and what the re-derivation gives.
    public var falseClaim: String? = nil
    /// Claims `verify` cannot re-derive, each with the reason.
    public var underivable: [String] = []

    /// 0 every claim holds, 1 a claim is false, 3 some claims cannot be re-derived.
    public var exitCode: Int32 { falseClaim != nil ? 1 : (underivable.isEmpty ? 0 : 3) }
}

/// A fault in the report file itself (not JSON, or not a report): `FILE:LINE:COLUMN: what`.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    /// The message with its position.
    public let description: String
}

/// `prove-collapse verify SPEC REPORT.json` (contract §8): re-checks every claim of a JSON
/// report against the network by code paths independent of the analysis — the collapsed
/// map by the plain left-to-right product of the folded layers (or the polynomials of F, or
/// an own region check by Fourier–Motzkin for piecewise-linear networks), every witness by
/// direct exact evaluation (`PlainEvaluation`), enclosures by MPFR at higher precision than
/// the analysis used (256 bits and up, until decided), and every region certificate by its
/// Farkas multipliers and the pattern's own conditions. This module imports ExactNumbers,
/// Enclosures, Algebra and NetworkModel only: never the analysis.
public enum Verifier {
    /// Checks `report` (the JSON bytes of `path`) against `network`.
    public static func verify(_ network: Network, report bytes: [UInt8], path: String) throws(ReportError)
        -> VerificationResult
    {
        let root: ReportJSON
        do { root = try ReportJSON.parse(bytes) } catch {
            throw ReportError(description: "\(path):\(error.line):\(error.column): \(error.message)")
        }
        var run = VerificationRun(network: network, root: root, path: path)
        try run.all()
        return run.result
    }
}

/// One run of the checks; stops at the first false claim.
struct VerificationRun {
    let network: Network
    let root: ReportJSON
    let path: String
    var result = VerificationResult()

    /// A fault in the report's shape at `node`.
    func bad(_ node: ReportJSON?, _ message: String) -> ReportError {
        let (l, c) = (node ?? root).position
        return ReportError(description: "\(path):\(l):\(c): \(message)")
    }

    mutating func fail(_ claim: String) { if result.falseClaim == nil { result.falseClaim = claim } }
    var failed: Bool { result.falseClaim != nil }

    mutating func all() throws(ReportError) {
        guard case .object = root else {
            throw bad(root, "the report is not a JSON object; expected the output of --format json")
        }
        try dimensions()
        guard let verdict = root["verdict"]?.text, ["linear", "affine", "not-affine", "unknown"].contains(verdict)
        else {
            throw bad(root["verdict"], "'verdict' is missing or not one of linear, affine, not-affine, unknown")
        }
        if !failed, verdict == "linear" || verdict == "affine" { try collapsed(verdict: verdict) }
        for identity in ["additivity", "homogeneity", "affinity"] where !failed {
            try self.identity(identity, verdict: verdict)
        }
        if !failed, verdict == "not-affine" {
            if root["affinity"]?["witness"].map({ !$0.isNull }) != true {
                result.underivable.append("verdict not-affine: the report gives no affinity witness to re-check")
            } else if !failed {
                result.verified.append("verdict not-affine (the affinity witness)")
            }
        }
        if !failed, let certificates = root["regions"]?["certificates"] { try regionCertificates(certificates) }
    }

    // MARK: dimensions

    mutating func dimensions() throws(ReportError) {
        for (key, value) in [("input_dim", network.inputDimension), ("output_dim", network.outputDimension)] {
            guard let text = root[key]?.text, let n = Int(text) else {
                throw bad(root[key], "'\(key)' is missing or not an integer")
            }
            if n != value { fail("\(key): the report says \(n), the network has \(value)"); return }
        }
        result.verified.append("input_dim, output_dim")
    }

    // MARK: the collapsed map

    mutating func collapsed(verdict: String) throws(ReportError) {
        guard let node = root["collapsed"], case .object = node else {
            throw bad(root["collapsed"], "verdict \(verdict) but 'collapsed' is not an object")
        }
        guard let rowsNode = node["weights"]?.array, let biasNode = node["bias"]?.array else {
            throw bad(node, "'collapsed' needs 'weights' (a list of rows) and 'bias' (a list)")
        }
        if node["enclosures"] != nil {
            result.underivable.append(
                "collapsed: entries with irrational constants (enclosures) are not re-derived by verify")
            return
        }
        var rows = [[Polynomial]]()
        for row in rowsNode {
            guard let entries = row.array else { throw bad(row, "a row of 'collapsed.weights' is not a list") }
            var parsed = [Polynomial]()
            for e in entries {
                guard let p = Self.polynomial(e) else {
                    result.underivable.append(
                        "collapsed: the entry '\(e.text ?? "?")' is not a rational or a polynomial")
                    return
                }
                parsed.append(p)
            }
            rows.append(parsed)
        }
        var bias = [Polynomial]()
        for e in biasNode {
            guard let p = Self.polynomial(e) else {
                result.underivable.append(
                    "collapsed: the bias entry '\(e.text ?? "?")' is not a rational or a polynomial")
                return
            }
            bias.append(p)
        }
        let n = network.inputDimension, m = network.outputDimension
        guard rows.count == m, rows.allSatisfy({ $0.count == n }), bias.count == m else {
            fail(
                "collapsed: W' is \(rows.count)×\(rows.first?.count ?? 0) and b' has \(bias.count) entries; F maps \(n) inputs to \(m) outputs"
            )
            return
        }
        // linear ⇔ b' = 0.
        let biasZero = bias.allSatisfy(\.isZero)
        if verdict == "linear" && !biasZero { fail("verdict linear: but b' is not zero"); return }
        if verdict == "affine" && biasZero { fail("verdict affine: but b' is zero (the map is linear)"); return }

        if let numeric = PlainProduct.numeric(network) {
            for i in 0..<m {
                for j in 0..<n where Polynomial(numeric.weights[i][j]) != rows[i][j] {
                    fail(
                        "collapsed.weights[\(i)][\(j)]: the report says \(rows[i][j]), the plain product of the folded layers gives \(numeric.weights[i][j])"
                    ); return
                }
                if Polynomial(numeric.bias[i]) != bias[i] {
                    fail(
                        "collapsed.bias[\(i)]: the report says \(bias[i]), the plain product of the folded layers gives \(numeric.bias[i])"
                    ); return
                }
            }
            result.verified.append("collapsed (plain left-to-right product of the folded layers)")
        } else if let outputs = PlainProduct.polynomial(network, inputs: inputSymbols) {
            for i in 0..<m {
                var claimed = bias[i]
                for j in 0..<n where !rows[i][j].isZero { claimed = claimed + rows[i][j] * Polynomial(inputSymbols[j]) }
                if outputs[i] != claimed {
                    if network.domain != nil {
                        result.underivable.append(
                            "collapsed: F is a polynomial that differs from W'x + b' off the domain; verify does not decide equality on a domain for polynomial networks"
                        )
                    } else {
                        fail(
                            "collapsed: output \(i + 1) of F is \(outputs[i]) (layer by layer, in the inputs \(inputSymbols.map(\.name).joined(separator: ", "))), not row \(i + 1) of W'x + b' = \(claimed)"
                        )
                    }
                    return
                }
            }
            result.verified.append("collapsed (F composed layer by layer as polynomials)")
        } else if rows.allSatisfy({ $0.allSatisfy(\.isConstant) }), bias.allSatisfy(\.isConstant) {
            let w = rows.map { $0.map { $0.constantValue! } }, b = bias.map { $0.constantValue! }
            switch RegionCheck.check(network, weights: w, bias: b, domain: domainConditions) {
            case .holds: result.verified.append("collapsed (every linear region, by exact Fourier–Motzkin feasibility)")
            case .fails(let why): fail("collapsed: \(why)"); return
            case .tooLarge(let why): result.underivable.append("collapsed: \(why)"); return
            }
        } else {
            result.underivable.append(
                "collapsed: the network's activations are neither polynomial nor piecewise linear with numbers")
            return
        }
        try rank(rows)
    }

    /// The fresh symbols standing for the inputs in polynomial re-derivations.
    var inputSymbols: [Symbol] { (0..<network.inputDimension).map { Symbol("verify_x\($0 + 1)") } }

    mutating func rank(_ rows: [[Polynomial]]) throws(ReportError) {
        guard let node = root["rank"], let text = node.text, let claimed = Int(text) else { return }
        let actual: Int
        if rows.allSatisfy({ $0.allSatisfy(\.isConstant) }) {
            actual =
                rows.isEmpty || rows[0].isEmpty
                ? 0 : Matrix<Rational>(rows: rows.map { $0.map { $0.constantValue! } }).rank()
        } else {
            actual = rows.isEmpty || rows[0].isEmpty ? 0 : Matrix<Polynomial>(rows: rows).genericRank()
        }
        if actual != claimed { fail("rank: the report says \(claimed), W' has rank \(actual)"); return }
        result.verified.append("rank")
    }

    /// The domain as conditions (box ends and linear constraints, non-strict).
    var domainConditions: [Condition] {
        guard let domain = network.domain else { return [] }
        let n = network.inputDimension
        var conditions = [Condition]()
        for (i, interval) in domain.box.enumerated() {
            var e = [Rational](repeating: .zero, count: n); e[i] = .one
            if let hi = interval.hi { conditions.append(Condition(coefficients: e, bound: hi, strict: false)) }
            if let lo = interval.lo {
                conditions.append(Condition(coefficients: e.map { -$0 }, bound: -lo, strict: false))
            }
        }
        for c in domain.constraints {
            if c.relation == .lessOrEqual {
                conditions.append(Condition(coefficients: c.coefficients, bound: c.bound, strict: false))
            } else {
                conditions.append(Condition(coefficients: c.coefficients.map { -$0 }, bound: -c.bound, strict: false))
            }
        }
        return conditions
    }

    static func polynomial(_ node: ReportJSON) -> Polynomial? {
        guard case .string(let text, _, _) = node else { return nil }
        if let r = try? Rational.parse(text) { return Polynomial(r) }
        return try? Polynomial.parse(text)
    }
}
