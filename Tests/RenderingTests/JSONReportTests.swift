import Foundation
import Testing
import ExactNumbers
import Collapse
@testable import Rendering
import Algebra

/// The contract §3 keys, in order, and the extensions the report may add.
private let contractKeys = [
    "network", "input_dim", "output_dim", "verdict", "collapsed", "rank",
    "additivity", "homogeneity", "affinity", "domain",
]
private let extensionKeys: Set<String> = [
    "linear_if", "affine_if", "jacobian", "reason", "input_names", "names", "layers",
    "rank_generic", "rank_bottleneck", "polynomial_outputs", "domain_analysis", "evidence",
]

private func parse(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    return try #require(object as? [String: Any])
}

/// Whether `text` is a rational in lowest terms with a positive denominator.
private func isCanonicalRational(_ text: String) -> Bool {
    guard let value = Rational(text) else { return false }
    return value.description == text
}

/// Checks a witness value: a canonical rational string or an ordered enclosure object.
private func checkValue(_ value: Any) {
    if let text = value as? String {
        #expect(isCanonicalRational(text), "not canonical: \(text)")
    } else if let object = value as? [String: Any] {
        #expect(Set(object.keys) == ["lo", "hi"])
        let lo = Rational(object["lo"] as? String ?? "")
        let hi = Rational(object["hi"] as? String ?? "")
        #expect(lo != nil && hi != nil)
        if let lo, let hi { #expect(lo < hi) }
    } else {
        Issue.record("value is neither a string nor an enclosure: \(value)")
    }
}

/// Checks `{"holds": bool|null, "witness": {...}|null}` and the witness's fields.
private func checkIdentity(_ value: Any?, name: String) throws {
    let object = try #require(value as? [String: Any], "\(name) is not an object")
    #expect(Set(object.keys).isSubset(of: ["holds", "witness", "residual"]))
    let holds = try #require(object["holds"])
    #expect(holds is NSNull || holds as? Bool != nil)
    let witness = try #require(object["witness"])
    if witness is NSNull { return }
    let fields = try #require(witness as? [String: Any])
    let expected: Set<String> = name == "homogeneity" ? ["x", "c", "lhs", "rhs"] : ["x", "y", "lhs", "rhs"]
    #expect(Set(fields.keys) == expected)
    for key in ["x", "y"] where fields[key] != nil {
        let vector = try #require(fields[key] as? [String])
        #expect(vector.allSatisfy(isCanonicalRational))
    }
    if let c = fields["c"] { #expect(isCanonicalRational(try #require(c as? String))) }
    for key in ["lhs", "rhs"] {
        let vector = try #require(fields[key] as? [Any])
        vector.forEach(checkValue)
    }
}

@Suite struct JSONReportTests {
    @Test func contractExampleHasExactlyTheContractKeysAndTypes() throws {
        let text = JSONReport.render(Fixtures.contractExample())
        #expect(text.hasSuffix("}\n"))
        // `holds` is a JSON boolean or null, never a number.
        let holdsValues = text.components(separatedBy: "\"holds\":").dropFirst().map { String($0.prefix(5)) }
        #expect(holdsValues.count == 3)
        #expect(holdsValues.allSatisfy { $0.hasPrefix("true") || $0.hasPrefix("false") || $0.hasPrefix("null") })
        let object = try parse(text)
        for key in contractKeys { #expect(object[key] != nil, "missing \(key)") }
        #expect(Set(object.keys).subtracting(contractKeys).isSubset(of: extensionKeys))
        #expect(object["network"] as? String == "stacked-linear")
        #expect(object["input_dim"] as? Int == 2)
        #expect(object["output_dim"] as? Int == 1)
        #expect(object["verdict"] as? String == "affine")
        let collapsed = try #require(object["collapsed"] as? [String: Any])
        #expect(Set(collapsed.keys) == ["weights", "bias"])
        #expect(collapsed["weights"] as? [[String]] == [["7/2", "-1"]])
        #expect(collapsed["bias"] as? [String] == ["1/2"])
        #expect(object["rank"] as? Int == 1)
        for name in ["additivity", "homogeneity", "affinity"] { try checkIdentity(object[name], name: name) }
        let additivity = try #require(object["additivity"] as? [String: Any])
        #expect(additivity["holds"] as? Bool == false)
        #expect(additivity["residual"] as? [String] == ["-1/2"])
        let affinity = try #require(object["affinity"] as? [String: Any])
        #expect(affinity["holds"] as? Bool == true)
        #expect(affinity["witness"] is NSNull)
    }

    @Test func contractKeysComeFirstInContractOrder() {
        let text = JSONReport.render(Fixtures.contractExample())
        let positions = contractKeys.map { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        let sorted = positions.compactMap { $0 }
        #expect(sorted == sorted.sorted())
    }

    @Test func optionalExtensionsAppearOnlyWhenPresent() throws {
        let affine = try parse(JSONReport.render(Fixtures.contractExample()))
        #expect(affine["linear_if"] == nil)
        #expect(affine["affine_if"] == nil)
        #expect(affine["reason"] == nil)
        #expect(affine["input_names"] as? [String] == ["x1", "x2"])
        let layers = try #require(affine["layers"] as? [[String: Any]])
        #expect(layers.count == 1)
        #expect(layers.first?["index"] as? Int == 1)
        #expect(layers.first?["activation"] as? String == "identity")

        let symbolic = try parse(JSONReport.render(Fixtures.symbolic()))
        #expect(symbolic["network"] is NSNull)
        #expect(symbolic["linear_if"] as? [String] == ["b1"])
        #expect(symbolic["rank_generic"] as? Bool == true)
        let collapsed = try #require(symbolic["collapsed"] as? [String: Any])
        #expect(collapsed["weights"] as? [[String]] == [["w11", "w12"]])
        #expect((symbolic["additivity"] as? [String: Any])?["holds"] is NSNull)
    }

    @Test func notAffineHasNullMapAndRankAndOrderedEnclosures() throws {
        let object = try parse(JSONReport.render(Fixtures.notAffineWithEnclosures()))
        #expect(object["verdict"] as? String == "not-affine")
        #expect(object["collapsed"] is NSNull)
        #expect(object["rank"] is NSNull)
        #expect(
            object["reason"] as? String
                == "layer 1 applies tanh, which is not affine, and its units are reached where it bends; exact witness: F(x+y) + F(0) = [0.760000, 0.770000] but F(x) + F(y) = [1.52000, 1.53000]"
        )
        for name in ["additivity", "homogeneity", "affinity"] { try checkIdentity(object[name], name: name) }
        let witness = try #require((object["affinity"] as? [String: Any])?["witness"] as? [String: Any])
        let lhs = try #require((witness["lhs"] as? [[String: String]])?.first)
        #expect(lhs == ["lo": "19/25", "hi": "77/100"])
    }

    @Test func oddNetworkNamesAreEscapedAndRoundTrip() throws {
        let names = [
            "quote \" backslash \\ slash /", "line\nbreak\ttab\r\u{8}\u{C}", "control \u{1}\u{1F}\u{7F}",
            "unicode é → 𝔽 😀", "", "{\"json\": [1]}",
        ]
        for name in names {
            let text = JSONReport.render(Fixtures.contractExample(name: name))
            #expect(!text.dropLast().contains("\n"), "raw newline in output for \(name.debugDescription)")
            let object = try parse(text)
            #expect(object["network"] as? String == name)
        }
    }

    @Test func bottleneckIsReported() throws {
        let object = try parse(JSONReport.render(Fixtures.linear(rows: 3, columns: 3, bottleneck: true)))
        #expect(object["rank"] as? Int == 2)
        let bottleneck = try #require(object["rank_bottleneck"] as? [String: Int])
        #expect(bottleneck == ["rank": 2, "full_rank": 3, "layer": 2, "width": 2])
    }

    @Test func everyEntryOfALargeMatrixIsCanonicalAndMatchesTheMap() throws {
        let analysis = Fixtures.linear(rows: 20, columns: 17)
        let object = try parse(JSONReport.render(analysis))
        let weights = try #require((object["collapsed"] as? [String: Any])?["weights"] as? [[String]])
        guard case .numeric(let map)? = analysis.collapsed else { Issue.record("fixture"); return }
        #expect(weights.count == 20)
        for i in 0..<20 {
            #expect(weights[i].count == 17)
            for j in 0..<17 {
                #expect(Rational(weights[i][j]) == map.weights[i, j] && isCanonicalRational(weights[i][j]))
            }
        }
    }

    @Test func hugeMatrixRendersQuicklyAndParses() throws {
        // 128×128 entries of ~600 bits: about 6 MB of JSON (W' twice: `collapsed` and `jacobian`).
        let analysis = Fixtures.linear(rows: 128, columns: 128, entryBits: 600)
        let clock = ContinuousClock()
        var text = ""
        let elapsed = clock.measure { text = JSONReport.render(analysis) }
        #expect(text.utf8.count > 128 * 128 * 180)
        #expect(elapsed < .seconds(20), "rendering took \(elapsed)")
        let object = try parse(text)
        let weights = try #require((object["collapsed"] as? [String: Any])?["weights"] as? [[String]])
        #expect(weights.count == 128 && weights.allSatisfy { $0.count == 128 })
    }

    @Test func writerEscapesEveryControlCharacter() throws {
        var writer = JSONWriter()
        let all = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
        writer.beginArray()
        writer.string(all)
        writer.endArray()
        let text = writer.finish()
        let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String])
        #expect(array == [all])
    }
}
