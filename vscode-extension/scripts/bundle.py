"""Put the language server and its Python libraries into the extension (`npm run bundle`).

1. `pip install --target bundled/libs` of the project itself (server/ and rules/, copied to a temporary
   folder first, so that building never writes into the repository) plus its dependencies, as
   Microsoft's vscode-python-tools-extension-template does. No pip step is left for the user.
2. The dependencies are resolved again for every other CPython from 3.10 to 3.14 on this platform,
   and what those need besides is added: compiled modules (rpds-py, through jsonschema, is built for
   one CPython per wheel; the version is in the file name, rpds.cpython-312-...so, so they sit side
   by side) and packages only an older Python needs (exceptiongroup). So the bundled server runs on
   whichever Python the user has, and the .vsix is specific to this platform.
3. docs/config.schema.json is copied to out/ for the `jsonValidation` contribution, when it exists.

Run with the Python that should do the install (`python3`, or set PYTHON). Needs PyPI access.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

EXT = Path(__file__).resolve().parent.parent
ROOT = EXT.parent
LIBS = EXT / "bundled" / "libs"
PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14")
PROJECT_FILES = ("pyproject.toml", "README.md", "server", "rules")


def pip(*args: str, quiet: bool = False) -> None:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q", *args]
    env = {**os.environ, "PIP_ROOT_USER_ACTION": "ignore"}
    subprocess.run(cmd, check=True, env=env, stderr=subprocess.DEVNULL if quiet else None)


def install_project() -> None:
    shutil.rmtree(LIBS, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="connector-lint-src-") as tmp:
        for name in PROJECT_FILES:
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, Path(tmp) / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif src.exists():
                shutil.copy2(src, Path(tmp) / name)
        pip("install", "--target", str(LIBS), "--no-compile", "--no-warn-script-location", tmp)
    shutil.rmtree(LIBS / "bin", ignore_errors=True)  # console scripts pointing at the build's Python


def requirements(py: str) -> list[str]:
    """The project's own dependencies, plus those of any installed distribution that only Python `py`
    needs (`exceptiongroup; python_version < '3.11'`): pip download does not evaluate markers for
    the target Python, so that is done here."""
    try:
        from packaging.markers import Marker
        from packaging.requirements import Requirement
    except ImportError:
        from pip._vendor.packaging.markers import Marker
        from pip._vendor.packaging.requirements import Requirement
    env = {"python_version": py, "python_full_version": f"{py}.0", "extra": ""}
    installed = {_norm(p.name.split("-")[0]) for p in LIBS.glob("*.dist-info")}
    reqs = []
    for info in sorted(LIBS.glob("*.dist-info")):
        own = info.name.startswith("connector_lint-")
        for line in (info / "METADATA").read_text(encoding="utf-8").splitlines():
            if not line.startswith("Requires-Dist:") or "extra ==" in line:
                continue
            req = Requirement(line.split(":", 1)[1].strip())
            if req.marker is not None and not Marker(str(req.marker)).evaluate(env):
                continue
            if own or _norm(req.name) not in installed:
                req.marker = None
                reqs.append(str(req))
    return reqs


def add_other_pythons() -> None:
    """Resolve the dependencies again for each other CPython (same platform) and add what that
    Python needs besides: compiled modules (their file names carry the version, so they sit side by
    side) and distributions only it requires (exceptiongroup on 3.10). Pure Python files already
    installed are kept: they serve every version."""
    current = f"{sys.version_info.major}.{sys.version_info.minor}"
    installed = {_norm(p.name.split("-")[0]) for p in LIBS.glob("*.dist-info")}
    for py in PYTHONS:
        if py == current:
            continue
        with tempfile.TemporaryDirectory(prefix="connector-lint-wheels-") as tmp:
            try:
                pip("download", "--only-binary=:all:", "--implementation", "cp", "--python-version", py,
                    "--dest", tmp, *requirements(py), quiet=True)
            except subprocess.CalledProcessError:
                print(f"bundle: the dependencies have no wheels for CPython {py} here; "
                      f"the bundled server will not run on that Python", file=sys.stderr)
                continue
            added = set()
            for wheel in sorted(Path(tmp).glob("*.whl")):
                new_dist = _norm(wheel.name.split("-")[0]) not in installed
                with zipfile.ZipFile(wheel) as zf:
                    for member in zf.namelist():
                        target = LIBS / member
                        if target.exists() or not (new_dist or member.endswith((".so", ".pyd"))):
                            continue
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(zf.read(member))
                        added.add(wheel.name.split("-")[0] if new_dist else member)
            print(f"bundle: CPython {py}: added {', '.join(sorted(added)) or 'nothing'}")


def _norm(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def check_python_support() -> None:
    """Warn when an installed distribution excludes one of the supported Pythons (build with the
    oldest supported Python to avoid that: pip picks releases for the Python that runs it)."""
    try:
        from packaging.specifiers import SpecifierSet
    except ImportError:
        from pip._vendor.packaging.specifiers import SpecifierSet
    for info in sorted(LIBS.glob("*.dist-info")):
        if "Root-Is-Purelib: false" in (info / "WHEEL").read_text(encoding="utf-8"):
            continue  # compiled: add_other_pythons added (or warned about) each Python's module
        for line in (info / "METADATA").read_text(encoding="utf-8").splitlines():
            if line.startswith("Requires-Python:"):
                spec = SpecifierSet(line.split(":", 1)[1].strip())
                missing = [py for py in PYTHONS if not spec.contains(f"{py}.0")]
                if missing:
                    print(f"bundle: warning: {info.name} needs Python {spec}; the bundle will not run on "
                          f"{', '.join(missing)} (build with an older Python)", file=sys.stderr)


def copy_schema() -> None:
    schema = ROOT / "docs" / "config.schema.json"
    out = EXT / "out" / "config.schema.json"
    if schema.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(schema, out)
    else:
        out.unlink(missing_ok=True)
        print("bundle: docs/config.schema.json not found; .connector-lint.json gets no schema", file=sys.stderr)


def main() -> int:
    if sys.version_info < (3, 10):
        print("bundle: needs Python 3.10 or newer", file=sys.stderr)
        return 1
    install_project()
    add_other_pythons()
    check_python_support()
    copy_schema()
    size = sum(f.stat().st_size for f in LIBS.rglob("*") if f.is_file())
    print(f"bundle: {LIBS.relative_to(EXT)} ready ({size / 1e6:.1f} MB before packaging)")
    return 0


if __name__ == "__main__":
    os.chdir(EXT)
    sys.exit(main())
