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
        let command: ParsableCommand
        do {
            command = try ProveCollapse.parseAsRoot(arguments)
        } catch {
            return Failure.reportParseError(error)
        }
        let status: Int32
        do {
            if let command = command as? ExitStatusCommand {
                status = try command.execute()
            } else {
                var command = command
                try command.run()
                status = 0
            }
        } catch {
            status = Failure.report(error)
        }
        // A report that did not reach standard output (a full disk, /dev/full) is a failure.
        if let failure = StandardStreams.outputFailure {
            StandardStreams.error(CLIError.cannotWrite(path: "standard output", reason: failure).description)
            return Failure.badInput
        }
        return status
    }
}
