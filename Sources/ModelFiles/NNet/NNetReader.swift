public import NetworkModel
import Foundation
import ExactNumbers
import Algebra

/// Reads an NNet file (the ACAS Xu text format) into a `Network`, exactly (contract §6).
///
/// The format: `//` comment lines, then one line each of
/// `numLayers, inputSize, outputSize, maxLayerSize`; the numLayers + 1 layer sizes; a flag
/// (unused); the input minima; the input maxima; the means (one per input, then one for the
/// outputs); the ranges (likewise); then per layer the weight rows (one line per output unit,
/// comma-separated) and the biases (one per line). Numbers are exact decimals, as in a spec.
///
/// The network computed is F(x) = range_out·N((x − mean)/range) + mean_out, where N is the
/// weight layers with ReLU after every hidden layer and none after the last; the input
/// normalisation and the output de-normalisation are exact affine layers (the first and the
/// last layer of the result); each hidden layer's ReLU is a layer of its own. The minima and maxima become the input domain (the box where
/// the reference implementation's input clipping does nothing).
public enum NNetReader {
    /// Reads the file at `path`.
    public static func read(path: String) throws(ModelFileError) -> Network {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.bytes(path)
        } catch {
            throw ModelFileError(file: path, place: .file, "cannot read the file: \(ModelFiles.reason(error))")
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw ModelFileError(
                file: path, place: .line(1, column: 1), "the file is not UTF-8 text; expected an NNet text file")
        }
        return try parse(text: text, file: path)
    }

    /// Parses NNet text; `file` names it in messages.
    public static func parse(text: String, file: String) throws(ModelFileError) -> Network {
        var lines = NNetLines(text: text, file: file)
        let header = try lines.integers(4, "the header numLayers, inputSize, outputSize, maxLayerSize")
        let (layerCount, inputSize, outputSize) = (header.values[0], header.values[1], header.values[2])
        guard layerCount >= 1, layerCount <= 10_000 else {
            throw lines.fail(header.line, 1, "numLayers is \(layerCount); expected at least 1")
        }
        guard inputSize >= 1, outputSize >= 1 else {
            throw lines.fail(
                header.line, 1, "inputSize and outputSize must be positive; got \(inputSize) and \(outputSize)")
        }
        let sizes = try lines.integers(layerCount + 1, "the \(layerCount + 1) layer sizes")
        guard sizes.values.allSatisfy({ $0 >= 1 && $0 <= 1 << 20 }) else {
            throw lines.fail(sizes.line, 1, "a layer size is not positive; expected sizes >= 1")
        }
        guard sizes.values.first == inputSize, sizes.values.last == outputSize else {
            throw lines.fail(
                sizes.line, 1,
                "the layer sizes begin with \(sizes.values[0]) and end with \(sizes.values.last!); expected inputSize \(inputSize) and outputSize \(outputSize)"
            )
        }
        _ = try lines.next("the flag line")
        let minima = try lines.numbers(inputSize, "the \(inputSize) input minima")
        let maxima = try lines.numbers(inputSize, "the \(inputSize) input maxima")
        let means = try lines.numbers(inputSize + 1, "the \(inputSize + 1) means (inputs, then outputs)")
        let ranges = try lines.numbers(inputSize + 1, "the \(inputSize + 1) ranges (inputs, then outputs)")
        for i in 0..<inputSize where minima.values[i] > maxima.values[i] {
            throw lines.fail(
                maxima.line, 1,
                "input \(i + 1) has minimum \(minima.values[i]) above its maximum \(maxima.values[i]); expected min <= max"
            )
        }
        for (i, r) in ranges.values.enumerated() where r.isZero {
            throw lines.fail(
                ranges.line, 1, "range \(i + 1) is 0; expected nonzero ranges (the normalisation divides by them)")
        }
        let location = { (line: Int) in SourceLocation(file: file, line: line, column: 1) }
        var layers: [Layer] = []
        // Input normalisation: x ↦ (x − mean)/range.
        let n = inputSize
        var normalise = [Rational](repeating: .zero, count: n * n)
        var shift: [Rational] = []
        for i in 0..<n {
            let inverse = ranges.values[i].reciprocal
            normalise[i * n + i] = inverse
            shift.append(-means.values[i] * inverse)
        }
        layers.append(
            Layer(
                dense: .numeric(AffineMap(weights: Matrix(rows: n, columns: n, entries: normalise), bias: shift)),
                location: location(means.line)))
        for k in 0..<layerCount {
            let rows = sizes.values[k + 1], columns = sizes.values[k]
            var weights: [Rational] = []
            weights.reserveCapacity(rows * columns)
            var start = 0
            for r in 0..<rows {
                let row = try lines.numbers(columns, "row \(r + 1) of layer \(k + 1)'s weights (\(columns) values)")
                if r == 0 { start = row.line }
                weights += row.values
            }
            var bias: [Rational] = []
            for r in 0..<rows {
                bias += try lines.numbers(1, "bias \(r + 1) of layer \(k + 1) (one value per line)").values
            }
            let map = AffineMap(weights: Matrix(rows: rows, columns: columns, entries: weights), bias: bias)
            // The ReLU of a hidden layer is a layer of its own (as an ONNX Relu node is), so that
            // `fuse` can join the normalisation with the first weights and the last weights with
            // the de-normalisation; merged into the dense layer above a spec's widest
            // activation-only layer.
            let hidden = k + 1 < layerCount
            if hidden && rows <= ONNXGraphImporter.widestActivationLayer {
                layers.append(Layer(dense: .numeric(map), location: location(start)))
                layers.append(Layer(dense: nil, activation: .relu, location: location(start)))
            } else {
                layers.append(
                    Layer(dense: .numeric(map), activation: hidden ? .relu : .identity, location: location(start)))
            }
        }
        try lines.expectEnd()
        // Output de-normalisation: y ↦ y·range_out + mean_out.
        let m = outputSize
        let scale = ranges.values[n], offset = means.values[n]
        var denormalise = [Rational](repeating: .zero, count: m * m)
        for i in 0..<m { denormalise[i * m + i] = scale }
        layers.append(
            Layer(
                dense: .numeric(
                    AffineMap(
                        weights: Matrix(rows: m, columns: m, entries: denormalise),
                        bias: [Rational](repeating: offset, count: m))), location: location(ranges.line)))
        let box = (0..<n).map { InputDomain.Interval(lo: minima.values[$0], hi: maxima.values[$0]) }
        let domain = InputDomain(box: box, location: location(minima.line))
        return Network(
            name: ModelFiles.baseName(file), inputNames: (1...n).map { "x\($0)" }, layers: layers, domain: domain)
    }
}

