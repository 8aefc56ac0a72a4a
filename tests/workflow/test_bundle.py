"""What scripts/bundle.py puts into the extension for another Python, and how the bundled server
refuses a Python the bundle has no compiled modules for. No package index needed: the wheels are
made here."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

EXTENSION = Path(__file__).resolve().parents[2] / "vscode-extension"


@pytest.fixture
def bundle(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("bundle_script", EXTENSION / "scripts" / "bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "LIBS", tmp_path / "libs")
    return module


@pytest.mark.parametrize("member, compiled", [
    ("rpds/rpds.cpython-310-x86_64-linux-gnu.so", True),
    ("rpds/rpds.cp311-win_arm64.pyd", True),
    ("rpds.libs/libgcc_s-98a1ef30.so.1", True),  # auditwheel (musllinux, manylinux)
    ("rpds_py.libs/msvcp140-abc123.dll", True),  # delvewheel
    ("rpds/.dylibs/libgcc_s.1.1.dylib", True),  # delocate
    ("rpds/__init__.py", False),
    ("rpds/__init__.pyi", False),
    ("rpds_py-0.30.0.dist-info/METADATA", False),
])
def test_compiled_files_include_vendored_shared_libraries(bundle, member, compiled):
    assert bundle.is_compiled(member) is compiled


def test_another_pythons_wheel_brings_its_module_and_the_library_it_links(bundle, tmp_path):
    # An older rpds-py release for CPython 3.10 on musl links its own libgcc_s copy under another
    # name: without it that Python's import of rpds (through jsonschema) fails.
    wheel = tmp_path / "rpds_py-0.30.0-cp310-cp310-musllinux_1_2_x86_64.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for name in ("rpds/__init__.py", "rpds/rpds.cpython-310-x86_64-linux-gnu.so", "rpds.libs/libgcc_s-98a1ef30.so.1",
                     "rpds_py-0.30.0.dist-info/METADATA"):
            zf.writestr(name, b"x")
    (tmp_path / "libs" / "rpds").mkdir(parents=True)
    (tmp_path / "libs" / "rpds" / "__init__.py").write_text("# the installed release's own")
    added = bundle.add_from_wheel(wheel, new_dist=False)
    assert added == {"rpds/rpds.cpython-310-x86_64-linux-gnu.so", "rpds.libs/libgcc_s-98a1ef30.so.1"}
    assert (tmp_path / "libs" / "rpds" / "__init__.py").read_text() == "# the installed release's own"
    assert not (tmp_path / "libs" / "rpds_py-0.30.0.dist-info").exists()


def test_the_manifest_lists_the_pythons_in_order(bundle, tmp_path):
    (tmp_path / "libs").mkdir()
    bundle.write_manifest("win32-arm64", ["3.14", "3.11", "3.12"])
    assert json.loads((tmp_path / "libs" / bundle.MANIFEST).read_text()) == {
        "target": "win32-arm64", "pythons": ["3.11", "3.12", "3.14"]}


def _start_bundled_server(tmp_path, pythons):
    """bundled/tool/server.py beside a libs folder holding only the manifest, started as the extension does (-S)."""
    (tmp_path / "tool").mkdir()
    shutil.copy(EXTENSION / "bundled" / "tool" / "server.py", tmp_path / "tool" / "server.py")
    (tmp_path / "libs").mkdir()
    (tmp_path / "libs" / "connector-lint-bundle.json").write_text(json.dumps({"target": "win32-arm64", "pythons": pythons}))
    return subprocess.run([sys.executable, "-S", str(tmp_path / "tool" / "server.py")], capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)


def test_the_bundled_server_refuses_a_python_it_has_no_modules_for(tmp_path):
    result = _start_bundled_server(tmp_path, ["3.9"])
    assert result.returncode == 2
    assert result.stderr.strip() == (f"connector-lint for win32-arm64 runs on Python 3.9; {sys.executable} is "
                                     f"{sys.version.split()[0]}. Set connectorLint.interpreter to one of those.")


def test_the_bundled_server_goes_on_for_a_listed_python(tmp_path):
    result = _start_bundled_server(tmp_path, ["%d.%d" % sys.version_info[:2]])
    assert "runs on Python" not in result.stderr
    assert "connector_lint" in result.stderr  # it went on to import the (here absent) server
