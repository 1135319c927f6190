/// A position in a spec file: the file as named by the caller, a 1-based line and a
/// 1-based column (counted in Unicode scalars, as libyaml counts them).
///
/// `description` is `FILE:LINE:COLUMN`, the prefix of every `SpecError`.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file name or path as given to the reader.
    public var file: String
    /// The line, starting at 1.
    public var line: Int
    /// The column, starting at 1.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location of a whole file (line 1, column 1): used for faults that have no better
    /// position, such as a file that cannot be read.
    public static func start(of file: String) -> SourceLocation {
        SourceLocation(file: file, line: 1, column: 1)
    }

    /// A placeholder for layers built in code rather than read from a file.
    public static let unspecified = SourceLocation(file: "", line: 0, column: 0)

    /// `FILE:LINE:COLUMN`.
    public var description: String { "\(file):\(line):\(column)" }

    /// The location `count` columns further along the same line.
    func advanced(byColumns count: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + count)
    }
}
