#!/usr/bin/env bash
# Prints the overfull boxes of a pdflatex log that stick out more than MAX pt (default 10)
# into the margin, with the line of the document each one is in, and exits 1 when there is
# one (0 otherwise). pdflatex writes them as "Overfull \hbox (NN.NNpt too wide) ...".
#
# Usage: scripts/latex-overfull.sh FILE.log [MAX]
set -euo pipefail
log="$1"
max="${2:-10}"
wide="$(grep -A1 -E '^Overfull \\hbox \(([0-9.]+)pt too wide\)' "$log" \
    | awk -v max="$max" '/^Overfull/ { match($0, /\(([0-9.]+)pt/); w = substr($0, RSTART + 1, RLENGTH - 3) + 0; keep = (w > max) } /^--$/ { next } keep { print }' || true)"
if [[ -n "$wide" ]]; then
    echo "$wide"
    exit 1
fi
