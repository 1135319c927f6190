import ExactNumbers

extension Polynomial {
    /// The largest exponent `parse` accepts after `^`.
    public static let maximumParsedExponent = 1000

    /// The deepest nesting of parentheses `parse` accepts (the parser recurses per level).
    public static let maximumParenthesisDepth = 256

    /// Parses a polynomial expression exactly.
    ///
    /// Grammar (spaces, tabs and newlines are ignored between tokens):
    /// ```
    /// expression := term (('+' | '-') term)*
    /// term       := unary (('*' | '/') unary)*
    /// unary      := ('-' | '+') unary | power
    /// power      := primary ('^' digits)?
    /// primary    := number | identifier | '(' expression ')'
    /// ```
    /// Numbers are read as by `Rational.parse` (`3`, `0.5`, `2.5e-3`: decimals are exact);
    /// `p/q` is division by the rational constant q. Identifiers are
    /// `[A-Za-z_][A-Za-z0-9_]*`. So `-a^2` is −(a²), `2*a + 1/3`, `-w_12/3`, `(a + 1)^2`.
    ///
    /// - Throws: `ExpressionParseError` with the character offset of the fault: a stray or
    ///   missing token, implicit multiplication (`2a`, `a b`, `2(a)`), division by a
    ///   non-constant or by zero, an exponent that is not a non-negative integer literal or
    ///   exceeds `maximumParsedExponent`, a chained power (`a^2^3`), an unbalanced parenthesis,
    ///   parentheses nested deeper than `maximumParenthesisDepth`, or a product or power whose
    ///   result could exceed `budget` (checked before it is computed: `PolynomialBudget`).
    public static func parse(_ text: String, budget: PolynomialBudget = .standard) throws(ExpressionParseError)
        -> Polynomial
    {
        var parser = ExpressionParser(text: text, budget: budget)
        return try parser.parseAll()
    }
}

/// A recursive-descent parser over the characters of one expression.
struct ExpressionParser {
    let chars: [Character]
    let budget: PolynomialBudget
    var position = 0
    var depth = 0

    init(text: String, budget: PolynomialBudget = .standard) {
        chars = Array(text)
        self.budget = budget
    }

    static let operand = "a number, a symbol or '('"

    mutating func parseAll() throws(ExpressionParseError) -> Polynomial {
        skipSpace()
        guard position < chars.count else { throw fault("empty expression; expected \(Self.operand)") }
        let value = try parseExpression()
        skipSpace()
        if position < chars.count { throw unexpectedAfterOperand() }
        return value
    }

    // MARK: grammar

    mutating func parseExpression() throws(ExpressionParseError) -> Polynomial {
        var value = try parseTerm()
        while true {
            skipSpace()
            guard let c = peek, c == "+" || c == "-" else { return value }
            position += 1
            let rhs = try parseTerm()
            if c == "+" { value += rhs } else { value -= rhs }
        }
    }

    mutating func parseTerm() throws(ExpressionParseError) -> Polynomial {
        var value = try parseUnary()
        while true {
            skipSpace()
            guard let c = peek, c == "*" || c == "/" else { return value }
            position += 1
            skipSpace()
            let operandStart = position
            let rhs = try parseUnary()
            if c == "*" {
                do {
                    value = try value.multiplied(by: rhs, within: budget)
                } catch {
                    throw ExpressionParseError(message: "\(error); expected a smaller expression", offset: operandStart)
                }
            } else {
                guard let divisor = rhs.constantValue else {
                    throw ExpressionParseError(
                        message: "division by the non-constant expression \(rhs); expected a nonzero number after '/'",
                        offset: operandStart)
                }
                guard !divisor.isZero else {
                    throw ExpressionParseError(
                        message: "division by zero; expected a nonzero number after '/'", offset: operandStart)
                }
                value = value.scaled(by: divisor.reciprocal)
            }
        }
    }

    mutating func parseUnary() throws(ExpressionParseError) -> Polynomial {
        // Iterative over a run of signs, so `- - - … a` needs no recursion.
        var negative = false
        skipSpace()
        while let c = peek, c == "-" || c == "+" {
            position += 1
            if c == "-" { negative.toggle() }
            skipSpace()
        }
        let operand = try parsePower()
        return negative ? -operand : operand
    }

