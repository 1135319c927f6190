import Rendering

/// The start-up parser of `prove-collapse SPEC [OPTIONS]` (issue 15): the common argument
/// lists of the default subcommand read without ArgumentParser, whose parse of `AnalyzeCommand`
/// (reflection over its option groups, protocol-conformance scans, generic metadata made by
/// mangled name) was most of the program's own time on a small spec.
///
/// It accepts only argument lists whose meaning is plain, and declines (nil) everything else,
/// which then takes ArgumentParser's path as before, so every help text and usage error is
/// ArgumentParser's own. Accepted: one SPEC (not empty, not starting with `-`), and, each at
/// most once (`--set` any number of times), the long options of `analyze` written as two
/// arguments (`--format json`, never `--format=json`): `--domain`, `--format`, `--latex`,
/// `--max-regions`, `--convention`, `--timeout`, `--max-terms`, `--progress` or
/// `--no-progress`, `--pdf`, `--figures`, `--set`, `--certificate`, `--region-certificates`,
/// `--no-simplify`. An option's value is the next argument when it is `-` or does not start
/// with `-`, converted as ArgumentParser converts it (`Int(_:)`, `Double(_:)`, the raw value
/// of an enumeration). Declined: any other argument starting with `-` (help, `--version`
/// with others, `--`, short names, unknown options), a word naming a subcommand (or `help`)
/// anywhere, a second SPEC, a repeated option, a missing or unconvertible value, and values
/// ArgumentParser's validation rejects (the same checks: `Limits.problem`,
/// `positivityProblem`, `AnalyzeRequest.combinationProblem`). On what it accepts, the result
/// equals `AnalyzeCommand.request` of ArgumentParser's parse (`SimpleArgumentsTests`).
extension AnalyzeRequest {
    /// The words ArgumentParser reads as a subcommand of `prove-collapse` (with `help`): the
    /// command names of `ProveCollapse.configuration.subcommands` (a test checks they agree).
    /// Arrays, not sets, here: the first `Set<String>` costs a scan of the runtime's
    /// protocol-conformance records (`String: Hashable`), tens of microseconds at start-up.
    static let subcommandWords: [String] = [
        "analyze", "eval", "check", "random", "regions", "local", "separable", "verify", "convert", "fuse", "help",
    ]

    /// The request `arguments` (without the program name) make, when they have the plain shape
    /// above; nil otherwise (ArgumentParser then parses them).
    init?(simpleArguments arguments: [String]) {
        guard !arguments.contains(where: Self.subcommandWords.contains) else { return nil }
        var request = AnalyzeRequest(spec: "")
        var spec: String?
        var given: [String] = []
        var position = arguments.startIndex
        /// The value after an option: `-` or an argument that does not start with `-`.
        func nextValue() -> String? {
            guard position < arguments.endIndex else { return nil }
            let value = arguments[position]
            guard value == "-" || !value.hasPrefix("-") else { return nil }
            position += 1
            return value
        }
        while position < arguments.endIndex {
            let argument = arguments[position]
            position += 1
            guard argument.hasPrefix("-") else {
                guard spec == nil, !argument.isEmpty else { return nil }
                spec = argument
                continue
            }
            if argument == "--set" {
                guard let value = nextValue() else { return nil }
                request.assignments.append(value)
                continue
            }
            // `--progress` and `--no-progress` are one option.
            let name = argument == "--no-progress" ? "--progress" : argument
            guard !given.contains(name) else { return nil }
            given.append(name)
            switch argument {
            case "--figures": request.figures = true
            case "--region-certificates": request.regionCertificates = true
            case "--no-simplify": request.noSimplify = true
            case "--progress": request.limits.progress = true
            case "--no-progress": request.limits.progress = false
            default:
                guard let value = nextValue(), request.set(argument, to: value) else { return nil }
            }
        }
        guard let spec else { return nil }
        request.spec = spec
        guard
            positivityProblem(request.maxRegions, "--max-regions") == nil, request.limits.problem == nil,
            request.combinationProblem == nil
        else { return nil }
        self = request
    }

    /// Sets the option named `option` (with its dashes) to `value`; false when `option` takes no
    /// value here or `value` does not convert.
    private mutating func set(_ option: String, to value: String) -> Bool {
        switch option {
        case "--domain": domain = value
        case "--latex": latex = value
        case "--pdf": pdf = value
        case "--certificate": certificate = value
        case "--format":
            guard let format = ReportFormat(rawValue: value) else { return false }
            self.format = format
        case "--convention":
            guard let convention = LaTeXOptions.Convention(rawValue: value) else { return false }
            self.convention = convention
        case "--max-regions":
            guard let count = Int(value) else { return false }
            maxRegions = count
        case "--max-terms":
            guard let count = Int(value) else { return false }
            limits.maxTerms = count
        case "--timeout":
            guard let seconds = Double(value) else { return false }
            limits.timeout = seconds
        default: return false
        }
        return true
    }
}
