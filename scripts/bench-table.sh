#!/usr/bin/env bash
# The README's benchmark table in one command (make bench): prove-collapse against the
# python-flint anchor on the kit's standard set, memory on the scale-up sizes, start-up,
# region enumeration against cddlib and the symbolic 8x8 L6 chain against fmpq_mpoly.
#
#   scripts/bench-table.sh [--write] [WORKDIR]   (default WORKDIR: /tmp/prove-collapse-bench-table)
#
# WORKDIR keeps a venv with python-flint (installed with pip here, never used by the tool)
# and the kit's specs (make_specs.py, fixed seeds: the same files on every machine), so a
# second run skips the setup. Prints Markdown; with --write, also replaces the block between
# <!-- bench-table:begin --> and <!-- bench-table:end --> in README.md and docs/PERFORMANCE.md.
# The machine may be shared: the CPU columns (user + system of every thread) are comparable
# between runs, the wall columns show the load. Needs ../shared/bench (the kit) or KIT=DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
KIT=${KIT:-../shared/bench}
WRITE=()
if [ "${1:-}" = "--write" ]; then WRITE=(--write README.md docs/PERFORMANCE.md); shift; fi
W=${1:-/tmp/prove-collapse-bench-table}
mkdir -p "$W"
if [ ! -x "$W/venv/bin/python" ] || ! "$W/venv/bin/python" -c "import flint" 2>/dev/null; then
  python3 -m venv "$W/venv"
  "$W/venv/bin/pip" install -q python-flint
fi
[ -f "$W/specs/float32-n512-L4.json" ] || python3 "$KIT/make_specs.py" "$W/specs" --standard
for s in float32:128:16 float32:128:32 float32:1024:2 float32:1024:4; do
  IFS=: read -r f n l <<< "$s"
  [ -f "$W/specs/$f-n$n-L$l.json" ] || python3 "$KIT/make_specs.py" "$W/specs" "$s"
done
# The same release build as `make release` (static Swift runtime; see the Makefile).
swift build -c release --static-swift-stdlib --product collapse-bench >/dev/null
swift build -c release --static-swift-stdlib --product prove-collapse >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
# Region enumeration against cddlib (pycddlib, built against Debian's libcdd-dev and
# libgmp-dev) and the symbolic 8x8 L6 chain against python-flint's fmpq_mpoly, in the same run.
if ! "$W/venv/bin/python" -c "import cdd.gmp, yaml" 2>/dev/null; then
  "$W/venv/bin/pip" install -q pycddlib pyyaml
fi
{
  echo "**Region enumeration** (\`regions SPEC --count\` against \`scripts/regions-anchor.py\`, cddlib's exact simplex through pycddlib, on the standard region set \`scripts/region-set/\`; ratios are anchor / ours, above 1: we are faster; target: 10x, and 100 regions per second on the ACAS-Xu shape with under 0.5 KB per region)"
  echo
  "$W/venv/bin/python" scripts/bench-regions.py --bin "$BIN/prove-collapse"
} > "$W/regions.md"
{
  echo "**Symbolic chains** (every weight and bias a symbol, identity activations; ours: \`collapse-bench --spec\` and \`prove-collapse SPEC --format json\`; python-flint's \`fmpq_mpoly\`; ratios ours / flint; target: within 1.0x on 8x8 L6)"
  echo
  "$W/venv/bin/python" scripts/bench_symbolic_chains.py "$BIN" "$W" --chains 8:6
} > "$W/symbolic.md"
"$W/venv/bin/python" scripts/bench_table.py "$BIN" "$KIT" "$W" "${WRITE[@]}" --extra "$W/regions.md" "$W/symbolic.md"
