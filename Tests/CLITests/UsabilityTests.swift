import Foundation
import Testing

/// Issue 13's defects, each pinned by a test: names that clash, options that were ignored,
/// --set, the text report's conventions.
struct UsabilityTests {
    /// Inputs named x, y; symbols c (the usual homogeneity scalar) and b1 (reads as layer 1's
    /// bias b_1 in LaTeX).
    static let clashing = """
        network: clash
        input: [x, y]
        layers:
          - dense:
              weights: [[w11, c], [1, 2]]
              bias: [b1, 1]
          - dense:
              weights: [[1, 1]]

        """

    @Test func aSymbolCalledCDoesNotBecomeCUnderscore() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.clashing)
        let text = try cli.run("net.yaml")
        #expect(text.status == 0)
        #expect(!text.stdout.contains("c_"), "a silent c_ in:\n\(text.stdout)")
        #expect(
            text.stdout.contains("F(s*u) - s*F(u) = (1 - s)*b' = (1 - s)*(b1 + 1)"),
            "factored in the scalar, not -b1*s + b1 - s + 1")
        #expect(
            text.stdout.contains(
                "letters: the first point is u, the second point is v, the scalar is s; the network already uses the names x, y, c"
            ))
        #expect(text.stdout.contains("witness: u = (0, 0), v = (0, 0)"))
        let json = try cli.run("net.yaml", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let names = try #require(object["names"] as? [String: String])
        #expect(names == ["x": "u", "y": "v", "c": "s"])
        let homogeneity = try #require(object["homogeneity"] as? [String: Any])
        #expect(homogeneity["residual"] as? [String] == ["-b1*s + b1 - s + 1"])
    }

    @Test func usualLettersWhenNothingClashes() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        let json = try cli.run("net.yaml", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect(object["names"] as? [String: String] == ["x": "x", "y": "y", "c": "c"])
        let text = try cli.run("net.yaml")
        #expect(!text.stdout.contains("letters:"))
        #expect(text.stdout.contains("(1 - c)*b'"))
    }

    @Test func latexAvoidsTheUsersNames() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.clashing)
        let result = try cli.run("net.yaml", "--latex", "-")
        #expect(result.status == 0)
        let tex = result.stdout
        // The input vector is not x (an input is called x); layer biases are not b_{k}.
        #expect(tex.contains("Input $u = (x, y)^{\\top}$"))
        #expect(!tex.contains("Input $x = (x, y)"))
        #expect(tex.contains("d_{1} &= \\begin{bmatrix} b_{1} \\\\ 1 \\end{bmatrix}"))
        #expect(!tex.contains("b_{1} &= \\begin{bmatrix} b_{1}"))
        #expect(tex.contains("\\emph{Notation.}"))
        // The scalar is s, as in the text report, never c.
        #expect(tex.contains("every scalar $s$"))
    }

    @Test func setGivesSymbolsValues() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.clashing)
        let result = try cli.run("net.yaml", "--set", "c=2", "--set", "b1=-1", "--set", "w11=0.5", "--format", "json")
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        // W' = [w11 + 1, c + 2] = [3/2, 4]; b' = b1 + 1 = 0: linear at these values.
        #expect(object["verdict"] as? String == "linear")
        let collapsed = try #require(object["collapsed"] as? [String: Any])
        #expect(collapsed["weights"] as? [[String]] == [["3/2", "4"]])
        let eval = try cli.run("eval", "net.yaml", "--at", "1, 1", "--set", "c=2", "--set", "b1=-1", "--set", "w11=1/2")
        #expect(eval.status == 0)
        #expect(eval.stdout.contains("11/2"), "\(eval.stdout)")
        let check = try cli.run(
            "check", "net.yaml", "--set", "c=2", "--set", "b1=1", "--set", "w11=1/2", "--trials", "5")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func setRejectsUnknownSymbolsAndBadValues() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.clashing)
        for (arguments, message) in [
            (["--set", "q=1"], "--set #1:1:1: unknown symbol 'q'"),
            (["--set", "c"], "has no '='"),
            (["--set", "c=1/0"], "--set #1:1:5:"),
            (["--set", "c=1", "--set", "c=2"], "set twice"),
        ] {
            let result = try cli.run(["net.yaml"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test func conventionRowAppliesToTheTextReport() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        let column = try cli.run("net.yaml")
        let row = try cli.run("net.yaml", "--convention", "row")
        #expect(column.stdout.contains("W' (1×2) ="))
        #expect(row.stdout.contains("row vectors, y = x W' + b':\nW' (2×1) ="))
        #expect(row.stdout.contains("y = xW' + b'"))
        #expect(row.stdout.contains("b' (1×1) ="))
    }

    @Test func figuresNeedsADocumentAndAddsTikZPictures() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        let alone = try cli.run("net.yaml", "--figures")
        #expect(alone.status == 2)
        #expect(alone.stderr.contains("add --latex FILE.tex or --pdf FILE.pdf"))
        #expect(alone.stdout.isEmpty)
        let result = try cli.run("net.yaml", "--figures", "--latex", "out.tex")
        #expect(result.status == 0 || result.status == 1)
        let tex = try String(contentsOf: cli.directory.appendingPathComponent("out.tex"), encoding: .utf8)
        #expect(tex.contains("\\usepackage{tikz}"))
        #expect(tex.contains("\\paragraph{Picture.}"))
        let pdf = try cli.run("net.yaml", "--pdf", "proof.tex")
        #expect(pdf.status == 2)
        #expect(pdf.stderr.contains("FILE.pdf"))
    }

    @Test func pdfIsCompiledOrExplained() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        let hasPdflatex = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/pdflatex") }
        let result = try cli.run("net.yaml", "--pdf", "proof.pdf")
        if hasPdflatex {
            #expect(result.status == 0, "\(result.stderr)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: cli.path("proof.pdf")))
            #expect(bytes.starts(with: Array("%PDF".utf8)))
        } else {
            #expect(result.status == 2)
            #expect(result.stderr.contains("pdflatex is not installed"))
            #expect(!cli.exists("proof.pdf"))
        }
    }

    @Test func plainLinearLayersAreOneLine() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.linear)
        let result = try cli.run("net.yaml")
        #expect(result.stdout.contains("layers:\n  1-2. identity: plain linear layers, W x + b\n"), "\(result.stdout)")
    }

    @Test func textFormulasUseAsciiMinusAndScalarsHaveNoParentheses() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        let result = try cli.run("net.yaml")
        let identities = try #require(result.stdout.components(separatedBy: "identities:").last)
        #expect(!identities.contains("−"), "a Unicode minus in the formulas:\n\(identities)")
        #expect(!result.stdout.contains("= (-"), "a scalar in parentheses:\n\(result.stdout)")
    }
}

