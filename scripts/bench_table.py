#!/usr/bin/env python3
"""Driver of scripts/bench-table.sh: the README/PERFORMANCE benchmark table in one run.

usage: bench_table.py BIN_DIR KIT_DIR WORKDIR [--write README.md docs/PERFORMANCE.md] [--reps 3] [--extra MD...]
       (run with the venv's python, which has python-flint)

For every spec of the kit's standard set it measures, in the same run:
  - collapse only: ours = collapse-bench --spec (wall and CPU seconds of
    AffineMap.composeChain, all threads), anchor = the kit's anchor.py pyflint_tree scheme
    run in this process (wall = perf_counter, CPU = process_time around the collapse alone);
  - end to end: ours = prove-collapse SPEC --format json (wall; CPU = user + sys of the
    process from wait4, start-up included), anchor = anchor.py's one_pass with --end-to-end
    (read, build, collapse, write; interpreter start-up excluded);
  - peak RSS of ours (wait4's ru_maxrss) against spec + result (the JSON text of
    {"weights", "bias"} of the report's "collapsed", as json.dumps writes it);
  - the result hash of both (canon_hash.digest): every row must say "same".
Then the memory ratio on the scale-up sizes (float32 128/16, 128/32, 1024/2, 1024/4), and
start-up (prove-collapse --version and Examples/two-layer.yaml against /bin/true and
python3 -c pass, hyperfine when installed, else a loop of 50 runs).

The machine may be shared: CPU time is what is comparable between runs; wall-time ratios are
printed beside it so that load shows. With --write FILE..., the Markdown between the lines
<!-- bench-table:begin --> and <!-- bench-table:end --> of each FILE is replaced.
"""
import argparse
import importlib
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

STANDARD = ["small-n32-L8", "small-n128-L4", "small-n128-L8", "small-n256-L4", "small-n256-L8",
            "small-n512-L4", "float32-n128-L8", "float32-n256-L4", "float32-n256-L8", "float32-n512-L4"]
SCALE_UP = ["float32-n128-L16", "float32-n128-L32", "float32-n1024-L2", "float32-n1024-L4"]
BEGIN, END = "<!-- bench-table:begin -->", "<!-- bench-table:end -->"


def gm(xs):
    return math.exp(sum(map(math.log, xs)) / len(xs))


def run_measured(cmd, stdout_path):
    """Runs cmd with stdout to a file; (wall s, CPU s = user + sys, peak RSS bytes, exit status)."""
    # The peak RSS comes from /usr/bin/time (GNU time, %M) around the command, not from this
    # process's wait4: Linux carries the forking process's high-water RSS across exec, so a child
    # forked from this (large) Python process would report Python's peak instead of its own.
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss, open(stdout_path, "wb") as out:
        t = time.perf_counter()
        p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss.name] + list(cmd),
                             stdout=out, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        peak_kb = int(rss.read().strip().splitlines()[-1])
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, ru.ru_utime + ru.ru_stime, peak_kb * 1024, p.returncode


def anchor_passes(anchor, backend, spec, reps):
    """The pyflint_tree anchor, in this process: medians of collapse wall/CPU and end-to-end wall/CPU, and the hash."""
    matrix, strings = backend
    build, collapse, result = anchor.TREE
    cw, cc, ew, ec = [], [], [], []
    W = b = None
    for _ in range(reps):
        w0, c0 = time.perf_counter(), time.process_time()
        n, layers = anchor.load_spec(spec)
        mats = build(matrix, n, layers)
        w1, c1 = time.perf_counter(), time.process_time()
        res = collapse(mats)
        w2, c2 = time.perf_counter(), time.process_time()
        W, b = result(strings, res)
        with open(os.devnull, "w") as out:
            out.write(json.dumps({"collapsed": {"weights": W, "bias": b}}))
        w3, c3 = time.perf_counter(), time.process_time()
        cw.append(w2 - w1), cc.append(c2 - c1), ew.append(w3 - w0), ec.append(c3 - c0)
        del mats, res
    med = statistics.median
    return med(cw), med(cc), med(ew), med(ec), anchor.digest(W, b)


def ours_collapse(bin_dir, spec, reps, lines):
    out = subprocess.run([os.path.join(bin_dir, "collapse-bench"), "--spec", spec, "--reps", str(reps), "--write", lines],
                         capture_output=True, text=True, check=True).stdout
    row = json.loads(out.strip().splitlines()[-1])
    return row["collapse_s_median"], row["collapse_cpu_s_median"]


def report_hash(canon, report):
    try:
        collapsed = json.load(open(report))["collapsed"]
    except (ValueError, KeyError, TypeError):
        return None, 0
    W = [[canon.canonical(x) for x in row] for row in collapsed["weights"]]
    b = [canon.canonical(x) for x in collapsed["bias"]]
    return canon.digest(W, b), len(json.dumps({"weights": collapsed["weights"], "bias": collapsed["bias"]}))


