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
