"""Quick fixes through the language server: every fixable rule's fix, fix all, configuration
actions (disable a rule here, the spelling actions). Each fix is applied as the editor would and
the file is checked again: valid JSON, the problem gone."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

from lsprotocol import types

from connector_lint_rules import all_rules
from connector_lint_rules._api import FileKind, FixAvailability

from lsp_support import PROPS, SWAGGER, start, write_json

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rules"))

FILES = {FileKind.SWAGGER: SWAGGER, FileKind.API_PROPERTIES: PROPS, FileKind.SETTINGS: "settings.json"}
# The parser's own rules have no rule table: one broken text each (inside a valid swagger).
PARSER_CASES = {
    "byte-order-mark": lambda text: "\ufeff" + text,
    "control-character": lambda text: text.replace('Contoso Tasks API', 'Contoso\tTasks API', 1),
    "invalid-whitespace": lambda text: text.replace('"swagger": "2.0",', '"swagger":\u2003"2.0",', 1),
    "json-syntax": lambda text: text.replace('"swagger": "2.0",', '"swagger": "2.0",,', 1),
}


def fix_cases() -> dict[str, object]:
    """For each fixable rule, the first invalid case of its rule table whose fix is checked (`output`)."""
    cases = {}
    for rule in all_rules():
        if rule.fixable is FixAvailability.NONE or rule.id in PARSER_CASES:
            continue
        try:
            module = importlib.import_module(f"test_{rule.id.replace('-', '_')}")
        except ImportError:
            continue
        for value in vars(module).values():
            for mark in getattr(value, "pytestmark", []):
                if mark.name != "parametrize":
                    continue
                for param in mark.args[1]:
                    case, valid = param.values
                    # (a case with a base connector is checked in test_breaking_lsp.py, against a git base)
                    if not valid and case.output is not None and case.swagger_size is None and rule.id not in cases \
                            and case.base_swagger is None and case.base_api_properties is None:
                        cases[rule.id] = case
    return cases


def write_case(folder: Path, rule, case) -> None:
    folder.mkdir(parents=True)
    for kind, name in FILES.items():
        value = getattr(case, {FileKind.SWAGGER: "swagger", FileKind.API_PROPERTIES: "api_properties",
                               FileKind.SETTINGS: "settings"}[kind])
        if value is not None:
            write_json(folder / name, value)
    for attr, name in (("readme", "readme.md"), ("script", "script.csx")):
        if getattr(case, attr) is not None:
            (folder / name).write_text(getattr(case, attr), encoding="utf-8")
    if case.icon is not None:
        (folder / "icon.png").write_bytes(case.icon)
    config = {"preset": case.preset.value, "words": list(case.words)}
    if case.options:
        config["rules"] = {rule.id: {"options": case.options}}
    write_json(folder / ".connector-lint.json", config)


async def fix_and_check(client, folder: Path, rule_id: str, pointer: str | None, name: str) -> str | None:
    """Open the connector's files, apply the first quick fix of the rule's diagnostic in `name`,
    and check the result. Returns what went wrong, or None."""
    uris = {n: client.open(folder / n) for n in FILES.values() if (folder / n).is_file()}
    uri = uris[name]
    report = await client.pull(uri)
    candidates = [d for d in report.items if d.code == rule_id and (pointer is None or d.data["pointer"] == pointer)]
    if not candidates:
        return f"no {rule_id} diagnostic at {pointer} in {name}: {[(d.code, d.data['pointer']) for d in report.items]}"
    fixes = []
    for target in candidates:
        actions = await client.actions(uri, target)
        fixes = [a for a in actions if a.edit is not None and a.diagnostics and a.diagnostics[0] == target
                 and not a.title.startswith(("Fix all", "Disable", "Add '", "Ignore '"))]
        if fixes:
            break
    if not fixes:
        return f"no quick fix offered for {rule_id}: {[a.title for a in actions]}"
    fix = fixes[0]
    for change in fix.edit.document_changes:
        client.apply_edits(change.text_document.uri, list(change.edits))
    for edited in {c.text_document.uri for c in fix.edit.document_changes}:
        try:
            json.loads(client.texts[edited])
        except ValueError as exc:
            return f"{rule_id}: '{fix.title}' left invalid JSON in {edited}: {exc}"
    after = await client.pull(uri)
    if any(d.code == target.code and d.data["pointer"] == target.data["pointer"] and d.message == target.message
           for d in after.items):
        return f"{rule_id}: '{fix.title}' did not remove the problem"
    return None


async def test_every_fixable_rule_quick_fix_applies_and_the_problem_goes(client, tmp_path, connector):
    await start(client, pull=True)
    problems, checked = [], []
    for rule in all_rules():
        if rule.fixable is FixAvailability.NONE or rule.id not in PARSER_CASES:
            continue
        folder = tmp_path / rule.id
        folder.mkdir()
        text = PARSER_CASES[rule.id]((connector / SWAGGER).read_text(encoding="utf-8"))
        (folder / SWAGGER).write_text(text, encoding="utf-8")
        problems.append(await fix_and_check(client, folder, rule.id, None, SWAGGER))
        checked.append(rule.id)
    cases = fix_cases()
    for rule in all_rules():
        case = cases.get(rule.id)
        if case is None:
            continue
        write_case(tmp_path / rule.id, rule, case)
        error = case.errors[0]
        kind = error.file or rule.file
        problems.append(await fix_and_check(client, tmp_path / rule.id, rule.id, error.pointer, FILES[kind]))
        checked.append(rule.id)
    fixable = [r.id for r in all_rules() if r.fixable is not FixAvailability.NONE]
    assert [p for p in problems if p] == []
    assert len(checked) >= 0.9 * len(fixable), f"fixable rules without a fix case: {sorted(set(fixable) - set(checked))}"


async def test_fix_all_source_action_and_command(client, connector):
    await start(client, debounce_ms=0)
    uri = client.open(connector / SWAGGER)
    diags = await client.diagnostics_for(uri, 1)
    fixable = [d for d in diags if d.data["fixable"]]
    assert len(fixable) >= 2
    [action] = await client.actions(uri, only=["source.fixAll"], rng=types.Range(types.Position(0, 0), types.Position(0, 0)))
    assert action.kind == "source.fixAll.connector-lint"
    if action.edit is None:
        action = await client.code_action_resolve_async(action)
    [change] = action.edit.document_changes
    client.apply_edits(uri, list(change.edits))
    json.loads(client.texts[uri])
    after = await client.diagnostics_for(uri)
    assert not any(d.data["fixable"] for d in after)
    kept = {(d.code, d.message) for d in diags if not d.data["fixable"]}
    assert kept - {(d.code, d.message) for d in after} <= {(d.code, d.message) for d in fixable} | kept

    # fix all of one rule: both of the title's restricted words go, in one edit
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    uri = client.open(connector / SWAGGER)
    diags = await client.diagnostics_for(uri, 1)
    words = [d for d in diags if d.code == "title-restricted-words"]
    assert len(words) == 2
    [rule_all] = [a for a in await client.actions(uri, words[0])
                  if a.title == "Fix all title-restricted-words problems in this file"]
    if rule_all.edit is None:
        rule_all = await client.code_action_resolve_async(rule_all)
    client.apply_edits(uri, list(rule_all.edit.document_changes[0].edits))
    assert json.loads(client.texts[uri])["info"]["title"] == "Contoso Tasks for Teams"
    assert not any(d.code == "title-restricted-words" for d in await client.diagnostics_for(uri))

    # the command the VS Code extension uses: the server asks the client to apply the edit
    props = client.open(connector / PROPS)
    before = await client.diagnostics_for(props, 1)
    assert any(d.data["fixable"] for d in before)
    answer = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="connectorLint.applyFixAll", arguments=[{"uri": props, "version": 1}]))
    assert answer["applied"] and answer["fixes"] >= 1
    [applied] = client.applied
    [change] = applied.edit.document_changes
    assert change.text_document.version == 1
    client.apply_edits(props, list(change.edits))
    json.loads(client.texts[props])
    assert not any(d.data["fixable"] for d in await client.diagnostics_for(props))


async def test_disable_rule_here_writes_an_ignore_entry(client, connector):
    await start(client, debounce_ms=0)
    uri = client.open(connector / SWAGGER)
    diags = await client.diagnostics_for(uri, 1)
    target = next(d for d in diags if d.code == "summary-restricted-characters")
    actions = await client.actions(uri, target)
    [disable] = [a for a in actions if a.title == "Disable summary-restricted-characters here"]
    [create, edit] = disable.edit.document_changes  # no configuration yet: a new file
    assert create.kind == "create" and create.uri.endswith("/.connector-lint.json")
    config = connector / ".connector-lint.json"
    config.write_text(edit.edits[0].new_text, encoding="utf-8")
    assert json.loads(config.read_text())["ignore"] == [
        {"rules": ["summary-restricted-characters"], "files": SWAGGER, "pointers": [target.data["pointer"]]}]
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
    await client.until(lambda: client.published[-1].uri == uri and not any(
        d.code == "summary-restricted-characters" for d in client.published[-1].diagnostics))

    # a second action edits the existing file in its own style, keeping what is there
    target = next(d for d in client.published[-1].diagnostics if d.code == "title-length")
    [disable] = [a for a in await client.actions(uri, target) if a.title == "Disable title-length here"]
    [edit] = disable.edit.document_changes
    text = config.read_text()
    lines = text.split("\n")
    for e in sorted(edit.edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        s, t = e.range.start, e.range.end
        head = "\n".join(lines[:s.line] + [lines[s.line][:s.character]])
        tail = "\n".join([lines[t.line][t.character:]] + lines[t.line + 1:])
        text = head + e.new_text + tail
        lines = text.split("\n")
    assert [e["rules"] for e in json.loads(text)["ignore"]] == [["summary-restricted-characters"], ["title-length"]]
    assert text.startswith('{\n  "ignore": [\n    {\n')  # the file's two-space indentation


async def test_spelling_actions(client, connector):
    await start(client, debounce_ms=0)
    uri = client.open(connector / SWAGGER)
    diags = await client.diagnostics_for(uri, 1)
    target = next(d for d in diags if d.code == "spelling" and "recieve" in d.message)
    titles = [a.title for a in await client.actions(uri, target)]
    assert "Change to 'receive'" in titles
    assert "Add 'recieve' to the connector's dictionary" in titles and "Ignore 'recieve' in this file" in titles
    action = next(a for a in await client.actions(uri, target) if a.title == "Change to 'receive'")
    [change] = action.edit.document_changes
    client.apply_edits(uri, list(change.edits))
    assert "will receive an email" in client.texts[uri]
    after = await client.diagnostics_for(uri)
    assert not any(d.code == "spelling" and "recieve" in d.message for d in after)

    # adding a word to the dictionary: the configuration's words, then the problem goes
    text = client.texts[uri]
    at = text.index("will receive")
    client.replace(uri, at, at + len("will receive"), "will recieve")
    target = next(d for d in await client.diagnostics_for(uri) if d.code == "spelling" and "recieve" in d.message)
    add = next(a for a in await client.actions(uri, target) if a.title.startswith("Add 'recieve'"))
    [create, edit] = add.edit.document_changes
    config = connector / ".connector-lint.json"
    config.write_text(edit.edits[0].new_text, encoding="utf-8")
    assert json.loads(config.read_text()) == {"words": ["recieve"]}
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
    await client.until(lambda: client.published[-1].uri == uri and not any(
        d.code == "spelling" and "recieve" in d.message for d in client.published[-1].diagnostics))


async def test_ignore_word_in_this_file_keeps_the_strings_other_misspellings(client, connector):
    swagger = connector / SWAGGER
    swagger.write_text(swagger.read_text(encoding="utf-8").replace("will recieve an email", "will recieve an emial"),
                       encoding="utf-8")
    await start(client, debounce_ms=0)
    uri = client.open(swagger)

    def flagged(diagnostics) -> list[str]:
        return sorted(d.message.split("'")[1] for d in diagnostics if d.code == "spelling")

    diags = await client.diagnostics_for(uri, 1)
    assert flagged(diags) == ["emial", "recieve"]
    target = next(d for d in diags if d.code == "spelling" and "recieve" in d.message)
    assert target.data["pointer"] == next(d for d in diags if "emial" in d.message).data["pointer"]  # one string
    [ignore] = [a for a in await client.actions(uri, target) if a.title == "Ignore 'recieve' in this file"]
    [create, edit] = ignore.edit.document_changes  # no configuration yet: a new file
    config = connector / ".connector-lint.json"
    assert create.kind == "create" and create.uri == config.as_uri()
    config.write_text(edit.edits[0].new_text, encoding="utf-8")
    assert json.loads(config.read_text()) == {"ignore": [{"files": [SWAGGER], "words": ["recieve"]}]}
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
    # the word is accepted; the other misspelling of the same string is still reported
    await client.until(lambda: client.published[-1].uri == uri and flagged(client.published[-1].diagnostics) == ["emial"])

    # with the configuration open in the editor, a second word extends the same entry in the open copy
    config_uri = client.open(config)
    target = next(d for d in client.published[-1].diagnostics if d.code == "spelling")
    [ignore] = [a for a in await client.actions(uri, target) if a.title == "Ignore 'emial' in this file"]
    [edit] = ignore.edit.document_changes
    assert edit.text_document.uri == config_uri and edit.text_document.version == 1
    client.apply_edits(config_uri, list(edit.edits))
    assert json.loads(client.texts[config_uri]) == {"ignore": [{"files": [SWAGGER], "words": ["recieve", "emial"]}]}
    assert client.texts[config_uri].startswith('{\n  "ignore": [\n    {\n')  # the file's two-space indentation
    await client.until(lambda: client.published[-1].uri == uri and not flagged(client.published[-1].diagnostics))
