"""The configuration file: what it accepts, what it rejects, and that its JSON schema agrees."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from connector_lint.config import ConfigError, find_config, from_dict, load_config

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "config.schema.json").read_text())

GOOD = [
    {},
    {"preset": "independent-publisher"},
    {"rules": {"title-length": "warning", "summary-length": {"severity": "off"}, "x": {"options": {"max": 3}}}},
    {"words": ["Contoso"], "ignore": [{"rules": ["spelling"], "files": "*.json", "pointers": ["/info/*"]}]},
    {"ignore": [{"rules": "*"}]},
    {"ignore": [{"rules": ["title-length", "summary-length"], "files": ["a/*.json", "b/*.json"], "pointers": "/info/*"}]},
    {"ignore": [{"files": ["MyConnector/apiDefinition.swagger.json"], "words": ["Contoso"]}]},
    {"ignore": [{"rules": "spelling", "files": "*.json", "words": ["Contoso", "Fabrikam"]}]},
    {"ignore": [{"rules": ["spelling"], "words": ["Contoso"]}]},
]
BAD = [
    [],
    {"presets": "custom"},
    {"preset": "verified"},
    {"rules": {"title-length": "loud"}},
    {"rules": {"title-length": {"severity": "error", "extra": 1}}},
    {"words": "Contoso"},
    {"ignore": [{"files": "*.json"}]},
    {"ignore": {"rules": "*"}},
    {"ignore": ["spelling"]},
    {"ignore": [{"rules": "*", "file": "*.json"}]},
    {"ignore": [{"rules": []}]},
    {"ignore": [{"rules": "*", "files": 3}]},
    {"ignore": [{"rules": "*", "pointers": [1]}]},
    {"ignore": [{"words": []}]},
    {"ignore": [{"words": "Contoso"}]},
    {"ignore": [{"words": [" "]}]},
    {"ignore": [{"words": [3]}]},
    {"ignore": [{"rules": ["title-length"], "words": ["Contoso"]}]},
    {"ignore": [{"rules": ["spelling", "title-length"], "words": ["Contoso"]}]},
    {"ignore": [{"rules": "*", "words": ["Contoso"]}]},
    {"ignore": [{"words": ["Contoso"], "pointers": ["/info/*"]}]},
]


@pytest.mark.parametrize("data", GOOD)
def test_accepted_by_the_loader_and_the_schema(data):
    from_dict(data, None, known_rules=None)
    jsonschema.validate(data, SCHEMA)


@pytest.mark.parametrize("data", BAD)
def test_rejected_by_the_loader_and_the_schema(data):
    with pytest.raises(ConfigError):
        from_dict(data, None, known_rules=None)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_unknown_rule_ids_are_named(tmp_path):
    path = tmp_path / ".connector-lint.json"
    path.write_text('{"rules": {"titel-length": "off"}}')
    with pytest.raises(ConfigError, match="titel-length"):
        load_config(path, known_rules={"title-length"})


def test_broken_json_names_the_file(tmp_path):
    path = tmp_path / ".connector-lint.json"
    path.write_text('{"rules": ')
    with pytest.raises(ConfigError, match=".connector-lint.json"):
        load_config(path)


def test_found_upward(tmp_path):
    (tmp_path / "connector-lint.json").write_text("{}")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == (tmp_path / "connector-lint.json").resolve()
    (tmp_path / "a" / ".connector-lint.json").write_text("{}")
    assert find_config(deep) == (tmp_path / "a" / ".connector-lint.json").resolve()


def test_found_upward_once_per_folder_for_many_connectors(tmp_path, monkeypatch):
    """With `known`, connectors beside each other find the same nearest file, and the folders
    they share are looked in once."""
    (tmp_path / "connector-lint.json").write_text("{}")
    (tmp_path / "tree" / "b" / ".connector-lint.json").parent.mkdir(parents=True)
    (tmp_path / "tree" / "b" / ".connector-lint.json").write_text("{}")
    folders = [tmp_path / "tree" / name / "connector" for name in ("a", "b", "c")]
    for folder in folders:
        folder.mkdir(parents=True)
    looked = []
    real_is_file = Path.is_file
    monkeypatch.setattr(Path, "is_file", lambda self: looked.append(self.parent) or real_is_file(self))
    known: dict = {}
    found = [find_config(folder, known) for folder in folders]
    top, own = (tmp_path / "connector-lint.json").resolve(), (tmp_path / "tree" / "b" / ".connector-lint.json").resolve()
    assert found == [top, own, top]
    assert looked.count(tmp_path.resolve()) == 2 and looked.count((tmp_path / "tree").resolve()) == 2  # both names once
    assert found == [find_config(folder) for folder in folders]


def test_editor_settings_merge_under_the_file():
    file_cfg = from_dict({"rules": {"title-length": "off"}, "words": ["A"]}, None, None)
    merged = file_cfg.merged({"preset": "custom", "rules": {"title-length": "hint", "summary-length": "off"}, "words": ["B"]})
    assert merged.rules["title-length"] == {"severity": "off"}
    assert merged.rules["summary-length"] == {"severity": "off"}
    assert merged.words == {"A", "B"} and merged.preset == "custom"


@pytest.mark.parametrize("entry, message", [
    ({"words": ["Contoso"], "rules": "title-length"}, r"ignore\[0\]: words are for the spelling rule; rules must be \"spelling\""),
    ({"words": ["Contoso"], "pointers": "/info/*"}, r"ignore\[0\]: an entry with words .* takes no pointers"),
    ({"words": []}, r"ignore\[0\]\.words must be a non-empty list of words"),
    ({"files": "*.json"}, r"ignore\[0\] needs \"rules\" .* or \"words\""),
    ({"rules": "*", "files": {"a": 1}}, r"ignore\[0\]\.files must be a string or a non-empty list of strings"),
    ({"rules": "*", "word": ["x"]}, r"ignore\[0\]: unknown key 'word'"),
])
def test_bad_ignore_entries_are_named_and_explained(tmp_path, entry, message):
    path = tmp_path / ".connector-lint.json"
    path.write_text(json.dumps({"ignore": [entry]}))
    with pytest.raises(ConfigError, match=message) as raised:
        load_config(path)
    assert str(path) in str(raised.value)


@pytest.mark.parametrize("data, pointer, at_key", [
    ([], "", False),
    ({"rulez": {}}, "/rulez", True),
    ({"preset": "strict"}, "/preset", False),
    ({"rules": []}, "/rules", False),
    ({"rules": {"titel-length": "off"}}, "/rules/titel-length", True),
    ({"rules": {"title-length": "loud"}}, "/rules/title-length", False),
    ({"rules": {"title-length": {"severity": "loud"}}}, "/rules/title-length/severity", False),
    ({"rules": {"title-length": {"level": "off"}}}, "/rules/title-length/level", True),
    ({"rules": {"title-length": {"options": {"max": "abc"}}}}, "/rules/title-length/options/max", False),
    ({"rules": {"title-length": {"options": {"max": None}}}}, "/rules/title-length/options/max", False),
    ({"rules": {"title-length": {"options": {"maxx": 40}}}}, "/rules/title-length/options/maxx", True),
    ({"words": ["a", 3]}, "/words/1", False),
    ({"ignore": [{"rules": "*"}, {"rules": "*", "files": {"a": 1}}]}, "/ignore/1/files", False),
    ({"ignore": [{"rules": "*", "word": ["x"]}]}, "/ignore/0/word", True),
    ({"ignore": [{"words": ["Contoso"], "rules": "title-length"}]}, "/ignore/0/rules", False),
])
def test_an_error_carries_the_file_and_the_pointer_of_the_offending_value(tmp_path, data, pointer, at_key):
    """The language server shows the error on the configuration file at that value (issue 17, case 11)."""
    path = tmp_path / ".connector-lint.json"
    with pytest.raises(ConfigError) as raised:
        from_dict(data, path, known_rules={"title-length", "spelling"})
    assert (raised.value.path, raised.value.pointer, raised.value.at_key) == (path, pointer, at_key)
    assert str(raised.value).startswith(f"{path}: ") and raised.value.reason == str(raised.value)[len(f"{path}: "):]


def test_a_text_that_is_not_json_carries_where_it_went_wrong(tmp_path):
    path = tmp_path / ".connector-lint.json"
    path.write_text('{"rules": {"title-length": "off",}}')
    with pytest.raises(ConfigError, match="not valid JSON") as raised:
        load_config(path)
    assert raised.value.pointer is None and raised.value.offset == path.read_text().index("}")
    path.write_text("[" * 100_000)
    with pytest.raises(ConfigError, match="nested too deeply") as raised:
        load_config(path)
    assert raised.value.pointer is None and raised.value.offset is None
