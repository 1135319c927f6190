# Two commands on a fresh Debian machine with the Swift toolchain:
#   make demo   # installs the C libraries if missing, builds, runs the main job on an example
#   make test   # installs what the tests need if missing, runs the tests
# Run as root to let them install Debian packages; otherwise they print the exact command.
# `swift run prove-collapse ...` and `swift test` keep working once the packages are there.

PREFIX ?= /usr/local
EXAMPLE ?= Examples/two-layer.yaml

FORMAT_PATHS = Package.swift Sources Tests Fuzz

.PHONY: format format-lint demo test deps deps-test release install uninstall check-latex bench

# Release builds link the Swift runtime, Foundation and Dispatch statically: the command then
# loads 6 shared objects instead of 25 and starts in a few milliseconds (docs/PERFORMANCE.md).
# Every script that builds a release uses the same flags, so the build is not redone.
SWIFT_RELEASE = swift build -c release --static-swift-stdlib
BENCHDIR ?= /tmp/prove-collapse-bench-table

demo: deps
	swift run prove-collapse $(EXAMPLE)

test: deps-test
	swift test

deps:
	@scripts/ensure-packages.sh build

deps-test:
	@scripts/ensure-packages.sh test

# An optimised build of the command: .build/release/prove-collapse.
release: deps
	$(SWIFT_RELEASE) --product prove-collapse

# Puts the release build on the PATH: make install PREFIX=$$HOME/.local (then $$HOME/.local/bin).
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 "$$($(SWIFT_RELEASE) --show-bin-path)/prove-collapse" "$(DESTDIR)$(PREFIX)/bin/prove-collapse"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/prove-collapse"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/prove-collapse"

check-latex: deps-test
	scripts/check-latex.sh

# The README's benchmark table, regenerated: python-flint anchors (a venv in BENCHDIR), the
# standard set, memory at scale, start-up; writes the table into README.md and docs/PERFORMANCE.md.
bench: deps
	scripts/bench-table.sh --write $(BENCHDIR)

# Formatting: the committed .swift-format (layout only). `make format` rewrites in place;
# `make format-lint` (run by CI) fails on any file that `make format` would change.
format:
	swift format format --in-place --recursive --parallel $(FORMAT_PATHS)

format-lint:
	swift format lint --strict --recursive --parallel $(FORMAT_PATHS)
