internal import ExactNumbers

/// Reads the input bounds of a VNN-LIB property (the format of the VNN-COMP benchmarks) as
/// an input domain.
///
/// Read: `(declare-const X_i Real)` for the inputs, and every `(assert ...)` that bounds one
/// input by a number, `(<= X_0 0.5)`, `(>= X_0 -0.5)`, `(<= -0.5 X_0)`, `(>= 0.5 X_0)`, also
/// inside `(and ...)`. Several bounds on one side keep the tightest. Numbers are exact
/// decimals (`0.5` is 1/2), fractions or `(- 0.5)`. An assertion that mentions an output
/// `Y_j` is ignored; one that constrains inputs in another way (a disjunction, a sum) is an
/// error at its position, as is an input index outside the network's inputs.
enum VNNLibReader {
    /// An s-expression with its position.
    indirect enum Expression {
        case atom(String, SourceLocation)
        case list([Expression], SourceLocation)

        var location: SourceLocation {
            switch self {
            case .atom(_, let l), .list(_, let l): return l
            }
        }

        var mentionsOutput: Bool {
            switch self {
            case .atom(let a, _): return a.hasPrefix("Y_")
            case .list(let items, _): return items.contains { $0.mentionsOutput }
            }
        }
    }

    static func parse(_ text: String, file: String, inputNames: [String]) throws(SpecError) -> InputDomain {
        let expressions = try read(text, file: file)
        var lo = [Rational?](repeating: nil, count: inputNames.count)
        var hi = [Rational?](repeating: nil, count: inputNames.count)
        var declared = Set<Int>()
        let start = SourceLocation.start(of: file)
        for expression in expressions {
            guard case .list(let items, let location) = expression, case .atom(let head, _)? = items.first else {
                throw SpecError(
                    "expected a command such as (declare-const X_0 Real) or (assert ...)", at: expression.location)
            }
            switch head {
            case "declare-const":
                guard items.count == 3, case .atom(let name, let at) = items[1] else {
                    throw SpecError("malformed declaration; expected (declare-const X_0 Real)", at: location)
                }
                if name.hasPrefix("X_") { declared.insert(try inputIndex(name, at: at, count: inputNames.count)) }
            case "assert":
                guard items.count == 2 else {
                    throw SpecError("malformed assertion; expected (assert (<= X_0 0.5))", at: location)
                }
                if items[1].mentionsOutput { continue }
                try bound(items[1], lo: &lo, hi: &hi, count: inputNames.count)
            default:
                continue  // (set-logic ...), (check-sat), ... say nothing about the inputs
            }
        }
        if !declared.isEmpty, declared.count != inputNames.count {
            throw SpecError(
                "the property declares \(declared.count) input\(declared.count == 1 ? "" : "s") X_i but the network has \(inputNames.count); expected one X_i per input",
                at: start)
        }
        var box = [InputDomain.Interval]()
        for i in inputNames.indices {
            if let l = lo[i], let h = hi[i], l > h {
                throw SpecError(
                    "empty domain: the bounds on X_\(i) give lower bound \(l) > upper bound \(h); expected lo <= hi",
                    at: start)
            }
            box.append(InputDomain.Interval(lo: lo[i], hi: hi[i]))
        }
        return InputDomain(box: box, constraints: [], location: start)
    }

