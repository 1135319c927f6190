# Two commands on a fresh Debian machine with the Swift toolchain:
#   make demo   # installs the C libraries if missing, builds, runs the main job on an example
#   make test   # installs what the tests need if missing, runs the tests
# Run as root to let them install Debian packages; otherwise they print the exact command.
# `swift run prove-collapse ...` and `swift test` keep working once the packages are there.

PREFIX ?= /usr/local
EXAMPLE ?= Examples/two-layer.yaml

.PHONY: demo test deps deps-test release install uninstall check-latex

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
	swift build -c release --product prove-collapse

# Puts the release build on the PATH: make install PREFIX=$$HOME/.local (then $$HOME/.local/bin).
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 "$$(swift build -c release --show-bin-path)/prove-collapse" "$(DESTDIR)$(PREFIX)/bin/prove-collapse"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/prove-collapse"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/prove-collapse"

check-latex: deps-test
	scripts/check-latex.sh
