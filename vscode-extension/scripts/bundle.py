"""Put the language server and its Python libraries into the extension, for one VS Code target.

    python scripts/bundle.py [--target win32-x64|linux-arm64|...]   (default: this machine's)

1. The project (server/ and rules/, copied to a temporary folder first, so that building never
   writes into the repository) is built into a wheel, then installed with its dependencies by
   `pip install --target bundled/libs`, taking the target platform's wheels from the package index
   (`--platform ... --only-binary=:all:`), as Microsoft's vscode-python-tools-extension-template
   does. No pip step is left for the user.
2. The dependencies are resolved again for every other CPython from 3.10 to 3.14 on that platform,
   and what those need besides is added: compiled modules (rpds-py, through jsonschema, is built for
   one CPython per wheel; the version is in the file name, rpds.cpython-312-...so, so they sit side
   by side), the shared libraries vendored beside them, and packages only an older Python needs
   (exceptiongroup). So the bundled server runs on whichever Python the user has, and the .vsix is
   specific to that platform. A Python with no wheels for the platform is left out, and
   bundled/libs/connector-lint-bundle.json lists the Pythons the bundle runs on.
3. Bytecode: every module is compiled by each CPython 3.10+ found on this machine (the one that
   bundles at least), into the usual __pycache__ folders, as `unchecked-hash` .pyc files (valid
   whatever times the unpacked files get), so the server's first start does not compile ~900
   modules. A Python with no bytecode here compiles once into the extension's storage instead
   (bundled/tool/server.py). Bytecode does not depend on the platform.
4. docs/config.schema.json is copied to out/ for the `jsonValidation` contribution, when it exists.

Run with the Python that should do the install (`python3`, or set PYTHON). Needs the package index.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
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
MANIFEST = "connector-lint-bundle.json"  # in LIBS: {"target": ..., "pythons": ["3.11", ...]}
PROJECT_FILES = ("pyproject.toml", "README.md", "server", "rules")
# pip's platform tags for each VS Code target (the wheels of the compiled dependencies use these).
PLATFORMS = {
    "win32-x64": ["win_amd64"],
    "win32-arm64": ["win_arm64"],
    "linux-x64": ["manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux_2_28_x86_64"],
    "linux-arm64": ["manylinux_2_17_aarch64", "manylinux2014_aarch64", "manylinux_2_28_aarch64"],
    "linux-armhf": ["manylinux_2_17_armv7l", "manylinux2014_armv7l", "manylinux_2_31_armv7l"],
    "darwin-x64": ["macosx_10_12_x86_64", "macosx_10_9_x86_64", "macosx_11_0_x86_64", "macosx_10_12_universal2"],
    "darwin-arm64": ["macosx_11_0_arm64", "macosx_10_12_universal2", "macosx_11_0_universal2"],
    "alpine-x64": ["musllinux_1_2_x86_64", "musllinux_1_1_x86_64"],
    "alpine-arm64": ["musllinux_1_2_aarch64", "musllinux_1_1_aarch64"],
}


def this_target() -> str:
    """VS Code's name for this machine's platform (as scripts/package.js computes it)."""
    system = {"Windows": "win32", "Darwin": "darwin"}.get(platform.system(), "linux")
    if system == "linux" and Path("/etc/alpine-release").exists():
        system = "alpine"
    arch = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64", "armv7l": "armhf"}.get(
        platform.machine().lower(), platform.machine().lower())
    return f"{system}-{arch}"


def platform_args(target: str, py: str) -> list[str]:
    args = ["--only-binary=:all:", "--implementation", "cp", "--python-version", py]
    for tag in PLATFORMS[target]:
        args += ["--platform", tag]
    return args


def pip(*args: str, quiet: bool = False) -> None:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q", *args]
    env = {**os.environ, "PIP_ROOT_USER_ACTION": "ignore"}
    subprocess.run(cmd, check=True, env=env, stderr=subprocess.DEVNULL if quiet else None)


def install_project(target: str) -> None:
    shutil.rmtree(LIBS, ignore_errors=True)
    current = f"{sys.version_info.major}.{sys.version_info.minor}"
    with tempfile.TemporaryDirectory(prefix="connector-lint-src-") as tmp:
        src_dir, wheels = Path(tmp) / "src", Path(tmp) / "wheels"
        src_dir.mkdir()
        for name in PROJECT_FILES:
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, src_dir / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif src.exists():
                shutil.copy2(src, src_dir / name)
        pip("wheel", "--no-deps", "--wheel-dir", str(wheels), str(src_dir))
        [wheel] = wheels.glob("*.whl")
        pip("install", "--target", str(LIBS), "--no-compile", "--no-warn-script-location",
            *platform_args(target, current), str(wheel))
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


def add_other_pythons(target: str) -> None:
    """Resolve the dependencies again for each other CPython (same target) and add what that
    Python needs besides: compiled modules (their file names carry the version, so they sit side by
    side) and distributions only it requires (exceptiongroup on 3.10). Pure Python files already
    installed are kept: they serve every version."""
    current = f"{sys.version_info.major}.{sys.version_info.minor}"
    installed = {_norm(p.name.split("-")[0]) for p in LIBS.glob("*.dist-info")}
    pythons = [current]
    for py in PYTHONS:
        if py == current:
            continue
        with tempfile.TemporaryDirectory(prefix="connector-lint-wheels-") as tmp:
            try:
                pip("download", *platform_args(target, py), "--dest", tmp, *requirements(py), quiet=True)
            except subprocess.CalledProcessError:
                print(f"bundle: the dependencies have no wheels for CPython {py} on {target}; "
                      f"the bundled server will not run on that Python", file=sys.stderr)
                continue
            added = set()
            for wheel in sorted(Path(tmp).glob("*.whl")):
                added |= add_from_wheel(wheel, new_dist=_norm(wheel.name.split("-")[0]) not in installed)
            print(f"bundle: CPython {py}: added {', '.join(sorted(added)) or 'nothing'}")
            pythons.append(py)
    write_manifest(target, pythons)


def is_compiled(member: str) -> bool:
    """A compiled module or a shared library a wheel repair tool vendored beside it (auditwheel's
    `rpds.libs/libgcc_s-98a1ef30.so.1`, delocate's `.dylibs/`, delvewheel's `.libs/*.dll`): an older
    release for another Python links its own copy, under another name, which must come too."""
    name = member.rsplit("/", 1)[-1]
    return (member.endswith((".so", ".pyd", ".dylib", ".dll")) or re.search(r"\.so(\.\d+)+$", name) is not None
            or any(part.endswith(".libs") or part == ".dylibs" for part in member.split("/")[:-1]))


def add_from_wheel(wheel: Path, new_dist: bool) -> set[str]:
    """Unpack what another Python needs from `wheel` into LIBS: all of a distribution not yet
    installed, else only its compiled files (pure Python already installed serves every version)."""
    added = set()
    with zipfile.ZipFile(wheel) as zf:
        for member in zf.namelist():
            dest = LIBS / member
            if member.endswith("/") or dest.exists() or not (new_dist or is_compiled(member)):
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(zf.read(member))
            added.add(wheel.name.split("-")[0] if new_dist else member)
    return added


def write_manifest(target: str, pythons: list[str]) -> None:
    """Which Pythons the bundle runs on (those with every compiled module), for the extension and
    bundled/tool/server.py to refuse another with a clear message instead of an ImportError."""
    ordered = [py for py in PYTHONS if py in pythons]
    (LIBS / MANIFEST).write_text(json.dumps({"target": target, "pythons": ordered}) + "\n", encoding="utf-8")


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


def compile_bytecode() -> None:
    """Compile the libraries with every supported CPython on this machine (see the module's doc)."""
    found = {sys.executable}
    for py in PYTHONS:
        exe = shutil.which(f"python{py}")
        if exe:
            found.add(exe)
    tags = []
    for exe in sorted(found):
        proc = subprocess.run([exe, "-c", "import sys; print(sys.implementation.cache_tag)"],
                              capture_output=True, text=True)
        tag = proc.stdout.strip()
        if proc.returncode != 0 or tag in tags:
            continue
        subprocess.run([exe, "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash",
                        str(LIBS)], check=True, stdout=subprocess.DEVNULL)
        tags.append(tag)
    print(f"bundle: bytecode for {', '.join(tags)}")


def copy_schema() -> None:
    schema = ROOT / "docs" / "config.schema.json"
    out = EXT / "out" / "config.schema.json"
    if schema.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(schema, out)
    else:
        out.unlink(missing_ok=True)
        print("bundle: docs/config.schema.json not found; .connector-lint.json gets no schema", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bundle the server and its libraries for one VS Code target.")
    parser.add_argument("--target", choices=sorted(PLATFORMS), default=this_target())
    args = parser.parse_args(argv)
    if sys.version_info < (3, 10):
        print("bundle: needs Python 3.10 or newer", file=sys.stderr)
        return 1
    print(f"bundle: target {args.target}")
    install_project(args.target)
    add_other_pythons(args.target)
    check_python_support()
    compile_bytecode()
    copy_schema()
    size = sum(f.stat().st_size for f in LIBS.rglob("*") if f.is_file())
    print(f"bundle: {LIBS.relative_to(EXT)} ready ({size / 1e6:.1f} MB before packaging)")
    return 0


if __name__ == "__main__":
    os.chdir(EXT)
    sys.exit(main())
