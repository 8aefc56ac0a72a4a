"""The language server driven as an editor drives it, on the largest real swagger (every rule on).

    .venv/bin/python bench/lsp_bench.py [--connector ../shared/corpus/certified-connectors/Encodian] [--edits 30]

Figures (targets from issue 6):
- initialize: from starting the process to the answer of `initialize` (< 1 s), and the request alone;
- first diagnostics after didOpen (< 1 s);
- typing one character into an operation summary, then waiting for the diagnostics of that
  version, with the default debounce (< 250 ms median, < 500 ms worst), and the server's own
  work for each of them (lint and conversion, reported by the server; < 100 ms); with `--pull`,
  the client asks for them after each edit instead (textDocument/diagnostic, VS Code's model);
- resident memory of the server with the file open (< 300 MB).
This machine may be shared with other work: the figures are medians over the edits, and the
machine line says what it ran on; run it a few times and read the medians.

Measured as installed: the project's bytecode is compiled first (pip does that for an installed
package; an editable checkout under PYTHONDONTWRITEBYTECODE=1 would compile every module at each
start), and the server's start-up caches (connector_lint.startup) are written by one start
before the measured one, as after the first start on any machine.
"""

from __future__ import annotations

import argparse
import asyncio
import builtins
import compileall
import re
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).parent))
from _machine import machine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "certified-connectors" / "Encodian"
_LINT = re.compile(r"lint ([\d.]+) ms .*units run (\d+) reused (\d+)")


class Editor(LanguageClient):
    def __init__(self) -> None:
        super().__init__("lsp-bench", "1")
        self.published: list[tuple[float, types.PublishDiagnosticsParams]] = []
        self.lints: list[tuple[float, ...]] = []
        self.event = asyncio.Event()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def wait_for(editor: Editor, uri: str, version: int, timeout: float = 60) -> float:
    """Seconds until diagnostics for `uri` at `version` arrive (the arrival time)."""
    async def wait():
        while True:
            for arrived, params in reversed(editor.published):
                if params.uri == uri and params.version == version:
                    return arrived
            editor.event.clear()
            await editor.event.wait()

    return await asyncio.wait_for(wait(), timeout)


async def pulled(editor: Editor, uri: str, previous: str | None) -> tuple[float, str, int]:
    """Ask for the document's diagnostics as VS Code does (pull model): (arrival, result id, count)."""
    report = await editor.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=previous))
    return time.perf_counter(), report.result_id, len(getattr(report, "items", []) or [])