def ours_end_to_end(bin_dir, spec, reps, report):
    walls, cpus, rss = [], [], 0
    for _ in range(reps):
        wall, cpu, peak, status = run_measured([os.path.join(bin_dir, "prove-collapse"), spec, "--format", "json"], report)
        if status != 0:
            raise SystemExit(f"prove-collapse {spec} --format json exited {status}")
        walls.append(wall), cpus.append(cpu)
        rss = max(rss, peak)
    return statistics.median(walls), statistics.median(cpus), rss


def startup(bin_dir, example):
    """Mean ms (and user+sys ms where measured) of four commands, in one run."""
    pc = os.path.join(bin_dir, "prove-collapse")
    commands = [("/bin/true", ["/bin/true"]), ("python3 -c pass", ["python3", "-c", "pass"]),
                ("prove-collapse --version", [pc, "--version"]),
                (f"prove-collapse {example}", [pc, example])]
    rows = []
    if shutil.which("hyperfine"):
        export = f"/tmp/bench-table-hyperfine-{os.getpid()}.json"
        subprocess.run(["hyperfine", "-N", "--warmup", "5", "--runs", "60", "--export-json", export, "--style", "none",
                        *[" ".join(c) for _, c in commands]], check=True, capture_output=True)
        results = json.load(open(export))["results"]
        for (label, _), r in zip(commands, results):
            rows.append((label, r["mean"] * 1e3, r["stddev"] * 1e3, (r["user"] + r["system"]) * 1e3))
        os.remove(export)
        return "hyperfine -N, 5 warm-up runs, mean of 60", rows
    for label, cmd in commands:
        walls, cpus = [], []
        for _ in range(50):
            wall, cpu, _, _ = run_measured(cmd, os.devnull)
            walls.append(wall), cpus.append(cpu)
        rows.append((label, statistics.mean(walls) * 1e3, statistics.pstdev(walls) * 1e3, statistics.mean(cpus) * 1e3))
    return "50 runs each (hyperfine not installed)", rows


