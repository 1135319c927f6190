// The `prove-collapse` entry point: parse, run, map the outcome to the contract's exit code.
// Everything that can go wrong ends in `Failure.report` (Failure.swift), the one place that
// turns an error into a message and an exit status.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(CommandRunner.run(Array(CommandLine.arguments.dropFirst())))
