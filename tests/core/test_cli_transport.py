"""What a worker of `check --jobs N` sends back: its files rendered in the output's format, which
print exactly as the files themselves would; and the order it is given the connectors in."""

from __future__ import annotations

import gc
import json
import pickle
import re
import weakref

from hypothesis import given, settings, strategies as st

from connector_lint import cli
from connector_lint.basefiles import Base
from connector_lint.config import Config
from connector_lint.engine import Diagnostic
from connector_lint.jsonparse import TextFix
from connector_lint.report import FileReport, Rendered, Report, render, to_github, to_json, to_sarif, to_text
from connector_lint.workspace import connector_for
from connector_lint_rules._api import Severity
from ruletester import swagger
from test_cli import run, write_connector
from test_cli_habits import two_connectors  # noqa: F401 (a fixture)

FORMATS = {"text": to_text, "json": to_json, "sarif": to_sarif, "github": to_github}
SEVERITIES = [Severity.ERROR, Severity.WARNING, Severity.INFORMATION, Severity.HINT]
# lone surrogates (low only: an escaped pair would read back as one character), control characters, wide and astral characters, line breaks of every kind
texts = st.text(alphabet=st.sampled_from(list('ab "\\{}:,\n\r\t\x1b\u00e9\u4e2d\U0001f600\udc00%')), max_size=40)
few_rules = st.sampled_from(["title-length", "json-syntax", "not-a-rule", "summary-length"])


@st.composite
def file_reports(draw, path: str, other: str):
    text = draw(texts)
    other_text = draw(texts)
    offsets = st.integers(0, len(text))
    diagnostics = []
    for _ in range(draw(st.integers(0, 5))):
        start, end = sorted((draw(offsets), draw(offsets)))
        related = [(path, *sorted((draw(offsets), draw(offsets))), draw(texts))
                   for _ in range(draw(st.integers(0, 2)))]
        if draw(st.booleans()):
            related.append((other, 0, len(other_text), draw(texts)))
        fixes = [TextFix("fix", (), draw(st.sampled_from(["safe", "unsafe"]))) for _ in range(draw(st.integers(0, 2)))]
        diagnostics.append(Diagnostic(draw(few_rules), draw(st.sampled_from(SEVERITIES)), draw(texts), path, start, end,
                                      draw(st.none() | texts), draw(st.none() | texts), fixes, related,
                                      draw(st.none() | st.just("5000.1.2.3")), draw(st.none() | texts)))
    return FileReport(path, text, diagnostics).with_related_texts({path: text, other: other_text})


@st.composite
def reports(draw):
    count = draw(st.integers(0, 4))
    files = [draw(file_reports(f"c/{i}{draw(texts)}.json", f"c/{i}-other")) for i in range(count)]
    skipped = draw(st.lists(st.tuples(texts, texts), max_size=2))
    return files, draw(st.integers(0, 3)), draw(st.integers(0, 3)), skipped


@settings(max_examples=300, deadline=None)
@given(reports(), st.booleans(), st.data())
def test_rendered_files_print_as_the_files_themselves(report, colour, data):
    files, connectors, fixed, skipped = report
    for name, output in FORMATS.items():
        args = (colour,) if name == "text" else ()
        whole = output(Report(list(files), connectors, fixed, list(skipped)), *args)
        # some rendered in a worker, the others (a submission package's) where the report is printed
        sent = [pickle.loads(pickle.dumps(render(f, name, colour))) if data.draw(st.booleans()) else f for f in files]
        assert output(Report(sent, connectors, fixed, list(skipped)), *args) == whole, name
        if name in ("json", "sarif"):  # json.dumps(indent=2, ensure_ascii=False), lone surrogates escaped
            dumped = json.dumps(json.loads(whole), indent=2, ensure_ascii=False)
            assert whole == re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", dumped)
            whole.encode("utf-8")