    /// Records the bound(s) of one asserted formula.
    private static func bound(_ formula: Expression, lo: inout [Rational?], hi: inout [Rational?], count: Int)
        throws(SpecError)
    {
        let expected =
            "expected a bound on one input such as (<= X_0 0.5) or (>= X_0 -0.5), or (and ...) of such bounds"
        guard case .list(let items, let location) = formula, case .atom(let head, _)? = items.first else {
            throw SpecError("unsupported assertion; \(expected)", at: formula.location)
        }
        if head == "and" {
            for item in items.dropFirst() { try bound(item, lo: &lo, hi: &hi, count: count) }
            return
        }
        guard head == "<=" || head == ">=", items.count == 3 else {
            throw SpecError("unsupported assertion '\(head)' on the inputs; \(expected)", at: location)
        }
        let upper: Bool
        let index: Int
        let value: Rational
        if case .atom(let a, let at) = items[1], a.hasPrefix("X_") {
            index = try inputIndex(a, at: at, count: count)
            value = try number(items[2])
            upper = head == "<="
        } else if case .atom(let b, let at) = items[2], b.hasPrefix("X_") {
            index = try inputIndex(b, at: at, count: count)
            value = try number(items[1])
            upper = head == ">="
        } else {
            throw SpecError("unsupported assertion on the inputs; \(expected)", at: location)
        }
        if upper {
            hi[index] = hi[index].map { Rational.min($0, value) } ?? value
        } else {
            lo[index] = lo[index].map { Rational.max($0, value) } ?? value
        }
    }

    private static func inputIndex(_ name: String, at location: SourceLocation, count: Int) throws(SpecError) -> Int {
        guard let i = Int(name.dropFirst(2)), i >= 0 else {
            throw SpecError("malformed input name \(SpecError.quote(name)); expected X_0, X_1, ...", at: location)
        }
        guard i < count else {
            throw SpecError(
                "input \(name) does not exist: the network has \(count) input\(count == 1 ? "" : "s"); expected X_0 ... X_\(count - 1)",
                at: location)
        }
        return i
    }

    private static func number(_ e: Expression) throws(SpecError) -> Rational {
        switch e {
        case .atom(let text, let location):
            do { return try Rational.parse(text) } catch {
                throw SpecError(
                    "malformed bound \(SpecError.quote(text)); expected a number such as 0.5, -1e-3 or 2/3",
                    at: location)
            }
        case .list(let items, let location):
            if items.count == 2, case .atom("-", _) = items[0] { return -(try number(items[1])) }
            if items.count == 3, case .atom("/", _) = items[0] {
                let d = try number(items[2])
                guard !d.isZero else { throw SpecError("division by zero in a bound; expected a number", at: location) }
                return try number(items[1]) / d
            }
            throw SpecError("malformed bound; expected a number such as 0.5, (- 0.5) or (/ 1 3)", at: location)
        }
    }

    /// The s-expressions of the text, with positions (1-based lines and columns).
    static func read(_ text: String, file: String) throws(SpecError) -> [Expression] {
        var stack: [([Expression], SourceLocation)] = []
        var top: [Expression] = []
        var line = 1, column = 1
        var atom = "", atomStart = SourceLocation(file: file, line: 1, column: 1)
        var inComment = false
        func flush() {
            guard !atom.isEmpty else { return }
            let e = Expression.atom(atom, atomStart)
            if stack.isEmpty { top.append(e) } else { stack[stack.count - 1].0.append(e) }
            atom = ""
        }
        for c in text {
            let here = SourceLocation(file: file, line: line, column: column)
            if c == "\n" || c == "\r\n" { line += 1; column = 1 } else { column += 1 }
            if inComment {
                if c == "\n" || c == "\r\n" { inComment = false }
                continue
            }
            switch c {
            case ";": flush(); inComment = true
            case "(":
                flush()
                stack.append(([], here))
            case ")":
                flush()
                guard let (items, at) = stack.popLast() else {
                    throw SpecError("unbalanced ')'; expected it to close a '('", at: here)
                }
                let e = Expression.list(items, at)
                if stack.isEmpty { top.append(e) } else { stack[stack.count - 1].0.append(e) }
            default:
                if c.isWhitespace {
                    flush()
                } else {
                    if atom.isEmpty { atomStart = here }
                    atom.append(c)
                }
            }
        }
        flush()
        if let (_, at) = stack.last {
            throw SpecError("unclosed '('; expected a matching ')'", at: at)
        }
        return top
    }
}
