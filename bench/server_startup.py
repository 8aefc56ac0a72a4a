"""The language server's own cost to its first diagnostics, as VS Code starts it: a new process,
`initialize` with VS Code's capabilities and the extension's options (push diagnostics;
bench/vscode_initialize.json), `didOpen` of the swagger, and the first `textDocument/publishDiagnostics`
for it.

Prints, per run, the wall time from starting the process to the diagnostics and the CPU time the
server process spent until then (user + system, from /proc): on this shared 2-core machine the
CPU time is the steadier figure, and what VS Code's own start competes with. With --profile FILE
one more run writes a cProfile of the server (process start to first diagnostics) to FILE.

    .venv/bin/python bench/server_startup.py [--runs 5] [--connector DIR] [--python PY] [--profile FILE]
    .venv/bin/python bench/server_startup.py --bundled   # the extension's bundle: PY -S bundled/tool/server.py

The server's caches (connector_lint_rules._cache) are used as after a first start on any machine:
one unmeasured start fills them first.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUWARE = ROOT.parent / "shared" / "corpus" / "certified-connectors" / "DocuWare"
EXAMPLE = ROOT / "examples" / "broken-connector"
BUNDLED = ROOT / "vscode-extension" / "bundled" / "tool" / "server.py"
TICKS = os.sysconf("SC_CLK_TCK")
# What VS Code (code-server 1.100.3, vscode-languageclient 9) sends in `initialize`, but the folders:
# its client capabilities are large, and the server structures them with cattrs.
VSCODE_INITIALIZE = json.loads((Path(__file__).parent / "vscode_initialize.json").read_text())

# Profiles the server until the first diagnostics are sent: patched into the process by -c.
_PROFILED = """
import cProfile, sys
profile = cProfile.Profile()
profile.enable()
from connector_lint.startup import cache_attrs_code, serve
cache_attrs_code()  # before lsprotocol is imported, as serve() does
import connector_lint.lsp as lsp
original = lsp.ConnectorLintServer.publish
def published(self, *args):
    original(self, *args)
    profile.disable()
    profile.dump_stats({out!r})
lsp.ConnectorLintServer.publish = published
sys.exit(serve())
"""


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


class Client:
    def __init__(self, command: list[str], cwd: Path, env: dict) -> None:
        self.proc = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.proc.stdin.flush()

    def request(self, method: str, params) -> int:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def receive(self) -> dict:
        length = 0
        while (line := self.proc.stdout.readline().strip()):
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        if not length:
            raise RuntimeError("the server closed its output")
        return json.loads(self.proc.stdout.read(length))

    def until(self, wanted) -> dict:
        """Read until a message `wanted(message)` accepts, answering the server's own requests."""
        while True:
            message = self.receive()
            if "method" in message and "id" in message:  # a request from the server
                items = (message.get("params") or {}).get("items")
                self.send({"id": message["id"], "result": [None] * len(items) if items is not None else None})
            elif wanted(message):
                return message

    def answer(self, request_id: int) -> dict:
        return self.until(lambda message: message.get("id") == request_id and "method" not in message)

    def close(self) -> None:
        try:
            self.answer(self.request("shutdown", None))
            self.send({"method": "exit"})
            self.proc.wait(10)
        except Exception:
            self.proc.kill()
            self.proc.wait()


def one_run(command: list[str], connector: Path, env: dict) -> tuple[float, float, int]:
    swagger = next(connector.glob("*.swagger.json"))
    started = time.perf_counter()
    client = Client(command, connector, env)
    client.answer(client.request("initialize", {
        **VSCODE_INITIALIZE, "processId": os.getpid(), "rootPath": str(connector), "rootUri": connector.as_uri(),
        "workspaceFolders": [{"uri": connector.as_uri(), "name": connector.name}]}))
    client.send({"method": "initialized", "params": {}})
    uri = swagger.as_uri()
    client.send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "json", "version": 1, "text": swagger.read_text(encoding="utf-8")}}})
    published = client.until(lambda message: message.get("method") == "textDocument/publishDiagnostics"
                             and message["params"]["uri"] == uri)
    wall = time.perf_counter() - started
    cpu = cpu_seconds(client.proc.pid)
    count = len(published["params"]["diagnostics"])
    client.close()
    return wall, cpu, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--connector", type=Path, default=DOCUWARE if DOCUWARE.exists() else EXAMPLE)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--bundled", action="store_true", help="run the extension's bundle (-S) as VS Code does")
    parser.add_argument("--profile", type=Path, help="also write a cProfile of one start to this file")
    args = parser.parse_args()
    env = dict(os.environ, PYTHONUTF8="1", PYTHONNOUSERSITE="1")
    if args.bundled:
        command = [args.python, "-S", str(BUNDLED)]
    else:
        command = [args.python, "-m", "connector_lint", "serve"]
    if not args.bundled:  # as installed: pip compiles the package's bytecode
        compileall.compile_dir(ROOT / "server", quiet=1)
        compileall.compile_dir(ROOT / "rules", quiet=1)
    one_run(command, args.connector, env)  # fills the caches, as any first start does
    walls, cpus = [], []
    for i in range(args.runs):
        wall, cpu, count = one_run(command, args.connector, env)
        walls.append(wall)
        cpus.append(cpu)
        print(f"run {i + 1}: first diagnostics {wall:.2f} s wall, {cpu:.2f} s CPU ({count} diagnostics)")
    print(f"median: {statistics.median(walls):.2f} s wall (min {min(walls):.2f}, max {max(walls):.2f}), "
          f"{statistics.median(cpus):.2f} s CPU (min {min(cpus):.2f}, max {max(cpus):.2f}); "
          f"load {os.getloadavg()[0]:.2f}")
    if args.profile:
        profiled = [args.python, "-c", _PROFILED.format(out=str(args.profile.resolve()))]
        one_run(profiled, args.connector, env)
        print(f"profile: {args.profile}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
