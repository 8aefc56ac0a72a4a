"""What CLI users expect of a linter: parallel by default, quiet in a pipe, one check per connector
however many of its files are named, and a cache that does not grow with every installation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from connector_lint import cli
from connector_lint_rules import _cache, _spelling
from test_cli import run, write_connector
from ruletester import swagger


class _RecordingPool:
    """Stands in for ProcessPoolExecutor: records its size, runs the jobs here."""

    sizes: list[int] = []

    def __init__(self, max_workers):
        self.sizes.append(max_workers)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def map(self, fn, items, chunksize=1):
        return map(fn, items)


@pytest.fixture
def two_connectors(tmp_path):
    write_connector(tmp_path / "a", swagger(title="Contoso Tasks and Projects Manager"))
    write_connector(tmp_path / "b", swagger(title="Contoso Tasks"))
    return tmp_path


def test_jobs_default_to_the_cores_and_1_means_this_process(capsys, monkeypatch, two_connectors):
    assert cli.default_jobs() == (os.process_cpu_count() if hasattr(os, "process_cpu_count")
                                  else len(os.sched_getaffinity(0)))
    monkeypatch.setattr(cli, "default_jobs", lambda: 3)
    monkeypatch.setattr(cli, "ProcessPoolExecutor", _RecordingPool)
    _RecordingPool.sizes = []
    run(capsys, "check", str(two_connectors), "--format", "json")
    assert _RecordingPool.sizes == [2]  # three cores, capped at the two connectors
    code, out, _ = run(capsys, "check", str(two_connectors), "--format", "json", "--jobs", "1")
    assert _RecordingPool.sizes == [2]  # no pool for --jobs 1
    assert json.loads(out)["summary"]["connectors"] == 2
    assert run(capsys, "check", str(two_connectors), "--jobs", "0")[0] == 2


def test_jobs_are_capped_at_the_connectors_and_the_cores(capsys, monkeypatch, two_connectors):
    """--jobs 1000 does not fork 1,000 processes (issue 17)."""
    monkeypatch.setattr(cli, "ProcessPoolExecutor", _RecordingPool)
    monkeypatch.setattr(cli, "default_jobs", lambda: 64)
    _RecordingPool.sizes = []
    run(capsys, "check", str(two_connectors), "--jobs", "1000")
    assert _RecordingPool.sizes == [2]  # two connectors
    monkeypatch.setattr(cli, "default_jobs", lambda: 1)
    run(capsys, "check", str(two_connectors), "--jobs", "1000")
    assert _RecordingPool.sizes == [2]  # one core: no pool


def test_each_connector_is_checked_once_whatever_is_named(capsys, monkeypatch, tmp_path):
    """pre-commit passes every changed file: the swagger and apiProperties.json of one connector,
    or a file and its folder, are one check and each file is reported once."""
    folder = write_connector(tmp_path / "c", swagger(title="Contoso Tasks and Projects Manager"))
    checked = []
    original = cli.check_connector
    monkeypatch.setattr(cli, "check_connector", lambda job: checked.append(job[0].folder) or original(job))
    swagger_file, props = folder / "apiDefinition.swagger.json", folder / "apiProperties.json"
    _, out, _ = run(capsys, "check", str(swagger_file), str(props), str(swagger_file), "--format", "json")
    data = json.loads(out)
    assert checked == [folder] and data["summary"]["connectors"] == 1
    assert sorted(Path(f["path"]).name for f in data["files"]) == ["apiDefinition.swagger.json", "apiProperties.json"]
    assert any(d["rule"] == "title-length" for f in data["files"] for d in f["diagnostics"])
    checked.clear()
    _, out, _ = run(capsys, "check", str(props), str(folder), "--format", "json", "--jobs", "1")
    assert checked == [folder] and len(json.loads(out)["files"]) == 2  # the folder: all of its files


def test_a_closed_pipe_ends_quietly():
    script = f"{sys.executable} -m connector_lint rules | head -n 1"
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.stdout.count("\n") == 1
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr, proc.stderr
    assert proc.stderr == ""



@pytest.mark.parametrize("command", [["-m", "connector_lint"], ["-c", "from connector_lint.cli import run; run()"]])
def test_the_command_writes_all_its_output_before_it_exits(tmp_path, capsys, command):
    """The command exits without tearing down its heap (cli.run): what it wrote into the pipe's
    buffer is flushed first, however large, with main's exit code."""
    sw = swagger(title="My Connector API")
    for i in range(300):  # a summary too long on each operation: about 300 findings, ~150 KB of JSON
        sw["paths"][f"/items{i}"] = {"get": {"operationId": f"GetItem{i}", "summary": "word " * 30,
                                            "responses": {"200": {"description": "OK"}}}}
    folder = write_connector(tmp_path / "c", sw)
    expected_code, expected, _ = run(capsys, "check", str(folder), "--format", "json", "--jobs", "1")
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as most users run it
    proc = subprocess.run([sys.executable, *command, "check", str(folder), "--format", "json", "--jobs", "1"],
                          capture_output=True, text=True, timeout=120, env=buffered)
    assert len(proc.stdout) > 100_000 and proc.stdout == expected
    assert proc.returncode == expected_code == 1 and proc.stderr == ""

