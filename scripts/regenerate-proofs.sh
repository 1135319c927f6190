#!/usr/bin/env bash
# Regenerates the Proofs/ gallery: every Proofs/*/derivation.tex from its spec.yaml, and the
# XOR truth table, with the built prove-collapse binary. The output is golden:
# Tests/RenderingTests/ProofsGalleryTests.swift fails when a committed derivation differs
# byte for byte from what the renderer produces now, so run this after changing the
# renderer and review the diff like code.
#
# Usage: scripts/regenerate-proofs.sh [--no-build]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ "${1:-}" != "--no-build" ]]; then
    swift build --product prove-collapse >/dev/null
fi
bin="$(swift build --show-bin-path)/prove-collapse"

for dir in Proofs/*/; do
    dir="${dir%/}"
    [[ -f "$dir/spec.yaml" ]] || continue
    # Exit status 0 (collapses), 1 (does not) and 3 (unknown) are all results; 2 is an error.
    status=0
    "$bin" "$dir/spec.yaml" --latex "$dir/derivation.tex" >/dev/null || status=$?
    if [[ $status -eq 2 ]]; then
        echo "regenerate-proofs: $dir/spec.yaml was rejected" >&2
        exit 1
    fi
    echo "$dir/derivation.tex"
done

# XOR: its truth table, evaluated exactly.
xor=Proofs/xor-step-network
{
    echo "# prove-collapse eval $xor/spec.yaml --at \"0, 0\" --at \"0, 1\" --at \"1, 0\" --at \"1, 1\""
    "$bin" eval "$xor/spec.yaml" --at "0, 0" --at "0, 1" --at "1, 0" --at "1, 1"
} > "$xor/truth-table.txt"
echo "$xor/truth-table.txt"

# XOR is not linearly separable (a Farkas certificate), but its image under the step
# network's hidden layer is (a hyperplane): the two halves of Proofs/xor-not-linearly-separable.
sep=Proofs/xor-not-linearly-separable
status=0
"$bin" separable "$sep/points.yaml" --latex "$sep/derivation.tex" >/dev/null || status=$?
[[ $status -eq 1 ]] || { echo "regenerate-proofs: XOR came out separable (exit $status)" >&2; exit 1; }
"$bin" separable "$sep/points.yaml" --through "$xor/spec.yaml" --layer 1 --latex "$sep/hidden-layer.tex" >/dev/null
echo "$sep/derivation.tex"
echo "$sep/hidden-layer.tex"
