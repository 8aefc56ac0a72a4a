"""`connector-lint check PACKAGE.zip`: the structure ConnectorPackageValidator.ps1 enforces, the
connector inside, and archives that try to hurt (zip slip, zip bombs), all built in tmp_path."""

from __future__ import annotations

import json
import zipfile

import pytest
from packagebuilder import (CONNECTOR_XML, CONTENT_TYPES, SOLUTION_XML, connector_files, connector_solution,
                            customizations, flow_solution, package_zip, submission, zip_bytes)
from ruletester import swagger

from connector_lint import package
from connector_lint.cli import main
from connector_lint.config import Config
from connector_lint.package import check_package


def findings(tmp_path, data: bytes, name: str = "PACKAGE.zip"):
    path = tmp_path / name
    path.write_bytes(data)
    diagnostics, docs = check_package(path, Config())
    return [(d.rule, d.policy_code, d.path.split(name, 1)[-1], d.message, d.severity.value) for d in diagnostics], docs


def structure(found):
    return [(code, where) for rule, code, where, _, _ in found if rule == "package-structure"]


def test_a_valid_package_has_no_findings_and_its_connector_is_linted(tmp_path):
    found, docs = findings(tmp_path, submission())
    assert [f for f in found if f[4] in ("error", "warning")] == []
    assert {kind.value for kind in docs} == {"swagger", "icon"}
    [swagger_doc] = [d for k, d in docs.items() if k.value == "swagger"]
    assert swagger_doc.path.endswith(
        "PACKAGE.zip!/ContosoTasks.zip!/PkgAssets/ConnectorSolution.zip!/Connector/contoso_5Ftasks_openapidefinition.json")


def test_the_connector_inside_is_reported_at_paths_inside_the_archive(capsys, tmp_path):
    bad = connector_solution(swagger(title="Contoso Tasks and Projects Manager"))
    path = tmp_path / "PACKAGE.zip"
    path.write_bytes(submission(package_zip({"ConnectorSolution.zip": bad, "FlowSolution.zip": flow_solution()})))
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    [line] = [l for l in out.splitlines() if "title-length" in l]
    assert "PACKAGE.zip!/ContosoTasks.zip!/PkgAssets/ConnectorSolution.zip!/Connector/" \
           "contoso_5Ftasks_openapidefinition.json:4:45: error title-length" in line
    assert "[policy 5000.2.2.1]" in line


def test_json_output_names_package_findings_with_their_policy(capsys, tmp_path):
    path = tmp_path / "PACKAGE.zip"
    path.write_bytes(submission(intro=None))
    assert main(["check", str(path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    [d] = [d for f in data["files"] for d in f["diagnostics"] if d["rule"] == "package-structure"]
    assert d["policyCode"] == "5000.1.1.2" and d["line"] == 1


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("no intro.md", submission(intro=None), [("5000.1.1.2", "")]),
    ("the folder around the files was zipped", submission(prefix="Contoso/"),
     [("5000.1.1.11", ""), ("5000.1.1.2", ""), ("5000.1.1.11", "")]),
    ("no PkgAssets folder", submission(zip_bytes({"Contoso.dll": b"MZ"})), [("5000.1.1.12", "!/ContosoTasks.zip")]),
    ("no solution zips", submission(zip_bytes({"PkgAssets/readme.txt": "x"})),
     [("5000.1.1.13", "!/ContosoTasks.zip!/PkgAssets")]),
    ("only the connector solution", submission(package_zip({"ConnectorSolution.zip": connector_solution()})),
     [("5000.1.1.6", "!/ContosoTasks.zip!/PkgAssets"), ("5000.1.1.7", "!/ContosoTasks.zip!/PkgAssets")]),
    ("a solution without solution.xml", submission(package_zip({
        "ConnectorSolution.zip": zip_bytes({"[Content_Types].xml": CONTENT_TYPES,
                                            "customizations.xml": customizations(CONNECTOR_XML), **connector_files()}),
        "FlowSolution.zip": flow_solution()})),
     [("5000.1.1.16", "!/ContosoTasks.zip!/PkgAssets/ConnectorSolution.zip"),
      ("5000.1.1.8", "!/ContosoTasks.zip!/PkgAssets")]),
    ("a flow solution without its Workflows folder", submission(package_zip({
        "ConnectorSolution.zip": connector_solution(),
        "FlowSolution.zip": zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "solution.xml": SOLUTION_XML,
                                       "customizations.xml": customizations(
                                           '<Workflows><Workflow Name="x"><JsonFileName>/Workflows/x.json'
                                           '</JsonFileName></Workflow></Workflows>', CONNECTOR_XML),
                                       **connector_files()})})),
     [("5000.1.1.14", "!/ContosoTasks.zip!/PkgAssets/FlowSolution.zip"),
      ("5000.1.1.15", "!/ContosoTasks.zip!/PkgAssets/FlowSolution.zip")]),
    ("an unlisted workflow file", submission(package_zip({
        "ConnectorSolution.zip": connector_solution(),
        "FlowSolution.zip": flow_solution(**{"Workflows/Stray-1.json": "{}"})})),
     [("5000.1.1.15", "!/ContosoTasks.zip!/PkgAssets/FlowSolution.zip!/Workflows/Stray-1.json")]),
    ("customizations.xml with a DOCTYPE (entity expansion)", submission(package_zip({
        "ConnectorSolution.zip": connector_solution(**{"customizations.xml": '<?xml version="1.0"?><!DOCTYPE x '
                                                       '[<!ENTITY a "aaaa">]><x>&a;</x>'}),
        "FlowSolution.zip": flow_solution()})),
     [("5000.1.1.16", "!/ContosoTasks.zip!/PkgAssets/ConnectorSolution.zip!/customizations.xml"),
      ("5000.1.1.8", "!/ContosoTasks.zip!/PkgAssets")]),
    ("no API definition in the connector folder", submission(package_zip({
        "ConnectorSolution.zip": zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "solution.xml": SOLUTION_XML,
                                            "customizations.xml": customizations(CONNECTOR_XML),
                                            "Connector/readme.txt": "x"}),
        "FlowSolution.zip": flow_solution()})),
     [("5000.1.1.3", "!/ContosoTasks.zip!/PkgAssets/ConnectorSolution.zip"),
      ("5000.1.1.1", "!/ContosoTasks.zip!/PkgAssets/ConnectorSolution.zip")]),
])
def test_structure_problems_carry_their_policy_code(tmp_path, name, data, expected):
    found, _ = findings(tmp_path, data)
    assert structure(found) == expected, found


