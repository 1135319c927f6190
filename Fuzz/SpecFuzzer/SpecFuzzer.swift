import Foundation
import NetworkModel
import ModelFiles

/// The libFuzzer target for the readers (issue 14): spec YAML and JSON, domain files (YAML,
/// JSON, VNN-LIB), ONNX and NNet. Each input must give a network (or domain) or a positioned
/// error (`FILE:…` on one line); anything else — a trap, an abort, an unpositioned or
/// multi-line error — is a crash libFuzzer saves as an artifact.
///
/// The reader is chosen by `PROVE_COLLAPSE_FUZZ_READER` (`yaml`, `json`, `domain-yaml`,
/// `domain-json`, `vnnlib`, `onnx`, `nnet`); unset, the first byte of the input chooses.
/// Built only by scripts/fuzz-libfuzzer.sh (Package.swift declares this target when
/// `PROVE_COLLAPSE_LIBFUZZER` is set), never by `swift build` or `swift test`.
enum SpecFuzzer {
    enum Reader: String, CaseIterable {
        case yaml, json, domainYAML = "domain-yaml", domainJSON = "domain-json", vnnlib, onnx, nnet
    }

    static let fixed: Reader? = ProcessInfo.processInfo.environment["PROVE_COLLAPSE_FUZZ_READER"].map { name in
        guard let reader = Reader(rawValue: name) else {
            fatalError("PROVE_COLLAPSE_FUZZ_READER=\(name): expected one of \(Reader.allCases.map(\.rawValue))")
        }
        return reader
    }

    static let inputNames = ["x1", "x2", "x3"]

    static func run(_ input: [UInt8]) {
        var bytes = input[...]
        let reader: Reader
        if let fixed {
            reader = fixed
        } else {
            guard let first = bytes.popFirst() else { return }
            reader = Reader.allCases[Int(first) % Reader.allCases.count]
        }
        let file = "fuzz.\(reader.rawValue)"
        do {
            switch reader {
            case .yaml: _ = try SpecReader.parse(bytes: Array(bytes), file: file, format: .yaml)
            case .json: _ = try SpecReader.parse(bytes: Array(bytes), file: file, format: .json)
            case .domainYAML:
                _ = try DomainReader.parse(bytes: Array(bytes), file: file, format: .yaml, inputNames: inputNames)
            case .domainJSON:
                _ = try DomainReader.parse(bytes: Array(bytes), file: file, format: .json, inputNames: inputNames)
            case .vnnlib:
                guard let text = String(bytes: bytes, encoding: .utf8) else { return }
                _ = try DomainReader.parse(vnnlib: text, file: file, inputNames: inputNames)
            case .onnx: _ = try ONNXReader.parse(data: Data(bytes), file: file)
            case .nnet:
                guard let text = String(bytes: bytes, encoding: .utf8) else { return }
                _ = try NNetReader.parse(text: text, file: file)
            }
        } catch {
            let message = "\(error)"
            guard message.hasPrefix(file + ":"), !message.contains("\n") else {
                fatalError("\(reader.rawValue): an error without a position or on several lines: \(message)")
            }
        }
    }
}

/// libFuzzer's entry point: one input, return 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    SpecFuzzer.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
