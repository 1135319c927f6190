#!/usr/bin/env python3
"""Issue 9 hygiene: every target's declared dependencies on the package's own modules are the
modules its sources import, no more and no fewer (CLITests may depend on the executable it runs).

Usage: scripts/check-module-edges.py   (exit 1 and one line per mismatch; run by CI)
"""
import glob
import json
import re
import subprocess
import sys

package = json.loads(subprocess.run(["swift", "package", "dump-package"], check=True,
                                    capture_output=True, text=True).stdout)
targets = {t["name"]: t for t in package["targets"]}
importPattern = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public |internal |package )?import\s+(?:struct |enum |class |func )?(\w+)", re.M)
executables = {"ProveCollapseCLI"}  # a test target depends on it to run the command, never imports it
# Link-only dependencies: the dependency supplies C symbols the importer calls through another
# module (CFLINTOnDemand defines, as trampolines, the FLINT functions ExactNumbers calls through
# CFLINT's declarations), so nothing imports it.
link_only = {("ExactNumbers", "CFLINTOnDemand")}
problems = []
for name, target in targets.items():
    declared = set()
    for dependency in target["dependencies"]:
        for value in dependency.values():
            declared.add(value[0] if isinstance(value, list) else value)
    declared &= set(targets)
    root = target.get("path") or ("Tests/" if target["type"] == "test" else "Sources/") + name
    imported = set()
    for path in glob.glob(root + "/**/*.swift", recursive=True):
        imported |= {m.group(1) for m in importPattern.finditer(open(path, encoding="utf-8").read())}
    imported &= set(targets)
    for module in sorted(declared - imported - executables - {m for (t, m) in link_only if t == name}):
        problems.append(f"{name}: declares {module} but never imports it")
    for module in sorted(imported - declared):
        problems.append(f"{name}: imports {module} but does not declare it in Package.swift")
for line in problems:
    print(line)
print(f"module edges: {len(targets)} targets checked, {len(problems)} mismatches")
sys.exit(1 if problems else 0)
