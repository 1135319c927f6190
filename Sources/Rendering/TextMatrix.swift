/// Matrices and vectors as aligned text for a person: right-aligned columns, one row per
/// line, brackets on both sides; large matrices show their corners around `…` and `⋮`.
///
/// Entries are fetched through a closure so a 512×512 matrix is never turned into 262,144
/// strings for a report that shows 100 of them.
enum TextMatrix {
    /// Rows or columns beyond this count are elided to their first and last `cornerSize`.
    static let elisionThreshold = 12
    /// How many leading and trailing rows/columns are shown when eliding.
    static let cornerSize = 4
    /// Entries longer than this are shortened in the middle with `…`.
    static let maximumEntryLength = 40

    /// The indices shown along one dimension: all of them, or the two corners with `nil`
    /// marking the elided middle.
    static func shownIndices(_ count: Int) -> [Int?] {
        guard count > elisionThreshold else { return (0..<count).map { $0 } }
        return (0..<cornerSize).map { $0 } + [nil] + ((count - cornerSize)..<count).map { $0 }
    }

    /// Whether a matrix of this shape is shown elided.
    static func isElided(rows: Int, columns: Int) -> Bool {
        rows > elisionThreshold || columns > elisionThreshold
    }

    /// An entry shortened to `maximumEntryLength` characters (`1234567…7654321`).
    static func abbreviate(_ text: String) -> (text: String, shortened: Bool) {
        guard text.count > maximumEntryLength else { return (text, false) }
        let keep = (maximumEntryLength - 1) / 2
        return (String(text.prefix(keep)) + "…" + String(text.suffix(keep)), true)
    }

    /// The lines of the matrix, each prefixed by `indent`: `[ 7/2  -1 ]`.
    /// `shortened` is set when some entry was abbreviated.
    static func lines(
        rows: Int, columns: Int, indent: String, shortened: inout Bool,
        entry: (Int, Int) -> String
    ) -> [String] {
        if rows == 0 { return [indent + "[ ]  (no rows)"] }
        if columns == 0 { return Array(repeating: indent + "[ ]", count: min(rows, elisionThreshold)) }
        let shownRows = shownIndices(rows), shownColumns = shownIndices(columns)
        // cells[r][c]: the text of each shown cell; nil rows are the vertical ellipsis.
        var cells: [[String]?] = []
        for i in shownRows {
            guard let i else { cells.append(nil); continue }
            cells.append(
                shownColumns.map { j in
                    guard let j else { return "…" }
                    let (text, cut) = abbreviate(entry(i, j))
                    if cut { shortened = true }
                    return text
                })
        }
        var widths = Array(repeating: 1, count: shownColumns.count)
        for row in cells { if let row { for (c, text) in row.enumerated() { widths[c] = max(widths[c], text.count) } } }
        return cells.map { row in
            guard let row else {
                let body = widths.map { pad("⋮", to: $0) }.joined(separator: "  ")
                return indent + "  " + body
            }
            let body = zip(row, widths).map { pad($0, to: $1) }.joined(separator: "  ")
            return indent + "[ " + body + " ]"
        }
    }

    /// A column vector's lines (each entry on its own line, right-aligned).
    static func columnLines(_ count: Int, indent: String, shortened: inout Bool, entry: (Int) -> String) -> [String] {
        lines(rows: count, columns: 1, indent: indent, shortened: &shortened) { i, _ in entry(i) }
    }

    /// A short inline vector `(1/2, -3)`, eliding the middle past `limit` entries.
    static func inline(_ values: [String], limit: Int = 8) -> String {
        if values.count == 1 { return values[0] }  // a scalar: no parentheses
        guard values.count > limit else { return "(" + values.joined(separator: ", ") + ")" }
        let head = values.prefix(limit / 2), tail = values.suffix(limit / 2)
        return "(" + (head + ["…"] + tail).joined(separator: ", ") + "; \(values.count) entries)"
    }

    /// Right-aligns `text` in a field of `width` characters.
    static func pad(_ text: String, to width: Int) -> String {
        let count = text.count
        return count >= width ? text : String(repeating: " ", count: width - count) + text
    }
}
