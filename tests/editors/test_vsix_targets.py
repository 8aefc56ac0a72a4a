"""One .vsix per VS Code target, built on this machine from each platform's wheels on the package
index (`node scripts/package.js --target T`; `npm run package:all` builds all nine). Building all
nine takes minutes, so this test builds two targets unlike this machine's (Windows x64, macOS arm64)
and checks that each holds the compiled modules of its platform only, one per supported CPython,
beside the pure-Python rest; test_vsix.py checks this machine's .vsix."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile

import pytest

from editor_support import EXTENSION, SETUP_HINT

pytestmark = pytest.mark.editor

# What the compiled modules of each target are called (CPython's extension module suffixes).
COMPILED = {
    "win32-x64": re.compile(r"\.cp3\d+-win_amd64\.pyd$"),
    "win32-arm64": re.compile(r"\.cp3\d+-win_arm64\.pyd$"),
    "linux-x64": re.compile(r"\.cpython-3\d+-x86_64-linux-gnu\.so$"),
    "linux-arm64": re.compile(r"\.cpython-3\d+-aarch64-linux-gnu\.so$"),
    "linux-armhf": re.compile(r"\.cpython-3\d+-arm-linux-gnueabihf\.so$"),
    "darwin-x64": re.compile(r"\.cpython-3\d+-darwin\.so$"),
    "darwin-arm64": re.compile(r"\.cpython-3\d+-darwin\.so$"),
    "alpine-x64": re.compile(r"\.cpython-3\d+-x86_64-linux-musl\.so$"),
    "alpine-arm64": re.compile(r"\.cpython-3\d+-aarch64-linux-musl\.so$"),
}
BUILT = ("win32-x64", "darwin-arm64")


@pytest.fixture(scope="module")
def built():
    if not (EXTENSION / "out" / "extension.js").exists() or not (EXTENSION / "node_modules" / "@vscode" / "vsce").exists():
        pytest.skip(f"the extension is not compiled; {SETUP_HINT}")
    args = [a for t in BUILT for a in ("--target", t)]
    proc = subprocess.run(["node", str(EXTENSION / "scripts" / "package.js"), *args], cwd=EXTENSION,
                          env=dict(os.environ, PYTHON=sys.executable), capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    version = __import__("json").loads((EXTENSION / "package.json").read_text())["version"]
    return {t: EXTENSION / "dist" / f"connector-lint-{t}-{version}.vsix" for t in BUILT}


@pytest.mark.parametrize("target", BUILT)
def test_each_vsix_holds_its_platform_compiled_modules_only(built, target):
    with zipfile.ZipFile(built[target]) as zf:
        names = zf.namelist()
        manifest = zf.read("extension.vsixmanifest").decode()
    assert f'TargetPlatform="{target}"' in manifest
    libs = "extension/bundled/libs/"
    compiled = [n for n in names if n.startswith(libs) and n.endswith((".so", ".pyd", ".dylib", ".dll"))]
    assert compiled, "no compiled module: rpds-py (through jsonschema) has one"
    assert [n for n in compiled if not COMPILED[target].search(n)] == []
    rpds = {re.search(r"(?:cpython-|cp)3(\d+)", n).group(1) for n in compiled if "/rpds/" in n}
    assert rpds == {"10", "11", "12", "13", "14"}, rpds  # one per supported CPython
    # the pure-Python rest, and bytecode so the first start does not compile it
    for needed in ("connector_lint/cli.py", "connector_lint_rules/__init__.py", "pygls/__init__.py",
                   "jsonschema/__init__.py", "spellchecker/resources/en.json.gz"):
        assert libs + needed in names, needed
    assert any(n.startswith(libs + "connector_lint/__pycache__/cli.cpython-3") for n in names)
    assert not any(n.startswith("extension/dist/") or n.endswith(".vsix") for n in names)
    for other in set(COMPILED) - {target}:
        if COMPILED[other].pattern != COMPILED[target].pattern:
            assert not any(COMPILED[other].search(n) for n in compiled), other
