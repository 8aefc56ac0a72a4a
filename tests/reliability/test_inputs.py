"""No input crashes the tool or passes silently (issue 17, cases 8, 9, 11, 12, 13 and 17).

Every input is generated here: lone surrogate escapes, a sparse file of a terabyte, a
configuration nested 100,000 deep, options of the wrong type, schemas nested hundreds and arrays
ten thousand deep, swaggers that are directories, FIFOs or unreadable, and names with ESC in them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from connector_lint import workspace
from connector_lint.cli import main
from connector_lint.config import Config, ConfigError, from_dict
from connector_lint.jsonparse import MAX_DEPTH, parse
from connector_lint_rules import all_rules
from connector_lint_rules._api import FileKind
from ruletester import api_properties, swagger

FORMATS = ("text", "json", "sarif", "github")
KNOWN = {r.id for r in all_rules()}


def write_connector(folder: Path, sw: dict | str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = sw if isinstance(sw, str) else json.dumps(sw or swagger(title="Contoso Tasks and Projects Manager"))
    (folder / "apiDefinition.swagger.json").write_text(text, encoding="utf-8")
    (folder / "apiProperties.json").write_text(json.dumps(api_properties()), encoding="utf-8")
    return folder


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def cli(*args: str) -> subprocess.CompletedProcess:
    """The CLI in a process of its own, writing UTF-8 to pipes as CI does."""
    return subprocess.run([sys.executable, "-m", "connector_lint", *args], capture_output=True, text=True,
                          encoding="utf-8", errors="strict", env={**os.environ, "PYTHONIOENCODING": "utf-8"})


# 8: a lone surrogate escape in every output format

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_lone_surrogate_is_printed_as_its_escape(tmp_path, fmt):
    sw = json.dumps(swagger(title="Contoso Tasks")).replace('"type": "string"', '"type": "\\udc00string"', 1)
    assert "\\udc00" in sw
    connector = write_connector(tmp_path / "c", sw)
    result = cli("check", str(connector), "--format", fmt)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "\\udc00string" in result.stdout
    if fmt in ("json", "sarif"):
        assert "\udc00string" in json.dumps(json.loads(result.stdout), ensure_ascii=False)  # the value itself


# 9: the size is looked at before reading

def test_a_terabyte_sparse_swagger_is_one_finding(tmp_path, capsys):
    connector = write_connector(tmp_path / "c")
    try:
        os.truncate(connector / "apiDefinition.swagger.json", 2 ** 40)
    except OSError:
        pytest.skip("this file system has no sparse files of a terabyte")
    code, out, err = run(capsys, "check", str(connector), "--format", "json")
    assert code == 1 and err == ""
    diagnostics = [d for f in json.loads(out)["files"] for d in f["diagnostics"]]
    assert [d["rule"] for d in diagnostics] == ["file-too-large"]
    assert "1,099,511,627,776 bytes" in diagnostics[0]["message"] and "not read" in diagnostics[0]["message"]


# Each kind of file names its own limit (an apiProperties.json is not told about a swagger's).
SIZE_NOTES = {
    "apiDefinition.swagger.json": "The platform's limit for a swagger is 1 MB",
    "apiProperties.json": None,
    "settings.json": None,
    "script.csx": "The platform's limit for custom code (script.csx) is 1 MB",
    "icon.png": "Certification's limit for icon.png is 1 MB",
}


@pytest.mark.parametrize("name", sorted(SIZE_NOTES))
def test_a_file_over_64_mb_names_the_limit_of_its_own_kind(tmp_path, capsys, name):
    connector = write_connector(tmp_path / "c")
    try:
        with open(connector / name, "ab") as f:
            f.truncate(65 * 1024 * 1024)
    except OSError:
        pytest.skip("this file system has no sparse files")
    code, out, err = run(capsys, "check", str(connector), "--format", "json")
    assert code == 1 and err == ""
    [diagnostic] = [d for f in json.loads(out)["files"] for d in f["diagnostics"]]
    assert diagnostic["rule"] == "file-too-large", diagnostic  # not swagger-size, for any kind of file
    message = diagnostic["message"]
    assert "68,157,440 bytes" in message and "not read" in message
    note = SIZE_NOTES[name]
    if note is None:
        assert "limit for" not in message and "swagger" not in message, message
    else:
        assert note in message and message.count("limit for") == 1, message


@pytest.mark.parametrize("kind, says", [
    (FileKind.SWAGGER, "The platform's limit for a swagger is 1 MB: split the connector."),
    (FileKind.API_PROPERTIES, None),
    (FileKind.SETTINGS, None),
])
def test_a_file_too_large_to_check_as_you_type_names_the_limit_of_its_own_kind(kind, says):
    from connector_lint.incremental import ConnectorLinter, Source
    linter = ConnectorLinter()
    big = '{"description": "' + "x" * (5 * 1024 * 1024) + '"}'
    name = {FileKind.SWAGGER: "apiDefinition.swagger.json", FileKind.API_PROPERTIES: "apiProperties.json",
            FileKind.SETTINGS: "settings.json"}[kind]
    sources = {FileKind.SWAGGER: Source("c/apiDefinition.swagger.json", text=json.dumps(swagger(title="Contoso"))),
               kind: Source(f"c/{name}", text=big)}
    [d] = linter.lint(linter.documents(sources), Config(), "c")
    assert d.path == f"c/{name}" and "5.0 MB" in d.message and "no other rule ran" in d.message
    assert d.rule == "file-too-large"
    if says is None:
        assert "limit for" not in d.message and "swagger" not in d.message, d.message
    else:
        assert says in d.message


# 11: configurations

def test_a_configuration_nested_100000_deep_is_one_line(tmp_path):
    connector = write_connector(tmp_path / "c")
    (connector / ".connector-lint.json").write_text('{"words": ' + "[" * 100_000 + "]" * 100_000 + "}")
    result = cli("check", str(connector))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("nested too deeply to be a configuration")


@pytest.mark.parametrize("options, says", [
    ({"max": "abc"}, "title-length.options.max must be a whole number"),
    ({"max": None}, "title-length.options.max must be a whole number (0 or more), not null"),
    ({"max": -1}, "title-length.options.max must be a whole number"),
    ({"maxx": 40}, "unknown option 'maxx' (it takes max)"),
])
def test_rule_options_are_checked_when_the_configuration_loads(tmp_path, capsys, options, says):
    connector = write_connector(tmp_path / "c")
    (connector / ".connector-lint.json").write_text(json.dumps({"rules": {"title-length": {"options": options}}}))
    code, out, err = run(capsys, "check", str(connector))
    assert code == 2 and out == ""
    assert says in err and err.count("\n") == 1


def test_option_types_follow_the_declared_defaults():
    good = {"production-host": {"options": {"words": ["qa"]}}, "english-only": {"options": {"min_share": 1}},
            "title-length": {"severity": "warning", "options": {"max": 40}}}
    assert from_dict({"rules": good}, None, KNOWN).rules["title-length"]["options"] == {"max": 40}
    for rule, options in [("production-host", {"words": [1]}), ("english-only", {"min_share": True}),
                          ("json-syntax", {"anything": 1})]:
        with pytest.raises(ConfigError, match=rf"rules\.{rule}\.options"):
            from_dict({"rules": {rule: {"options": options}}}, None, KNOWN)


# 12: deep values and bad patterns

def _deep_swagger() -> dict:
    sw = swagger(title="Contoso Tasks and Projects Manager")  # a title too long: a finding that must stay
    schema: dict = {"type": "string"}
    for _ in range(300):
        schema = {"type": "object", "properties": {"p": schema}}
    items: dict = {"type": "string"}
    for _ in range(10_000):
        items = {"type": "array", "items": items}
    sw["definitions"] = {"Deep": schema, "Long": items, "Bad": {"type": "string", "pattern": "a{4294967296}"},
                         "Nested": {"type": "string", "pattern": "(" * 1000 + "a" + ")" * 1000}}
    return sw


def test_deep_schemas_are_reported_once_and_the_rest_checked(tmp_path, capsys):
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(50_000)  # to write the file
    try:
        text = json.dumps(_deep_swagger())
    finally:
        sys.setrecursionlimit(limit)
    connector = write_connector(tmp_path / "c", text)
    code, out, err = run(capsys, "check", str(connector), "--format", "json")
    rules = [d["rule"] for f in json.loads(out)["files"] for d in f["diagnostics"]]
    assert "internal-error" not in rules, [d["message"] for f in json.loads(out)["files"] for d in f["diagnostics"]
                                           if d["rule"] == "internal-error"]
    assert rules.count("nesting-depth") == 1
    assert "title-length" in rules
    assert rules.count("inconsistent-schema") >= 2  # both bad patterns, as findings


@pytest.mark.parametrize("depth", [MAX_DEPTH, MAX_DEPTH + 1, 900, 5000])
def test_values_deeper_than_the_limit_are_cut_off(depth):
    for opener, closer in (("[", "]"), ('{"a":', "}")):
        parsed = parse(opener * depth + "1" + closer * depth)
        problems = [p.rule for p in parsed.problems]
        assert problems == (["nesting-depth"] if depth > MAX_DEPTH else [])
        level, node = 0, parsed.value
        while isinstance(node, (list, dict)) and node:
            node = node[0] if isinstance(node, list) else node["a"]
            level += 1
        assert level == min(depth, MAX_DEPTH)


# 13: what cannot be read is named, and the run exits 2

@pytest.mark.parametrize("kind", ["directory", "fifo", "device", "unreadable", "missing"])
def test_a_swagger_that_cannot_be_read_is_named_with_the_reason(tmp_path, capsys, monkeypatch, kind):
    connector = write_connector(tmp_path / "c")
    swagger_path = connector / "apiDefinition.swagger.json"
    swagger_path.unlink()
    reason = {"directory": "a directory", "fifo": "a FIFO", "device": "a device",
              "unreadable": "permission denied", "missing": "no swagger"}[kind]
    if kind == "directory":
        swagger_path.mkdir()
    elif kind == "fifo":
        os.mkfifo(swagger_path)
    elif kind == "device":
        try:
            os.mknod(swagger_path, 0o600 | 0o020000, os.makedev(1, 3))  # a character device, like /dev/null
        except (PermissionError, AttributeError):
            pytest.skip("making a device node needs privileges")
    elif kind == "unreadable":
        swagger_path.write_text("{}")
        real_open = os.open

        def refuse(path, *args, **kwargs):
            if str(path).endswith("apiDefinition.swagger.json"):
                raise PermissionError(13, "Permission denied")
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    code, out, err = run(capsys, "check", str(connector), "--format", "json")
    assert code == 2
    assert reason in err and "Traceback" not in err
    assert reason in json.loads(out)["skipped"][0]["reason"]


def test_a_fifo_named_on_the_command_line_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "apiDefinition.swagger.json"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "connector_lint", "check", str(fifo)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2 and "not a regular file but a FIFO" in result.stderr



@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 200_000])
@pytest.mark.parametrize("grown_by", [0, 1, 70_000])
def test_a_file_is_read_whole_even_when_it_grew_after_its_size_was_taken(tmp_path, monkeypatch, size, grown_by):
    """read_bytes asks for the size fstat gives; what the file has beyond it is read too."""
    data = bytes(i % 251 for i in range(size + grown_by))
    path = tmp_path / "apiDefinition.swagger.json"
    path.write_bytes(data)
    real_fstat = os.fstat

    def earlier_size(fd):  # the size as it was before the file grew by `grown_by` bytes
        info = real_fstat(fd)
        return os.stat_result((*info[:6], info.st_size - grown_by, *info[7:10]))

    monkeypatch.setattr(os, "fstat", earlier_size)
    assert workspace.read_bytes(path, tmp_path) == data

# 17: control characters in names

def test_control_characters_in_names_are_escaped_in_text_output(tmp_path, capsys):
    connector = write_connector(tmp_path / "evil\x1b[2J\x07name")
    (connector / "sub\x1bdir").mkdir()
    code, out, err = run(capsys, "check", str(tmp_path))
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert "evil\\x1b[2J\\x07name/apiDefinition.swagger.json" in out
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "github")
    assert "\x1b" not in out
