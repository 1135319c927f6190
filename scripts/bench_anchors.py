#!/usr/bin/env python3
"""Driver of scripts/bench-anchors.sh: collapse-only and end-to-end tables against
python-flint on the standard set, hashes checked, peak RSS of the largest spec.

usage: bench_anchors.py BIN_DIR KIT_DIR WORKDIR   (run with the venv's python)
"""
import json
import math
import os
import re
import statistics
import subprocess
import sys
import time

STANDARD = ["small-n32-L8", "small-n128-L4", "small-n128-L8", "small-n256-L4", "small-n256-L8",
            "small-n512-L4", "float32-n128-L8", "float32-n256-L4", "float32-n256-L8", "float32-n512-L4"]
REPS = 3


def run_json(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def sha256_file(path):
    return subprocess.run(["sha256sum", path], capture_output=True, text=True, check=True).stdout.split()[0]


def gm(xs):
    return math.exp(sum(map(math.log, xs)) / len(xs))


def main():
    bin_dir, kit, work = sys.argv[1:4]
    py = sys.executable
    specs = [os.path.join(work, "specs", s + ".json") for s in STANDARD]
    out_dir = os.path.join(work, "out")
    os.makedirs(out_dir, exist_ok=True)
    collapse_rows, e2e_rows = [], []
    for spec in specs:
        name = os.path.basename(spec)[:-5]
        flavour, n, L = re.match(r"(\w+)-n(\d+)-L(\d+)", name).groups()
        workload = f"{flavour} {n} {L}"
        lines = os.path.join(out_dir, name + ".lines")
        ours = run_json([os.path.join(bin_dir, "collapse-bench"), "--spec", spec, "--reps", str(REPS), "--write", lines])
        ours_hash = sha256_file(lines)
        anchor = run_json([py, os.path.join(kit, "anchor.py"), spec, "--tool", "pyflint_tree", "--end-to-end", "--reps", str(REPS)])
        collapse_rows.append((workload, ours["collapse_s_median"], anchor["collapse_s_median"], ours_hash == anchor["sha256"]))
        # End to end: prove-collapse SPEC --format json (read, parse, collapse, rank, print).
        report = os.path.join(out_dir, name + ".json")
        times = []
        for _ in range(REPS):
            t = time.perf_counter()
            with open(report, "w") as fh:
                subprocess.run([os.path.join(bin_dir, "prove-collapse"), spec, "--format", "json"], stdout=fh, check=False)
            times.append(time.perf_counter() - t)
        h = subprocess.run([sys.executable, os.path.join(kit, "canon_hash.py"), report], capture_output=True, text=True)
        e2e_rows.append((workload, statistics.median(times), anchor["end_to_end_s"], h.returncode == 0 and h.stdout.strip() == anchor["sha256"],
                         os.path.getsize(spec)))
        print(f"  {workload}: collapse {collapse_rows[-1][1]:.4g} vs {collapse_rows[-1][2]:.4g}; "
              f"end to end {e2e_rows[-1][1]:.4g} vs {e2e_rows[-1][2]:.4g}", file=sys.stderr)

    print("## Collapse only (seconds, median of 3): ours = collapse-bench --spec (AffineMap.composeChain), "
          "anchor = anchor.py --tool pyflint_tree")
    print("| workload (flavour n L) | ours | python-flint tree | ratio | hash |")
    print("|---|--:|--:|--:|---|")
    for w, o, a, ok in collapse_rows:
        print(f"| {w} | {o:.4g} | {a:.4g} | {o / a:.2f} | {'same' if ok else 'DIFFERENT'} |")
    print(f"\nworst ratio {max(o / a for _, o, a, _ in collapse_rows):.2f} (target <= 1.0); "
          f"geometric mean {gm([o / a for _, o, a, _ in collapse_rows]):.2f}")

    print("\n## End to end (seconds, median of 3): prove-collapse SPEC --format json vs anchor.py --end-to-end")
    print("| workload (flavour n L) | spec MB | ours | python-flint script | ratio | hash |")
    print("|---|--:|--:|--:|--:|---|")
    for w, o, a, ok, size in e2e_rows:
        print(f"| {w} | {size / 1e6:.1f} | {o:.4g} | {a:.4g} | {o / a:.2f} | {'same' if ok else 'DIFFERENT'} |")
    largest = sorted(e2e_rows, key=lambda r: -r[4])[:4]
    print(f"\ngeometric-mean ratio over the four largest specs ({', '.join(r[0] for r in largest)}): "
          f"{gm([o / a for _, o, a, _, _ in largest]):.2f} (target <= 1.0)")

    # Peak RSS for the largest spec (end to end), against the inputs plus the result.
    big = max(specs, key=os.path.getsize)
    report = os.path.join(out_dir, "largest.json")
    with open(report, "w") as fh:
        r = subprocess.run(["/usr/bin/time", "-v", os.path.join(bin_dir, "prove-collapse"), big, "--format", "json"],
                           stdout=fh, stderr=subprocess.PIPE, text=True)
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    collapsed = json.load(open(report))["collapsed"]
    result_bytes = len(json.dumps(collapsed))
    inputs = os.path.getsize(big)
    print(f"\n## Memory: {os.path.basename(big)}")
    print("| spec (bytes) | result W', b' as JSON (bytes) | peak RSS (bytes) | ratio RSS / (spec + result) |")
    print("|--:|--:|--:|--:|")
    print(f"| {inputs} | {result_bytes} | {rss_kb * 1024} | {rss_kb * 1024 / (inputs + result_bytes):.2f} (target <= 3) |")


if __name__ == "__main__":
    main()