def fmt(x):
    return f"{x:.3g}" if x < 1 else f"{x:.3f}"[:5].rstrip(".")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin_dir"), ap.add_argument("kit"), ap.add_argument("work")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--write", nargs="*", default=[])
    ap.add_argument("--only", nargs="*", default=None, help="a subset of the standard set (names such as small-n32-L8)")
    ap.add_argument("--skip-scale-up", action="store_true")
    ap.add_argument("--extra", nargs="*", default=[],
                    help="Markdown files appended to the table (bench-table.sh: regions, symbolic chains)")
    args = ap.parse_args()
    sys.path.insert(0, args.kit)
    sys.dont_write_bytecode = True
    anchor = importlib.import_module("anchor")
    canon = importlib.import_module("canon_hash")
    backend = anchor.flint_backend()
    import flint
    out_dir = os.path.join(args.work, "out")
    os.makedirs(out_dir, exist_ok=True)

    rows = []
    for name in args.only or STANDARD:
        spec = os.path.join(args.work, "specs", name + ".json")
        flavour, n, L = re.match(r"(\w+)-n(\d+)-L(\d+)", name).groups()
        ow, oc = ours_collapse(args.bin_dir, spec, args.reps, os.path.join(out_dir, name + ".lines"))
        lines_hash = canon.digest([], [line.rstrip("\n") for line in open(os.path.join(out_dir, name + ".lines"))])
        aw, ac, aew, aec, ahash = anchor_passes(anchor, backend, spec, args.reps)
        report = os.path.join(out_dir, name + ".json")
        ew, ec, rss = ours_end_to_end(args.bin_dir, spec, args.reps, report)
        rhash, result_bytes = report_hash(canon, report)
        same = lines_hash == ahash and rhash == ahash
        size = os.path.getsize(spec)
        rows.append(dict(w=f"{flavour} {n} {L}", size=size, ow=ow, oc=oc, aw=aw, ac=ac, ew=ew, ec=ec, aew=aew, aec=aec,
                         rss=rss, ratio=rss / (size + result_bytes), same=same))
        print(f"  {name}: collapse {ow:.4g}/{oc:.4g} vs {aw:.4g}/{ac:.4g}; end to end {ew:.4g}/{ec:.4g} vs "
              f"{aew:.4g}/{aec:.4g}; RSS {rss / 1e6:.0f} MB; {'same' if same else 'DIFFERENT'}", file=sys.stderr)

    scale = []
    if not args.skip_scale_up:
        for name in SCALE_UP:
            spec = os.path.join(args.work, "specs", name + ".json")
            report = os.path.join(out_dir, name + ".json")
            wall, cpu, rss, status = run_measured([os.path.join(args.bin_dir, "prove-collapse"), spec, "--format", "json"], report)
            rhash, result_bytes = report_hash(canon, report)
            size = os.path.getsize(spec)
            scale.append((name, size, result_bytes, rss, rss / (size + result_bytes), wall, cpu))
            print(f"  {name}: {wall:.3g} s wall, {cpu:.3g} s CPU, RSS {rss / 1e6:.0f} MB, ratio {scale[-1][4]:.2f}", file=sys.stderr)

    example = "Examples/two-layer.yaml"
    how, starts = startup(args.bin_dir, example)

    uname = os.uname()
    cpu_model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), uname.machine)
    load = os.getloadavg()[0]
    md = []
    md.append(f"Generated by `scripts/bench-table.sh` on {time.strftime('%Y-%m-%d', time.gmtime())} "
              f"({os.cpu_count()} × {cpu_model}, load average {load:.1f} at the end; python-flint {flint.__version__}). "
              f"Seconds, medians of {args.reps}. **CPU** is user + system time of all threads (what is comparable on a "
              f"shared machine); **wall** is elapsed time. Ratios are ours / python-flint (below 1: we are faster). "
              f"Every hash is compared with python-flint's result.")
    md.append("")
    md.append("**Collapse only** (ours: `collapse-bench --spec`, `AffineMap.composeChain`; python-flint: `anchor.py`'s "
              "balanced tree of `fmpq_mat`, the kit's fastest anchor)")
    md.append("")
    md.append("| workload (flavour n L) | ours CPU | flint CPU | **CPU ratio** | ours wall | flint wall | wall ratio | hash |")
    md.append("|---|--:|--:|--:|--:|--:|--:|---|")
    for r in rows:
        md.append(f"| {r['w']} | {fmt(r['oc'])} | {fmt(r['ac'])} | **{r['oc'] / r['ac']:.2f}** | {fmt(r['ow'])} | {fmt(r['aw'])} | "
                  f"{r['ow'] / r['aw']:.2f} | {'same' if r['same'] else 'DIFFERENT'} |")
    if rows:
        md.append("")
        md.append(f"Geometric mean: CPU ratio {gm([r['oc'] / r['ac'] for r in rows]):.2f}, wall ratio "
                  f"{gm([r['ow'] / r['aw'] for r in rows]):.2f}; worst CPU ratio {max(r['oc'] / r['ac'] for r in rows):.2f}.")
    md.append("")
    md.append("**End to end** (ours: `prove-collapse SPEC --format json`, process start-up included, also computes the "
              "rank and identity checks; python-flint: `anchor.py --end-to-end`, read + build + collapse + write, "
              "interpreter start-up excluded) and peak memory (ours: peak RSS / (spec + result bytes), target ≤ 3)")
    md.append("")
    md.append("| workload (flavour n L) | spec MB | ours CPU | flint CPU | **CPU ratio** | ours wall | flint wall | wall ratio | peak RSS MB | RSS / (spec + result) |")
    md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for r in rows:
        md.append(f"| {r['w']} | {r['size'] / 1e6:.1f} | {fmt(r['ec'])} | {fmt(r['aec'])} | **{r['ec'] / r['aec']:.2f}** | "
                  f"{fmt(r['ew'])} | {fmt(r['aew'])} | {r['ew'] / r['aew']:.2f} | {r['rss'] / 1e6:.0f} | {r['ratio']:.2f} |")
    if rows:
        md.append("")
        md.append(f"Geometric mean: CPU ratio {gm([r['ec'] / r['aec'] for r in rows]):.2f}, wall ratio "
                  f"{gm([r['ew'] / r['aew'] for r in rows]):.2f}.")
    if scale:
        md.append("")
        md.append("**Memory at scale** (`prove-collapse SPEC --format json`, one run each; target RSS / (spec + result) ≤ 3)")
        md.append("")
        md.append("| spec | spec MB | result MB | peak RSS MB | **RSS / (spec + result)** | CPU s | wall s |")
        md.append("|---|--:|--:|--:|--:|--:|--:|")
        for name, size, result_bytes, rss, ratio, wall, cpu in scale:
            md.append(f"| {name} | {size / 1e6:.1f} | {result_bytes / 1e6:.1f} | {rss / 1e6:.0f} | **{ratio:.2f}** | {cpu:.3g} | {wall:.3g} |")
    md.append("")
    md.append(f"**Start-up** ({how}; milliseconds, same run)")
    md.append("")
    md.append("| command | wall ms | ± | user + sys ms |")
    md.append("|---|--:|--:|--:|")
    for label, mean, sd, cpu in starts:
        md.append(f"| `{label}` | {mean:.2f} | {sd:.2f} | {cpu:.2f} |")
    for path in args.extra:
        md.append("")
        md.append(open(path).read().rstrip("\n"))
    text = "\n".join(md)
    print(text)
    for path in args.write:
        body = open(path).read()
        if BEGIN not in body or END not in body:
            raise SystemExit(f"{path}: no {BEGIN} ... {END} block to replace")
        head, rest = body.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        open(path, "w").write(head + BEGIN + "\n" + text + "\n" + END + tail)
        print(f"wrote the table into {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