def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_cache_keeps_what_is_used_and_prunes_stale_entries(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache = _cache.cache_directory()
    cache.mkdir()
    old = cache / "en-100-deadbeef.marshal"      # another dictionary, unused for days
    recent = cache / "en-200-cafef00d.marshal"   # another installation's, used an hour ago
    other = cache / "attrs-code-x-1.marshal"     # another family
    abandoned = cache / "en-1.1234.tmp"
    for path in (old, recent, other, abandoned):
        path.write_bytes(b"x")
        _age(path, 3 * 24 * 3600)
    _age(recent, 3600)
    _cache.write_marshal("en-300-00000001.marshal", {"a": 1}, family="en-")
    assert sorted(p.name for p in cache.iterdir()) == [other.name, recent.name, "en-300-00000001.marshal"]
    _age(recent, 3 * 24 * 3600)
    assert _cache.read_marshal(recent.name) is None  # unreadable: a miss, and not marked used
    _cache.write_marshal(recent.name, {"b": 2}, family="en-")
    _age(cache / "en-300-00000001.marshal", 3 * 24 * 3600)
    assert _cache.read_marshal("en-300-00000001.marshal") == {"a": 1}  # reading marks it used
    _cache.write_marshal("en-400-00000002.marshal", {}, family="en-")
    assert {"en-300-00000001.marshal", recent.name} <= {p.name for p in cache.iterdir()}


def test_dictionary_cache_is_shared_by_installations(monkeypatch, tmp_path):
    """The entry's name comes from the dictionary's content, not its path or time: a second
    installation of the same pyspellchecker reuses it instead of adding 2.5 MB."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = _spelling._frequencies()
    names = [p.name for p in _cache.cache_directory().iterdir()]
    assert len(names) == 1 and names[0].startswith("en-")
    from importlib.util import find_spec
    source = Path(find_spec("spellchecker").origin).parent / "resources" / "en.json.gz"
    assert str(int(source.stat().st_mtime)) not in names[0]
    assert _spelling._frequencies() == first


def test_rule_pages_of_other_versions_are_pruned(monkeypatch, tmp_path):
    from connector_lint import docs

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(docs, "REPO_DOCS", tmp_path / "no-repository-docs")
    stale = _cache.cache_directory() / "rules-0.0.1"
    stale.mkdir(parents=True)
    (stale / "title-length.md").write_text("# old")
    _age(stale, 3 * 24 * 3600)
    path = docs.page_path("title-length")
    assert path.read_text(encoding="utf-8").startswith("# title-length")
    assert not stale.exists() and path.parent.name == f"rules-{docs.__version__}"
