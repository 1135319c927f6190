// swift-tools-version: 6.1
// prove-collapse: exact proofs of what a neural network computes when its activations
// are (or are not) linear. Dependencies flow one way, down this list:
// CGMP/CMPFR -> ExactNumbers -> Enclosures -> Algebra -> NetworkModel -> ModelFiles -> Collapse
// -> Rendering -> ProveCollapseCLI.
import PackageDescription

let package = Package(
    name: "prove-collapse",
    products: [
        .executable(name: "prove-collapse", targets: ["ProveCollapseCLI"]),
        .executable(name: "collapse-bench", targets: ["CollapseBenchmark"]),
        .executable(name: "leak-stress", targets: ["LeakStress"]),
        .library(
            name: "ProveCollapse",
            targets: ["ExactNumbers", "Enclosures", "Algebra", "NetworkModel", "ModelFiles", "Collapse", "Rendering"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    ],
    targets: [
        // C libraries (Debian packages) through one shim header each.
        .systemLibrary(name: "CGMP", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"])]),
        .systemLibrary(name: "CMPFR", pkgConfig: "mpfr", providers: [.apt(["libmpfr-dev"])]),
        // FLINT 2.9 (Debian libflint-dev, no pkg-config file): the integer matrix product.
        .systemLibrary(name: "CFLINT", providers: [.apt(["libflint-dev"])]),

        // FLINT's functions as trampolines that load libflint on their first call: the command
        // does not load it (and NTL) at start-up (docs/PERFORMANCE.md, start-up).
        .target(name: "CFLINTOnDemand", linkerSettings: [.linkedLibrary("flint", .when(platforms: [.macOS]))]),
        // Arbitrary-precision integers and rationals: the only module that touches GMP
        // (besides Enclosures, which needs MPFR's GMP-typed entry points).
        .target(name: "ExactNumbers", dependencies: ["CGMP", "CFLINT", "CFLINTOnDemand"]),
        // Rigorous rational enclosures of transcendental functions (MPFR, directed rounding).
        .target(name: "Enclosures", dependencies: ["ExactNumbers", "CGMP", "CMPFR"]),
        // Symbols, polynomials, matrices and affine maps over exact scalars.
        .target(name: "Algebra", dependencies: ["ExactNumbers", "Enclosures"]),
        // Network specs: reading YAML/JSON with source locations, activations, errors.
        .target(
            name: "NetworkModel", dependencies: ["ExactNumbers", "Algebra", .product(name: "Yams", package: "Yams")]),
        // Model files: ONNX (protobuf, generated code committed) and NNet readers, the ONNX writer.
        .target(
            name: "ModelFiles",
            dependencies: [
                "ExactNumbers", "Algebra", "NetworkModel", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]),
        // Composition, exact evaluation, identity checks, witnesses, verdicts, derivations.
        .target(name: "Collapse", dependencies: ["ExactNumbers", "Enclosures", "Algebra", "NetworkModel"]),
        // Text, JSON and LaTeX renderings of a verdict: pure functions, no I/O.
        .target(
            name: "Rendering", dependencies: ["ExactNumbers", "Enclosures", "Algebra", "NetworkModel", "Collapse"]),
        // `verify`: re-checks a JSON report by its own code paths, never the analysis (Collapse).
        .target(name: "Verification", dependencies: ["ExactNumbers", "Enclosures", "Algebra", "NetworkModel"]),
        // SMT-LIB certificates of a verdict, checkable by z3 and cvc5 (contract §8).
        .target(
            name: "Certificates",
            dependencies: ["ExactNumbers", "Enclosures", "Algebra", "NetworkModel", "Collapse", "Rendering"]),
        // The command: options, files, exit codes, nothing else.
        .executableTarget(
            name: "ProveCollapseCLI",
            dependencies: [
                "ExactNumbers", "Algebra", "NetworkModel", "ModelFiles", "Collapse", "Rendering", "Certificates",
                "Verification",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds link a position-dependent executable: the loader then has ~900
            // relocations to apply at start-up instead of ~86,000 (docs/PERFORMANCE.md, start-up).
            linkerSettings: [
                .unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))
            ]
        ),
        // Benchmarks (release build): chain composition timings.
        .executableTarget(
            name: "CollapseBenchmark", dependencies: ["ExactNumbers", "Algebra", "NetworkModel", "Collapse"]),
        // Stress executable run under valgrind by scripts/check-leaks.sh.
        .executableTarget(
            name: "LeakStress", dependencies: ["ExactNumbers", "Enclosures", "Algebra", "NetworkModel", "Collapse"]),

        // Shared by the test targets only: seeded property drivers, reference algorithms.
        .target(
            name: "TestSupport",
            dependencies: [
                "ExactNumbers", "Algebra", "NetworkModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/TestSupport"),
        .testTarget(
            name: "ExactNumbersTests",
            dependencies: [
                "ExactNumbers", "CGMP", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "EnclosuresTests",
            dependencies: [
                "ExactNumbers", "Enclosures", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "AlgebraTests",
            dependencies: [
                "ExactNumbers", "Algebra", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "NetworkModelTests", dependencies: ["ExactNumbers", "Algebra", "NetworkModel"]),
        .testTarget(
            name: "CollapseTests",
            dependencies: ["ExactNumbers", "Enclosures", "Algebra", "NetworkModel", "Collapse", "TestSupport"]),
        .testTarget(
            name: "RenderingTests",
            dependencies: ["ExactNumbers", "Enclosures", "Algebra", "NetworkModel", "Collapse", "Rendering"]),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "ExactNumbers", "Algebra", "ProveCollapseCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["HelpSnapshots"]),
        .testTarget(
            name: "ModelFilesTests",
            dependencies: ["ExactNumbers", "Enclosures", "Algebra", "NetworkModel", "ModelFiles", "Collapse"],
            resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target on the readers (scripts/fuzz-libfuzzer.sh builds it with
// `--sanitize=fuzzer`): declared only when PROVE_COLLAPSE_LIBFUZZER is set, so `swift build`,
// `swift test` and CI never build it (it has no `main` of its own: libFuzzer supplies it).
if Context.environment["PROVE_COLLAPSE_LIBFUZZER"] != nil {
    package.products.append(.executable(name: "spec-fuzzer", targets: ["SpecFuzzer"]))
    package.targets.append(
        .executableTarget(name: "SpecFuzzer", dependencies: ["NetworkModel", "ModelFiles"], path: "Fuzz/SpecFuzzer"))
}

// Every Swift target: a file sees only the modules it imports itself, and imports are
// internal unless written `public import` (a public declaration exposes that module's types).
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("InternalImportsByDefault"),
        ]
}

// Debug builds optimise the package's own modules too (`-O`; overflow and precondition checks
// stay on, and tests keep `@testable` access): `swift test` exercises the optimised code that
// ships and spends a third less CPU (unoptimised generic code spent 77% of the tests' CPU in the
// Swift runtime). Test targets stay unoptimised (no measurable gain, longer builds).
// `PROVE_COLLAPSE_ONONE=1 swift build` gives an unoptimised build for a debugger.
if Context.environment["PROVE_COLLAPSE_ONONE"] == nil {
    for target in package.targets where target.type == .regular || target.type == .executable {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-O"], .when(configuration: .debug))]
    }
}
