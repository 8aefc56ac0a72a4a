"""Ignore entries with `words`: the words join the dictionary of the connectors whose files the
entry matches, and only theirs; the entry drops no finding. Checked on Config, through the
engine, and through `connector-lint check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from connector_lint.cli import main
from connector_lint.config import Config, Ignore, load_config
from connector_lint.engine import lint
from connector_lint.workspace import connector_for
from ruletester import api_properties, swagger

DESCRIPTION = "Contoso Tasks helps teams frobnicate and recieve their daily work."


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Two connectors with the same two misspellings in info/description, and a configuration
    above them that accepts 'frobnicate' in alpha's swagger only."""
    for name in ("alpha", "beta"):
        folder = tmp_path / name
        folder.mkdir()
        sw = swagger()
        sw["info"]["description"] = DESCRIPTION
        (folder / "apiDefinition.swagger.json").write_text(json.dumps(sw, indent=2))
        (folder / "apiProperties.json").write_text(json.dumps(api_properties(), indent=2))
    (tmp_path / ".connector-lint.json").write_text(json.dumps({
        "words": ["Fabrikam"],
        "ignore": [{"files": ["alpha/apiDefinition.swagger.json"], "words": ["frobnicate"]}]}))
    return tmp_path


def misspelled(diagnostics, folder: Path) -> list[str]:
    """The words the spelling rule flags in the connector at `folder`, from diagnostics of any path form."""
    return sorted(d.message.split("'")[1] for d in diagnostics
                  if d.rule == "spelling" and Path(d.path).resolve().parent == folder.resolve())


def test_words_for_adds_the_words_of_matching_entries_only(tree):
    config = load_config(tree / ".connector-lint.json")
    alpha = [str(tree / "alpha" / "apiDefinition.swagger.json"), str(tree / "alpha" / "apiProperties.json")]
    beta = [str(tree / "beta" / "apiDefinition.swagger.json"), str(tree / "beta" / "apiProperties.json")]
    assert config.words_for(alpha) == {"Fabrikam", "frobnicate"}
    assert config.words_for(beta) == {"Fabrikam"}
    assert config.words_for(alpha) is config.words_for(alpha)  # the language server compares it per keystroke
    assert config.words_for(iter(alpha)) == {"Fabrikam", "frobnicate"}  # any iterable of paths
    # a words entry is a dictionary, not a filter
    assert not config.ignored("spelling", alpha[0], "/info/description")
    assert not config.ignored("title-length", alpha[0], "/info/title")


def test_words_for_without_word_entries_is_the_top_level_words():
    config = Config(words=frozenset({"Contoso"}), ignore=[Ignore(("spelling",), "*.json", ("/info/*",))])
    assert config.words_for(["c/apiDefinition.swagger.json"]) is config.words


def test_word_globs_match_names_and_trailing_paths_without_a_config_file():
    config = Config(ignore=[Ignore(("spelling",), ("apiProperties.json",), (), frozenset({"Tasklet"})),
                            Ignore(("spelling",), ("x/*/apiDefinition.swagger.json",), (), frozenset({"Gizmo"}))])
    assert config.words_for(["/w/x/y/apiDefinition.swagger.json"]) == {"Gizmo"}
    assert config.words_for(["/w/z/apiDefinition.swagger.json", "/w/z/apiProperties.json"]) == {"Tasklet"}
    assert config.words_for(["/w/z/apiDefinition.swagger.json"]) == frozenset()


def test_editor_settings_keep_the_files_word_entries(tree):
    merged = load_config(tree / ".connector-lint.json").merged({"words": ["Northwind"]})
    assert merged.words_for([str(tree / "alpha" / "apiDefinition.swagger.json")]) == {
        "Fabrikam", "Northwind", "frobnicate"}


def test_the_engine_accepts_the_word_in_the_matching_connector_only(tree):
    config = load_config(tree / ".connector-lint.json")
    for name, expected in (("alpha", ["recieve"]), ("beta", ["frobnicate", "recieve"])):
        connector = connector_for(tree / name)
        diagnostics = lint(connector.documents(), config, str(connector.folder))
        # the other misspelling of the same string is still reported
        assert misspelled(diagnostics, tree / name) == expected


def test_check_honours_word_entries(tree, capsys):
    for jobs in ("1", "2"):  # in process, and in worker processes (the configuration is pickled)
        assert main(["check", str(tree), "--format", "json", "--fail-on", "never", "--jobs", jobs]) == 0
        report = json.loads(capsys.readouterr().out)
        found = {Path(f["path"]).parent.name: sorted(d["message"].split("'")[1] for d in f["diagnostics"]
                                                     if d["rule"] == "spelling")
                 for f in report["files"] if f["path"].endswith("apiDefinition.swagger.json")}
        assert found == {"alpha": ["recieve"], "beta": ["frobnicate", "recieve"]}