def test_a_worker_sends_back_its_piece_of_the_output_not_the_texts(tmp_path):
    description = "Gets the tasks of a project. " * 20000  # a 580 kB swagger
    folder = write_connector(tmp_path / "big", swagger(title="Contoso Tasks and Projects Manager",
                                                        description=description))
    job = (connector_for(folder), None, Config(), False, Base())
    files, fixed, skipped = cli.check_and_render((job, ("json", False)))
    assert files and all(isinstance(f, Rendered) for f in files)
    assert len(pickle.dumps((files, fixed, skipped))) < 20_000
    assert any("title-length" in f.piece for f in files)
    full, _, _ = cli.check_and_render((job, None))  # `report` (readiness) gets the files themselves
    assert all(isinstance(f, FileReport) for f in full) and len(pickle.dumps(full)) > 500_000


class _OrderPool:
    """Stands in for ProcessPoolExecutor: records the connectors in the order they are given."""

    given: list = []

    def __init__(self, max_workers):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def map(self, fn, items, chunksize=1):
        items = list(items)
        self.given.extend(item[0][0].folder.name for item in items)
        return map(fn, items)


def test_the_largest_connectors_go_first_and_the_report_keeps_their_order(capsys, monkeypatch, tmp_path):
    for name, size in (("a", 1), ("b", 300), ("c", 30), ("d", 3000)):
        write_connector(tmp_path / name, swagger(title="Contoso Tasks and Projects Manager",
                                                 description="Gets the tasks. " * size))
    monkeypatch.setattr(cli, "ProcessPoolExecutor", _OrderPool)
    monkeypatch.setattr(cli, "default_jobs", lambda: 2)
    _OrderPool.given = []
    _, out, _ = run(capsys, "check", str(tmp_path), "--format", "json")
    assert _OrderPool.given == ["d", "b", "c", "a"]
    paths = [f["path"].split("/")[-2] for f in json.loads(out)["files"]]
    assert paths == sorted(paths) and set(paths) == {"a", "b", "c", "d"}
    _, one, _ = run(capsys, "check", str(tmp_path), "--format", "json", "--jobs", "1")
    assert one == out


class _FrozenPool(_OrderPool):
    """Records, when the pool is made, whether this process's heap was frozen for the workers."""

    frozen: list = []

    def __init__(self, max_workers):
        self.frozen.append(gc.get_freeze_count())


def test_forked_workers_start_with_the_rules_loaded_and_frozen(capsys, monkeypatch, two_connectors):
    """With fork, the rules' dictionary and schema are loaded once, before the workers are made,
    and frozen out of garbage collection while they run (not for good: the parent goes on)."""
    calls = []
    monkeypatch.setattr(cli, "warm_up", lambda: calls.append(gc.get_freeze_count()))
    monkeypatch.setattr(cli, "ProcessPoolExecutor", _FrozenPool)
    monkeypatch.setattr(cli, "default_jobs", lambda: 2)
    _FrozenPool.frozen = []
    run(capsys, "check", str(two_connectors), "--format", "json")
    assert calls == [0] and _FrozenPool.frozen[0] > 0 and gc.get_freeze_count() == 0
    calls.clear()
    run(capsys, "check", str(two_connectors), "--format", "json", "--jobs", "1")
    assert calls == []  # no workers: nothing to load ahead


def test_each_connector_is_checked_with_the_collector_off_and_its_cycles_collected_after(capsys, monkeypatch,
                                                                                         two_connectors):
    """The cyclic collector is off while a connector is checked (its objects live until the check
    ends: scanning them only cost time), back on afterwards, and what the check left in reference
    cycles is freed before the next connector."""
    seen, leaked = [], []
    real_check = cli.check_connector

    def check(job):
        seen.append(gc.isenabled())
        cycle: list = []
        cycle.append(cycle)  # cyclic garbage, as a check may leave
        leaked.append(weakref.ref(_Cyclic(cycle)))
        return real_check(job)

    monkeypatch.setattr(cli, "check_connector", check)
    run(capsys, "check", str(two_connectors), "--format", "json", "--jobs", "1")
    assert seen == [False, False] and gc.isenabled()
    assert [ref() for ref in leaked] == [None, None]


class _Cyclic:
    def __init__(self, cycle: list):
        cycle.append(self)
        self.cycle = cycle
