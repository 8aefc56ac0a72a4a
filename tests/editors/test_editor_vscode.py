"""The real VS Code: code-server with the packaged .vsix installed, driven by headless Chromium.

The extension finds Python on its own (no settings) and starts the server bundled in the .vsix. The
Problems panel must show what the CLI reports for the example connector; a quick fix picked from
the light bulb must change the file and take its problem away; "Fix All Problems in This File" must
leave no safely fixable problem; "Open Rule Documentation" must show the server's page; a rule
turned off in the settings must lose its problems without a reload; a Python 3.9 must give one
clear notification.
Screenshots go to test-output/editors/.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from collections import Counter

import pytest

from editor_support import CODE_SERVER, EXTENSION, SETUP_HINT, SWAGGER, cli_diagnostics, fix_target

pytestmark = pytest.mark.editor


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _vsix():
    version = json.loads((EXTENSION / "package.json").read_text())["version"]
    return EXTENSION / f"connector-lint-{version}.vsix"


PLAYWRIGHT = EXTENSION / "node_modules" / "playwright-core"


def _require_tools():
    for needed, what in ((CODE_SERVER, "code-server"), (_vsix(), "the .vsix"), (PLAYWRIGHT, "playwright-core")):
        if not needed.exists():
            pytest.skip(f"{what} is missing ({needed}); {SETUP_HINT}")
    if shutil.which("chromium") is None or shutil.which("node") is None:
        pytest.skip(f"chromium or node is missing; {SETUP_HINT}")


def _drive(output_dir, name: str, **env) -> dict:
    """Run vscode_e2e.js; its result (also in test-output/editors/<name>-result.json)."""
    env = dict(os.environ, CODE_SERVER=str(CODE_SERVER), VSIX=str(_vsix()), PLAYWRIGHT=str(PLAYWRIGHT),
               FILE=SWAGGER, OUT_DIR=str(output_dir), PORT=str(_free_port()), NAME=name, **env)
    proc = subprocess.run(["node", os.path.join(os.path.dirname(__file__), "vscode_e2e.js")], env=env,
                          timeout=300, capture_output=True, text=True)
    result_file = output_dir / f"{name}-result.json"
    result = json.loads(result_file.read_text()) if result_file.exists() else {}
    assert proc.returncode == 0, f"{result.get('error')}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return result


def test_vscode_problems_quick_fix_settings(connector, tmp_path, output_dir):
    _require_tools()
    swagger = connector / SWAGGER
    original = swagger.read_text(encoding="utf-8")
    expected = cli_diagnostics(connector)
    target = fix_target(expected)
    # A rule to turn off in the settings at the end: one that no fix touches (not fixable, and none
    # of its problems on a line that has a fixable one).
    fixed_lines = {d["line"] for d in expected if d["fixable"]}
    off = next(d for d in expected if not d["fixable"]
               and not any(e["rule"] == d["rule"] and e["line"] in fixed_lines for e in expected))
    # A rule whose problems are all still there after Fix All: its link is clicked last.
    linked = next(d for d in expected if d["validatorCode"] and not d["fixable"] and d["rule"] != off["rule"]
                  and not any(e["rule"] == d["rule"] and e["line"] in fixed_lines for e in expected)
                  and d["rule"] not in ("title-length", "summary-length"))  # a fix elsewhere may shorten the text
    old_python = tmp_path / "python3.9"  # answers the extension's version question as a Python 3.9 would
    old_python.write_text("#!/bin/sh\necho 3.9.18\n")
    old_python.chmod(0o755)

    result = _drive(
        output_dir, "vscode",
        WORKSPACE=str(connector),
        EXPECT=json.dumps([d["message"] for d in expected]),
        FIX=json.dumps({"message": target["message"], "line": target["line"], "column": target["column"],
                        "where": f"[Ln {target['line']}, Col {target['column']}]"}),
        FIX_ALL="1",
        RULE_DOCS=off["rule"],
        RULE_LINK=linked["rule"],
        RULE_OFF=json.dumps({"rule": off["rule"]}),
        OLD_PYTHON=str(old_python),
    )

    # The Problems panel lists every problem of the file, each from connector-lint with its rule id.
    for d in expected:
        rows = [r for r in result["problems"] if d["message"] in r]
        assert rows, f"no Problems row for {d['rule']}: {d['message']}"
        assert any("connector-lint" in r and d["rule"] in r for r in rows), rows
    assert "connector-lint" in result["status"]["text"]
    # Microsoft's validator code is shown after the message, as the CLI prints it (issue 16, defect 4).
    for d in expected:
        if d["validatorCode"]:
            assert any(f"{d['message']} [{d['validatorCode']}]" in r for r in result["problems"]), d

    # The quick fix took its problem away, and only it (the fixed line's other messages may change).
    def rows_of(rows, message):
        return sum(message in r for r in rows)

    assert rows_of(result["afterFix"], target["message"]) == rows_of(result["problems"], target["message"]) - 1
    elsewhere = Counter(d["message"] for d in expected if d["line"] != target["line"])
    assert not elsewhere - Counter(m for r in result["afterFix"] for m in elsewhere if m in r)
    assert (output_dir / "vscode-problems.png").exists() and (output_dir / "vscode-after-fix.png").exists()

    # Fix all, then save: the file on disk is valid JSON, changed, and has no safely fixable problem left.
    saved = swagger.read_text(encoding="utf-8")
    assert saved != original
    json.loads(saved)
    after = cli_diagnostics(connector)
    assert not [d for d in after if d["fixable"]]
    assert not any(d["rule"] == target["rule"] and d["message"] == target["message"] and d["line"] == target["line"]
                   for d in after)

    # The rule's page, from the server, in a Markdown preview.
    assert result["ruleDocsHeading"] == off["rule"]

    # A problem's rule link opened the rendered page in a second group; the connector stayed open and
    # its problems stayed listed (the link used to open the raw Markdown in place of the swagger).
    link = result["ruleLink"]
    assert linked["rule"] in link["headings"]
    assert link["groups"] >= 2
    assert any("apiDefinition.swagger.json" in t for t in link["activeTabs"]), link["activeTabs"]
    assert any(linked["message"] in r for r in link["problems"])

    # Turning a rule off in the settings took its problems away without a reload; the rest stayed.
    def rules(rows):  # a problem row reads: message, source, rule id, position
        return Counter(r.split("\n")[2] for r in rows if r.count("\n") >= 3 and r.split("\n")[1] == "connector-lint")

    assert rules(result["afterFixAll"])[off["rule"]] > 0
    assert rules(result["afterRuleOff"]) == rules(result["afterFixAll"]) - Counter({off["rule"]: 10**6})

    # A Python older than 3.10: one notification that says what to do, and the status bar in error.
    assert "3.10 or newer" in result["notification"] and "connectorLint.interpreter" in result["notification"]
    assert result["errorStatus"].startswith("error")


def test_vscode_completion_and_rename(connector, output_dir):
    """Typing a key in an operation opens the server's completion list; accepting it leaves valid
    JSON; F2 on a `$ref` renames the definition and every reference to it in one edit. Then a
    mistake typed into the open `.connector-lint.json` shows in the Problems panel before any save,
    and deleting it clears the problem (issue 17: configuration errors as you type)."""
    _require_tools()
    config_text = '{"rules": {"summary-length": "warning"}}\n'
    (connector / ".connector-lint.json").write_text(config_text, encoding="utf-8")
    config_at = [1, config_text.index('summary-length"') + len("summary-length") + 1]  # before the closing quote
    swagger = connector / SWAGGER
    lines = swagger.read_text(encoding="utf-8").splitlines()
    operation_line = next(i for i, line in enumerate(lines, 1) if '"operationId": "ListTasks"' in line)
    ref_line = next(i for i, line in enumerate(lines, 1) if '"#/definitions/Task"' in line)
    ref_column = lines[ref_line - 1].index("/Task") + 3  # inside the name
    ref_line += ref_line > operation_line  # the completion adds a line above it
    expected = cli_diagnostics(connector)

    result = _drive(output_dir, "vscode-authoring", WORKSPACE=str(connector),
                    EXPECT=json.dumps([d["message"] for d in expected]),
                    AUTHORING=json.dumps({"typeAt": [operation_line, 1], "typed": '"x-ms-vis', "expectItem": "x-ms-visibility",
                                          "rename": [ref_line, ref_column], "newName": "TaskItem"}),
                    CONFIG=json.dumps({"file": ".connector-lint.json", "at": config_at, "typed": "x",
                                       "says": "unknown rule 'summary-lengthx'"}))
    assert result["steps"][-3:] == ["completion", "rename", "config"], result
    assert any("x-ms-visibility" in item for item in result["completion"]), result["completion"]
    assert result["renamePlaceholder"] == "Task"
    saved = json.loads(swagger.read_text(encoding="utf-8"))
    assert saved["paths"]["/tasks"]["get"]["x-ms-visibility"] in ("important", "advanced", "internal")
    assert "TaskItem" in saved["definitions"] and "Task" not in saved["definitions"]
    text = swagger.read_text(encoding="utf-8")
    assert '"#/definitions/Task"' not in text and text.count('"#/definitions/TaskItem"') == 3
    assert not [d for d in cli_diagnostics(connector) if d["rule"] == "broken-reference"]
    # The configuration's problem came from the server while the file was unsaved, and went.
    assert result["configDirty"] == 1
    assert [r for r in result["configBroken"] if "unknown rule 'summary-lengthx'" in r and "connector-lint" in r]
    assert not [r for r in result["configFixed"] if "summary-lengthx" in r]
    assert (connector / ".connector-lint.json").read_text(encoding="utf-8") == config_text  # never saved


def test_vscode_untrusted_workspace_ignores_its_executables(connector, tmp_path, output_dir):
    """In restricted mode, a folder's own connectorLint.server.path / interpreter never run; the
    extension falls back to the bundled server and still lints."""
    _require_tools()
    marker = tmp_path / "workspace-program-ran"
    program = tmp_path / "program-from-the-workspace"
    program.write_text(f"#!/bin/sh\ntouch {marker}\nexit 1\n")
    program.chmod(0o755)
    (connector / ".vscode").mkdir()
    (connector / ".vscode" / "settings.json").write_text(json.dumps(
        {"connectorLint.server.path": str(program), "connectorLint.interpreter": str(program)}))
    expected = cli_diagnostics(connector)

    result = _drive(output_dir, "vscode-untrusted", WORKSPACE=str(connector), UNTRUSTED="1",
                    EXPECT=json.dumps([d["message"] for d in expected]))
    assert not marker.exists()
    assert "server.py" in result["status"]["label"]  # the bundled server runs
    for d in expected:
        assert any(d["message"] in r and d["rule"] in r for r in result["problems"]), d


def test_vscode_first_diagnostics_startup_figures(connector, tmp_path, output_dir, capsys):
    """Open → first diagnostic in a fresh profile (cold) and with the server running (warm), as
    the user sees them. Reported (test-output/editors/vscode-startup.json and the test's output), not
    asserted against a limit: bench/vscode_startup.py takes several runs; the targets are 2.0 s
    and 1.0 s."""
    _require_tools()
    # A user opens their connector's folder (cold); another connector below it opens next (warm).
    workspace = tmp_path / "workspace"
    shutil.copytree(connector, workspace)
    shutil.copytree(connector, workspace / "zz-second")
    result = _drive(output_dir, "vscode-startup", WORKSPACE=str(workspace), EXPECT="[]",
                    STARTUP=json.dumps([SWAGGER, f"zz-second/{SWAGGER}"]))
    figures = result["startup"]
    assert figures["cold"] > 0 and figures["warm"] > 0
    (output_dir / "vscode-startup.json").write_text(json.dumps(figures, indent=2))
    with capsys.disabled():
        print(f"\nVS Code open → first diagnostic: cold {figures['cold']:.2f} s, warm {figures['warm']:.2f} s")


def test_vscode_shows_a_breaking_change_against_a_git_base(connector, output_dir):
    """With `connectorLint.base` set to HEAD, an operationId renamed since the last commit shows as the
    validator's deleted-operation problem, with its ValuePath; the light bulb's unsafe fix keeps the old id."""
    _require_tools()
    if shutil.which("git") is None:
        pytest.skip("git is not installed")

    def git(*args):
        subprocess.run(["git", "-C", str(connector), "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
                       check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "released")
    swagger = connector / SWAGGER
    swagger.write_text(swagger.read_text(encoding="utf-8").replace('"operationId": "ListTasks"',
                                                                   '"operationId": "GetTasks"'), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "connector_lint", "check", "--format", "json", "--fail-on", "never",
                           "--base", "HEAD", str(connector)], capture_output=True, text=True, check=True)
    [finding] = [d for f in json.loads(proc.stdout)["files"] for d in f["diagnostics"] if d["rule"] == "operation-deleted"]
    assert finding["valuePath"] == "operation/ListTasks"

    result = _drive(
        output_dir, "vscode-breaking",
        WORKSPACE=str(connector),
        SETTINGS=json.dumps({"connectorLint.base": "HEAD"}),
        EXPECT=json.dumps(["The operation has been deleted. This change breaks existing flows.",
                           "ValuePath: operation/ListTasks"]),
        FIX=json.dumps({"message": "ValuePath: operation/ListTasks", "line": finding["line"],
                        "column": finding["column"], "where": f"[Ln {finding['line']}, Col {finding['column']}]"}),
    )

    rows = [r for r in result["problems"] if "ValuePath: operation/ListTasks" in r]
    assert len(rows) == 1 and "operation-deleted" in rows[0] and "renamed from 'ListTasks' to 'GetTasks'" in rows[0]
    assert result["applied"].startswith("Keep the operationId 'ListTasks'")
    assert not [r for r in result["afterFix"] if "ValuePath: operation/ListTasks" in r]
    saved = swagger.read_text(encoding="utf-8")
    json.loads(saved)
    assert '"operationId": "ListTasks"' in saved and '"operationId": "GetTasks"' not in saved
