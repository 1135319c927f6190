#!/usr/bin/env bash
# Byte-for-byte comparison of prove-collapse's outputs before and after a refactoring:
# text, `--format json` and `--latex -` outputs, standard error and exit status for the
# bundled Examples/, the Proofs/ specs and 240 random specs (numeric and symbolic, every
# activation kind, 40 with an input domain; see scripts/compare_outputs.py).
#
# Usage:
#   scripts/compare-outputs.sh baseline DIR [BIN]   corpus + outputs of BIN (default: this
#                                                    checkout's debug build) into DIR
#   scripts/compare-outputs.sh check DIR [BIN]      capture BIN into DIR.after, compare with DIR
#   scripts/compare-outputs.sh compare A B          compare two captures
# A typical refactoring: `baseline /tmp/before` on the old commit, then `check /tmp/before`
# after each change; exit 0 when every file is identical.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
driver="$root/scripts/compare_outputs.py"
default_bin() {
    (cd "$root" && swift build --product prove-collapse >/dev/null && echo "$(swift build --show-bin-path)/prove-collapse")
}
case "${1:-}" in
    baseline)
        dir="$2"; bin="${3:-$(default_bin)}"
        rm -rf "$dir"; mkdir -p "$dir"
        python3 "$driver" corpus "$bin" "$dir"
        python3 "$driver" capture "$bin" "$dir"
        ;;
    check)
        dir="$2"; bin="${3:-$(default_bin)}"
        after="$dir.after"
        rm -rf "$after"; mkdir -p "$after"
        cp -r "$dir/specs" "$after/specs"
        python3 "$driver" capture "$bin" "$after"
        python3 "$driver" compare "$dir" "$after"
        ;;
    compare)
        python3 "$driver" compare "$2" "$3"
        ;;
    *)
        sed -n '2,14p' "$0" >&2
        exit 2
        ;;
esac
