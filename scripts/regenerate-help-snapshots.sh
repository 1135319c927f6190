#!/usr/bin/env bash
# Regenerates Tests/CLITests/HelpSnapshots/: the full `--help` of the root command and of
# every subcommand, as the built binary prints it into a pipe (80 columns).
# Tests/CLITests/HelpSnapshotTests.swift compares them byte for byte, so run this after adding
# or changing a subcommand or an option, and review the diff like code.
#
# Usage: scripts/regenerate-help-snapshots.sh [--no-build]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ "${1:-}" != "--no-build" ]]; then
    swift build --product prove-collapse >/dev/null
fi
bin="$(swift build --show-bin-path)/prove-collapse"
dir=Tests/CLITests/HelpSnapshots
rm -f "$dir"/*.txt
unset COLUMNS
"$bin" --help > "$dir/prove-collapse.txt"
echo "$dir/prove-collapse.txt"
# The subcommands, from the root help's SUBCOMMANDS section.
for sub in $("$bin" --help | sed -n '/^SUBCOMMANDS:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p'); do
    "$bin" "$sub" --help > "$dir/$sub.txt"
    echo "$dir/$sub.txt"
done
