internal import CFLINT

/// Owns one FLINT integer matrix (`fmpz_mat_t`), allocated once and freed in `deinit`.
final class IntegerMatrixStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<fmpz_mat_struct>

    /// The rows × columns zero matrix (`fmpz_mat_init`).
    init(rows: Int, columns: Int) {
        pointer = .allocate(capacity: 1)
        fmpz_mat_init(pointer, rows, columns)
    }

    /// A deep copy (`fmpz_mat_init_set`).
    init(copying other: IntegerMatrixStorage) {
        pointer = .allocate(capacity: 1)
        fmpz_mat_init_set(pointer, other.pointer)
    }

    deinit {
        fmpz_mat_clear(pointer)
        pointer.deallocate()
    }
}

/// A dense matrix of arbitrary-precision integers: a value type over FLINT's `fmpz_mat_t`
/// (entries below 2⁶² are stored inline as machine words, larger ones as GMP integers),
/// copy-on-write. The kernel of exact composition: rational layers are cleared to integer
/// matrices over one denominator each (`clearing`), multiplied here with FLINT's
/// `fmpz_mat_mul` (machine-word kernels for small entries, multimodular with Chinese
/// remaindering for large ones), and reduced to lowest terms once (`quotients(by:rows:)`).
///
/// Every shape is allowed, including 0×n, n×0 and 0×0.
public struct IntegerMatrix: Sendable {
    var storage: IntegerMatrixStorage
    /// The number of rows (>= 0).
    public let rows: Int
    /// The number of columns (>= 0).
    public let columns: Int

    /// The rows × columns zero matrix. Precondition: rows, columns >= 0.
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "IntegerMatrix dimensions are non-negative")
        self.rows = rows
        self.columns = columns
        storage = IntegerMatrixStorage(rows: rows, columns: columns)
    }

    /// The matrix with these row-major entries (`fmpz_set_mpz` each).
    /// Precondition: entries.count == rows * columns.
    public init(rows: Int, columns: Int, entries: [BigInt]) {
        precondition(
            entries.count == rows * columns,
            "IntegerMatrix(rows: \(rows), columns: \(columns)) needs \(rows * columns) entries, got \(entries.count)")
        self.init(rows: rows, columns: columns)
        for i in 0..<rows {
            for j in 0..<columns {
                entries[i * columns + j].withRawMPZ { cflint_fmpz_set_mpz(cflint_entry(storage.pointer, i, j), $0) }
            }
        }
    }

    init(storage: IntegerMatrixStorage) {
        self.storage = storage
        rows = storage.pointer.pointee.r
        columns = storage.pointer.pointee.c
    }

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = IntegerMatrixStorage(copying: storage)
        }
    }

    /// Entry (i, j). Preconditions: 0 <= i < rows, 0 <= j < columns.
    public subscript(i: Int, j: Int) -> BigInt {
        get {
            precondition(
                i >= 0 && i < rows && j >= 0 && j < columns,
                "IntegerMatrix index (\(i), \(j)) out of range \(rows)×\(columns)")
            let entry = cflint_entry_const(storage.pointer, i, j)
            return BigInt.fromRawMPZ { cflint_fmpz_get_mpz($0, entry) }
        }
        set {
            precondition(
                i >= 0 && i < rows && j >= 0 && j < columns,
                "IntegerMatrix index (\(i), \(j)) out of range \(rows)×\(columns)")
            makeUnique()
            newValue.withRawMPZ { cflint_fmpz_set_mpz(cflint_entry(storage.pointer, i, j), $0) }
        }
    }

    /// All entries, row-major.
    public var entries: [BigInt] {
        var out: [BigInt] = []
        out.reserveCapacity(rows * columns)
        for i in 0..<rows {
            for j in 0..<columns { out.append(self[i, j]) }
        }
        return out
    }

}

extension IntegerMatrix {
    /// Frees the calling thread's cache of freed FLINT big integers (see
    /// `FlintThreads.releaseCachedIntegers`): for callers that have just released large
    /// integer matrices (the product of a chain, once it is reduced).
    public static func releaseCachedIntegers() {
        FlintThreads.releaseCachedIntegers()
    }
}

extension IntegerMatrix: Equatable {
    /// Same shape and entries (`fmpz_mat_equal`).
    public static func == (lhs: IntegerMatrix, rhs: IntegerMatrix) -> Bool {
        lhs.rows == rhs.rows && lhs.columns == rhs.columns
            && (lhs.rows == 0 || lhs.columns == 0 || fmpz_mat_equal(lhs.storage.pointer, rhs.storage.pointer) != 0)
    }
}
