#!/usr/bin/env bash
# Mutation fuzzing of prove-collapse (issue 14): builds the release binary, then runs
# scripts/fuzz.py on mutated bundled specs (and model files, if any) under a time and memory
# limit; fails on any signal, abort, hard timeout, or exit 2 without a position.
#   scripts/fuzz.sh                      # CI: 300 cases, seed 14 (well under two minutes)
#   scripts/fuzz.sh --cases 20000 --seed 7   # a longer run; any fuzz.py option passes through
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product prove-collapse >/dev/null
exec python3 scripts/fuzz.py --binary "$(swift build -c release --static-swift-stdlib --show-bin-path)/prove-collapse" "$@"
