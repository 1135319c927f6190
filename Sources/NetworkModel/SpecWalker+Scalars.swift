internal import Algebra
internal import ExactNumbers

/// A number or expression read from a scalar.
enum ScalarValue {
    /// A rational number.
    case number(Rational)
    /// A polynomial with at least one symbol.
    case expression(Polynomial)

    var polynomial: Polynomial {
        switch self {
        case .number(let value): return Polynomial(value)
        case .expression(let value): return value
        }
    }
}

extension SpecWalker {
    /// What a number slot accepts, for messages.
    static let expectedScalar =
        "expected a number (3, -7, 0.1, -2.5e-3), a fraction in quotes (\"2/3\"), a symbol (w11) or an expression in quotes (\"2*a + 1/3\")"

    /// The rational a scalar node holds, or nil when it is anything else (the fast path for
    /// numeric layers: no polynomial is built, no error is formatted).
    func fastRational(_ node: SpecNode) -> Rational? {
        guard case .scalar(let scalar) = node.kind, !scalar.text.isEmpty else { return nil }
        if let value = FastLiteral.rational(scalar.text) { return value }
        return try? Rational.parse(scalar.text)
    }

    /// Reads a number or an expression from `node`; `what` names the slot in messages
    /// (`layer 1 weight (row 2, column 1)`).
    func scalarValue(_ node: SpecNode, what: String) throws(SpecError) -> ScalarValue {
        guard case .scalar(let scalar) = node.kind else {
            throw SpecError("\(what) is \(node.shapeDescription); \(SpecWalker.expectedScalar)", at: node.location)
        }
        if scalar.isNull {
            throw SpecError("\(what) is null; \(SpecWalker.expectedScalar)", at: node.location)
        }
        if scalar.isBoolean {
            throw SpecError(
                "\(what) is the boolean \(SpecError.quote(scalar.text)); \(SpecWalker.expectedScalar)",
                at: node.location)
        }
        let text = scalar.text
        let numberError: RationalParseError
        do {
            return .number(try Rational.parse(text))
        } catch {
            numberError = error
        }
        if !scalar.isQuoted, let special = coreSchemaNumber(text, node: node, what: what) {
            return .number(try special.get())
        }
        if numberError.reason == .zeroDenominator || numberError.reason == .exponentTooLarge {
            throw SpecError(
                "\(what) \(SpecError.quote(text)): \(numberError.description)",
                at: location(ofOffset: numberError.offset, in: scalar, at: node.location))
        }
        if let (offset, problem) = SpecWalker.excessiveNesting(text) {
            throw SpecError(
                "\(what) \(SpecError.quote(text)) is \(problem); expected at most \(SpecWalker.maximumExpressionNesting) levels",
                at: location(ofOffset: offset, in: scalar, at: node.location))
        }
        let polynomial: Polynomial
        do {
            polynomial = try Polynomial.parse(text)
        } catch {
            let detail = error.message.contains(";") ? error.message : error.message + "; " + SpecWalker.expectedScalar
            throw SpecError(
                "\(what) \(SpecError.quote(text)) is neither a number nor an expression: \(detail)",
                at: location(ofOffset: error.offset, in: scalar, at: node.location))
        }
        if let constant = polynomial.constantValue { return .number(constant) }
        return .expression(polynomial)
    }

    /// Deepest parenthesis nesting, and longest run of signs, passed to the recursive
    /// expression parser (hostile input could otherwise exhaust the stack).
    static let maximumExpressionNesting = 100

    /// The character offset and a description of the first place where `text` nests
    /// parentheses or signs deeper than `maximumExpressionNesting`; nil when it does not.
    static func excessiveNesting(_ text: String) -> (offset: Int, problem: String)? {
        var depth = 0, signs = 0
        for (offset, c) in text.enumerated() {
            switch c {
            case "(":
                depth += 1
                signs = 0
                if depth > maximumExpressionNesting { return (offset, "nested too deeply in parentheses") }
            case ")":
                depth -= 1
                signs = 0
            case "+", "-":
                signs += 1
                if signs > maximumExpressionNesting { return (offset, "a chain of too many signs") }
            case " ", "\t":
                break
            default:
                signs = 0
            }
        }
        return nil
    }

    /// Plain YAML 1.2 core-schema numbers that are not contract literals: `0x1F`, `0o17`
    /// (exact integers) and `.inf`, `.nan` (rejected). Nil when `text` is none of them.
    private func coreSchemaNumber(_ text: String, node: SpecNode, what: String) -> Result<Rational, SpecError>? {
        let lowered = text.lowercased()
        if [".inf", "+.inf", "-.inf", ".nan"].contains(lowered) {
            return .failure(
                SpecError(
                    "\(what) \(SpecError.quote(text)) is not a finite number; \(SpecWalker.expectedScalar)",
                    at: node.location))
        }
        let radix: Int
        if text.hasPrefix("0x") { radix = 16 } else if text.hasPrefix("0o") { radix = 8 } else { return nil }
        let digits = text.dropFirst(2)
        guard !digits.isEmpty else { return nil }
        var value = BigInt(0)
        let base = BigInt(radix)
        for c in digits {
            guard let d = c.hexDigitValue, d < radix else { return nil }
            value = value * base + BigInt(d)
        }
        return .success(Rational(value))
    }

    /// The location of character `offset` inside a scalar's text (see
    /// `SourceText.location(ofOffset:inScalar:at:source:)`).
    func location(ofOffset offset: Int, in scalar: SpecScalar, at location: SourceLocation) -> SourceLocation {
        SourceText.location(ofOffset: offset, inScalar: scalar, at: location, source: source?.text)
    }

    /// Reads a parameter of an activation (a number is a constant polynomial).
    func parameter(_ node: SpecNode, what: String) throws(SpecError) -> Polynomial {
        try scalarValue(node, what: what).polynomial
    }
}
