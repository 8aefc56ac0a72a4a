"""`connector-lint` as users and CI run it: every format, every exit code, --fix, rules, rule."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from connector_lint.cli import main
from ruletester import api_properties, swagger

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "contoso-tasks"


def write_connector(folder: Path, sw: dict | str, props: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "apiDefinition.swagger.json").write_text(sw if isinstance(sw, str) else json.dumps(sw, indent=2))
    (folder / "apiProperties.json").write_text(json.dumps(props or api_properties(), indent=2))
    return folder


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    return write_connector(tmp_path / "bad", swagger(title="Contoso Tasks and Projects Manager"))


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write_connector(tmp_path / "good", swagger(title="Contoso Tasks"))


def test_json_output_follows_the_contract(capsys, bad):
    code, out, _ = run(capsys, "check", str(bad), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["version"] == 1
    assert data["summary"]["connectors"] == 1 and data["summary"]["files"] == 2
    assert set(data["summary"]) >= {"connectors", "files", "error", "warning", "information", "hint"}
    paths = [f["path"] for f in data["files"]]
    assert any(p.endswith("apiDefinition.swagger.json") for p in paths) and any(p.endswith("apiProperties.json") for p in paths)
    [d] = [d for f in data["files"] for d in f["diagnostics"] if d["rule"] == "title-length"]
    assert set(d) >= {"rule", "severity", "message", "line", "column", "endLine", "endColumn", "pointer", "validatorCode", "fixable"}
    text = (bad / "apiDefinition.swagger.json").read_text().splitlines()
    line = text[d["line"] - 1]
    assert line[d["column"] - 1:d["endColumn"] - 1] == "Contoso Tasks and Projects Manager"[30:]  # past the limit
    assert d["pointer"] == "/info/title" and d["validatorCode"] == "FieldLengthExceeded" and d["severity"] == "error"
    assert d["policyCode"] == "5000.2.2.1"
    [other] = [d for f in data["files"] for d in f["diagnostics"] if d["rule"] == "stack-owner-required"] or [{}]
    assert "policyCode" not in other  # optional: only where a policy applies


def test_text_output(capsys, bad):
    code, out, _ = run(capsys, "check", str(bad))
    assert code == 1
    assert "apiDefinition.swagger.json:4:" in out and "title-length" in out and "[FieldLengthExceeded] [policy 5000.2.2.1]" in out
    assert out.strip().splitlines()[-1].startswith("Found ")


def test_the_summary_line_uses_singular_and_plural_forms(capsys, bad):
    (bad / "apiProperties.json").unlink()
    _, out, _ = run(capsys, "check", str(bad / "apiDefinition.swagger.json"))
    assert out.strip().splitlines()[-1].endswith(" in 1 connector, 1 file.")
    (bad / "apiProperties.json").write_text(json.dumps(api_properties()))
    _, out, _ = run(capsys, "check", str(bad))
    assert out.strip().splitlines()[-1].endswith(" in 1 connector, 2 files.")


def test_github_output(capsys, bad):
    _, out, _ = run(capsys, "check", str(bad), "--format", "github")
    [line] = [l for l in out.splitlines() if "title-length" in l]
    assert line.startswith("::error file=") and ",line=4," in line and "::The title is" in line


def test_sarif_output(capsys, bad):
    _, out, _ = run(capsys, "check", str(bad), "--format", "sarif")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    assert run_["tool"]["driver"]["name"] == "connector-lint"
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    [result] = [r for r in run_["results"] if r["ruleId"] == "title-length"]
    assert ids[result["ruleIndex"]] == "title-length"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 4 and region["endColumn"] > region["startColumn"]
    assert result["properties"]["policyCode"] == "5000.2.2.1"
    assert run_["tool"]["driver"]["rules"][result["ruleIndex"]]["properties"]["policyCode"] == "5000.2.2.1"


def test_fail_on_levels(capsys, bad, good):
    assert run(capsys, "check", str(good), "--fail-on", "error")[0] == 0
    assert run(capsys, "check", str(bad), "--fail-on", "never")[0] == 0
    assert run(capsys, "check", str(bad), "--fail-on", "error")[0] == 1
    assert run(capsys, "check", str(bad), "--fail-on", "hint")[0] == 1


def test_usage_errors_exit_2_with_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "check", str(tmp_path / "nope"))
    assert code == 2 and "nope" in err and len(err.strip().splitlines()) == 1
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "check", str(tmp_path / "empty"))
    assert code == 2 and "no connector found" in err
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml"])
    assert exc.value.code == 2


def test_bad_config_is_a_usage_error(capsys, good):
    (good / ".connector-lint.json").write_text('{"rules": {"no-such-rule": "off"}}')
    code, _, err = run(capsys, "check", str(good))
    assert code == 2 and "no-such-rule" in err


def test_config_is_found_upward_and_applied(capsys, tmp_path, bad):
    (tmp_path / ".connector-lint.json").write_text('{"rules": {"title-length": "warning"}}')
    code, out, _ = run(capsys, "check", str(bad), "--format", "json")
    [d] = [d for f in json.loads(out)["files"] for d in f["diagnostics"] if d["rule"] == "title-length"]
    assert d["severity"] == "warning"


def test_explicit_config(capsys, tmp_path, bad):
    cfg = tmp_path / "other.json"
    cfg.write_text('{"rules": {"title-length": "off"}}')
    _, out, _ = run(capsys, "check", str(bad), "--format", "json", "--config", str(cfg))
    assert not [d for f in json.loads(out)["files"] for d in f["diagnostics"] if d["rule"] == "title-length"]


def test_a_tree_one_file_and_jobs(capsys, tmp_path, bad, good):
    code, out, _ = run(capsys, "check", str(tmp_path), "--format", "json", "--jobs", "2")
    data = json.loads(out)
    assert data["summary"]["connectors"] == 2 and data["summary"]["files"] == 4
    code, out, _ = run(capsys, "check", str(bad / "apiDefinition.swagger.json"), "--format", "json")
    assert [f["path"].endswith("apiDefinition.swagger.json") for f in json.loads(out)["files"]] == [True]


def test_fix_applies_safe_fixes_in_place_and_keeps_json_valid(capsys, tmp_path):
    text = json.dumps(swagger(), indent=2).replace('"swagger": "2.0",', '"swagger": "2.0",\t', 1)
    text = text.replace('"https"\n  ]', '"https",\n  ]', 1)  # a trailing comma
    assert '"https",' in text
    folder = write_connector(tmp_path / "fixme", "\ufeff" + text)
    before = run(capsys, "check", str(folder), "--format", "json")[1]
    rules_before = {d["rule"] for f in json.loads(before)["files"] for d in f["diagnostics"]}
    assert {"byte-order-mark", "json-syntax"} <= rules_before
    code, out, _ = run(capsys, "check", str(folder), "--fix", "--format", "json")
    fixed = (folder / "apiDefinition.swagger.json").read_text(encoding="utf-8")
    assert json.loads(fixed) == swagger()
    rules_after = {d["rule"] for f in json.loads(out)["files"] for d in f["diagnostics"]}
    assert not rules_after & {"byte-order-mark", "json-syntax"}
    assert json.loads(out)["summary"]["fixed"] >= 2


def test_rules_and_rule(capsys):
    code, out, _ = run(capsys, "rules", "--format", "json")
    rules = json.loads(out)
    assert code == 0 and any(r["id"] == "title-length" and r["validatorCode"] == "FieldLengthExceeded"
               and r["policyCode"] == "5000.2.2.1" for r in rules)
    _, out, _ = run(capsys, "rules")
    [line] = [l for l in out.splitlines() if l.startswith("title-length ")]
    assert line.endswith("[FieldLengthExceeded] [policy 5000.2.2.1]")
    code, out, _ = run(capsys, "rule", "title-length")
    assert code == 0 and "## What it does" in out and out.startswith("# title-length")
    assert run(capsys, "rule", "no-such-rule")[0] == 2


def test_version_and_the_installed_command():
    exe = shutil.which("connector-lint", path=str(Path(sys.executable).parent))
    assert exe, "the console script is installed beside the interpreter"
    result = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("connector-lint ")
    result = subprocess.run([exe, "check", str(EXAMPLE), "--format", "json"], capture_output=True, text=True)
    assert result.returncode == 1 and json.loads(result.stdout)["summary"]["error"] >= 1


def test_the_preset_does_not_depend_on_how_the_path_is_typed(capsys, tmp_path, monkeypatch):
    """`check .` inside custom-connectors/X once applied the certified preset; `check "$PWD"` the custom one."""
    folder = tmp_path / "custom-connectors" / "X"
    shutil.copytree(EXAMPLE, folder)

    def swagger_findings(path: str) -> list[tuple]:
        _, out, _ = run(capsys, "check", path, "--format", "json")
        return sorted((d["rule"], d["line"], d["column"]) for f in json.loads(out)["files"]
                      if f["path"].endswith("apiDefinition.swagger.json") for d in f["diagnostics"])

    monkeypatch.chdir(folder)
    here = swagger_findings(".")
    assert here == swagger_findings(str(folder)) == swagger_findings("apiDefinition.swagger.json")
    assert here == swagger_findings("../X") == swagger_findings("./../../custom-connectors/X/.")
    monkeypatch.chdir(tmp_path)
    assert here == swagger_findings("custom-connectors/X")
    certified_only = {"contact-required", "stack-owner-required", "publisher-required"}
    assert not certified_only & {rule for rule, *_ in here}  # the custom preset applies


def _with_related(tmp_path: Path) -> Path:
    """A connector with a finding whose related place is in the same file (a repeated operationId)
    and one whose related place is in the other file (an OAuth parameter, no oauth2 in the swagger)."""
    sw = swagger(title="Contoso Tasks")
    [(path, item)] = list(sw["paths"].items())[:1]
    method = next(m for m in item if m in ("get", "post"))
    sw["paths"]["/other"] = {method: {**item[method]}}
    props = api_properties(connectionParameters={"token": {"type": "oauthSetting", "oAuthSettings": {
        "identityProvider": "oauth2", "clientId": "x", "scopes": [], "redirectMode": "Global",
        "customParameters": {}}}})
    return write_connector(tmp_path / "rel", sw, props)


def _place(folder: Path, name: str, line: int, column: int, end_line: int, end_column: int) -> str:
    text = (folder / name).read_text().splitlines()
    assert line == end_line
    return text[line - 1][column - 1:end_column - 1]


def test_related_places_are_located_like_the_finding_in_every_format(capsys, tmp_path):
    folder = _with_related(tmp_path)
    # apiProperties.json alone: the related place in the swagger is located all the same
    for only in (folder, folder / "apiProperties.json"):
        _, out, _ = run(capsys, "check", str(only), "--format", "json")
        found = {d["rule"]: d for f in json.loads(out)["files"] for d in f["diagnostics"] if "related" in d}
        [auth] = found["auth-consistency"]["related"]
        assert set(auth) == {"path", "line", "column", "endLine", "endColumn", "message"}
        assert auth["path"].endswith("apiDefinition.swagger.json") and auth["message"] == "The swagger's security definitions"
        assert _place(folder, "apiDefinition.swagger.json", *[auth[k] for k in ("line", "column", "endLine", "endColumn")]) \
            == '"securityDefinitions"'
    _, out, _ = run(capsys, "check", str(folder), "--format", "json")
    [dup] = [d for f in json.loads(out)["files"] for d in f["diagnostics"] if d["rule"] == "duplicate-operation-id"]
    [first] = dup["related"]
    oid = _place(folder, "apiDefinition.swagger.json", *[first[k] for k in ("line", "column", "endLine", "endColumn")])
    assert oid.strip('"') in dup["message"] and (first["line"], first["column"]) != (dup["line"], dup["column"])

    _, sarif, _ = run(capsys, "check", str(folder), "--format", "sarif")
    [result] = [r for r in json.loads(sarif)["runs"][0]["results"] if r["ruleId"] == "duplicate-operation-id"]
    [loc] = result["relatedLocations"]
    assert loc["message"]["text"] == first["message"]
    assert loc["physicalLocation"]["region"] == {"startLine": first["line"], "startColumn": first["column"],
                                                  "endLine": first["endLine"], "endColumn": first["endColumn"]}

    _, text, _ = run(capsys, "check", str(folder))
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if " duplicate-operation-id " in line)
    assert lines[at + 1].endswith(f"apiDefinition.swagger.json:{first['line']}:{first['column']}: note: "
                                  f"{first['message']}")
    _, github, _ = run(capsys, "check", str(folder), "--format", "github")
    [line] = [line for line in github.splitlines() if "(duplicate-operation-id)" in line]
    assert line.endswith(f"%0A{first['path']}:{first['line']}:{first['column']}: {first['message']}")
