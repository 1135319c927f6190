import ExactNumbers
import Algebra
import Collapse
import Enclosures

extension JSONWriter {
    /// A vector of canonical rationals.
    mutating func rationals(_ values: [Rational]) {
        beginArray()
        for value in values { rational(value) }
        endArray()
    }

    /// An exact value as a rational string, an enclosure as `{"lo": "p/q", "hi": "p/q"}`, or
    /// a polynomial in the weight symbols as its plain text.
    mutating func exactValue(_ value: ExactValue) {
        switch value {
        case .exact(let r):
            rational(r)
        case .enclosed(let interval):
            beginObject()
            key("lo"); rational(interval.lo)
            key("hi"); rational(interval.hi)
            endObject()
        case .symbolic(let p):
            string(p.description)
        }
    }

    /// A vector of exact values.
    mutating func exactValues(_ values: [ExactValue]) {
        beginArray()
        for value in values { exactValue(value) }
        endArray()
    }

    /// Polynomials in their plain form (`w11*z1 + w21*z2`).
    mutating func polynomials(_ values: [Polynomial]) {
        beginArray()
        for value in values { string(value.description) }
        endArray()
    }

    /// A matrix as an array of rows of entry strings, read straight from the storage (no
    /// intermediate `[[String]]`).
    mutating func matrix<Scalar>(_ matrix: Matrix<Scalar>) {
        beginArray()
        for i in 0..<matrix.rows {
            beginArray()
            for j in 0..<matrix.columns { string(matrix[i, j].description) }
            endArray()
        }
        endArray()
    }

    /// A matrix of canonical rationals, written without intermediate strings.
    mutating func matrix(_ matrix: Matrix<Rational>) {
        beginArray()
        for i in 0..<matrix.rows {
            beginArray()
            for j in 0..<matrix.columns { rational(matrix[i, j]) }
            endArray()
        }
        endArray()
    }

    /// A vector of canonical rationals.
    mutating func vector(_ values: [Rational]) { rationals(values) }

    /// A vector of ring elements as entry strings.
    mutating func vector<Scalar: CustomStringConvertible>(_ values: [Scalar]) {
        beginArray()
        for value in values { string(value.description) }
        endArray()
    }
}
