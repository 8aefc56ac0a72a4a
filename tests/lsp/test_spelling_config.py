"""The configuration change of the spelling action "Ignore '<word>' in this file": an ignore entry
with `words` for the file, made or extended in the file's own style, that the loader accepts."""

from __future__ import annotations

import json
from pathlib import Path

from connector_lint.actions import IGNORE_WORD, config_change, file_glob, write_config
from connector_lint.config import load_config
from connector_lint.edits import apply

SWAGGER = "apiDefinition.swagger.json"


def ignore_word(word: str, files: str = SWAGGER) -> dict:
    return {IGNORE_WORD: {"files": files, "word": word}}


def test_a_new_file_holds_one_words_entry(tmp_path: Path):
    path = tmp_path / ".connector-lint.json"
    text = config_change(path, None, ignore_word("Tasklet"))
    assert json.loads(text) == {"ignore": [{"files": [SWAGGER], "words": ["Tasklet"]}]}
    path.write_text(text)
    assert load_config(path).words_for([str(tmp_path / SWAGGER)]) == {"Tasklet"}


def test_the_entry_for_the_file_is_extended_in_the_files_style(tmp_path: Path):
    path = tmp_path / ".connector-lint.json"
    text = ('{\n\t"words": ["Fabrikam"],\n\t"ignore": [\n'
            '\t\t{"rules": ["spelling"], "files": "a/apiDefinition.swagger.json", "pointers": ["/info/*"]},\n'
            '\t\t{"files": "b/apiDefinition.swagger.json", "words": ["Gizmo"]},\n'
            '\t\t{"files": ["a/apiDefinition.swagger.json"], "words": ["Tasklet"]}\n\t]\n}\n')
    a, b, c = (f"{name}/{SWAGGER}" for name in "abc")
    extended = apply(text, config_change(path, text, ignore_word("Frobnicate", a)))
    entries = json.loads(extended)["ignore"]
    # the pointers entry and the other file's entry are left alone; the file's words entry grows
    assert entries[:2] == json.loads(text)["ignore"][:2]
    assert entries[2] == {"files": [a], "words": ["Tasklet", "Frobnicate"]}
    assert extended == text.replace('"Tasklet"]', '"Tasklet", "Frobnicate"]')  # one insertion, inline stays inline
    # a word the entry has (in any case) is nothing to do; another file gets an entry of its own
    assert config_change(path, extended, ignore_word("frobnicate", a)) == []
    added = apply(extended, config_change(path, extended, ignore_word("Tasklet", c)))
    assert json.loads(added)["ignore"][3] == {"files": [c], "words": ["Tasklet"]}
    assert added.startswith(extended[:extended.index("\n\t]")] + ",\n\t\t{")  # tabs, like the rest of the file
    path.write_text(added)
    config = load_config(path)
    assert config.words_for([str(tmp_path / a)]) == {"Fabrikam", "Tasklet", "Frobnicate"}
    assert config.words_for([str(tmp_path / b)]) == {"Fabrikam", "Gizmo"}
    assert config.words_for([str(tmp_path / c)]) == {"Fabrikam", "Tasklet"}


def test_a_string_files_entry_is_extended_too(tmp_path: Path):
    path = tmp_path / ".connector-lint.json"
    text = '{"ignore": [{"rules": "spelling", "files": "apiDefinition.swagger.json", "words": ["Tasklet"]}]}'
    assert json.loads(apply(text, config_change(path, text, ignore_word("Gizmo"))))["ignore"] == [
        {"rules": "spelling", "files": SWAGGER, "words": ["Tasklet", "Gizmo"]}]


def test_malformed_changes_and_files_are_refused(tmp_path: Path):
    path = tmp_path / ".connector-lint.json"
    assert config_change(path, "{}", {IGNORE_WORD: "Tasklet"}) is None
    assert config_change(path, "{}", {IGNORE_WORD: {"files": SWAGGER, "word": " "}}) is None
    assert config_change(path, "{}", {IGNORE_WORD: {"files": 3, "word": "Tasklet"}}) is None
    assert config_change(path, "[1, 2]", ignore_word("Tasklet")) is None
    assert config_change(path, '{"ignore": {}}', ignore_word("Tasklet")) is None
    assert config_change(path, '{"ignore": [', ignore_word("Tasklet")) is None


def test_the_edit_config_command_writes_the_entry(tmp_path: Path):
    """What clients that cannot create files get (connectorLint.editConfig runs write_config)."""
    path = tmp_path / ".connector-lint.json"
    assert write_config(path, ignore_word("Tasklet"))
    assert write_config(path, ignore_word("Gizmo"))
    assert write_config(path, ignore_word("Gizmo"))  # already there: nothing to write, not a failure
    assert json.loads(path.read_text()) == {"ignore": [{"files": [SWAGGER], "words": ["Tasklet", "Gizmo"]}]}


def test_file_globs_are_relative_to_the_configuration_and_escaped(tmp_path: Path):
    config = tmp_path / ".connector-lint.json"
    assert file_glob(config, str(tmp_path / "My Connector" / SWAGGER)) == f"My Connector/{SWAGGER}"
    assert file_glob(config, str(tmp_path / "a[1]" / SWAGGER)) == f"a[[]1]/{SWAGGER}"
    assert file_glob(tmp_path / "elsewhere" / ".connector-lint.json", str(tmp_path / "c" / SWAGGER)) == SWAGGER
    folder = tmp_path / "a[1]"
    folder.mkdir()
    (folder / SWAGGER).write_text("{}")
    config.write_text(config_change(config, None, ignore_word("Tasklet", file_glob(config, str(folder / SWAGGER)))))
    assert load_config(config).words_for([str(folder / SWAGGER)]) == {"Tasklet"}
