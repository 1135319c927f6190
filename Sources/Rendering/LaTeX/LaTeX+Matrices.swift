import ExactNumbers
import Algebra
import Foundation

extension LaTeXBuilder {
    /// The indices shown of a dimension of size `n`: all of them up to `maxMatrixDimension`,
    /// else the first ones, nil (the ellipsis) and the last two.
    func shownIndices(_ n: Int, limit: Int? = nil) -> [Int?] {
        let limit = limit ?? options.maxMatrixDimension
        guard n > limit else { return Array(0..<n) }
        let head = limit - 3
        return Array(0..<head).map { Optional($0) } + [nil, n - 2, n - 1]
    }

    /// A `bmatrix` of `rows` × `columns` cells, eliding past `maxMatrixDimension`; `entry`
    /// is asked only for the cells shown.
    mutating func bmatrix(rows: Int, columns: Int, entry: (inout LaTeXBuilder, Int, Int) -> String) -> Typeset {
        guard rows > 0, columns > 0 else {
            return Typeset(tex: "\\begin{bmatrix}\\,\\end{bmatrix}", width: 1)
        }
        let shownRows = shownIndices(rows), shownColumns = shownIndices(columns)
        if shownRows.count < rows || shownColumns.count < columns { elided = true }
        var cells = [[String]]()
        var columnWidths = [Double](repeating: 0, count: shownColumns.count)
        for i in shownRows {
            var row = [String]()
            for (k, j) in shownColumns.enumerated() {
                var cell: String
                switch (i, j) {
                case (nil, nil): cell = "\\ddots"
                case (nil, _): cell = "\\vdots"
                case (_, nil): cell = "\\cdots"
                case (let i?, let j?):
                    cell = entry(&self, i, j)
                    // `\\ [` would read the bracket as the row separator's optional argument.
                    if cell.hasPrefix("[") { cell = "{}" + cell }
                }
                columnWidths[k] = max(columnWidths[k], TeXWidth.estimate(cell))
                row.append(cell)
            }
            cells.append(row)
        }
        let lines = cells.map { $0.joined(separator: " & ") }
        // Stacked fractions need a little air between rows.
        let separator = cells.joined().contains { $0.contains("\\tfrac") } ? " \\\\[2pt] " : " \\\\ "
        let oneLine = lines.joined(separator: separator)
        let tex = oneLine.count <= 90
            ? "\\begin{bmatrix} \(oneLine) \\end{bmatrix}"
            : "\\begin{bmatrix}\n    " + lines.joined(separator: separator.trimmingCharacters(in: .whitespaces) + "\n    ") + "\n  \\end{bmatrix}"
        let width = columnWidths.reduce(0, +) + Double(columnWidths.count) * 0.9 + 0.8
        return Typeset(tex: tex, width: width)
    }

    /// A matrix as written in the chosen convention: as given (column vectors) or transposed
    /// (row vectors).
    mutating func matrix<S: TeXScalar>(_ m: Matrix<S>) -> Typeset {
        if isRow {
            return bmatrix(rows: m.columns, columns: m.rows) { b, i, j in m[j, i].tex(&b) }
        }
        return bmatrix(rows: m.rows, columns: m.columns) { b, i, j in m[i, j].tex(&b) }
    }

    /// A vector in the chosen convention: a column, or a row.
    mutating func vector<S: TeXScalar>(_ v: [S]) -> Typeset {
        if isRow { return bmatrix(rows: 1, columns: v.count) { b, _, j in v[j].tex(&b) } }
        return bmatrix(rows: v.count, columns: 1) { b, i, _ in v[i].tex(&b) }
    }

    /// A vector of already typeset entries in the chosen convention.
    mutating func vector(texts: [String]) -> Typeset {
        if isRow { return bmatrix(rows: 1, columns: texts.count) { _, _, j in texts[j] } }
        return bmatrix(rows: texts.count, columns: 1) { _, i, _ in texts[i] }
    }

    /// An inline tuple `(a, b, \ldots, z)`, eliding past `limit` entries.
    mutating func tuple(count: Int, limit: Int? = nil, entry: (inout LaTeXBuilder, Int) -> String) -> String {
        let shown = shownIndices(count, limit: limit)
        if shown.count < count { elided = true }
        let parts = shown.map { i -> String in
            guard let i else { return "\\ldots" }
            return entry(&self, i)
        }
        return "(" + parts.joined(separator: ", ") + ")"
    }

    /// The input point x as a tuple of rationals.
    mutating func point(_ p: [Rational]) -> String {
        if p.allSatisfy(\.isZero) { return "0" }
        if p.count == 1 { return number(p[0]) }
        return tuple(count: p.count) { b, i in b.number(p[i]) }
    }
}
