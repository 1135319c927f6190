#!/usr/bin/env bash
# Builds leak-stress and runs it under valgrind; exits non-zero if any byte is definitely or
# indirectly lost (or valgrind reports any other error). Prints valgrind's LEAK SUMMARY.
#
#   scripts/check-leaks.sh            # debug build (default: fastest to build)
#   CONFIGURATION=release scripts/check-leaks.sh
set -euo pipefail
cd "$(dirname "$0")/.."

configuration="${CONFIGURATION:-debug}"
command -v valgrind >/dev/null || { echo "check-leaks: valgrind is not installed" >&2; exit 2; }

# Valgrind 3.19 cannot read the DWARF 5 that Swift 6.3 emits by default ("Possibly corrupted
# debuginfo file ... Giving up"), so this build asks for DWARF 4. It uses its own scratch path
# so that the different flags do not invalidate the normal .build.
scratch=".build/leak-check"
flags=(-c "$configuration" --scratch-path "$scratch" -Xswiftc -dwarf-version=4 -Xcc -gdwarf-4)
swift build "${flags[@]}" --product leak-stress
binary="$(swift build "${flags[@]}" --show-bin-path)/leak-stress"

log="$(mktemp "${TMPDIR:-/tmp}/leak-stress.valgrind.XXXXXX")"
trap 'rm -f "$log"' EXIT

status=0
valgrind --leak-check=full --show-leak-kinds=definite,indirect \
    --suppressions=scripts/valgrind-swift.supp \
    --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \
    --log-file="$log" "$binary" || status=$?

echo "--- valgrind (exit status $status) ---"
sed -n '/LEAK SUMMARY/,/suppressed:/p' "$log" | sed 's/^==[0-9]*== //'
grep 'ERROR SUMMARY' "$log" | sed 's/^==[0-9]*== //'

if [ "$status" -ne 0 ]; then
    echo "check-leaks: FAILED (definitely/indirectly lost bytes or memory errors); details:" >&2
    grep -E 'definitely lost|indirectly lost|Invalid|uninitialised' "$log" | head -40 >&2 || true
    exit 1
fi
# Belt and braces: the summary itself must say zero bytes in both kinds.
if grep -Eq '(definitely|indirectly) lost: [1-9]' "$log"; then
    echo "check-leaks: FAILED (lost bytes in LEAK SUMMARY)" >&2
    exit 1
fi
echo "check-leaks: OK"
