internal import ExactNumbers

/// Reads the input domain given with `--domain FILE` (contract §5) for a network with the
/// given input names.
///
/// - `.vnnlib` files: the bounds a VNN-LIB property puts on the inputs `X_0 ... X_{n-1}`
///   (`VNNLibReader`); everything about the outputs `Y_j` is ignored.
/// - anything else: a YAML or JSON document holding a `domain:` block (a whole spec may be
///   given: only its `domain:` is read), or the block's content itself (`box:` and
///   `constraints:` at the top).
///
/// Every fault is one `SpecError` at `FILE:LINE:COLUMN`.
public enum DomainReader {
    /// The domain in the file at `path`.
    public static func read(path: String, inputNames: [String]) throws(SpecError) -> InputDomain {
        let bytes = try SpecReader.contents(ofFile: path)
        if path.lowercased().hasSuffix(".vnnlib") {
            try bytes.withUnsafeBufferPointer { buffer throws(SpecError) in
                try SourceText.validateUTF8(buffer, file: path)
            }
            return try VNNLibReader.parse(String(decoding: bytes, as: UTF8.self), file: path, inputNames: inputNames)
        }
        return try parse(bytes: bytes, file: path, format: SpecFormat(path: path), inputNames: inputNames)
    }

    /// The domain in YAML or JSON bytes; `file` names the source in error locations.
    public static func parse(bytes: [UInt8], file: String, format: SpecFormat, inputNames: [String]) throws(SpecError)
        -> InputDomain
    {
        let (root, text) = try SpecReader.document(bytes: bytes, file: file, format: format)
        let walker = SpecWalker(file: file, source: .text(text))
        guard let entries = root.entries else {
            throw SpecError(
                "the document is \(root.shapeDescription); expected a mapping with a 'domain:' block", at: root.location
            )
        }
        if let entry = entries.first(where: { $0.key == "domain" }) {
            guard let domain = try walker.domain(entry.value, keyLocation: entry.keyLocation, inputNames: inputNames)
            else {
                throw SpecError(
                    "'domain' is null; expected a mapping with 'box' and optional 'constraints'",
                    at: entry.value.location)
            }
            return domain
        }
        if entries.contains(where: { SpecWalker.domainKeys.contains($0.key) }) {
            return try walker.domain(root, keyLocation: root.location, inputNames: inputNames)!
        }
        throw SpecError("no 'domain' block; expected domain: {box: ..., constraints: [...]}", at: root.location)
    }
}

extension DomainReader {
    /// The input bounds of VNN-LIB text (see `VNNLibReader`).
    public static func parse(vnnlib text: String, file: String, inputNames: [String]) throws(SpecError) -> InputDomain {
        try VNNLibReader.parse(text, file: file, inputNames: inputNames)
    }
}
