#!/usr/bin/env python3
"""Region enumeration against the cddlib anchor on the standard region set.

For every spec of scripts/region-set/ (scripts/region-set.py writes them) it runs
`prove-collapse regions SPEC --count` (release build) and scripts/regions-anchor.py (pycddlib's
exact GMP simplex), each under /usr/bin/time, and prints a Markdown table: the counts of both
(regions and distinct maps must be identical), wall and CPU (user+sys) seconds, the ratios
anchor/ours (CPU ratio first: the machine is shared, and wall time shows the load), and our
memory per region (peak RSS above the peak RSS of a one-region run, divided by the regions).
Then the ACAS-Xu shape (5 inputs, six 50-unit relu layers, scripts/region-set/acas-shape.yaml
from the same generator) on a region-limited run: regions per second.

    python3 scripts/bench-regions.py [--bin PATH] [--acas-regions N] [--skip-anchor] [SPEC...]

Without --bin it builds `swift build -c release --product prove-collapse`. Exit 1 when a
count differs from the anchor's.
"""
import argparse
import glob
import math
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SET = os.path.join(ROOT, "scripts", "region-set")


def timed(cmd):
    """(stdout, wall s, cpu s, max RSS KB) of cmd: rusage of the child (microsecond CPU times)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        p = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if code not in (0, 3):
            sys.exit(f"{' '.join(cmd)} failed ({code}): {err.read().strip()}")
        return out.read(), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def ours(binary, spec, limit=None):
    cmd = [binary, "regions", spec, "--count", "--max-regions", str(limit or 100_000_000)]
    out, wall, cpu, rss = timed(cmd)
    m = re.search(r"(\d+) linear regions?(?: and (\d+) lower)?.*?; (\d+) distinct affine maps?; (\d+) exact", out)
    if not m:
        sys.exit(f"cannot read {out!r}")
    return int(m.group(1)), int(m.group(3)), int(m.group(4)), wall, cpu, rss


def anchor(spec):
    out, wall, cpu, rss = timed([sys.executable, os.path.join(ROOT, "scripts", "regions-anchor.py"), spec])
    _, regions, maps, lps, _ = out.split()
    return int(regions), int(maps), int(lps), wall, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin")
    ap.add_argument("--acas-regions", type=int, default=300)
    ap.add_argument("--skip-anchor", action="store_true")
    ap.add_argument("specs", nargs="*")
    args = ap.parse_args()
    binary = args.bin
    if not binary:
        # The flags of `make release` (Makefile SWIFT_RELEASE), so the build is shared with it.
        release = ["swift", "build", "-c", "release", "--static-swift-stdlib"]
        subprocess.run(release + ["--product", "prove-collapse"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        binary = os.path.join(subprocess.run(release + ["--show-bin-path"], cwd=ROOT, check=True,
                                             stdout=subprocess.PIPE, text=True).stdout.strip(), "prove-collapse")
    specs = args.specs or sorted(glob.glob(os.path.join(SET, "n*.yaml")),
                                 key=lambda s: [int(x) for x in re.findall(r"\d+", os.path.basename(s))])
    # Start-up baselines (process start, loading, parsing): ours stopped after one region,
    # the anchor's interpreter with its imports.
    _, _, _, _, base_cpu, base_rss = ours(binary, specs[0], limit=1)
    anchor_base = timed([sys.executable, "-c", "import cdd.gmp, yaml, fractions"])[2]
    print(f"start-up CPU: ours {base_cpu:.3f} s (one region), anchor {anchor_base:.3f} s (python3 + imports); "
          "net ratio = (anchor CPU - its start-up) / (ours CPU - ours start-up)\n")
    print("| network (inputs-width-layers) | regions | distinct maps | same counts | ours wall s | ours CPU s | anchor wall s | anchor CPU s | CPU ratio | net CPU ratio | wall ratio | ours LPs | anchor LPs | ours KB/region |")
    print("|---|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    ratios, net_ratios, wall_ratios, differ = [], [], [], False
    for spec in specs:
        r, maps, lps, wall, cpu, rss = ours(binary, spec)
        name = os.path.basename(spec)[:-5]
        per_region = max(rss - base_rss, 0) / max(r, 1)
        if args.skip_anchor:
            print(f"| {name} | {r} | {maps} | - | {wall:.3f} | {cpu:.3f} | - | - | - | - | {lps} | - | {per_region:.2f} |", flush=True)
            continue
        ar, amaps, alps, awall, acpu = anchor(spec)
        same = ar == r and amaps == maps
        differ |= not same
        ratio = acpu / max(cpu, 0.001)
        net = max(acpu - anchor_base, 0.001) / max(cpu - base_cpu, 0.001)
        wall_ratio = awall / max(wall, 0.001)
        ratios.append(ratio)
        net_ratios.append(net)
        wall_ratios.append(wall_ratio)
        print(f"| {name} | {r} | {maps} | {'yes' if same else f'NO (anchor {ar}, {amaps})'} | {wall:.3f} | {cpu:.3f} | {awall:.3f} | {acpu:.3f} | {ratio:.1f} | {net:.1f} | {wall_ratio:.1f} | {lps} | {alps} | {per_region:.2f} |", flush=True)
    if ratios:
        def geo(xs):
            return math.exp(sum(map(math.log, xs)) / len(xs))
        print(f"\nanchor/ours CPU time: geometric mean {geo(ratios):.1f}x, worst {min(ratios):.1f}x (target >= 10); "
              f"net of start-up {geo(net_ratios):.1f}x, worst {min(net_ratios):.1f}x; wall time {geo(wall_ratios):.1f}x")
        print("counts identical with the anchor on every network" if not differ else "COUNTS DIFFER")
    acas = os.path.join(SET, "acas-shape.yaml")
    if os.path.exists(acas):
        r, maps, lps, wall, cpu, rss = ours(binary, acas, limit=args.acas_regions)
        print(f"\nACAS-Xu shape (5 inputs, 6x50 relu), first {r} regions: {wall:.2f} s wall, {cpu:.2f} s CPU: "
              f"{r / max(cpu, 1e-3):.0f} regions per CPU second ({r / max(wall, 1e-3):.0f} per wall second; target >= 100), {lps} LPs")
        # Memory per region when counting: peak RSS of a run 4x as long, above this one's.
        r4, _, _, wall4, cpu4, rss4 = ours(binary, acas, limit=4 * args.acas_regions)
        print(f"first {r4} regions: {cpu4:.2f} s CPU ({r4 / max(cpu4, 1e-3):.0f} per CPU second), peak RSS {rss4} KB "
              f"against {rss} KB: {max(rss4 - rss, 0) * 1024 / max(r4 - r, 1):.0f} bytes per region (target < 512)")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
