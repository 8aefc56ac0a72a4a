"""One .vsix per VS Code target, built on this machine from each platform's wheels on the package
index (`node scripts/package.js --target T`; `npm run package:all` builds all nine). Building all
nine takes minutes, so this test builds three targets unlike this machine's (Windows x64, macOS arm64,
Alpine x64) and checks that each holds the compiled modules of its platform only, one per supported
CPython, with the libraries they link, beside the pure-Python rest; test_vsix.py checks this
machine's .vsix."""

from __future__ import annotations

import json
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
    # An older CPython names its modules -linux-gnu on musl too (rpds-py for 3.10); the C library they link tells.
    "alpine-x64": re.compile(r"\.cpython-3\d+-x86_64-linux-(musl|gnu)\.so$"),
    "alpine-arm64": re.compile(r"\.cpython-3\d+-aarch64-linux-(musl|gnu)\.so$"),
}
# Alpine: the older rpds-py release CPython 3.10 gets links a vendored library of its own.
BUILT = ("win32-x64", "darwin-arm64", "alpine-x64")
# A library a wheel repair tool vendored and renamed (auditwheel: libgcc_s-98a1ef30.so.1).
VENDORED = re.compile(rb"[A-Za-z0-9_+.]+-[0-9a-f]{8}\.so(?:\.\d+)*")


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


def zf_read(vsix, name: str) -> bytes:
    with zipfile.ZipFile(vsix) as zf:
        return zf.read(name)


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
    # the Pythons the extension may start it with: every one with its compiled modules
    manifest_pythons = json.loads(zf_read(built[target], libs + "connector-lint-bundle.json"))["pythons"]
    assert manifest_pythons == [f"3.{v}" for v in sorted(rpds, key=int)]
    # every library a compiled module links that its wheel vendored is there too
    present = {n.rsplit("/", 1)[-1] for n in names if n.startswith(libs)}
    for module in compiled:
        data = zf_read(built[target], module)
        if target.startswith("alpine"):
            assert b"libc.so.6\0" not in data, f"{module} links glibc"
        for vendored in set(VENDORED.findall(data)):
            assert vendored.decode() in present, f"{module} links {vendored.decode()}, which is not in the .vsix"
    # the pure-Python rest, and bytecode so the first start does not compile it
    for needed in ("connector_lint/cli.py", "connector_lint_rules/__init__.py", "pygls/__init__.py",
                   "jsonschema/__init__.py", "spellchecker/resources/en.json.gz"):
        assert libs + needed in names, needed
    assert any(n.startswith(libs + "connector_lint/__pycache__/cli.cpython-3") for n in names)
    assert not any(n.startswith("extension/dist/") or n.endswith(".vsix") for n in names)
    for other in set(COMPILED) - {target}:
        if other == target.replace("alpine", "linux"):
            continue  # the same names on musl before CPython 3.11: told apart by the C library above
        if COMPILED[other].pattern != COMPILED[target].pattern:
            assert not any(COMPILED[other].search(n) for n in compiled), other
