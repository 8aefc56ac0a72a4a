"""Property-based: whatever stream of edits the editor sends (random edits, positions past the
end of lines and of the text, a repeated version, closes and re-opens), the server ends with the
editor's text and publishes for it exactly what the engine and the CLI (the final text written to
disk) report (issue 17)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from connector_lint import cli
from lsp_support import EXAMPLE, SERVER, SWAGGER, expected

_BREAK = re.compile(r"\r\n|\r|\n")


def spec_offset(text: str, line: int, character: int) -> int:
    """An LSP position as the specification reads it (ASCII text: UTF-16 units are characters):
    a character past the line's end is its end; a line past the last is the end of the text."""
    starts, ends = [0], []
    for m in _BREAK.finditer(text):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(text))
    if line >= len(starts):
        return len(text)
    return min(starts[line] + character, ends[line])


class StdioClient:
    """A minimal LSP client over the server's stdio: enough to open, edit, close and listen."""

    def __init__(self):
        self.process = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.lock = threading.Lock()
        self.responses: dict[int, queue.Queue] = {}
        self.published: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _send(self, message: dict) -> None:
        body = json.dumps(message).encode()
        with self.lock:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line == b"\r\n":
                    break
                if line.startswith(b"Content-Length:"):
                    length = int(line.split(b":")[1])
            message = json.loads(stream.read(length))
            if "method" in message and "id" in message:  # a request of the server's
                items = message.get("params", {}).get("items", [])
                result = [{} for _ in items] if message["method"] == "workspace/configuration" else None
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})
            elif "method" in message:
                if message["method"] == "textDocument/publishDiagnostics":
                    self.published.put(message["params"])
            elif message.get("id") in self.responses:
                self.responses[message["id"]].put(message)

    def request(self, method: str, params) -> dict:
        self.next_id += 1
        answer: queue.Queue = queue.Queue()
        self.responses[self.next_id] = answer
        self._send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return answer.get(timeout=120)

    def notify(self, method: str, params) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()


def cli_reports(path: Path, text: str) -> list[tuple]:
    """What `connector-lint check --format json` reports for the file with `text` on disk, as
    (rule, 0-based line, 0-based column, message): the text is ASCII, so columns are UTF-16 units."""
    path.write_bytes(text.encode("utf-8"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["check", str(path.parent), "--format", "json", "--fail-on", "never", "--jobs", "1"])
    return sorted((d["rule"], d["line"] - 1, d["column"] - 1, d["message"])
                  for f in json.loads(out.getvalue())["files"] if Path(f["path"]).name == path.name
                  for d in f["diagnostics"])


@pytest.fixture(scope="module")
def server():
    client = StdioClient()
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {},
                                  "initializationOptions": {"debounceMs": 0}})
    client.notify("initialized", {})
    yield client
    client.close()


position = st.tuples(st.integers(0, 140), st.integers(0, 120))
edit = st.tuples(position, position, st.text(st.sampled_from('a "{}[],:1\n\r'), max_size=6))
step = st.one_of(st.tuples(st.just("edit"), edit), st.tuples(st.just("same-version"), edit),
                 st.tuples(st.just("stale-version"), edit), st.tuples(st.just("reopen"), st.none()))


# CI runs a few; EDIT_STREAM_EXAMPLES=500 runs a long search by hand (issue 17: done once per change
# to textsync, service or incremental)
@settings(max_examples=int(os.environ.get("EDIT_STREAM_EXAMPLES", "8")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=1, max_size=10))
def test_the_server_follows_any_edit_stream_and_reports_what_the_cli_reports(server, steps):
    folder = Path(tempfile.mkdtemp(prefix="edit-stream-")) / "contoso"
    try:
        shutil.copytree(EXAMPLE, folder)
        path = folder / SWAGGER
        uri = path.as_uri()
        text, version = path.read_text(encoding="utf-8"), 1
        document = {"uri": uri, "languageId": "json", "version": version, "text": text}
        server.notify("textDocument/didOpen", {"textDocument": document})
        for kind, change in steps + [("edit", ((0, 0), (0, 0), ""))]:
            if kind == "reopen":
                server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
                version += 1
                server.notify("textDocument/didOpen", {"textDocument": {**document, "version": version, "text": text}})
                continue
            (l1, c1), (l2, c2), new = change
            (l1, c1), (l2, c2) = sorted([(l1, c1), (l2, c2)])
            start, end = spec_offset(text, l1, c1), spec_offset(text, l2, c2)
            text = text[:start] + new + text[end:]
            version += kind == "edit"
            # "same-version": a change sent under the last version again; "stale-version": under an
            # older one (the editor's text still changes; the next edit has a new version)
            sent = version - 1 if kind == "stale-version" else version
            server.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": sent},
                "contentChanges": [{"range": {"start": {"line": l1, "character": c1},
                                              "end": {"line": l2, "character": c2}}, "text": new}]})
        while True:  # the publication for the last version, for this document
            params = server.published.get(timeout=120)
            if params["uri"] == uri and params.get("version") == version:
                break
        shown = sorted((d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"], d["message"])
                       for d in params["diagnostics"])
        assert shown == expected(folder, {SWAGGER: text})
        assert shown == cli_reports(path, text)
    finally:
        server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        shutil.rmtree(folder.parent, ignore_errors=True)
