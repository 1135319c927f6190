import ExactNumbers
import Algebra
import Foundation

extension LaTeXBuilder {
    /// The indices shown of a dimension of size `n`: all of them up to `maxMatrixDimension`,
    /// else the first ones, nil (the ellipsis) and the last two.
    func shownIndices(_ n: Int, limit: Int? = nil) -> [Int?] {
        let limit = limit ?? matrixLimit ?? options.maxMatrixDimension
        guard n > limit else { return Array(0..<n) }
        let head = limit - 3
        return Array(0..<head).map { Optional($0) } + [nil, n - 2, n - 1]
    }

    /// A `bmatrix` of `rows` × `columns` cells, eliding past `maxMatrixDimension`; `entry`
    /// is asked only for the cells shown.
    /// Polynomial entries are shortened to fewer terms (down to 3) while the matrix is wider
    /// than half the line (it shares the line with its label), so a column of long polynomials fits the page;
    /// then, past 70% of the line, fewer rows and columns are shown.
    mutating func bmatrix(rows: Int, columns: Int, entry: (inout LaTeXBuilder, Int, Int) -> TeXFragment) -> Typeset {
        var typeset = bmatrixOnce(rows: rows, columns: columns, entry: entry)
        guard termLimit == nil else { return typeset }
        var limit = options.maxTerms
        while typeset.width > Self.lineWidth * 0.5, limit > 3 {
            limit = max(3, limit - 2)
            termLimit = limit
            typeset = bmatrixOnce(rows: rows, columns: columns, entry: entry)
            termLimit = nil
        }
        // Still too wide: fewer rows and columns shown (down to ⋯ and the last two).
        var dimension = options.maxMatrixDimension
        while typeset.width > Self.lineWidth * 0.7, dimension > 3, max(rows, columns) > 3 {
            dimension -= 1
            (termLimit, matrixLimit) = (limit, dimension)
            typeset = bmatrixOnce(rows: rows, columns: columns, entry: entry)
            (termLimit, matrixLimit) = (nil, nil)
        }
        return typeset
    }

    mutating func bmatrixOnce(rows: Int, columns: Int, entry: (inout LaTeXBuilder, Int, Int) -> TeXFragment)
        -> Typeset
    {
        guard rows > 0, columns > 0 else {
            return Typeset(tex: "\\begin{bmatrix}\\,\\end{bmatrix}", width: 1)
        }
        let shownRows = shownIndices(rows), shownColumns = shownIndices(columns)
        if shownRows.count < rows || shownColumns.count < columns { elided = true }
        var cells = [[TeXFragment]]()
        var columnWidths = [Double](repeating: 0, count: shownColumns.count)
        for i in shownRows {
            var row = [TeXFragment]()
            for (k, j) in shownColumns.enumerated() {
                var cell: TeXFragment
                switch (i, j) {
                case (nil, nil): cell = TeXFragment("\\ddots")
                case (nil, _): cell = TeXFragment("\\vdots")
                case (_, nil): cell = TeXFragment("\\cdots")
                case (let i?, let j?):
                    cell = entry(&self, i, j)
                    // `\\ [` would read the bracket as the row separator's optional argument.
                    if cell.opensWithBracket { cell.text = "{}" + cell.text }
                }
                columnWidths[k] = max(columnWidths[k], TeXWidth.estimate(cell.text))
                row.append(cell)
            }
            cells.append(row)
        }
        let lines = cells.map { $0.map(\.text).joined(separator: " & ") }
        // Stacked fractions need a little air between rows.
        let separator = cells.joined().contains { $0.hasFraction } ? " \\\\[2pt] " : " \\\\ "
        let oneLine = lines.joined(separator: separator)
        let tex =
            oneLine.count <= 90
            ? "\\begin{bmatrix} \(oneLine) \\end{bmatrix}"
            : "\\begin{bmatrix}\n    "
                + lines.joined(separator: separator.trimmingCharacters(in: .whitespaces) + "\n    ")
                + "\n  \\end{bmatrix}"
        let width = columnWidths.reduce(0, +) + Double(columnWidths.count) * 0.9 + 0.8
        return Typeset(tex: tex, width: width)
    }

    /// A matrix as written in the chosen convention: as given (column vectors) or transposed
    /// (row vectors).
    mutating func matrix<S: TeXScalar>(_ m: Matrix<S>) -> Typeset {
        if isRow {
            return bmatrix(rows: m.columns, columns: m.rows) { b, i, j in m[j, i].fragment(&b) }
        }
        return bmatrix(rows: m.rows, columns: m.columns) { b, i, j in m[i, j].fragment(&b) }
    }

    /// A vector in the chosen convention: a column, or a row.
    mutating func vector<S: TeXScalar>(_ v: [S]) -> Typeset {
        if isRow { return bmatrix(rows: 1, columns: v.count) { b, _, j in v[j].fragment(&b) } }
        return bmatrix(rows: v.count, columns: 1) { b, i, _ in v[i].fragment(&b) }
    }

    /// A vector of already typeset entries in the chosen convention; a row too wide for half
    /// the line (enclosures) is written as a transposed column.
    mutating func vector(fragments: [TeXFragment]) -> Typeset {
        let column = bmatrix(rows: fragments.count, columns: 1) { _, i, _ in fragments[i] }
        guard isRow else { return column }
        let row = bmatrix(rows: 1, columns: fragments.count) { _, _, j in fragments[j] }
        guard row.width > Self.lineWidth * 0.45, fragments.count > 1 else { return row }
        return Typeset(tex: column.tex + "^{\\top}", width: column.width + 0.6)
    }

    /// An inline tuple `(a, b, \ldots, z)`, eliding past `limit` entries.
    mutating func tuple(count: Int, limit: Int? = nil, entry: (inout LaTeXBuilder, Int) -> String) -> String {
        tupleFragment(count: count, limit: limit) { b, i in TeXFragment(entry(&b, i)) }.text
    }

    /// `tuple` of fragments, with the facts of the entries shown.
    mutating func tupleFragment(count: Int, limit: Int? = nil, entry: (inout LaTeXBuilder, Int) -> TeXFragment)
        -> TeXFragment
    {
        let shown = shownIndices(count, limit: limit)
        if shown.count < count { elided = true }
        let parts = shown.map { i -> TeXFragment in
            guard let i else { return TeXFragment("\\ldots") }
            return entry(&self, i)
        }
        // A long tuple in running text may break after a comma (math has no break there).
        let plain = TeXFragment.joined(parts, separator: ", ")
        return TeXFragment.joined(
            parts, separator: TeXWidth.estimate(plain.text) > 12 ? ",\\allowbreak " : ", ", prefix: "(", suffix: ")")
    }

    /// The input point x as a tuple of rationals.
    mutating func point(_ p: [Rational]) -> String {
        if p.allSatisfy(\.isZero) { return "0" }
        if p.count == 1 { return number(p[0]) }
        return tuple(count: p.count) { b, i in b.number(p[i]) }
    }
}