/// `check` tells the truth about what it checked.
struct CheckTruthTests {
    static let symbolic = """
        input: [x1, x2]
        layers:
          - dense:
              weights: [[w11, w12], [w21, w22]]
              bias: [b1, b2]
          - dense:
              weights: [[z1, z2]]

        """

    @Test func symbolicNetworksAreCheckedAtRandomValuesOfTheSymbols() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.symbolic)
        let result = try cli.run("check", "net.yaml", "--trials", "6", "--format", "json")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(object["outcome"] as? String == "passed")
        #expect((object["skipped"] as? [String])?.isEmpty == true)
        // Per trial: W'x + b' against the layers, and affinity; plus the two witnesses.
        #expect(object["passed"] as? Int == 6 * 2 + 2)
    }

    @Test func trialsAreHonouredForEveryVerdict() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.relu)
        for trials in [3, 11] {
            let result = try cli.run("check", "net.yaml", "--trials", "\(trials)")
            #expect(result.stdout.contains("of \(trials) random pairs"), "\(result.stdout)")
        }
        try cli.write("affine.yaml", Specs.affine)
        let few = try cli.run("check", "affine.yaml", "--trials", "2", "--format", "json")
        let many = try cli.run("check", "affine.yaml", "--trials", "9", "--format", "json")
        let fewPassed = try #require(
            (try JSONSerialization.jsonObject(with: few.stdoutData) as? [String: Any])?["passed"] as? Int)
        let manyPassed = try #require(
            (try JSONSerialization.jsonObject(with: many.stdoutData) as? [String: Any])?["passed"] as? Int)
        #expect(manyPassed - fewPassed == 7 * 2)
    }

    @Test func unknownVerdictsAreProbedAndExitThree() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        // relu after a symbolic weight: the analysis leaves it unknown; probes find a break.
        try cli.write("net.yaml", "input: 1\nlayers:\n  - dense: {weights: [[a]]}\n    activation: relu\n")
        let result = try cli.run("check", "net.yaml", "--trials", "10")
        #expect(result.status == 3)
        #expect(result.stdout.contains("verdict: unknown"))
        #expect(result.stdout.contains("probe:"))
        #expect(!result.stdout.contains("check passed"))
    }
}

/// Region plots and listings a person can read.
struct RegionPlotTests {
    static let twoInputs = """
        input: [x1, x2]
        layers:
          - dense: {weights: [[1, 0], [0, 1], [1, 1]], bias: [0, 0, -1]}
            activation: relu
          - dense: {weights: [[1, -1, 2]]}

        """
    static let oneInput = """
        input: [t]
        layers:
          - dense: {weights: [[1], [1], [1]], bias: [1, 0, -1]}
            activation: relu
          - dense: {weights: [[1, -2, 1]]}

        """

