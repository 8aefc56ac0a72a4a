"""A third real LSP client: Emacs (Debian's emacs-nox with eglot) in batch mode drives
`python -m connector_lint serve` on the example connector: flymake shows what the CLI reports, and a
quick fix from `eglot-code-actions` changes the file and takes its problem away."""

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


def test_emacs_eglot_diagnostics_and_quick_fix(connector, tmp_path, output_dir):
    if shutil.which("emacs") is None:
        pytest.skip(f"Emacs is not installed; {SETUP_HINT}")
    swagger = connector / SWAGGER
    expected = cli_diagnostics(connector)
    target = fix_target(expected)
    out = tmp_path / "eglot.json"
    env = dict(os.environ, HOME=str(tmp_path / "home"), OUT=str(out),
               SERVER_CMD=json.dumps([sys.executable, "-m", "connector_lint", "serve"]),
               EXPECT_COUNT=str(len(expected)), FIX_RULE=target["rule"], FIX_LINE=str(target["line"]),
               FIX_COL=str(target["column"]))
    (tmp_path / "home").mkdir()
    proc = subprocess.run(["emacs", "--batch", "-l", os.path.join(os.path.dirname(__file__), "eglot_lsp.el"),
                           str(swagger)], env=env, cwd=connector, timeout=180, capture_output=True, text=True)
    result = json.loads(out.read_text()) if out.exists() else {}
    (output_dir / "emacs-result.json").write_text(json.dumps(result, indent=2))
    assert proc.returncode == 0, f"emacs exited {proc.returncode}: {result.get('error')}\n{proc.stderr[-3000:]}"

    # 1. flymake lists the CLI's problems, at the same places, with the server's rule ids
    seen = sorted((d["code"], d["line"], d["column"], d["severity"], d["message"]) for d in result["diagnostics"])
    want = sorted((d["rule"], d["line"], d["column"], SEVERITY[d["severity"]], d["message"]) for d in expected)
    assert seen == want
    assert all(d["code"] in d["text"] for d in result["diagnostics"])  # shown as "connector-lint [rule]: ..."

    # 2. the quick fix changed the buffer into valid JSON and took its problem away
    assert result["steps"] == ["diagnostics", "quickfix"] and result["quickfix_titles"]
    assert result["buffer"] != swagger.read_text(encoding="utf-8")
    json.loads(result["buffer"])

    def count(diagnostics):
        return sum(d["code"] == target["rule"] and d["message"] == target["message"] for d in diagnostics)

    assert count(result["after_fix"]) == count(result["diagnostics"]) - 1