/// The data lines of an NNet file (comments and blank lines skipped), read one at a time
/// with positioned errors.
struct NNetLines {
    let file: String
    private var lines: [(number: Int, text: Substring)]
    private var position = 0
    private let lastLine: Int

    init(text: String, file: String) {
        self.file = file
        var collected: [(Int, Substring)] = []
        var number = 0
        var headerDone = false
        for line in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            number += 1
            let trimmed = line.drop(while: \.isWhitespace)
            if trimmed.isEmpty { continue }
            if !headerDone && trimmed.hasPrefix("//") { continue }
            headerDone = true
            collected.append((number, line))
        }
        lines = collected
        lastLine = max(number, 1)  // the end of the file: after its last line break
    }

    func fail(_ line: Int, _ column: Int, _ message: String) -> ModelFileError {
        ModelFileError(file: file, place: .line(line, column: column), message)
    }

    /// The next data line.
    mutating func next(_ what: String) throws(ModelFileError) -> (number: Int, text: Substring) {
        guard position < lines.count else {
            throw fail(lastLine, 1, "the file ends before \(what); expected more lines (truncated file?)")
        }
        defer { position += 1 }
        return lines[position]
    }

    /// Fails unless every data line has been read.
    func expectEnd() throws(ModelFileError) {
        guard position < lines.count else { return }
        throw fail(
            lines[position].number, 1, "unexpected data after the last layer's biases; expected the end of the file")
    }

    /// The next line's `count` comma-separated exact numbers (a trailing comma is allowed).
    mutating func numbers(_ count: Int, _ what: String) throws(ModelFileError) -> (line: Int, values: [Rational]) {
        let (number, text) = try next(what)
        var values: [Rational] = []
        values.reserveCapacity(count)
        var column = 1
        var fields = text.split(separator: ",", omittingEmptySubsequences: false)
        while let last = fields.last, last.allSatisfy(\.isWhitespace), fields.count > 1 { fields.removeLast() }
        for field in fields {
            let leading = field.prefix(while: \.isWhitespace).count
            let token = field.trimmingCharacters(in: .whitespaces)
            let at = column + leading
            guard values.count < count else {
                throw fail(number, at, "more than \(count) values on the line; expected \(what)")
            }
            do {
                values.append(try Rational.parse(token))
            } catch {
                throw fail(number, at, "'\(token)' is not a number (\(error.reason)); expected \(what)")
            }
            column += field.count + 1
        }
        guard values.count == count else {
            throw fail(number, column, "\(values.count) value(s) on the line; expected \(what)")
        }
        return (number, values)
    }

    /// The next line's `count` integers.
    mutating func integers(_ count: Int, _ what: String) throws(ModelFileError) -> (line: Int, values: [Int]) {
        let (line, values) = try numbers(count, what)
        var out: [Int] = []
        for v in values {
            guard v.isInteger, let i = v.numerator.exactInt else {
                throw fail(line, 1, "\(v) is not an integer; expected \(what)")
            }
            out.append(i)
        }
        return (line, out)
    }
}
