#!/usr/bin/env bash
# Makes sure the Debian packages a task needs are installed.
#
#   scripts/ensure-packages.sh build   # the C libraries the package links (make demo, swift build)
#   scripts/ensure-packages.sh test    # build + what the tests and CI checks call (make test)
#
# Missing packages are installed with apt-get (after apt-get update) when run as root;
# otherwise the script prints the exact command to run and exits 1. Idempotent: installed
# packages are left alone and nothing is printed when nothing is missing.
set -euo pipefail

build=(libgmp-dev libmpfr-dev libflint-dev pkg-config)
# pdflatex and TikZ (LaTeX documents, --pdf, --figures), the SMT solvers (certificates),
# librsvg2-bin (rsvg-convert: the region plots are checked as pictures in CI).
test=(texlive-latex-base texlive-pictures z3 cvc5 librsvg2-bin poppler-utils)

case "${1:-}" in
    build) wanted=("${build[@]}") ;;
    test) wanted=("${build[@]}" "${test[@]}") ;;
    *) echo "usage: scripts/ensure-packages.sh build|test" >&2; exit 2 ;;
esac

if ! command -v swift >/dev/null 2>&1; then
    echo "ensure-packages: the Swift toolchain (6.3 or later) is not on the PATH;" >&2
    echo "  install it from https://www.swift.org/install/linux/ and run this again." >&2
    exit 1
fi

missing=()
for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    echo "ensure-packages: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "ensure-packages: missing Debian packages: ${missing[*]}" >&2
    echo "  run:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    echo "  then run the same make command again." >&2
    exit 1
fi
