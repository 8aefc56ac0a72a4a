"""bench/breaking_history.py: the commit walk, blob reading and report, on a small git history built here."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


sys.path.insert(0, str(ROOT / "bench"))
import breaking_history as bh  # noqa: E402


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                          capture_output=True, text=True, check=True).stdout.strip()


def _commit(repo: Path, files: dict[str, str | None], message: str) -> str:
    for name, text in files.items():
        path = repo / name
        if text is None:
            _git(repo, "rm", "-q", name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        _git(repo, "add", name)
    _git(repo, "commit", "-q", "-m", message)
    return _git(repo, "rev-parse", "HEAD")


def _swagger(title: str) -> str:
    return json.dumps({"swagger": "2.0", "info": {"title": title}, "paths": {}})


@pytest.fixture
def history(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = tmp_path / "ppc"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "dev")
    c = {}
    c["new"] = _commit(repo, {"certified-connectors/My Conn/apiDefinition.swagger.json": _swagger("a"),
                              "certified-connectors/My Conn/apiProperties.json": "{}"}, "new connector")
    c["swagger"] = _commit(repo, {"certified-connectors/My Conn/apiDefinition.swagger.json": _swagger("b")}, "update")
    c["props"] = _commit(repo, {"certified-connectors/My Conn/apiProperties.json": '{"a": 1}'}, "properties only")
    c["readme"] = _commit(repo, {"certified-connectors/My Conn/readme.md": "x"}, "readme only")
    c["case"] = _commit(repo, {"certified-connectors/My Conn/apiDefinition.swagger.json": None,
                               "certified-connectors/My Conn/apidefinition.swagger.json": _swagger("c")}, "case")
    # a pull-request branch merged with a merge commit: first-parent sees one update, the branch two commits
    _git(repo, "checkout", "-q", "-b", "pr")
    _commit(repo, {"certified-connectors/My Conn/apidefinition.swagger.json": _swagger("d")}, "pr 1")
    _commit(repo, {"certified-connectors/My Conn/apidefinition.swagger.json": _swagger("e")}, "pr 2")
    _git(repo, "checkout", "-q", "dev")
    _git(repo, "merge", "-q", "--no-ff", "-m", "merge pr", "pr")
    c["merge"] = _git(repo, "rev-parse", "HEAD")
    c["delete"] = _commit(repo, {"certified-connectors/My Conn/apidefinition.swagger.json": None,
                                 "certified-connectors/My Conn/apiProperties.json": None}, "delete")
    return repo / ".git", c


def test_walk_compares_updates_of_existing_connectors_only(history):
    git_dir, c = history
    walk = bh.Walk()
    got = list(bh.updates(git_dir, "dev", first_parent=True, walk=walk))
    assert [u.commit for u in got] == [c["swagger"], c["props"], c["case"], c["merge"]]
    assert {u.folder for u in got} == {"certified-connectors/My Conn"}
    assert walk.commits == 6 and walk.new_connectors == 1 and walk.deleted == 1
    props = got[1]
    assert props.old[bh.SWAGGER] == props.new[bh.SWAGGER] and props.old[bh.PROPERTIES] != props.new[bh.PROPERTIES]


def test_by_default_every_commit_is_walked_the_branch_commits_instead_of_the_merge(history):
    git_dir, c = history
    got = list(bh.updates(git_dir, "dev"))
    assert c["merge"] not in [u.commit for u in got] and len(got) == 5


def test_blobs_are_read_by_sha_and_merge_compares_against_first_parent(history):
    git_dir, c = history
    merge = [u for u in bh.updates(git_dir, "dev", first_parent=True) if u.commit == c["merge"]][0]
    with bh.GitObjects(git_dir) as objects:
        old, new = bh.blobs(objects, merge.old), bh.blobs(objects, merge.new)
        assert objects.read("no-such-rev:nothing") is None
    assert json.loads(old[bh.SWAGGER])["info"]["title"] == "c"
    assert json.loads(new[bh.SWAGGER])["info"]["title"] == "e"


def test_compare_history_counts_findings_flagged_updates_and_crashes(history):
    git_dir, _ = history

    def compare(old, new):
        title = json.loads(new[bh.SWAGGER])["info"]["title"]
        if title == "c":
            raise ValueError("boom")
        if new[bh.PROPERTIES] != old[bh.PROPERTIES]:
            raise bh.NotComparable("bad JSON")
        return [("breaking-x", f"operation/{title}", "m")] if title in ("b", "e") else []

    result = bh.compare_history(git_dir, compare, first_parent=True)
    assert result["pairs"] == 2 and len(result["failed"]) == 1 and len(result["skipped"]) == 1
    assert [f.value_path for f in result["found"]] == ["operation/b", "operation/e"]
    assert len(result["flagged"]) == 2 and len(result["seconds"]) == 2


def test_report_keeps_the_hand_written_part_and_merges_labels(tmp_path, history):
    git_dir, _ = history
    result = bh.compare_history(git_dir, lambda old, new: [("breaking-x", "operation/x", "m")], first_parent=True)
    picked = bh.sample(result["found"], seed=3)
    assert picked == bh.sample(result["found"], seed=3) and len(picked) == 4
    labels = {picked[0].key: {"verdict": "false", "reason": "a|b"}}
    out = tmp_path / "report.md"
    out.write_text(f"# Hand\n\nkept\n\n{bh.START}\nold\n{bh.END}\n\ntail\n", encoding="utf-8")
    bh.write_generated(out, bh.render(result, labels, 3, "dev", False, 1.0))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Hand\n\nkept\n") and text.endswith("tail\n") and "\nold\n" not in text
    assert "| updates compared (connector × commit, old swagger existed) | 4 |" in text
    assert "| `breaking-x` | 4 | 4 | 1 |" in text
    assert "Hand check: 0 true, 1 false, 3 not checked yet." in text and "a\\|b" in text
