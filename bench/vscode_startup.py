"""Open → first diagnostic in the real VS Code (code-server with the packaged .vsix, driven by
headless Chromium; needs `bash tests/editors/setup.sh`).

Each run starts a fresh VS Code profile with the extension installed and opens a connector's folder
(with a copy of it in a subfolder), then measures, as a user sees it (Enter in Quick Open → first
squiggle), as test_editor_vscode.py does once:
  cold: the connector's swagger, in the fresh profile (the extension and its server start now);
  warm: the copy's swagger, with the server already running.
With --fresh-cache connector-lint's own cache directory starts empty as well (a first install); with
--open-delay S the cold file is opened S seconds later, once the server has started on its own.
Each run also prints how long the server took to start (from the extension's output channel): at
the same time as VS Code opens the first editor, on a busy 2-core machine, it takes about twice as long;
the server's own figures for its first diagnostics (time since its process started, CPU time; it
logs them); and when the extension activated, found Python and had the server running, from the
cold file's opening.
The connector is a ~95 KB certified swagger from ../shared/corpus (DocuWare) when present, else the
example. Prints every run and the median, min and max.

    .venv/bin/python bench/vscode_startup.py --runs 3 [--fresh-cache] [--open-delay S] [--connector DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "editors"))

from editor_support import CODE_SERVER, EXAMPLE, EXTENSION, SWAGGER  # noqa: E402

CORPUS_CONNECTOR = ROOT.parent / "shared" / "corpus" / "certified-connectors" / "DocuWare"


def server_start_seconds(output_log: Path) -> float | None:
    """The extension's own figure: from asking for the server to the server running."""
    found = re.search(r"Server running, (\d+) ms", output_log.read_text()) if output_log.exists() else None
    return int(found.group(1)) / 1000 if found else None


def server_figures(output_log: Path) -> tuple[float | None, float | None]:
    """The server's own figures for its first diagnostics (it logs them): seconds since its process
    started, and its CPU seconds until then."""
    text = output_log.read_text() if output_log.exists() else ""
    found = re.search(r"First diagnostics (\d+) ms after the server process started, (\d+) ms of CPU", text)
    return (int(found.group(1)) / 1000, int(found.group(2)) / 1000) if found else (None, None)


def timeline(output_log: Path, opened_at: str | None) -> str:
    """When the extension activated, found Python and had the server running, in seconds from the
    cold file's opening (negative: before it)."""
    if not opened_at or not output_log.exists():
        return ""
    opened = datetime.fromisoformat(opened_at.replace("Z", "+00:00"))
    marks = []
    for stamp, what in re.findall(r"^\[(\d{4}-[\d-]+T[\d:.]+Z)\] (Activated|Server:|Server running)", output_log.read_text(), re.M):
        seconds = (datetime.fromisoformat(stamp.replace("Z", "+00:00")) - opened).total_seconds()
        marks.append(f"{ {'Server:': 'python found'}.get(what, what.lower())} {seconds:+.2f}")
    return ", ".join(marks)


def measure(connector: Path, fresh_cache: bool, open_delay: float, out_dir: Path, name: str) -> dict:
    version = json.loads((EXTENSION / "package.json").read_text())["version"]
    with tempfile.TemporaryDirectory(prefix="connector-lint-startup-") as tmp:
        workspace = Path(tmp) / "workspace"
        shutil.copytree(connector, workspace)
        shutil.copytree(connector, workspace / "zz-second")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = dict(os.environ, CODE_SERVER=str(CODE_SERVER), VSIX=str(EXTENSION / f"connector-lint-{version}.vsix"),
                   PLAYWRIGHT=str(EXTENSION / "node_modules" / "playwright-core"), WORKSPACE=str(workspace),
                   FILE=SWAGGER, OUT_DIR=str(out_dir), PORT=str(port), NAME=name, EXPECT="[]",
                   STARTUP=json.dumps([SWAGGER, f"zz-second/{SWAGGER}"]),
                   FRESH_CACHE="1" if fresh_cache else "0", STARTUP_DELAY_MS=str(round(open_delay * 1000)))
        proc = subprocess.run(["node", str(ROOT / "tests" / "editors" / "vscode_e2e.js")], env=env,
                              capture_output=True, text=True, timeout=300)
        result_file = out_dir / f"{name}-result.json"
        result = json.loads(result_file.read_text()) if result_file.exists() else {}
        if proc.returncode != 0 or "startup" not in result:
            raise RuntimeError(f"{result.get('error')}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
        output_log = out_dir / f"{name}-connector-lint-output.log"
        server_wall, server_cpu = server_figures(output_log)
        return {**result["startup"], "serverStart": server_start_seconds(output_log), "serverFirstDiagnostics": server_wall,
                "serverCpu": server_cpu, "timeline": timeline(output_log, result["startup"].get("coldOpenedAt"))}


def _seconds(value: float | None) -> str:
    return "?" if value is None else f"{value:.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--fresh-cache", action="store_true", help="connector-lint's cache starts empty too")
    parser.add_argument("--open-delay", type=float, default=0.0, metavar="S",
                        help="open the cold file S seconds after the workbench shows the folder")
    parser.add_argument("--connector", type=Path, help="the connector folder to open (two copies of it)")
    args = parser.parse_args()
    connector = args.connector or (CORPUS_CONNECTOR if CORPUS_CONNECTOR.is_dir() else EXAMPLE)
    size = (connector / SWAGGER).stat().st_size
    out_dir = ROOT / "test-output" / "editors"
    out_dir.mkdir(parents=True, exist_ok=True)
    print(f"connector: {connector.name} ({size / 1000:.0f} KB swagger); fresh connector-lint cache: {args.fresh_cache}; "
          f"cold file opened {args.open_delay:g} s after the folder is shown")
    runs = []
    for i in range(args.runs):
        figures = measure(connector, args.fresh_cache, args.open_delay, out_dir, f"startup-{i}")
        runs.append(figures)
        print(f"run {i + 1}: cold {figures['cold']:.2f} s (editor shown {figures['coldEditor']:.2f} s), "
              f"warm {figures['warm']:.2f} s (editor shown {figures['warmEditor']:.2f} s); load average "
              f"{os.getloadavg()[0]:.1f}; server started in {_seconds(figures['serverStart'])}; its first diagnostics "
              f"{_seconds(figures['serverFirstDiagnostics'])} after its process started, {_seconds(figures['serverCpu'])} "
              f"of CPU\n       ({figures['timeline']})")
    for kind in ("cold", "warm", "serverStart", "serverFirstDiagnostics", "serverCpu"):
        values = [r[kind] for r in runs if r[kind] is not None]
        if not values:
            continue
        print(f"{kind}: median {statistics.median(values):.2f} s, min {min(values):.2f} s, max {max(values):.2f} s "
              f"({len(values)} runs)")
    (out_dir / "vscode-startup.json").write_text(json.dumps(runs, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
