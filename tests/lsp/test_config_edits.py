"""Configuration edits (words, ignores) that keep the file's style."""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

from connector_lint.config_edits import config_change_text, glob_escape
from connector_lint.edits import apply


def test_configuration_edits_keep_the_files_style(tmp_path: Path):
    path = tmp_path / ".connector-lint.json"
    assert json.loads(config_change_text(path, None, {"word": "Contoso"})) == {"words": ["Contoso"]}
    text = '{\n\t"words": ["Fabrikam"],\n\t"rules": {}\n}\n'
    edits = config_change_text(path, text, {"word": "Contoso"})
    assert apply(text, edits) == '{\n\t"words": ["Fabrikam", "Contoso"],\n\t"rules": {}\n}\n'
    entry = {"rules": ["spelling"], "files": "apiDefinition.swagger.json", "pointers": ["/info/title"]}
    added = apply(text, config_change_text(path, text, {"ignore": entry}))
    assert json.loads(added)["ignore"] == [entry] and "\n\t\"ignore\": [" in added
    assert config_change_text(path, '{"words": ["Contoso"]}', {"word": "Contoso"}) == []
    assert config_change_text(path, "[1, 2]", {"word": "x"}) is None


def test_pointers_are_escaped_for_the_ignore_globs():
    pointer = "/paths/~1items[*]/get?"
    assert glob_escape(pointer) == "/paths/~1items[[][*]]/get[?]"
    assert fnmatch.fnmatchcase(pointer, glob_escape(pointer))
    assert not fnmatch.fnmatchcase("/paths/~1itemsX/get?", glob_escape(pointer))
