import ExactNumbers
import NetworkModel

/// Reading input points for `eval`: `"1/2, -3"` (commas, or white space, between exact
/// rationals; optional surrounding brackets), from `--at` or one per line of a file.
enum PointParsing {
    /// The point written in `text`, which sits at `line`/`column` of `file`.
    static func parse(_ text: String, file: String, line: Int, column: Int = 1) throws(CLIError) -> [Rational] {
        let characters = Array(text)
        var start = 0, end = characters.count
        while start < end, characters[start].isWhitespace { start += 1 }
        while end > start, characters[end - 1].isWhitespace { end -= 1 }
        if start < end, characters[start] == "[" || characters[start] == "(" {
            guard characters[end - 1] == (characters[start] == "[" ? "]" : ")") else {
                throw .input(
                    SourceLocation(file: file, line: line, column: column + end - 1),
                    "unclosed '\(characters[start])' in point; expected a list such as \"1/2, -3\"")
            }
            start += 1
            end -= 1
        }
        let separatedByCommas = characters[start..<end].contains(",")
        var values: [Rational] = []
        var fieldStart = start
        var index = start
        func isSeparator(_ c: Character) -> Bool { separatedByCommas ? c == "," : c.isWhitespace }
        while index <= end {
            if index == end || isSeparator(characters[index]) {
                var a = fieldStart, b = index
                while a < b, characters[a].isWhitespace { a += 1 }
                while b > a, characters[b - 1].isWhitespace { b -= 1 }
                if a < b || separatedByCommas {
                    do {
                        values.append(try Rational.parse(String(characters[a..<b])))
                    } catch {
                        throw .input(
                            SourceLocation(file: file, line: line, column: column + a + error.offset),
                            error.description)
                    }
                }
                fieldStart = index + 1
            }
            index += 1
        }
        return values
    }

}
