"""script.csx end to end: findings land on exact lines and columns of the script, and the script
rules run cleanly over real connectors' scripts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from ruletester import api_properties, swagger

from connector_lint.cli import main
from connector_lint.engine import lint
from connector_lint.config import Config
from connector_lint.workspace import connector_for
from connector_lint_rules._api import FileKind

SCRIPT = '''using System.Data.SqlClient;

public class Script : ScriptBase
{
    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        if (this.Context.OperationId == "GetTaks")
        {
            return null;
        }
        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken);
    }
}
'''


def test_script_findings_have_exact_positions(capsys, tmp_path):
    folder = tmp_path / "contoso"
    folder.mkdir()
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(swagger(), indent=2))
    (folder / "apiProperties.json").write_text(json.dumps(api_properties(), indent=2))
    (folder / "script.csx").write_text("\ufeff" + SCRIPT, encoding="utf-8")
    assert main(["check", str(folder), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    [script_file] = [f for f in data["files"] if f["path"].endswith("script.csx")]
    found = {d["rule"]: d for d in script_file["diagnostics"]}
    lines = ("\ufeff" + SCRIPT).splitlines()  # columns count the characters as read, the byte-order mark too
    op = found["script-operation-id"]
    assert (op["line"], op["endLine"]) == (7, 7)
    assert lines[6][op["column"] - 1:op["endColumn"] - 1] == "GetTaks"
    ns = found["script-namespace"]
    assert ns["line"] == 1 and lines[0][ns["column"] - 1:ns["endColumn"] - 1] == "System.Data.SqlClient"
    assert "did you mean 'GetTask'" in op["message"]


def _real_scripts() -> list[Path]:
    """Connector folders with a script.csx: the shared corpus, or a checkout of
    microsoft/PowerPlatformConnectors named by CONNECTOR_LINT_SCRIPT_CORPUS."""
    roots = [Path(__file__).resolve().parents[3] / "shared" / "corpus"]
    if os.environ.get("CONNECTOR_LINT_SCRIPT_CORPUS"):
        roots.insert(0, Path(os.environ["CONNECTOR_LINT_SCRIPT_CORPUS"]))
    for root in roots:
        found = sorted(p.parent for p in root.glob("**/script.csx")) if root.is_dir() else []
        if found:
            return found
    return []


@pytest.mark.corpus
def test_script_rules_on_real_scripts():
    folders = _real_scripts()
    if not folders:
        pytest.skip("no script.csx in ../shared/corpus (it ships JSON, readme and icons only); set "
                    "CONNECTOR_LINT_SCRIPT_CORPUS to a microsoft/PowerPlatformConnectors checkout to run this")
    errors = {}
    for folder in folders:
        connector = connector_for(folder)
        for d in lint(connector.documents(), Config(), str(folder)):
            assert d.rule != "internal-error", d.message
            if d.rule.startswith("script-") and d.severity.value == "error":
                errors.setdefault(d.rule, set()).add(folder.name)
    # Published scripts: an error-level script rule must be near-silent (at most 2% of them).
    for rule, names in errors.items():
        assert len(names) <= max(1, len(folders) // 50), (rule, sorted(names))


def test_the_language_server_places_script_findings_as_the_cli_does(tmp_path):
    """The incremental linter (the language server's) and a lint from scratch agree on script
    findings, before and after the script is edited."""
    from connector_lint.incremental import ConnectorLinter, Source

    folder = tmp_path / "contoso"
    folder.mkdir()
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(swagger(), indent=2))
    (folder / "apiProperties.json").write_text(json.dumps(api_properties(), indent=2))
    (folder / "script.csx").write_text(SCRIPT)
    connector = connector_for(folder)
    linter = ConnectorLinter()
    seen = []
    for text in (SCRIPT, SCRIPT.replace('"GetTaks"', '"GetTask"'), "// nothing yet\n" + SCRIPT):
        overrides = {str(connector.paths[FileKind.SCRIPT]): text}
        docs = connector.documents(overrides)
        sources = {kind: Source(doc.path, text=doc.text, data=doc.data) for kind, doc in docs.items()}
        got = linter.lint(linter.documents(sources), Config(), str(folder))
        want = lint(docs, Config(), str(folder))
        mine = [(d.rule, d.start, d.end, d.message) for d in got if d.path.endswith("script.csx")]
        assert mine == [(d.rule, d.start, d.end, d.message) for d in want if d.path.endswith("script.csx")]
        for rule, start, end, _ in mine:
            if rule == "script-operation-id":
                assert text[start:end] == "GetTaks"
                seen.append(start)
    assert seen == [SCRIPT.index("GetTaks"), len("// nothing yet\n") + SCRIPT.index("GetTaks")]
