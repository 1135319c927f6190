import ArgumentParser

/// A subcommand that finishes with an exit status of its own (0, 1 or 3 per the contract)
/// instead of ArgumentParser's success/failure.
protocol ExitStatusCommand: ParsableCommand {
    /// Does the work, writes the output, and returns the exit status.
    func execute() throws -> Int32
}

extension ExitStatusCommand {
    /// Unused: `CommandRunner` calls `execute()`; present to satisfy `ParsableCommand`.
    mutating func run() throws {
        let status = try execute()
        if status != 0 { throw ExitCode(status) }
    }
}

/// Parses the arguments and runs the chosen subcommand, never letting an error escape.
enum CommandRunner {
    /// The exit status for `arguments` (without the program name).
    static func run(_ arguments: [String]) -> Int32 {
        // `--version` alone is answered before ArgumentParser, whose parse of the command tree
        // (reflection over every subcommand's options) is most of the user time at start-up;
        // the output is ArgumentParser's own for this request (the version and a newline).
        if arguments == ["--version"] {
            StandardStreams.output(ProveCollapse.version + "\n")
            return finished(0)
        }
        // `prove-collapse SPEC [common options]` is read without ArgumentParser; anything else
        // (help, usage errors, subcommands) goes on to its parse (AnalyzeRequest+SimpleArguments).
        if let request = AnalyzeRequest(simpleArguments: arguments) {
            return finished(executed(request.execute))
        }
        // The same for `prove-collapse regions SPEC [common options]` (RegionsRequest+SimpleArguments).
        if let request = RegionsRequest(simpleArguments: arguments) {
            return finished(executed(request.execute))
        }
        let command: ParsableCommand
        do {
            command =
                try parseDefaultSubcommand(arguments) ?? parseNamedSubcommand(arguments)
                ?? ProveCollapse.parseAsRoot(arguments)
        } catch {
            return finished(Failure.reportParseError(error))
        }
        if let command = command as? ExitStatusCommand {
            return finished(executed(command.execute))
        }
        return finished(
            executed {
                var command = command
                try command.run()
                return 0
            })
    }

    /// The exit status of `work`, or of the error it throws (`Failure.report`).
    private static func executed(_ work: () throws -> Int32) -> Int32 {
        do {
            return try work()
        } catch {
            return Failure.report(error)
        }
    }

    /// `status`, unless output did not reach standard output (a full disk, /dev/full): that is
    /// a failure, said on standard error, status 2.
    private static func finished(_ status: Int32) -> Int32 {
        if let failure = StandardStreams.outputFailure {
            StandardStreams.error(CLIError.cannotWrite(path: "standard output", reason: failure).description)
            return Failure.badInput
        }
        return status
    }

    /// The default subcommand parsed on its own, when no argument names a subcommand (then
    /// the root parse would choose the default subcommand too and parse the same arguments
    /// with it); nil when an argument names one, when that parse fails (usage errors) or is a
    /// help request: the root parse then runs and reports them as always. ArgumentParser's root parse walks
    /// every subcommand's options several times by reflection; this walks one command's.
    static func parseDefaultSubcommand(_ arguments: [String]) -> ParsableCommand? {
        guard let analyze = ProveCollapse.configuration.defaultSubcommand else { return nil }
        let names = Set(ProveCollapse.configuration.subcommands.map { $0._commandName } + ["help"])
        guard !arguments.isEmpty, !arguments.contains(where: names.contains) else { return nil }
        // Help requests parse to ArgumentParser's own help command: only the subcommand itself counts.
        guard let command = try? analyze.parseAsRoot(arguments), type(of: command) == analyze else { return nil }
        return command
    }

    /// The subcommand named by the first argument, parsed on its own with the arguments after
    /// its name; nil when the first argument names no subcommand, when that parse fails (usage
    /// errors) or is a help request: the root parse then runs and reports them as always, with
    /// the full command name in its usage text. Parsing one subcommand reflects over its own
    /// options only, not over the whole command tree (the root parse's cost at start-up).
    static func parseNamedSubcommand(_ arguments: [String]) -> ParsableCommand? {
        guard let name = arguments.first,
            let subcommand = ProveCollapse.configuration.subcommands.first(where: { $0._commandName == name })
        else { return nil }
        guard let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
            type(of: command) == subcommand
        else { return nil }
        return command
    }
}
