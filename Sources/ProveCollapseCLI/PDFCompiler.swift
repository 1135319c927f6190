import Foundation

/// `--pdf FILE`: the LaTeX document compiled with `pdflatex` (twice, so references settle)
/// in a temporary folder that is removed afterwards; only the finished PDF is written.
enum PDFCompiler {
    /// The full path of `pdflatex` on the PATH, or nil.
    static func pdflatexPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/pdflatex"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Compiles `document` and writes the PDF into `file` (opened for `output`), committing it
    /// only when pdflatex succeeded. Faults (no pdflatex, a LaTeX error) name `output` and say
    /// what to do; no partial file is left.
    static func compile(_ document: String, into file: OutputFile, path output: String) throws(CLIError) {
        guard let pdflatex = pdflatexPath() else {
            throw .cannotWrite(
                path: output,
                reason:
                    "pdflatex is not installed (it is not on the PATH); install it (Debian: apt-get install texlive-latex-base, and texlive-pictures for --figures) or write the LaTeX source with --latex FILE.tex"
            )
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "prove-collapse-pdf-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes: [UInt8]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(document.utf8).write(to: folder.appendingPathComponent("document.tex"))
            for _ in 0..<2 {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: pdflatex)
                process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "document.tex"]
                process.currentDirectoryURL = folder
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                process.standardInput = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    let log =
                        (try? String(contentsOf: folder.appendingPathComponent("document.log"), encoding: .utf8)) ?? ""
                    let first =
                        log.split(separator: "\n").first { $0.hasPrefix("!") }.map(String.init)
                        ?? "exit status \(process.terminationStatus)"
                    throw CLIError.cannotWrite(path: output, reason: "pdflatex failed: \(first)")
                }
            }
            bytes = Array(try Data(contentsOf: folder.appendingPathComponent("document.pdf")))
        } catch let error as CLIError {
            throw error
        } catch {
            throw .cannotWrite(path: output, reason: "could not run pdflatex: \(error.localizedDescription)")
        }
        try bytes.withUnsafeBufferPointer { (buffer) throws(CLIError) in try file.write(bytes: buffer) }
        try file.commit()
    }
}
