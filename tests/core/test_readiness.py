"""`connector-lint report`: the readiness page's content, its Markdown twin, and how it renders in a
real browser at phone and desktop width (headless Chromium; skipped when it is absent)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from packagebuilder import connector_solution, flow_solution, package_zip, submission
from ruletester import api_properties, swagger

from connector_lint import readiness
from connector_lint.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "contoso-tasks"
OUTPUT = ROOT / "test-output" / "report"


def report(capsys, *args) -> tuple[int, str]:
    code = main(["report", *map(str, args)])
    return code, capsys.readouterr().out


def good_connector(tmp_path: Path) -> Path:
    folder = tmp_path / "good"
    folder.mkdir()
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(swagger(), indent=2))
    (folder / "apiProperties.json").write_text(json.dumps(api_properties(), indent=2))
    return folder


def test_the_example_report_shows_the_verdict_blockers_by_policy_and_tables(capsys):
    code, page = report(capsys, EXAMPLE)
    assert code == 1  # not ready
    assert page.startswith("<!DOCTYPE html>") and "<h1>Contoso Tasks API Connector for Teams</h1>" in page
    assert "Not ready: 8 errors block certification" in page
    headings = re.findall(r"<h3>([^<]*)</h3>", page)
    assert headings[:4] == ["Policy 5000.2.1.1: The brand colour is a valid colour, not white or #007ee5",
                            "Policy 5000.2.2.1: The title is at most 30 characters",
                            "Policy 5000.2.2.2: The title has no reserved words (API, Connector, product names)",
                            "Policy 5000.2.3.5: The description has no restricted keywords (product names)"]
    assert headings[-1].startswith("Errors without a policy code")
    # each finding links to its rule page and to its file, and names its location
    assert re.search(r'<a href="file://[^"]*/title-length\.md">title-length</a>', page)
    assert re.search(r'<a href="file://[^"]*/apiDefinition\.swagger\.json">examples/contoso-tasks/'
                     r'apiDefinition\.swagger\.json:4:45</a>', page)
    warnings = page.split('<h2 id="warnings">Warnings reviewers ask about</h2>')[1].split("<h2")[0]
    assert "spelling" in warnings and "connector-metadata-required" in warnings and "error" not in warnings
    operations = page.split('<h2 id="operations">Operations</h2>')[1].split("</table>")[0]
    assert re.search(r"<code>ListTasks</code>.*?<td class=\"n\">3</td>", operations, re.S)
    assert "Breaking changes" not in page  # no breaking-change rule reported anything


def test_the_page_is_self_contained(capsys):
    _, page = report(capsys, EXAMPLE)
    assert "<script" not in page and "<link" not in page and "@import" not in page
    assert not re.search(r"\bsrc=", page)
    assert not re.search(r"url\(", page)
    external = set(re.findall(r'href="(https?://[^"]+)"', page))
    assert external == {"https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-policy-errors"}
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page


def test_markdown_for_a_pull_request(capsys, tmp_path):
    out = tmp_path / "readiness.md"
    code, printed = report(capsys, EXAMPLE, "--format", "markdown", "-o", out)
    assert code == 1 and printed == ""
    text = out.read_text()
    assert text.startswith("## Certification readiness: Contoso Tasks API Connector for Teams")
    assert "**Policy 5000.2.2.1: The title is at most 30 characters**" in text
    assert "| `examples/contoso-tasks/apiDefinition.swagger.json` | 7 | 4 | 4 |" in text
    assert "any of / \\\\ &lt; > \\* % & ?" in text  # Markdown and HTML characters in messages are escaped


def test_a_ready_connector(capsys, tmp_path):
    code, page = report(capsys, good_connector(tmp_path))
    assert code == 0 and "Ready for certification." in page and "What blocks certification" not in page


def test_a_package_report_names_paths_inside_the_archive(capsys, tmp_path):
    path = tmp_path / "PACKAGE.zip"
    path.write_bytes(submission(package_zip({"ConnectorSolution.zip": connector_solution(
        swagger(title="Contoso Tasks Connector")), "FlowSolution.zip": flow_solution()})))
    code, page = report(capsys, path, "--format", "markdown")
    assert code == 1
    assert "**Policy 5000.2.2.2: The title has no reserved words" in page
    assert "PACKAGE.zip!/ContosoTasks.zip!/PkgAssets/ConnectorSolution.zip!/Connector/" \
           "contoso_5Ftasks_openapidefinition.json:4:" in page


def test_breaking_changes_get_their_own_section(capsys, monkeypatch):
    monkeypatch.setattr(readiness, "_breaking", lambda rule_id: rule_id == "response-success-missing")
    _, page = report(capsys, EXAMPLE)
    section = page.split('<h2 id="breaking">Breaking changes</h2>')[1].split("<h2")[0]
    assert "response-success-missing" in section
    assert "response-success-missing" not in page.split('<h2 id="warnings">Warnings reviewers ask about</h2>')[1].split("<h2")[0]


def test_report_base_lists_breaking_changes(capsys, tmp_path):
    old = good_connector(tmp_path)
    new = tmp_path / "new"
    new.mkdir()
    sw = swagger()
    del sw["paths"]["/tasks/{taskId}"]
    sw["paths"]["/projects"] = {"get": {"operationId": "ListProjects", "summary": "List projects",
                                        "description": "Lists the projects.", "responses": {"200": {"description": "OK"}}}}
    (new / "apiDefinition.swagger.json").write_text(json.dumps(sw, indent=2))
    (new / "apiProperties.json").write_text(json.dumps(api_properties(), indent=2))
    _, page = report(capsys, new, "--base", old)
    section = page.split('<h2 id="breaking">Breaking changes</h2>')[1].split("<h2")[0]
    assert "GetTask" in section
    _, without = report(capsys, new)
    assert "Breaking changes" not in without


def test_an_unwritable_output_is_a_usage_error(capsys, tmp_path):
    code = main(["report", str(EXAMPLE), "-o", str(tmp_path / "missing" / "r.html")])
    assert code == 2 and "cannot write the report" in capsys.readouterr().err


def _chromium() -> str | None:
    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


@pytest.mark.parametrize(("name", "width"), [("phone", 390), ("desktop", 1200)])
def test_the_report_renders_in_a_browser(capsys, name, width):
    browser = _chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (tests/editors/setup.sh installs it); the report was not rendered")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page = OUTPUT / "contoso-tasks.html"
    assert main(["report", str(EXAMPLE), "-o", str(page)]) == 1
    shot = OUTPUT / f"contoso-tasks-{name}.png"
    shot.unlink(missing_ok=True)
    common = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
              f"--window-size={width},2400", "--no-first-run", "--user-data-dir=" + str(OUTPUT / "profile")]
    subprocess.run([*common, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120)
    assert shot.is_file() and shot.stat().st_size > 10_000
    # The laid-out page is no wider than the window: at phone width it reads without sideways
    # scrolling. A copy of the page, held to the width (headless windows are at least 500 pixels
    # wide), measures itself; the report has no script of its own.
    probe = OUTPUT / f"contoso-tasks-{name}-probe.html"
    probe.write_text(page.read_text().replace("</head>", f"<style>html {{ width: {width}px; }}</style></head>")
                     .replace("</body>", "<script>document.body.dataset.width = "
                              "document.querySelector('main').scrollWidth; document.body.dataset.tables = "
                              "[...document.querySelectorAll('.table')].filter(t => t.scrollWidth > t.clientWidth)"
                              ".length;</script></body>"))
    dom = subprocess.run([*common, "--virtual-time-budget=2000", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    assert "Not ready: 8 errors block certification" in dom
    scroll = int(re.search(r'data-width="(\d+)"', dom).group(1))
    assert scroll <= width, f"the page is {scroll} pixels wide in a {width}-pixel window"
    assert 'data-tables="0"' in dom, "a table scrolls sideways"
