import Algebra
import ModelFiles
import Testing

/// Names read from an ONNX file (node, operator, tensor, graph value) may hold any bytes; the
/// error naming them stays one line (contract §6: one positioned line).
struct ModelFileErrorNameTests {
    /// Found by libFuzzer (scripts/fuzz-libfuzzer.sh, onnx reader): a mutated relu-mlp whose
    /// node 4 has the operator "D\u{1}\n$\n\u{1}x"; the error used to print it raw, on three lines.
    @Test func anOperatorWithLineBreaksIsEscapedOnOneLine() throws {
        let error = try #require(
            throws: ModelFileError.self, performing: { try Fixtures.network("multiline-operator-name.onnx") })
        #expect(error.place == .node(index: 4, name: "drop", op: "D\u{1}\n$\n\u{1}x"))
        let escaped = #"D\u0001\n$\n\u0001x"#
        #expect(
            error.description
                == Fixtures.path("multiline-operator-name.onnx")
                + ": node[4] 'drop' (\(escaped)): operator \(escaped) is not supported; expected one of Gemm, MatMul, "
                + "Add, Sub, Mul, Div, Relu, LeakyRelu, Sigmoid, Tanh, Softmax, Softplus, Elu, Abs, Sign, Clip, "
                + "HardSigmoid, Identity, Dropout, Flatten, Reshape, Squeeze, Unsqueeze, BatchNormalization, "
                + "Constant (contract §6)")
    }

    /// Found by libFuzzer (onnx reader): a Reshape to [1, 126917709660161, 38654705666, 2],
    /// whose entry count overflows a machine word; the product trapped. Every shape read from
    /// the file is now counted with an overflow check against 2^31 entries.
    @Test func aReshapeWhoseShapeOverflowsIsAPositionedError() throws {
        let error = try #require(
            throws: ModelFileError.self, performing: { try Fixtures.network("reshape-overflowing-shape.onnx") })
        #expect(error.place == .node(index: 0, name: "to_image", op: "Reshape"))
        #expect(
            error.description.hasSuffix(
                ": node[0] 'to_image' (Reshape): the shape [1, 126917709660161, 38654705666, 2] holds more than 2^31 "
                    + "entries; expected 4"))
    }

    /// Sizes past the limits (scripts/make-onnx-fixtures.py, section 14) are positioned errors
    /// read in milliseconds; before, each asked for gigabytes and aborted.
    @Test(arguments: [
        (
            "huge-input.onnx", ModelFileError.Place.value("x"),
            "the input's shape [1, 2000000000] holds more than 16777216 entries"
        ),
        (
            "wide-activation.onnx", .node(index: 0, name: "relu", op: "Relu"),
            "the activation applies alone to 4096 units; expected at most 2048 units"
        ),
        (
            "broadcast-blowup.onnx", .node(index: 0, name: "fold", op: "Add"),
            "shapes [1100, 1] and [1, 1000] broadcast to [1100, 1000], more than 1048576 entries"
        ),
    ])
    func sizesPastTheLimitsArePositionedErrors(_ file: String, _ place: ModelFileError.Place, _ message: String)
        throws
    {
        let error = try #require(throws: ModelFileError.self, performing: { try Fixtures.network(file) })
        #expect(error.place == place)
        #expect(error.message.hasPrefix(message), "\(error)")
    }

    /// Random names over an alphabet of letters, quotes, controls and separators: every place's
    /// description is one line, its place part has no control character, and a name without
    /// such characters is written as it is.
    @Test func everyPlaceIsOneLineWhateverTheNames() {
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", "0", "_", "/", "'", " ", "\\", "ü", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{b}", "\u{c}",
            "\u{7f}", "\u{85}", "\u{2028}", "\u{2029}", "\u{202e}",
        ]
        var rng = SeededRandom(seed: 1406)
        for _ in 0..<300 {
            func name() -> String {
                var s = String.UnicodeScalarView()
                for _ in 0..<Int(rng.next() % 8) { s.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
                return String(s)
            }
            let (a, b) = (name(), name())
            for place in [
                ModelFileError.Place.node(index: 2, name: a, op: b), .tensor(a), .value(b), .file, .line(3, column: 4),
            ] {
                let error = ModelFileError(file: "m.onnx", place: place, "what \(a); expected \(b)")
                let text = error.description
                #expect(!text.contains { $0.isNewline }, "\(place)")
                #expect(text.hasPrefix("m.onnx:") && text.hasSuffix(error.message))
                // The place (before the message) holds no control character at all.
                let placeText = text.unicodeScalars.dropLast(error.message.unicodeScalars.count)
                #expect(!placeText.contains { $0.properties.generalCategory == .control }, "\(place)")
            }
            let plain = a.unicodeScalars.allSatisfy {
                $0.properties.generalCategory != .control && $0.value < 0x2000 && $0 != "\\" && $0 != "\""
            }
            if plain { #expect(ModelFileError.printable(a) == a) }
        }
    }
}
