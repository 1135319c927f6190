import ExactNumbers

/// A dense rows × columns matrix over an exact ring, stored row-major in one array.
///
/// A value type: copies share the array until one is written, and `subscript` set writes
/// through the array's copy-on-write, so a copy never observes another's change. Every shape is
/// allowed, including 0×n, n×0 and 0×0 (a 2×0 times 0×3 product is the 2×3 zero matrix).
public struct Matrix<Scalar: ExactRing>: Hashable, Sendable {
    /// The number of rows (>= 0).
    public let rows: Int
    /// The number of columns (>= 0).
    public let columns: Int
    /// The entries, row-major: entry (i, j) is `entries[i * columns + j]`.
    public private(set) var entries: [Scalar]

    /// The matrix with the given row-major entries.
    /// Precondition: rows, columns >= 0 and `entries.count == rows * columns`.
    public init(rows: Int, columns: Int, entries: [Scalar]) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions are non-negative")
        precondition(
            entries.count == rows * columns,
            "Matrix(rows: \(rows), columns: \(columns)) needs \(rows * columns) entries, got \(entries.count)")
        self.rows = rows
        self.columns = columns
        self.entries = entries
    }

    /// The matrix with these rows. An empty list is 0×0; `[[], []]` is 2×0.
    /// Precondition: all rows have the same length.
    public init(rows list: [[Scalar]]) {
        let columns = list.first?.count ?? 0
        precondition(list.allSatisfy { $0.count == columns }, "Matrix rows must all have the same length")
        self.init(rows: list.count, columns: columns, entries: list.flatMap { $0 })
    }

    /// The rows × columns zero matrix.
    public static func zero(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, entries: Array(repeating: .zero, count: rows * columns))
    }

    /// The n × n identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = zero(rows: n, columns: n)
        for i in 0..<n { m.entries[i * n + i] = .one }
        return m
    }

    /// The column vector v as an n × 1 matrix.
    public init(column v: [Scalar]) {
        self.init(rows: v.count, columns: 1, entries: v)
    }

    /// Entry (i, j). Preconditions: 0 <= i < rows, 0 <= j < columns.
    public subscript(i: Int, j: Int) -> Scalar {
        get {
            precondition(
                i >= 0 && i < rows && j >= 0 && j < columns, "Matrix index (\(i), \(j)) out of range \(rows)×\(columns)"
            )
            return entries[i * columns + j]
        }
        set {
            precondition(
                i >= 0 && i < rows && j >= 0 && j < columns, "Matrix index (\(i), \(j)) out of range \(rows)×\(columns)"
            )
            entries[i * columns + j] = newValue
        }
    }

    /// Row i as an array. Precondition: 0 <= i < rows.
    public func rowArray(_ i: Int) -> [Scalar] {
        precondition(i >= 0 && i < rows, "Matrix row \(i) out of range 0..<\(rows)")
        return Array(entries[(i * columns)..<((i + 1) * columns)])
    }

    /// Column j as an array. Precondition: 0 <= j < columns.
    public func columnArray(_ j: Int) -> [Scalar] {
        precondition(j >= 0 && j < columns, "Matrix column \(j) out of range 0..<\(columns)")
        return (0..<rows).map { entries[$0 * columns + j] }
    }

    /// All rows, as nested arrays.
    public var rowArrays: [[Scalar]] { (0..<rows).map(rowArray) }

    /// Whether every entry is zero (true for empty shapes).
    public var isZero: Bool { entries.allSatisfy(\.isZero) }

    /// The entrywise image, same shape.
    public func map<T: ExactRing>(_ transform: (Scalar) throws -> T) rethrows -> Matrix<T> {
        Matrix<T>(rows: rows, columns: columns, entries: try entries.map(transform))
    }

    /// The transpose: entry (j, i) of the result is entry (i, j) of self.
    public func transposed() -> Matrix {
        var out: [Scalar] = []
        out.reserveCapacity(entries.count)
        for j in 0..<columns {
            for i in 0..<rows { out.append(entries[i * columns + j]) }
        }
        return Matrix(rows: columns, columns: rows, entries: out)
    }
}

extension Matrix: CustomStringConvertible {
    /// Nested rows, `[[1, 2], [3, 4]]` (`[]` for no rows, `[[], []]` for 2×0).
    public var description: String {
        "[" + rowArrays.map { "[" + $0.map(\.description).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }
}
