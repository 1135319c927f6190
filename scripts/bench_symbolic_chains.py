#!/usr/bin/env python3
"""Large symbolic chains (issues 14 and 15): prove-collapse against python-flint's fmpq_mpoly,
in time (wall and CPU) and in memory against the report's size.

usage: bench_symbolic_chains.py BIN_DIR WORKDIR [--chains 8:4,10:4,8:6] [--reps 3]

BIN_DIR holds the release `prove-collapse` and `collapse-bench`. For each chain n:L (L dense
n x n layers, every weight and bias a symbol, identity activations; the specs of
bench_symbolic.py) it measures:
- flint: python-flint's fmpq_mpoly composing the chain (M = W_l M, c = W_l c + b_l), the
  median of --reps, wall and CPU (time.process_time) seconds;
- collapse: `collapse-bench --spec` (AffineMap<Polynomial>.composeChain only), wall and CPU;
- end to end: `prove-collapse SPEC --format json > OUT` under /usr/bin/time -v: wall, CPU
  (user + sys) and peak RSS; the report's size; and the RSS of `prove-collapse --version`
  (the runtime's floor, which no representation can go below).
Ratios are ours / flint. The machine is shared: the CPU-time ratios are the ones to trust.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import time


def write_spec(path, n, L):
    W = [[[f"w{l}_{i}_{j}" for j in range(n)] for i in range(n)] for l in range(1, L + 1)]
    b = [[f"b{l}_{i}" for i in range(n)] for l in range(1, L + 1)]
    spec = {"network": os.path.basename(path)[:-5], "input": n,
            "layers": [{"dense": {"weights": W[l], "bias": b[l]}} for l in range(L)]}
    with open(path, "w") as fh:
        json.dump(spec, fh)
    return W, b


def flint_chain(W, b, n, reps):
    import flint
    allnames = tuple(s for Wl in W for row in Wl for s in row) + tuple(s for bl in b for s in bl)
    ctx = flint.fmpq_mpoly_ctx.get(allnames, "lex")
    g = dict(zip(allnames, ctx.gens()))
    Ws = [[[g[s] for s in row] for row in Wl] for Wl in W]
    bs = [[g[s] for s in bl] for bl in b]
    walls, cpus = [], []
    for _ in range(reps):
        t, c = time.perf_counter(), time.process_time()
        M, v = Ws[0], bs[0]
        for Wl, bl in zip(Ws[1:], bs[1:]):
            M = [[sum((Wl[i][k] * M[k][j] for k in range(n)), ctx.from_dict({})) for j in range(n)] for i in range(n)]
            v = [sum((Wl[i][k] * v[k] for k in range(n)), bl[i]) for i in range(n)]
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
        terms = sum(len(e) for row in M for e in row) + sum(len(e) for e in v)
        del M, v
    return statistics.median(walls), statistics.median(cpus), terms


def timed(cmd, stdout_path=os.devnull):
    """(wall s, user+sys s, peak RSS KiB) of cmd under /usr/bin/time -v, its output to stdout_path."""
    with open(stdout_path, "w") as sink:
        out = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=sink, stderr=subprocess.PIPE, text=True)
    if out.returncode not in (0, 1, 3):
        sys.exit(f"{cmd} failed ({out.returncode}): {out.stderr[-2000:]}")
    field = lambda name: re.search(re.escape(name) + r": (.*)", out.stderr).group(1).strip()
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
    seconds = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return seconds, cpu, int(field("Maximum resident set size (kbytes)"))


def main():
    bins, work = sys.argv[1], sys.argv[2]
    chains = sys.argv[sys.argv.index("--chains") + 1] if "--chains" in sys.argv else "8:4,10:4,8:6"
    reps = int(sys.argv[sys.argv.index("--reps") + 1]) if "--reps" in sys.argv else 3
    os.makedirs(work, exist_ok=True)
    tool, bench = os.path.join(bins, "prove-collapse"), os.path.join(bins, "collapse-bench")
    _, _, floor_kib = timed([tool, "--version"])
    print(f"runtime floor: `prove-collapse --version` peak RSS {floor_kib / 1024:.1f} MiB\n")
    print("| chain n L | terms | flint wall / CPU s | collapse wall / CPU s | ratio wall / CPU | "
          "end to end wall / CPU s | e2e ratio CPU | report MiB | peak RSS MiB | RSS / report | (RSS − floor) / report |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for item in chains.split(","):
        n, L = map(int, item.split(":"))
        spec = os.path.join(work, f"symbolic-n{n}-L{L}.json")
        W, b = write_spec(spec, n, L)
        f_wall, f_cpu, terms = flint_chain(W, b, n, reps)
        line = subprocess.run([bench, "--spec", spec, "--reps", str(reps)], capture_output=True, text=True, check=True).stdout
        ours = json.loads(line.strip().splitlines()[-1])
        c_wall, c_cpu = ours["collapse_s_median"], ours["collapse_cpu_s_median"]
        report = os.path.join(work, f"symbolic-n{n}-L{L}.report.json")
        e_wall, e_cpu, rss_kib = timed([tool, spec, "--format", "json"], report)
        size = os.path.getsize(report)
        mib = 1024 * 1024
        print(f"| {n} {L} | {terms:,} | {f_wall:.3f} / {f_cpu:.3f} | {c_wall:.3f} / {c_cpu:.3f} | "
              f"{c_wall / f_wall:.2f} / {c_cpu / f_cpu:.2f} | {e_wall:.2f} / {e_cpu:.2f} | {e_cpu / f_cpu:.2f} | "
              f"{size / mib:.1f} | {rss_kib / 1024:.1f} | {rss_kib * 1024 / size:.2f} | {(rss_kib - floor_kib) * 1024 / size:.2f} |")
        os.remove(report)


if __name__ == "__main__":
    main()
