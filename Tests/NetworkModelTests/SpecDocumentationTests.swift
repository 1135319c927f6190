import Foundation
import Testing
@testable import NetworkModel

/// docs/SPEC.md is the user's reference for the spec format: everything the reader accepts
/// must be documented there.
struct SpecDocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func specText() throws -> String {
        try String(contentsOf: root.appendingPathComponent("docs/SPEC.md"), encoding: .utf8)
    }

    /// The section of SPEC.md that lists the activations (between its heading and the next).
    static func activationSection() throws -> String {
        let text = try specText()
        let start = try #require(text.range(of: "## 2. Activations"))
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test func everyActivationTheReaderAcceptsIsDocumented() throws {
        let section = try Self.activationSection()
        let missing = Activation.knownNames.filter { !section.contains("`\($0)`") }
        #expect(missing.isEmpty, "activations accepted by the reader but missing from docs/SPEC.md §2: \(missing)")
        // The list really is the reader's: every documented name parses.
        for name in Activation.knownNames where name != "polynomial" {
            #expect(Activation(name: name) != nil, "\(name)")
        }
    }

    @Test func everyParameterKeyIsDocumented() throws {
        let section = try Self.activationSection()
        for name in Activation.knownNames {
            for key in Activation.parameterKeys(of: name) {
                #expect(section.contains("\(key):"), "parameter \(key) of \(name) is not shown in docs/SPEC.md §2")
            }
        }
    }

    @Test func everySpecKeyIsDocumented() throws {
        let text = try Self.specText()
        for key in SpecWalker.topKeys + SpecWalker.layerKeys + SpecWalker.denseKeys {
            #expect(text.contains("| `\(key)` |"), "spec key \(key) has no row in the key table of docs/SPEC.md")
        }
    }

    @Test func defaultsInTheDocumentMatchTheReader() throws {
        let section = try Self.activationSection()
        #expect(section.contains("default alpha = \(Activation.defaultLeakyReluAlpha)"))
        #expect(section.contains("default alpha = \(Activation.defaultEluAlpha)"))
        #expect(
            section.contains("defaults a = \(Activation.defaultAffineSlope), c = \(Activation.defaultAffineIntercept)"))
    }

    @Test func theReadmeLinksTheReference() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("(docs/SPEC.md)"))
        #expect(!readme.contains("../shared"), "a clone has no ../shared: the README must not point there")
    }
}
