import ArgumentParser
import NetworkModel
import Collapse
import ModelFiles

/// The command's own faults (everything else comes from the library or ArgumentParser).
enum CLIError: Error, CustomStringConvertible {
    /// A fault in user-supplied text (a point, a points file, an option value) at a position.
    case input(SourceLocation, String)
    /// A file could not be read.
    case cannotRead(path: String, reason: String)
    /// An output file could not be written.
    case cannotWrite(path: String, reason: String)
    /// Evaluation failed (for example a symbolic weight where numbers are needed).
    case evaluation(String)

    var description: String {
        switch self {
        case .input(let location, let message): return "\(location): \(message)"
        case .cannotRead(let path, let reason): return "\(path):1:1: cannot read the file: \(reason)"
        case .cannotWrite(let path, let reason): return "\(path): cannot write the file: \(reason)"
        case .evaluation(let message): return "cannot evaluate: \(message)"
        }
    }
}

/// The one place that turns an error into a message on standard error and an exit status.
///
/// Every fault in input or usage exits 2 (the contract), with one line naming the file, line
/// and column where there is one; help and version requests print to standard output and
/// exit 0. Nothing here prints a stack trace or writes to standard output on failure.
enum Failure {
    /// The contract's status for bad input or usage.
    static let badInput: Int32 = 2

    /// An error thrown while running a subcommand.
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let error as SpecError:
            StandardStreams.error(error.description)
        case let error as CLIError:
            StandardStreams.error(error.description)
        case let error as ModelFileError:
            StandardStreams.error(error.description)
        case let error as EvaluationError:
            StandardStreams.error("cannot evaluate: \(error)")
        case let code as ExitCode:
            return code.rawValue
        default:
            // ArgumentParser validation errors thrown from run() and anything unforeseen.
            return reportParseError(error)
        }
        return badInput
    }

    /// An error from parsing the command line: help and version go to standard output with
    /// status 0; every usage error goes to standard error with status 2 (ArgumentParser's
    /// own code for these is 64).
    static func reportParseError(_ error: any Error) -> Int32 {
        let message = ProveCollapse.fullMessage(for: error)
        let code = ProveCollapse.exitCode(for: error)
        if code == .success {
            if !message.isEmpty { StandardStreams.output(message + "\n") }
            return 0
        }
        StandardStreams.error(message.isEmpty ? "prove-collapse: \(error)" : message)
        return badInput
    }
}
