/// The start-up parser of `prove-collapse regions SPEC [OPTIONS]` (issue 15), as
/// `AnalyzeRequest.init?(simpleArguments:)` is for the default subcommand: ArgumentParser's
/// parse of the command was a third of a small `regions --count` run.
///
/// Accepted: `regions`, then one SPEC (not empty, not starting with `-`, not a subcommand word)
/// and, each at most once, `--count`, `--format text|json`, `--max-regions N` (a positive
/// `Int(_:)`) and `--domain FILE` (a value that is `-` or does not start with `-`), written as
/// separate arguments. Declined (nil: ArgumentParser parses them as before, so every help text
/// and usage error is its own): anything else, among them `--plot` and `--box`, help, `--`,
/// `=` forms, a repeated option, a second SPEC and any subcommand word after `regions`. On
/// what it accepts, the result equals `RegionsCommand.request` of ArgumentParser's parse
/// (`SimpleArgumentsTests`).
extension RegionsRequest {
    /// The request `arguments` (without the program name) make, when they have the plain shape
    /// above; nil otherwise.
    init?(simpleArguments arguments: [String]) {
        guard arguments.first == "regions" else { return nil }
        let rest = arguments.dropFirst()
        guard !rest.contains(where: AnalyzeRequest.subcommandWords.contains) else { return nil }
        var request = RegionsRequest(spec: "")
        var spec: String?
        var given: [String] = []
        var position = rest.startIndex
        func nextValue() -> String? {
            guard position < rest.endIndex else { return nil }
            let value = rest[position]
            guard value == "-" || !value.hasPrefix("-") else { return nil }
            position += 1
            return value
        }
        while position < rest.endIndex {
            let argument = rest[position]
            position += 1
            guard argument.hasPrefix("-") else {
                guard spec == nil, !argument.isEmpty else { return nil }
                spec = argument
                continue
            }
            guard !given.contains(argument) else { return nil }
            given.append(argument)
            switch argument {
            case "--count": request.count = true
            case "--format":
                guard let value = nextValue(), let format = ReportFormat(rawValue: value) else { return nil }
                request.format = format
            case "--max-regions":
                guard let value = nextValue(), let count = Int(value), positivityProblem(count, "--max-regions") == nil
                else { return nil }
                request.maxRegions = count
            case "--domain":
                guard let value = nextValue() else { return nil }
                request.domain = value
            default: return nil
            }
        }
        guard let spec else { return nil }
        request.spec = spec
        self = request
    }
}