async def run(folder: Path, edits: int, quiet: bool = False, pull: bool = False) -> dict:
    """One measured session with a fresh server; prints its figures and returns them."""
    editor = Editor()
    print = builtins.print if not quiet else (lambda *a, **k: None)  # noqa: A001 - one run's lines

    @editor.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams):
        editor.published.append((time.perf_counter(), params))
        editor.event.set()

    @editor.feature(types.WINDOW_LOG_MESSAGE)
    def logged(params: types.LogMessageParams):
        m = _LINT.search(params.message)
        if m:
            editor.lints.append(tuple(float(x) for x in m.groups()))

    @editor.feature(types.WORKSPACE_CONFIGURATION)
    def configuration(params: types.ConfigurationParams):
        return [{} for _ in params.items]

    swagger = folder / "apiDefinition.swagger.json"
    text = swagger.read_text(encoding="utf-8")
    started = time.perf_counter()
    await editor.start_io(sys.executable, "-m", "connector_lint", "serve")
    caps = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(configuration=True),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                version_support=True, related_information=True, code_description_support=True, data_support=True),
            diagnostic=types.DiagnosticClientCapabilities() if pull else None))
    request = time.perf_counter()
    await editor.initialize_async(types.InitializeParams(
        capabilities=caps, initialization_options={"timing": True},
        workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)]))
    done = time.perf_counter()
    editor.initialized(types.InitializedParams())
    print(f"initialize: {(done - started) * 1000:.0f} ms from process start "
          f"({(done - request) * 1000:.0f} ms for the request)          target < 1000 ms")

    uri = swagger.as_uri()
    opened = time.perf_counter()
    editor.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="json", version=1, text=text)))
    if pull:
        first, result_id, count = await pulled(editor, uri, None)
    else:
        first = await wait_for(editor, uri, 1)
        count = len(editor.published[-1][1].diagnostics)
    print(f"first diagnostics: {(first - opened) * 1000:.0f} ms ({count} diagnostics; server work "
          f"{editor.lints[-1][0]:.0f} ms)          target < 1000 ms")
    server = editor._server
    print(f"resident memory after open: {rss_mb(server.pid):.0f} MB")

    summaries = [m.end() for m in re.finditer(r'"summary": "', text)]
    latencies, work = [], []
    version = 1
    for i in range(edits):
        await asyncio.sleep(0.3)  # a pause between keystrokes, so each one is measured alone
        at = summaries[(i * 7) % len(summaries)] + 1 + i // len(summaries)
        lines = text.count("\n", 0, at)
        col = at - text.rfind("\n", 0, at) - 1
        text = text[:at] + "e" + text[at:]
        summaries = [s + 1 if s > at else s for s in summaries]
        version += 1
        lints_before = len(editor.lints)
        sent = time.perf_counter()
        editor.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(lines, col), types.Position(lines, col)), text="e")]))
        if pull:
            arrived, result_id, _ = await pulled(editor, uri, result_id)
        else:
            arrived = await wait_for(editor, uri, version)
        latencies.append(arrived - sent)
        await asyncio.sleep(0.01)
        work += [lint[0] for lint in editor.lints[lints_before:]]
    latencies.sort()
    print(f"keystroke -> diagnostics, {edits} edits ({'pulled' if pull else 'debounce included'}): median {statistics.median(latencies) * 1000:.0f} ms, "
          f"worst {latencies[-1] * 1000:.0f} ms          target < 250 / < 500 ms")
    if work:
        print(f"server work per keystroke: median {statistics.median(work):.0f} ms, worst {max(work):.0f} ms"
              f"          target < 100 ms")
        last = editor.lints[-1]
        print(f"  rule units (a connector, an operation) run {last[1]:.0f}, reused {last[2]:.0f} (cumulative counts)")
    rss_after = rss_mb(server.pid)
    print(f"resident memory after the edits: {rss_after:.0f} MB          target < 300 MB")
    await editor.shutdown_async(None)
    editor.exit(None)
    await editor.stop()
    return {"initialize": (done - started) * 1000, "first diagnostics": (first - opened) * 1000,
            "keystroke median": statistics.median(latencies) * 1000, "keystroke worst": latencies[-1] * 1000,
            "server work median": statistics.median(work) if work else float("nan"), "memory MB": rss_after}


async def prime() -> None:
    """One start and stop of the server, so that its start-up caches exist."""
    editor = Editor()
    await editor.start_io(sys.executable, "-m", "connector_lint", "serve")
    await editor.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    await editor.shutdown_async(None)
    editor.exit(None)
    await editor.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connector", type=Path, default=DEFAULT)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--runs", type=int, default=1, help="fresh server starts; prints the median of each figure")
    parser.add_argument("--pull", action="store_true",
                        help="ask for diagnostics after each edit (textDocument/diagnostic), as VS Code does")
    args = parser.parse_args()
    swagger = args.connector / "apiDefinition.swagger.json"
    if not swagger.is_file():
        sys.exit(f"no apiDefinition.swagger.json in {args.connector}")
    for package in ("server", "rules"):
        compileall.compile_dir(str(ROOT / package), quiet=1)
    text = swagger.read_text(encoding="utf-8")
    print(f"machine: {machine()}; uname -m: {__import__('platform').machine()}; nproc: {__import__('os').cpu_count()}")
    print(f"file: {swagger} ({len(text.encode()) / 1048576:.2f} MB, {text.count(chr(10)) + 1} lines)")
    asyncio.run(prime())
    print("diagnostics model: " + ("pull (textDocument/diagnostic after each edit, as VS Code)" if args.pull
                                   else "push (textDocument/publishDiagnostics; debounce included)"))
    figures = [asyncio.run(run(args.connector, args.edits, quiet=args.runs > 1, pull=args.pull))
               for _ in range(args.runs)]
    if args.runs > 1:
        targets = {"initialize": "< 1000", "first diagnostics": "< 1000", "keystroke median": "< 250",
                   "keystroke worst": "< 500", "server work median": "< 100", "memory MB": "< 300"}
        print(f"medians over {args.runs} runs ({args.edits} edits each; each run's figures in brackets):")
        for name, target in targets.items():
            values = [f[name] for f in figures]
            print(f"  {name}: {statistics.median(values):.0f}  [{', '.join(f'{v:.0f}' for v in values)}]"
                  f"          target {target}")


if __name__ == "__main__":
    main()
