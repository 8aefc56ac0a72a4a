"""Server time of the authoring requests on the largest certified swagger (Encodian, 1.1 MB).

    .venv/bin/python bench/authoring_bench.py [--corpus ../shared/corpus/certified-connectors] [--runs 15]

Drives the modules the language server answers with (authoring.Authoring, completion,
navigation) as the server does, one keystroke before each request, so every request pays for
bringing the parse and the name index up to date with an edit (the part-by-part reuse). Prints
medians (this machine is shared and noisy: compare ratios, not absolutes). Diagnostics latency
is bench/lsp_bench.py's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import machine  # noqa: E402

from connector_lint.authoring import Authoring  # noqa: E402
from connector_lint.completion import completions  # noqa: E402
from connector_lint.incremental import Source  # noqa: E402
from connector_lint.navigation import definition, references, rename  # noqa: E402
from connector_lint.positions import LineIndex  # noqa: E402
from connector_lint_rules._api import FileKind  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


class _Session:
    key, result = "bench", None


class _Service:
    """What Authoring.snapshot reads of the server's Service: the connector's current texts."""

    def __init__(self, folder: Path):
        self.texts = {FileKind.SWAGGER: (folder / "apiDefinition.swagger.json").read_text(encoding="utf-8")}
        props = folder / "apiProperties.json"
        if props.is_file():
            self.texts[FileKind.API_PROPERTIES] = props.read_text(encoding="utf-8")
        self.paths = {FileKind.SWAGGER: str(folder / "apiDefinition.swagger.json"), FileKind.API_PROPERTIES: str(props)}

        self.lines: dict[str, LineIndex] = {}

    def sources(self, session):
        # The editor's documents keep their line index up to date as they change (textsync); made here
        # outside the timed request.
        sources = {k: Source(self.paths[k], text=t, lines=self.lines.get(t)) for k, t in self.texts.items()}
        return sources, {p: 1 for p in self.paths.values()}, {p: Path(p).as_uri() for p in self.paths.values()}


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "certified-connectors"))
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    folder = Path(args.corpus) / "Encodian"
    if not (folder / "apiDefinition.swagger.json").is_file():
        sys.exit(f"the shared corpus is absent ({args.corpus})")
    service, session, authoring = _Service(folder), _Session(), Authoring()
    uri = Path(service.paths[FileKind.SWAGGER]).as_uri()
    started = time.perf_counter()
    snap = authoring.snapshot(service, session)
    first = time.perf_counter() - started
    text = service.texts[FileKind.SWAGGER]
    oid = text.index('"operationId"', len(text) // 6)
    ref = text.index('"$ref": "#/definitions/', len(text) // 6) + 25
    typing_at = text.index('"summary"', len(text) // 6)
    times: dict[str, list[float]] = {"completion (key, broken text)": [], "completion (value: $ref)": [],
                                     "definition": [], "references": [], "rename": []}
    walked = []
    described = text.index('"description": "', typing_at) + 16
    valid = [text, text[:described] + "A" + text[described:]]
    for run in range(args.runs):
        # a keystroke in an operation: a half-typed key on its own line (broken JSON)
        edited = text[:typing_at] + f'"x-ms-vi{run % 3}\n' + text[typing_at:]
        service.texts[FileKind.SWAGGER] = edited
        service.lines = {edited: LineIndex(edited), **{v: LineIndex(v) for v in valid}}
        t = time.perf_counter()
        snap = authoring.snapshot(service, session)
        items = completions(snap, uri, typing_at + 8, True)
        times["completion (key, broken text)"].append(time.perf_counter() - t)
        walked.append(snap.names.walked)
        assert any(i.label == "deprecated" for i in items), [i.label for i in items]
        for n, (name, call) in enumerate((
                ("completion (value: $ref)", lambda s: completions(s, uri, ref, True)),
                ("definition", lambda s: definition(s, uri, ref)),
                ("references", lambda s: references(s, uri, oid + 17, True)),
                ("rename", lambda s: rename(s, uri, oid + 17, "RenamedByTheBench", True)))):
            service.texts[FileKind.SWAGGER] = valid[n % 2]  # a character typed in a description
            t = time.perf_counter()
            result = call(authoring.snapshot(service, session))
            times[name].append(time.perf_counter() - t)
            assert result, name
    print(f"# authoring requests on Encodian ({len(text) / 1e6:.1f} MB), {machine()}")
    print(f"first snapshot (parse + name index of the whole connector): {first * 1000:.0f} ms")
    print(f"parts walked again per keystroke (median): {statistics.median(walked):.0f} of {len(snap.names._parts)}")
    for name, values in times.items():
        print(f"{name}: median {median_ms(values):.1f} ms over {len(values)} requests (after an edit)")


if __name__ == "__main__":
    main()
