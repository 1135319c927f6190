public import ArgumentParser
import Rendering

/// `--format` for reports: text for a person, or JSON.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// `--format` for `random`: the spec notation written.
enum SpecNotation: String, ExpressibleByArgument, CaseIterable {
    case yaml
    case json
}

/// `--convention` for the LaTeX derivation: column vectors (W x + b) or row vectors (x W + b).
extension LaTeXOptions.Convention: ExpressibleByArgument {}
