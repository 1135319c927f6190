import Foundation
import Testing

/// `regions` and `local`, end to end.
@Suite struct RegionsCommandTests {
    static let twoInputs = """
        network: two relus
        input: [x1, x2]
        layers:
          - dense: {weights: [[1, 0], [0, 1]]}
            activation: relu
          - dense: {weights: [[1, 1]]}
        """

    @Test func regionsCountsTheQuadrants() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.twoInputs)
        let result = try cli.run("regions", "net.yaml", "--count")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("two relus: 4 linear regions; 4 distinct affine maps"))
        let json = try parseJSON(try cli.run("regions", "net.yaml", "--format", "json"))
        #expect(json["linear_regions"] as? Int == 4)
        let regions = try #require(json["regions"] as? [[String: Any]])
        #expect(Set(regions.compactMap { ($0["pattern"] as? [String])?.first }) == ["--", "-+", "+-", "++"])
    }

    @Test func plotWritesOnePolygonPerRegionInTheBox() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.twoInputs)
        let result = try cli.run("regions", "net.yaml", "--plot", "out.svg", "--box", "-2,2,-1,3")
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: cli.path("out.svg"), encoding: .utf8)
        #expect(svg.components(separatedBy: "<polygon ").count - 1 == 4)
        #expect(svg.contains("4 linear regions in the box"))
    }

    @Test func localGivesTheMapAndItsRegion() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.twoInputs)
        let result = try cli.run("local", "net.yaml", "--at", "-1, 1/2")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                at x = (-1, 1/2): pattern -+
                pattern letters: one per unit, layer by layer (| between layers), for the unit's pre-activation t:
                  relu: '-' for t < 0, '0' for t = 0, '+' for t > 0
                around x, F is exactly the affine map
                  y1 = x2
                Jacobian at x: ∂F/∂x = [[0, 1]] (the matrix of the map: the gradient of output i is row i)
                on the region
                  x1 < 0
                  x2 > 0

                """)
    }

    @Test func regionsRejectsSmoothActivations() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", "input: 1\nlayers:\n  - dense: {weights: [[1]]}\n    activation: sigmoid\n")
        let result = try cli.run("regions", "net.yaml")
        #expect(result.status == 2)
        #expect(result.stderr.contains("net.yaml:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("not piecewise linear"))
    }
}
