import ArgumentParser

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
