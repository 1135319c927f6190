// The `prove-collapse` entry point: parse, run, map the outcome to the contract's exit code.
// Everything that can go wrong ends in `Failure.report` (Failure.swift), the one place that
// turns an error into a message and an exit status.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
// A fixed mmap threshold: large transient buffers (the integer products' work space) go
// back to the system when freed, instead of glibc raising the threshold after the first
// large free and keeping them in the heap (peak memory; issue 5).
@_silgen_name("mallopt") func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
let mMmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
_ = glibcMallopt(mMmapThreshold, 512 * 1024)
#endif

Interruption.install()
exit(CommandRunner.run(Array(CommandLine.arguments.dropFirst())))
