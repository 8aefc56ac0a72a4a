"""A real LSP client without VS Code: headless Neovim (Debian's) drives `python -m connector_lint serve`
on the example connector: diagnostics arrive and match the CLI, a quick fix applies and its problem
goes, an edit (didChange) clears the problem it repairs, and completion and go to definition answer."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from editor_support import SETUP_HINT, SWAGGER, cli_diagnostics, fix_target

pytestmark = pytest.mark.editor

SEVERITY = {"error": 1, "warning": 2, "information": 3, "hint": 4}


def test_neovim_diagnostics_quickfix_and_edit(connector, tmp_path, output_dir):
    if shutil.which("nvim") is None:
        pytest.skip(f"Neovim is not installed; {SETUP_HINT}")
    swagger = connector / SWAGGER
    expected = cli_diagnostics(connector)
    target = fix_target(expected)
    title = json.loads(swagger.read_text(encoding="utf-8"))["info"]["title"]
    title_line = next(i for i, line in enumerate(swagger.read_text(encoding="utf-8").splitlines(), 1)
                      if '"title"' in line and title in line)
    assert any(d["rule"] == "title-length" for d in expected), "the example should have a title over 30 characters"

    out = tmp_path / "nvim.json"
    env = dict(
        os.environ,
        SERVER_CMD=json.dumps([sys.executable, "-m", "connector_lint", "serve"]),
        OUT=str(out),
        EXPECT_COUNT=str(len(expected)),
        FIX_RULE=target["rule"], FIX_LINE=str(target["line"]), FIX_COL=str(target["column"]),
        EDIT_LINE=str(title_line), EDIT_TEXT='    "title": "Contoso Tasks",', EDIT_RULE="title-length",
        COMPLETE_AT='"in": "', DEFINITION_AT='"#/definitions/Ta',
        XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    proc = subprocess.run(["nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n", str(swagger),
                           "-c", f"luafile {os.path.join(os.path.dirname(__file__), 'nvim_lsp.lua')}"],
                          env=env, cwd=connector, timeout=120, capture_output=True, text=True)
    result = json.loads(out.read_text()) if out.exists() else {}
    (output_dir / "neovim-result.json").write_text(json.dumps(result, indent=2))
    assert proc.returncode == 0, f"nvim exited {proc.returncode}: {result.get('error')}\n{proc.stderr[-2000:]}"

    # 1. the same problems as the CLI, at the same places (Neovim counts from 0)
    seen = sorted((d["code"], d["lnum"] + 1, d["col"] + 1, d["severity"], d["message"]) for d in result["diagnostics"])
    want = sorted((d["rule"], d["line"], d["column"], SEVERITY[d["severity"]], d["message"]) for d in expected)
    assert seen == want

    # 2. the quick fix changed the buffer, left valid JSON, and took only its own problem away
    fixed_text = result["buffer"]
    assert fixed_text != swagger.read_text(encoding="utf-8").rstrip("\n")
    json.loads(fixed_text)
    def count(diagnostics):
        return sum(d["code"] == target["rule"] and d["message"] == target["message"] for d in diagnostics)

    assert count(result["after_fix"]) == count(result["diagnostics"]) - 1
    after_fix = {(d["code"], d["lnum"] + 1, d["col"] + 1) for d in result["after_fix"]}
    assert ("title-length", title_line) in {(code, line) for code, line, _ in after_fix}

    # 3. the edit repaired the title: its problem went, the problems of the other lines stayed
    after_edit = {(d["code"], d["lnum"] + 1, d["col"] + 1) for d in result["after_edit"]}
    assert not any(code == "title-length" for code, _, _ in after_edit)
    assert {d for d in after_fix if d[1] != title_line} <= after_edit

    # 4. authoring help: the values of "in", and a $ref's definition
    assert {"query", "path", "header", "body"} <= set(result["completion"])
    [definition] = result["definition"]
    lines = result["buffer"].split("\n")
    line = lines[definition["range"]["start"]["line"]]
    assert line[definition["range"]["start"]["character"]:definition["range"]["end"]["character"]] == "Task"
