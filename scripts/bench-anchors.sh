#!/usr/bin/env bash
# Issue 5's benchmark, in one run: prove-collapse against python-flint (and SymPy for symbolic
# chains) on the kit's standard set, with hashes checked. Prints Markdown tables.
#
#   scripts/bench-anchors.sh [WORKDIR]      (default: a fresh temporary folder)
#
# WORKDIR holds the venv (python-flint + sympy), the standard specs and the outputs; reuse it
# to skip the setup (e.g. WORKDIR=/work/benchwork). Needs ../shared/bench (the kit).
set -euo pipefail
cd "$(dirname "$0")/.."
KIT=${KIT:-../shared/bench}
W=${1:-$(mktemp -d)}
mkdir -p "$W"
if [ ! -x "$W/venv/bin/python" ]; then
  python3 -m venv "$W/venv"
  "$W/venv/bin/pip" install -q python-flint sympy
fi
[ -f "$W/specs/float32-n512-L4.json" ] || python3 "$KIT/make_specs.py" "$W/specs" --standard
swift build -c release --static-swift-stdlib --product collapse-bench >/dev/null
swift build -c release --static-swift-stdlib --product prove-collapse >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
"$W/venv/bin/python" scripts/bench_anchors.py "$BIN" "$KIT" "$W"
echo
echo "## Symbolic chains (collapse only, seconds)"
"$W/venv/bin/python" scripts/bench_symbolic.py "$BIN/collapse-bench" "$W/symbolic"
