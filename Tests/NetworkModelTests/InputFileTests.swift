import Foundation
import NetworkModel
import Testing

/// `InputFile.bytes`, the one reader of input files, against Foundation's independent read of
/// the same files, and its typed failures.
@Suite struct InputFileTests {
    /// A scratch directory removed at the end of each test.
    private func withScratch(_ body: (String) throws -> Void) throws {
        let directory = NSTemporaryDirectory() + "inputfile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    @Test func bytesEqualFoundationsReadForFilesOfEverySize() throws {
        try withScratch { directory in
            // Sizes around the 64 KB first read and the stat size (a grown read), seeded bytes.
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            var checked = 0
            for size in [0, 1, 255, 65_535, 65_536, 65_537, 300_001] {
                var written = [UInt8]()
                written.reserveCapacity(size)
                for _ in 0..<size {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    written.append(UInt8(truncatingIfNeeded: state >> 33))
                }
                let path = directory + "/file-\(size)"
                #expect(FileManager.default.createFile(atPath: path, contents: Data(written)))
                let read = try InputFile.bytes(path)
                #expect(read == written)
                #expect(read == [UInt8](FileManager.default.contents(atPath: path) ?? Data([1])))
                checked += 1
            }
            #expect(checked == 7)
        }
    }

    @Test func failuresAreTyped() throws {
        try withScratch { directory in
            #expect(throws: FileReadFailure.noSuchFile) { try InputFile.bytes(directory + "/missing") }
            #expect(throws: FileReadFailure.noSuchFile) { try InputFile.bytes("") }
            #expect(throws: FileReadFailure.isDirectory) { try InputFile.bytes(directory) }
        }
    }
}
