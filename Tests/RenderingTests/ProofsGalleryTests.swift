import Foundation
import Testing
import NetworkModel
import Collapse
import Rendering

/// The Proofs/ gallery is golden: every committed derivation.tex must equal, byte for byte,
/// what the renderer produces now from its spec.yaml. After an intended change to the
/// renderer, run scripts/regenerate-proofs.sh and review the diff.
@Suite("Proofs gallery")
struct ProofsGalleryTests {
    /// The repository's Proofs/ folder, found from this file's path.
    static let proofs: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Proofs")

    /// The folders of the gallery (each with a spec.yaml).
    static var folders: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: proofs.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(
                atPath: proofs.appendingPathComponent($0).appendingPathComponent("spec.yaml").path)
        }.sorted()
    }

    /// The classic arguments issue 4 asks for, one folder each.
    static let expected = [
        "abs-is-not-affine", "affine-activations-collapse", "linear-bottleneck-3-2-3", "offsets-cancel",
        "quadratic-activation-degree", "relu-breaks-additivity", "relu-kinks-cancel", "relu-of-a-square",
        "sigmoid-counterexample", "sigmoid-of-a-constant", "sigmoid-units-cancel", "symbolic-2-2-1",
        "tanh-counterexample", "three-layers-with-biases",
        "two-stacked-linear-layers", "xor-step-network",
    ]

    @Test func galleryHasEveryClassicArgument() {
        #expect(Self.folders == Self.expected)
        for folder in Self.expected {
            for file in ["spec.yaml", "derivation.tex", "README.md"] {
                #expect(
                    FileManager.default.fileExists(
                        atPath: Self.proofs.appendingPathComponent(folder).appendingPathComponent(file).path),
                    "\(folder)/\(file) is missing")
            }
        }
    }

    @Test(arguments: ProofsGalleryTests.expected)
    func committedDerivationMatchesTheRenderer(folder: String) throws {
        let directory = Self.proofs.appendingPathComponent(folder)
        let network = try SpecReader.read(path: directory.appendingPathComponent("spec.yaml").path)
        let rendered = LaTeXDocument.render(Analyzer.analyze(network))
        let committed = try String(contentsOf: directory.appendingPathComponent("derivation.tex"), encoding: .utf8)
        #expect(
            Array(rendered.utf8) == Array(committed.utf8),
            "Proofs/\(folder)/derivation.tex is stale: run scripts/regenerate-proofs.sh and review the diff")
    }

    @Test func galleryVerdictsAreTheClassicOnes() throws {
        let verdicts: [String: Verdict] = [
            "two-stacked-linear-layers": .affine, "three-layers-with-biases": .affine,
            "symbolic-2-2-1": .affine, "affine-activations-collapse": .affine, "offsets-cancel": .linear,
            "linear-bottleneck-3-2-3": .linear, "relu-breaks-additivity": .notAffine,
            "sigmoid-counterexample": .notAffine, "tanh-counterexample": .notAffine,
            "quadratic-activation-degree": .notAffine, "xor-step-network": .notAffine,
            "relu-kinks-cancel": .linear, "abs-is-not-affine": .notAffine,
            "sigmoid-units-cancel": .affine, "relu-of-a-square": .affine, "sigmoid-of-a-constant": .affine,
        ]
        for (folder, verdict) in verdicts {
            let network = try SpecReader.read(
                path: Self.proofs.appendingPathComponent(folder).appendingPathComponent("spec.yaml").path)
            #expect(Analyzer.analyze(network).verdict == verdict, "\(folder)")
        }
        let bottleneck = try SpecReader.read(
            path: Self.proofs.appendingPathComponent("linear-bottleneck-3-2-3/spec.yaml").path)
        #expect(Analyzer.analyze(bottleneck).rank?.rank == 2)
        #expect(Analyzer.analyze(bottleneck).rank?.isBottleneck == true)
    }
}