def test_a_malformed_archive_is_a_finding_not_a_crash(tmp_path, capsys):
    found, _ = findings(tmp_path, b"PK\x03\x04 this is not really a zip")
    assert [(code, "not a readable zip" in msg) for _, code, _, msg, _ in found] == [("5000.1.1.16", True)]
    truncated = submission()[:200]
    found, _ = findings(tmp_path, truncated, "TRUNCATED.zip")
    assert found and all(rule == "package-structure" for rule, *_ in found)
    path = tmp_path / "PACKAGE.zip"
    assert main(["check", str(path)]) == 1
    assert "not a readable zip archive" in capsys.readouterr().out


def test_nested_archives_that_are_broken_are_reported_where_they_are(tmp_path):
    data = submission(package_zip({"ConnectorSolution.zip": b"not a zip", "FlowSolution.zip": flow_solution()}))
    found, _ = findings(tmp_path, data)
    assert ("5000.1.1.16", "!/ContosoTasks.zip!/PkgAssets/ConnectorSolution.zip") in structure(found)


def test_zip_slip_entries_are_reported_and_never_written(tmp_path):
    evil = zip_bytes({"../../evil.txt": "x", "/abs/evil.txt": "x", "C:\\evil.txt": "x", "intro.md": "# x",
                      "ContosoTasks.zip": package_zip()})
    workdir = tmp_path / "work"
    workdir.mkdir()
    found, _ = findings(workdir, evil)
    slips = [where for rule, _, where, msg, _ in found if "zip slip" in msg]
    assert slips == ["!/../../evil.txt", "!//abs/evil.txt", "!/C:/evil.txt"]
    assert not (tmp_path / "evil.txt").exists() and not list(tmp_path.rglob("evil.txt"))
    assert sorted(p.name for p in workdir.iterdir()) == ["PACKAGE.zip"]


def test_a_zip_bomb_entry_stops_the_check_with_a_finding(tmp_path):
    bomb = zip_bytes({"intro.md": "# x", "ContosoTasks.zip": b"\0" * (20 * 1024 * 1024)})
    found, _ = findings(tmp_path, bomb)
    [(rule, code, where, message, severity)] = found
    assert "zip bomb" in message and "was not read to the end" in message and severity == "error"


def test_entry_count_and_total_size_are_limited(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "MAX_ENTRIES", 5)
    many = zip_bytes({f"f{i}.txt": "x" for i in range(6)})
    found, _ = findings(tmp_path, many)
    assert [m for *_, m, _ in found if "entries" in m] == ["The archive has 6 entries; more than 5 are not read."]
    monkeypatch.setattr(package, "MAX_ENTRIES", 10_000)
    monkeypatch.setattr(package.Budget, "__init__", lambda self: setattr(self, "left", 3_000))
    found, _ = findings(tmp_path, submission(), "BIG.zip")
    assert any("uncompressed" in m for *_, m, _ in found), found


def test_a_folder_laid_out_like_the_package(tmp_path, capsys):
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / "intro.md").write_text("# Contoso Tasks\n")
    (folder / "ContosoTasks.zip").write_bytes(package_zip({"ConnectorSolution.zip": connector_solution()}))
    assert main(["check", str(folder), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    codes = [d["policyCode"] for f in data["files"] for d in f["diagnostics"] if d["rule"] == "package-structure"]
    assert codes == ["5000.1.1.6", "5000.1.1.7"]
    assert data["summary"]["connectors"] == 1


def test_a_plugin_package_needs_three_solutions(tmp_path):
    plugin = zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "solution.xml": SOLUTION_XML,
                        "customizations.xml": customizations(CONNECTOR_XML, "<aicopilot_aiplugins><aicopilot_aiplugin>"
                                                             "<name>x</name></aicopilot_aiplugin></aicopilot_aiplugins>"),
                        **connector_files()})
    found, _ = findings(tmp_path, submission(package_zip({
        "ConnectorSolution.zip": connector_solution(), "PluginSolution.zip": plugin})))
    messages = [(code, m) for _, code, _, m, _ in found]
    assert ("5000.1.1.10", "customizations.xml declares aicopilot_aiplugin, but the solution has no aiplugins/ folder.") \
        in messages
    assert any(code == "5000.1.1.6" and "Copilot plugin" in m for code, m in messages)


def test_encrypted_entries_are_reported(tmp_path):
    data = bytearray(submission())
    # Set the "encrypted" flag bit of every local and central header: zipfile refuses to read them.
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        at = data.find(sig)
        while at >= 0:
            flag_at = at + (6 if sig == b"PK\x03\x04" else 8)
            data[flag_at] |= 1
            at = data.find(sig, at + 4)
    found, _ = findings(tmp_path, bytes(data))
    assert found and all(rule == "package-structure" for rule, *_ in found)
    assert any("cannot be read" in m for *_, m, _ in found), found
