"""Work grows linearly with the input (issue 17, cases 5, 6, 7 and 10), asserted by counting work,
never by timing: Python lines executed in a rule's module, characters a parser looks at, glob
matches, bytes inflated.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import sys
import tracemalloc
import struct
import zlib

import pytest

from connector_lint import cli
from connector_lint import config as config_module
from connector_lint.config import Config, Ignore
from connector_lint.jsonparse import parse
from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext
from connector_lint_rules._png import SIGNATURE, read_png
from ruletester import swagger

LINEAR = 2.6  # the work for twice the input, at most (quadratic work would be about 4 times)


def lines_run(module_file: str, work) -> int:
    """How many lines of the module at `module_file` ran during `work()`."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def global_(frame, event, arg):
        return local if frame.f_code.co_filename == module_file else None

    sys.settrace(global_)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def rule_work(rule_id: str, sw: dict) -> int:
    rule = rules_by_id()[rule_id]
    module = sys.modules[rule.check.__module__].__file__
    ctx = RuleContext(swagger=sw, options=dict(rule.options))
    return lines_run(module, lambda: run_rule(rule, ctx))


def _paths(n: int) -> dict:
    """n pairs of paths that overlap (a variable against a fixed segment), among 4n operations."""
    op = {"responses": {"200": {"description": "OK"}}}
    paths = {}
    for i in range(n):
        paths[f"/items{i}/{{id}}"] = {"get": op, "delete": op}
        paths[f"/items{i}/details"] = {"get": op, "post": op}
    return paths


def test_ambiguous_path_work_is_linear():
    small = rule_work("ambiguous-path", swagger(paths=_paths(500)))
    large = rule_work("ambiguous-path", swagger(paths=_paths(1000)))
    assert large <= LINEAR * small, (small, large)


def test_missing_operation_id_work_is_linear():
    def spec(n):
        return swagger(paths={f"/p{i}": {"get": {"summary": "Get it", "responses": {"200": {"description": "OK"}}}}
                              for i in range(n)})

    small = rule_work("missing-operation-id", spec(500))
    large = rule_work("missing-operation-id", spec(1000))
    assert large <= LINEAR * small, (small, large)


class CountingText(str):
    """A text that counts the characters looked at through indexing, slicing and searching (the
    recovering parser's own work; regular expressions run in C and advance only)."""

    looked = 0

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self))
            CountingText.looked += max(0, stop - start)
        else:
            CountingText.looked += 1
        return str.__getitem__(self, key)

    def rfind(self, sub, start=None, end=None):
        found = str.rfind(self, sub, start, end)
        CountingText.looked += (len(self) if end is None else end) - max(found, start or 0)
        return found

    def find(self, sub, start=None, end=None):
        found = str.find(self, sub, start, end)
        CountingText.looked += (found if found >= 0 else (len(self) if end is None else end)) - (start or 0)
        return found


def parser_work(text: str) -> int:
    CountingText.looked = 0
    parse(CountingText(text))
    return CountingText.looked


@pytest.mark.parametrize("shape", ["[", '{"a":'])
def test_the_recovering_parser_is_linear_on_one_long_line(shape):
    closer = "]" if shape == "[" else "}"

    def text(depth):  # one line, nested too deep for the C parser, and one fault to recover from
        return shape * depth + "1" + closer * depth + ",]"

    small, large = parser_work(text(5000)), parser_work(text(10000))
    assert large <= LINEAR * small, (small, large)


