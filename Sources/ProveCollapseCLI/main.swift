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
    // One malloc arena: the product's worker threads would otherwise each grow an arena of their
    // own whose freed blocks stay resident (peak RSS 6-10 MB lower on float32 128×128 L16/L32
    // chains; the threads allocate little, so they hardly contend for it).
    let mArenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
    _ = glibcMallopt(mArenaMax, 1)
#endif

Interruption.install()
exit(CommandRunner.run(Array(CommandLine.arguments.dropFirst())))
