import Yams

/// Adapts Yams' representation tree (`Yams.compose`) to a `SpecNode` tree: scalars keep their
/// literal text and quoting style, nodes keep their 1-based marks, and Yams errors become
/// `SpecError`s at the line and column libyaml reports.
enum YAMLSpecReader {
    /// Deepest flow nesting (`[` and `{`) accepted before handing the text to libyaml, whose
    /// own limit (1000) is deep enough to exhaust a small thread stack in the composer.
    static let maximumFlowDepth = 200

    /// Parses one YAML document.
    static func parse(_ text: String, file: String) throws(SpecError) -> SpecNode {
        let text = try YAMLLineBreaks.withoutNonASCIIBreaks(text, file: file)
        try checkFlowDepth(text, file: file)
        try YAMLAliasScan.check(text, file: file)
        let root: Node?
        do {
            // `.basic`: no implicit-tag rules. The default resolver compiles seven regular
            // expressions (Foundation's ICU regex engine, several milliseconds at start-up)
            // and matches every mapping key against them; plain scalars are read by the
            // core-schema rules of `SpecScalar` and `YAMLTags` instead, from their text. So
            // keys are compared as strings: `1:` and `"1":` in one mapping are a duplicate.
            // No constructor (the tree is read node by node, never turned into Swift values) and
            // UTF-8 named: the defaults build the constructor's tables and read the whole
            // environment through Foundation (`Parser.Encoding.default`) at start-up.
            root = try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8)
        } catch let error as YamlError {
            throw convert(error, text: text, file: file)
        } catch {
            throw SpecError("malformed YAML: \(error); expected a YAML document", at: .start(of: file))
        }
        guard let root else {
            throw SpecError("empty YAML document; expected a mapping with 'input' and 'layers'", at: .start(of: file))
        }
        return try convert(root, file: file)
    }

    private static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        guard let mark else { return .start(of: file) }
        // Yams' marks are already 1-based (libyaml's 0-based marks plus one).
        return SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1))
    }

    private static func convert(_ node: Node, file: String) throws(SpecError) -> SpecNode {
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style != .plain && scalar.style != .any
            let at = location(scalar.mark, file)
            return SpecNode(
                .scalar(try YAMLTags.scalar(scalar.string, quoted: quoted, tag: scalar.tag.description, at: at)), at: at
            )
        case .sequence(let sequence):
            try YAMLTags.checkCollection(tag: sequence.tag.description, isList: true, at: location(sequence.mark, file))
            var elements: [SpecNode] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence {
                elements.append(try convert(element, file: file))
            }
            return SpecNode(.sequence(elements), at: location(sequence.mark, file))
        case .mapping(let mapping):
            try YAMLTags.checkCollection(tag: mapping.tag.description, isList: false, at: location(mapping.mark, file))
            var entries: [SpecEntry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw SpecError(
                        "a \(key.sequence != nil ? "list" : "mapping") used as a key; expected a key name",
                        at: location(key.mark, file))
                }
                entries.append(
                    SpecEntry(
                        key: keyScalar.string, keyLocation: location(keyScalar.mark, file),
                        value: try convert(value, file: file)))
            }
            return SpecNode(.mapping(entries), at: location(mapping.mark, file))
        case .alias(let alias):
            throw SpecError("unresolved alias; expected a value", at: location(alias.mark, file))
        }
    }

    /// Maps a Yams error to a positioned `SpecError`.
    private static func convert(_ error: YamlError, text: String, file: String) -> SpecError {
        func detail(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context else { return problem }
            return "\(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case .reader(let problem, let offset, _, _):
            let at = offset.map { SourceText.location(ofCharacter: $0, in: text, file: file) } ?? .start(of: file)
            return SpecError("malformed YAML: \(problem); expected readable YAML text", at: at)
        case .scanner(let context, let problem, let mark, _):
            return SpecError(
                "malformed YAML: \(detail(context, problem)); expected well-formed YAML", at: location(mark, file))
        case .parser(let context, let problem, let mark, _):
            return SpecError(
                "malformed YAML: \(detail(context, problem)); expected well-formed YAML", at: location(mark, file))
        case .composer(let context, let problem, let mark, _):
            if problem.contains("another document") {
                return SpecError("a second YAML document; expected a single document", at: location(mark, file))
            }
            return SpecError(
                "malformed YAML: \(detail(context, problem)); expected well-formed YAML", at: location(mark, file))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { SpecError.quote($0) }.joined(separator: ", ")
            // Yams marks the first occurrence; the fault is the repetition (as in JSON).
            let at = duplicates.first.flatMap { repetition(ofKey: $0, firstAt: context.mark, in: text, file: file) }
            return SpecError(
                "duplicate key \(names); expected each key once in a mapping", at: at ?? location(context.mark, file))
        default:
            return SpecError("malformed YAML: \(error); expected well-formed YAML", at: .start(of: file))
        }
    }

    /// Where `key`, first written at `mark` (1-based), is written again: the next line that has
    /// the key at the same column with only indentation or `- ` before it (a block mapping),
    /// else the next `key:` after the first one on any line (a flow mapping). Nil when neither
    /// is found.
    static func repetition(ofKey key: String, firstAt mark: Mark, in text: String, file: String) -> SourceLocation? {
        let lines = SourceText.lines(of: text).map { Array($0.unicodeScalars) }
        let spellings = [
            Array(key.unicodeScalars), Array("\"\(key)\"".unicodeScalars), Array("'\(key)'".unicodeScalars),
        ]
        /// Whether `line` has a spelling of `key`, then optional blanks and a colon, at `column` (0-based).
        func keyEnd(_ line: [Unicode.Scalar], _ column: Int) -> Bool {
            for spelling in spellings
            where line.count >= column + spelling.count && Array(line[column..<column + spelling.count]) == spelling {
                var i = column + spelling.count
                while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 }
                if i < line.count, line[i] == ":" { return true }
            }
            return false
        }
        let firstLine = mark.line - 1, column = mark.column - 1
        guard firstLine >= 0, firstLine < lines.count, column >= 0 else { return nil }
        for index in lines.indices where index > firstLine {
            let line = lines[index]
            guard keyEnd(line, column), line[..<column].allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            return SourceLocation(file: file, line: index + 1, column: column + 1)
        }
        for index in lines.indices where index >= firstLine {
            let line = lines[index]
            var c = index == firstLine ? column + 1 : 0
            while c < line.count {
                let before = c == 0 ? " " : line[c - 1]
                if " \t{,?".unicodeScalars.contains(before), keyEnd(line, c) {
                    return SourceLocation(file: file, line: index + 1, column: c + 1)
                }
                c += 1
            }
        }
        return nil
    }

    /// Rejects flow collections nested deeper than `maximumFlowDepth` (a conservative scan
    /// that skips quoted text and comments).
    private static func checkFlowDepth(_ text: String, file: String) throws(SpecError) {
        var depth = 0
        var quote: UInt8? = nil
        var inComment = false
        var previous: UInt8 = 0x0A
        var offset = 0
        for b in text.utf8 {
            defer {
                previous = b
                offset += 1
            }
            if inComment {
                if b == 0x0A || b == 0x0D { inComment = false }
                continue
            }
            if let q = quote {
                if b == q { quote = nil }
                continue
            }
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if depth > 0 || previous == 0x20 || previous == 0x0A || previous == 0x0D
                    || previous == UInt8(ascii: ":")
                {
                    quote = b
                }
            case UInt8(ascii: "#"):
                if previous == 0x20 || previous == 0x0A || previous == 0x0D || previous == 0x09 { inComment = true }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumFlowDepth {
                    let at = text.utf8.withContiguousStorageIfAvailable {
                        SourceText.location(ofByte: offset, in: $0, file: file)
                    }
                    throw SpecError(
                        "nesting too deep; expected at most \(maximumFlowDepth) nested lists and mappings",
                        at: at ?? .start(of: file))
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                break
            }
        }
    }
}