    @Test func plotRegionNumbersMatchTheListing() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.twoInputs)
        let result = try cli.run("regions", "net.yaml", "--plot", "p.svg", "--box", "-2,2,-2,2")
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: cli.path("p.svg"), encoding: .utf8)
        // Every polygon says "region N: pattern P"; the listing's region N has pattern P.
        let titles = svg.components(separatedBy: "<title>region ").dropFirst().map { $0.prefix { $0 != ";" } }
        #expect(!titles.isEmpty)
        for title in titles {
            let parts = title.components(separatedBy: ": pattern ")
            #expect(result.stdout.contains("region \(parts[0]): pattern \(parts[1])\n"), "plot says region \(title)")
        }
        // Axes, ticks, legend.
        #expect(svg.contains(">x1</text>") && svg.contains(">x2</text>"))
        #expect(svg.contains(">-1</text>") && svg.contains(">1</text>"))
        #expect(svg.contains("affine maps (one colour each)"))
        // Different maps, different colours: as many fill colours as legend entries.
        let fills = Set(
            svg.components(separatedBy: "<polygon").dropFirst().compactMap {
                $0.components(separatedBy: "fill=\"").dropFirst().first?.prefix(7)
            })
        let legendEntries = svg.components(separatedBy: "<rect x=").count - 2  // minus the background and frame
        #expect(fills.count == legendEntries, "\(fills) vs \(legendEntries) legend entries")
    }

    @Test func oneInputNetworksArePlottedAsTheGraphOfF() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.oneInput)
        let result = try cli.run("regions", "net.yaml", "--plot", "g.svg", "--box", "-2,2")
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: cli.path("g.svg"), encoding: .utf8)
        #expect(svg.contains("the graph of F, 4 linear pieces"))
        for breakpoint in ["t = -1", "t = 0", "t = 1"] { #expect(svg.contains(">\(breakpoint)</text>")) }
        #expect(svg.contains(">F(t)</text>"))
    }

    @Test func plotOptionsAreNeverSilentlyIgnored() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.twoInputs)
        let png = try cli.run("regions", "net.yaml", "--plot", "x.png")
        #expect(png.status == 2)
        #expect(png.stderr.contains("rsvg-convert"))
        #expect(!cli.exists("x.png"))
        let box = try cli.run("regions", "net.yaml", "--box", "-1,1,-1,1")
        #expect(box.status == 2)
        #expect(box.stderr.contains("needs --plot FILE.svg"))
        #expect(box.stdout.isEmpty)
    }

    @Test func listingsExplainPatternsAndNormaliseInequalities() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.twoInputs)
        let result = try cli.run("regions", "net.yaml")
        #expect(result.stdout.contains("pattern letters: one per unit"))
        #expect(result.stdout.contains("relu: '-' for t < 0, '0' for t = 0, '+' for t > 0"))
        let inequalities = result.stdout.split(separator: "\n").filter { $0.contains(" < ") || $0.contains(" > ") }
            .map { $0.replacingOccurrences(of: "where:", with: "").trimmingCharacters(in: .whitespaces) }
        #expect(!inequalities.isEmpty)
        for inequality in inequalities where !inequality.hasPrefix("'") && !inequality.hasPrefix("relu") {
            #expect(!inequality.hasPrefix("-"), "leading minus in \(inequality)")
        }
        let local = try cli.run("local", "net.yaml", "--at", "1, 1")
        #expect(local.stdout.contains("pattern letters:"))
    }
}

/// The LaTeX a teacher hands out keeps the user's text.
struct HandoutTests {
    @Test func titlesAreKeptAsWritten() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("u.yaml", "network: \"Übung 3: σ-Netz\"\ninput: 1\nlayers:\n  - dense: {weights: [[2]]}\n")
        let result = try cli.run("u.yaml", "--latex", "-")
        #expect(result.stdout.contains("\\section*{Übung 3: \\ensuremath{\\sigma}-Netz}"))
        try cli.write("l.yaml", "network: two stacked layers\ninput: 1\nlayers:\n  - dense: {weights: [[2]]}\n")
        #expect(
            try cli.run("l.yaml", "--latex", "-").stdout.contains("\\section*{two stacked layers}"),
            "no automatic capitalisation")
    }
}

/// scripts/check-latex.sh fails on an overfull box wider than 10pt, through
/// scripts/latex-overfull.sh, which reads pdflatex's log.
struct OverfullCheckTests {
    static let script = ReadmeUsageTests.root.appendingPathComponent("scripts/latex-overfull.sh")

    func run(_ log: String) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("overfull-\(UUID().uuidString).log")
        try log.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.script.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func boxesWiderThanTenPointsFail() throws {
        let narrow =
            "Overfull \\hbox (3.51pt too wide) in paragraph at lines 4--5\n[]\\OT1/cmr/m/n/10.95 narrow\n\nOverfull \\hbox (10.0pt too wide) detected at line 9\n[]\n"
        #expect(try run(narrow).status == 0)
        let wide = narrow + "Overfull \\hbox (25.25pt too wide) detected at line 20\n[]$[]$\n"
        let result = try run(wide)
        #expect(result.status == 1)
        #expect(result.output.contains("25.25pt too wide) detected at line 20"))
        #expect(!result.output.contains("3.51pt"))
        let checkLaTeX = try String(
            contentsOf: ReadmeUsageTests.root.appendingPathComponent("scripts/check-latex.sh"), encoding: .utf8)
        #expect(checkLaTeX.contains("scripts/latex-overfull.sh \"$work/$name.log\" \"$max_overfull\""))
        #expect(checkLaTeX.contains("max_overfull=10"))
        #expect(checkLaTeX.contains("overfull_fails=1"), "an overfull box fails the check")
    }
}