def test_ignore_globs_are_matched_once_per_file(monkeypatch):
    calls = 0
    real, real_case = config_module.fnmatch.fnmatch, config_module.fnmatch.fnmatchcase

    def counted(fn):
        def match(*args):
            nonlocal calls
            calls += 1
            return fn(*args)
        return match

    monkeypatch.setattr(config_module.fnmatch, "fnmatch", counted(real))
    monkeypatch.setattr(config_module.fnmatch, "fnmatchcase", counted(real_case))

    def work(n):
        nonlocal calls
        cfg = Config(ignore=[Ignore(("title-length",), f"other{i}/*.json") for i in range(n)]
                     + [Ignore(("spelling",), "*", (f"/paths/x{i}",)) for i in range(n)])
        calls = 0
        for i in range(n):  # n findings in one file
            cfg.ignored("spelling", "/c/apiDefinition.swagger.json", f"/paths/y{i}")
        return calls

    small, large = work(1000), work(2000)
    assert large <= LINEAR * small, (small, large)


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_an_icon_that_inflates_to_256_mb_costs_only_its_pixels():
    stream, zeros = zlib.compressobj(9), bytes(1 << 20)
    data = b"".join(stream.compress(zeros) for _ in range(256)) + stream.flush()
    header = struct.pack(">IIBBBBB", 100, 100, 8, 6, 0, 0, 0)
    png = read_png(SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b""))
    tracemalloc.start()
    try:
        rows = png.pixels()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(rows) == 100 and len(rows[0]) == 100
    assert peak < 16 * 1024 * 1024, peak


def _write_generated_connector(folder, operations: int) -> None:
    """bench/growth.py's shape: half the paths overlap the one before, no operation has an operationId."""
    folder.mkdir()
    paths = {(f"/items{i // 2}/{{id}}" if i % 2 == 0 else f"/items{i // 2}/details"):
             {"get": {"summary": f"Get item {i}", "description": f"Gets item {i}.",
                      "responses": {"200": {"description": "OK"}}}} for i in range(operations)}
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(swagger(paths=paths), indent=2))
    (folder / "apiProperties.json").write_text(json.dumps({"properties": {"publisher": "Contoso"}}))


def full_collections(folder) -> int:
    """Full garbage collections during a `check` of `folder`. Each re-scans the whole heap, which
    grows with the connector (nearly all a check allocates lives until it ends): that made the whole
    check super-linear once its rules were not. Counted, not timed, and not weighed by the heap's
    size, which depends on what else the test process holds."""
    full = 0

    def count(phase, info):
        nonlocal full
        full += phase == "start" and info["generation"] == 2

    gc.collect()
    gc.callbacks.append(count)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            cli.main(["check", str(folder), "--format", "json", "--jobs", "1", "--fail-on", "never"])
    finally:
        gc.callbacks.remove(count)
    return full


def test_a_whole_check_runs_full_collections_rarely(tmp_path):
    _write_generated_connector(tmp_path / "large", 4000)
    assert full_collections(tmp_path / "large") <= 1  # with the default thresholds: 7 here


@pytest.mark.parametrize("rule_id", ["english-only", "spelling"])
def test_one_huge_string_costs_a_bounded_analysis(rule_id):
    from connector_lint_rules import _spelling

    def work(repeats):  # German with a camelCase word: the slow, word-by-word path
        sw = swagger(info={"title": "Contoso", "version": "1.0",
                           "description": "Liefert die Liste aller offenen Aufgaben zurück, getItems. " * repeats})
        return lines_run(_spelling.__file__, lambda: run_rule(rules_by_id()[rule_id], RuleContext(
            swagger=sw, options=dict(rules_by_id()[rule_id].options))))

    small, large = work(1_000), work(4_000)  # 60 KB and 240 KB, both past the analysed part
    assert large <= 1.2 * small, (small, large)


def test_locating_many_findings_in_one_long_string_is_linear(tmp_path):
    from connector_lint import document
    from connector_lint.engine import lint
    from connector_lint.workspace import connector_for

    def work(repeats):  # a camelCase word per sentence, and an escape (ü) so offsets must be decoded
        folder = tmp_path / str(repeats)
        folder.mkdir()
        sw = swagger(info={"title": "Contoso", "version": "1.0",
                           "description": "Liefert die Liste aller offenen Aufgaben zurück, getItems. " * repeats})
        (folder / "apiDefinition.swagger.json").write_text(json.dumps(sw))
        docs = connector_for(folder).documents()
        return lines_run(document.__file__, lambda: lint(docs, Config(), str(folder),
                                                         rules=[rules_by_id()["camelcase-string"]]))

    small, large = work(45), work(90)  # under the cap of 100 findings at one value (which bounds it too)
    assert large <= LINEAR * small, (small, large)