    mutating func parsePower() throws(ExpressionParseError) -> Polynomial {
        let base = try parsePrimary()
        skipSpace()
        guard peek == "^" else { return base }
        position += 1
        skipSpace()
        let exponentStart = position
        var digits = ""
        while let c = peek, c.isASCII, c.isNumber { digits.append(c); position += 1 }
        if digits.isEmpty {
            if peek == "-" {
                throw ExpressionParseError(
                    message: "negative exponent; expected a non-negative integer exponent after '^'",
                    offset: exponentStart)
            }
            throw fault("\(describePeek()) after '^'; expected a non-negative integer exponent")
        }
        if let c = peek, c == "." || c == "e" || c == "E" || c == "/" {
            throw fault("unexpected '\(c)' in exponent; expected a non-negative integer exponent after '^'")
        }
        guard digits.count <= 6, let exponent = Int(digits), exponent <= Polynomial.maximumParsedExponent else {
            throw ExpressionParseError(
                message: "exponent \(digits) is too large; expected at most \(Polynomial.maximumParsedExponent)",
                offset: exponentStart)
        }
        skipSpace()
        if peek == "^" {
            throw fault("chained '^'; expected parentheses, as in (a^2)^3")
        }
        do {
            return try base.power(exponent, within: budget)
        } catch {
            throw ExpressionParseError(message: "\(error); expected a smaller exponent or base", offset: exponentStart)
        }
    }

    mutating func parsePrimary() throws(ExpressionParseError) -> Polynomial {
        skipSpace()
        guard let c = peek else { throw fault("unexpected end of expression; expected \(Self.operand)") }
        if c == "(" {
            let open = position
            position += 1
            skipSpace()
            if peek == ")" { throw fault("empty parentheses; expected \(Self.operand)") }
            guard depth < Polynomial.maximumParenthesisDepth else {
                throw ExpressionParseError(
                    message:
                        "parentheses nested more than \(Polynomial.maximumParenthesisDepth) deep; expected a flatter expression",
                    offset: open)
            }
            depth += 1
            let inner = try parseExpression()
            depth -= 1
            skipSpace()
            guard peek == ")" else {
                if peek == nil {
                    throw ExpressionParseError(
                        message: "unclosed '('; expected ')' before the end of the expression", offset: open)
                }
                throw unexpectedAfterOperand(expecting: "')'")
            }
            position += 1
            return inner
        }
        if c.isASCII && (c.isLetter || c == "_") {
            let start = position
            while let d = peek, d.isASCII, d.isLetter || d.isNumber || d == "_" { position += 1 }
            return Polynomial(Symbol(String(chars[start..<position])))
        }
        if (c.isASCII && c.isNumber) || c == "." {
            return Polynomial(try parseNumber())
        }
        throw fault("\(describePeek()); expected \(Self.operand)")
    }

    /// Reads `digits [. digits] [(e|E) [+-] digits]` and converts it with `Rational.parse`.
    mutating func parseNumber() throws(ExpressionParseError) -> Rational {
        let start = position
        while let c = peek, c.isASCII, c.isNumber { position += 1 }
        if peek == "." {
            position += 1
            while let c = peek, c.isASCII, c.isNumber { position += 1 }
        }
        if let e = peek, e == "e" || e == "E" {
            var look = position + 1
            if look < chars.count, chars[look] == "+" || chars[look] == "-" { look += 1 }
            if look < chars.count, chars[look].isASCII, chars[look].isNumber {
                position = look
                while let c = peek, c.isASCII, c.isNumber { position += 1 }
            }
        }
        let literal = String(chars[start..<position])
        do {
            return try Rational.parse(literal)
        } catch {
            throw ExpressionParseError(message: error.description, offset: start + error.offset)
        }
    }

    // MARK: helpers

    var peek: Character? { position < chars.count ? chars[position] : nil }

    mutating func skipSpace() {
        while let c = peek, c == " " || c == "\t" || c == "\n" || c == "\r" { position += 1 }
    }

    func fault(_ message: String) -> ExpressionParseError {
        ExpressionParseError(message: message, offset: position)
    }

    func describePeek() -> String {
        guard let c = peek else { return "unexpected end of expression" }
        return "unexpected '\(c)'"
    }

    /// The error for a token that follows a complete operand but is not an operator.
    func unexpectedAfterOperand(expecting closing: String? = nil) -> ExpressionParseError {
        let expected = (closing.map { "\($0) or " } ?? "") + "an operator (+, -, *, /, ^)"
        guard let c = peek else { return fault("unexpected end of expression; expected \(expected)") }
        if (c.isASCII && (c.isLetter || c.isNumber)) || c == "_" || c == "(" {
            return fault("unexpected '\(c)': implicit multiplication is not allowed; expected \(expected), as in 2*a")
        }
        if c == ")" {
            return fault("unmatched ')'; expected \(expected)")
        }
        return fault("unexpected '\(c)'; expected \(expected)")
    }
}
