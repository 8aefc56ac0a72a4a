"""Keeping diagnostics in step: pull diagnostics, configuration changes, cross-file updates, a
burst of edits, a 10 MB document."""

from __future__ import annotations

import json
import time

from lsprotocol import types

from connector_lint.config import Config

from lsp_support import PROPS, SWAGGER, expected, shown, start, write_json


async def test_pull_diagnostics(client, connector):
    result = await start(client, pull=True)
    assert result.capabilities.diagnostic_provider.inter_file_dependencies
    uri = client.open(connector / SWAGGER)
    report = await client.pull(uri)
    assert report.kind == "full" and shown(report.items) == expected(connector)
    again = await client.pull(uri, previous=report.result_id)
    assert again.kind == "unchanged" and again.result_id == report.result_id
    text = client.texts[uri]
    at = text.index('"Contoso Tasks API Connector')
    client.replace(uri, at, text.index('"', at + 1) + 1, '"Contoso Tasks"')
    changed = await client.pull(uri, previous=report.result_id)
    assert changed.kind == "full" and shown(changed.items) == expected(connector, {SWAGGER: client.texts[uri]})
    assert not client.published  # one model only: nothing is pushed to a client that pulls

    # another file of the connector changes: the client is told to pull again, and the swagger's
    # cross-file diagnostics follow
    props = client.open(connector / PROPS)
    await client.pull(props)
    refreshes = client.diagnostic_refresh_count
    text = client.texts[props]
    at = text.index('"securestring"')
    client.replace(props, at, at + len('"securestring"'), '"string"')
    await client.pull(props)
    await client.until(lambda: client.diagnostic_refresh_count > refreshes)
    swagger = await client.pull(uri)
    assert any(d.code == "auth-consistency" for d in swagger.items)
    assert shown(swagger.items) == expected(connector, {SWAGGER: client.texts[uri], PROPS: client.texts[props]})


async def test_configuration_changes_relint_open_documents(client, connector):
    client.set_configuration({"rules": {"title-length": "off"}, "words": ["recieve"]}, section="connectorLint")
    await start(client, settings={"rules": {"title-length": "off"}, "words": ["recieve"]}, debounce_ms=0)
    uri = client.open(connector / SWAGGER)
    first = await client.diagnostics_for(uri, 1)
    assert not any(d.code == "title-length" for d in first)
    assert not any(d.code == "spelling" and "recieve" in d.message for d in first)

    # the editor's settings change: the server asks for them again and lints again
    client.set_configuration({"rules": {"title-length": "hint"}}, section="connectorLint")
    count = len(client.published)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await client.until(lambda: len(client.published) > count)
    latest = client.published[-1].diagnostics
    assert [d.severity for d in latest if d.code == "title-length"] == [types.DiagnosticSeverity.Hint]
    assert any(d.code == "spelling" and "recieve" in d.message for d in latest)

    # the configuration file changes on disk: read again, lint again
    config = connector / ".connector-lint.json"
    write_json(config, {"rules": {"summary-restricted-characters": "off"}})
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
    await client.until(lambda: not any(d.code == "summary-restricted-characters" for d in client.published[-1].diagnostics))
    want = expected(connector, config=Config(rules={"summary-restricted-characters": {"severity": "off"},
                                                    "title-length": {"severity": "hint"}}))
    assert shown(client.published[-1].diagnostics) == want

    # disabled: every diagnostic goes
    client.set_configuration({"enable": False}, section="connectorLint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await client.until(lambda: not client.published[-1].diagnostics)


async def test_cross_file_updates(client, connector):
    await start(client, debounce_ms=0)
    swagger = client.open(connector / SWAGGER)
    props = client.open(connector / PROPS)
    await client.diagnostics_for(swagger, 1)
    await client.diagnostics_for(props, 1)

    # apiProperties loses its securestring parameter: the swagger's apiKey definition is reported
    text = client.texts[props]
    at = text.index('"securestring"')
    client.replace(props, at, at + len('"securestring"'), '"string"')
    await client.until(lambda: any(d.code == "auth-consistency" for d in client.diagnostics.get(swagger, [])))
    assert client.published[-1].version == 1 or client.published[-2].version == 1  # the swagger kept its version
    assert shown(client.diagnostics[swagger]) == expected(connector, {PROPS: client.texts[props]})

    # and back
    text = client.texts[props]
    at = text.index('"string"')
    client.replace(props, at, at + len('"string"'), '"securestring"')
    await client.until(lambda: not any(d.code == "auth-consistency" for d in client.diagnostics[swagger]))

    # a file that is not open is read from disk and followed through watched-file events
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(props)))
    on_disk = json.loads((connector / PROPS).read_text())
    on_disk["properties"]["connectionParameters"]["api_key"]["type"] = "string"
    write_json(connector / PROPS, on_disk)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=(connector / PROPS).as_uri(), type=types.FileChangeType.Changed)]))
    await client.until(lambda: any(d.code == "auth-consistency" for d in client.diagnostics[swagger]))
    assert shown(client.diagnostics[swagger]) == expected(connector)


async def test_a_burst_of_edits_ends_with_the_final_version_only(client, connector):
    await start(client)  # the default debounce
    uri = client.open(connector / SWAGGER)
    await client.diagnostics_for(uri, 1)
    before = len(client.published)
    text = client.texts[uri]
    at = text.index('"Create a task') + len('"Create a task')
    for i in range(100):
        version = client.replace(uri, at + i, at + i, "x")
    final = await client.diagnostics_for(uri, version)
    burst = client.published[before:]
    assert [p.version for p in burst] == [version]
    assert shown(final) == expected(connector, {SWAGGER: client.texts[uri]})


async def test_a_10_mb_document_gets_a_size_diagnostic_and_stays_responsive(client, tmp_path):
    await start(client, debounce_ms=0)
    paths = {f"/items{i}": {"get": {"summary": "Get an item", "description": "Gets one item. " * 40,
                                    "operationId": f"GetItem{i}", "responses": {"200": {"description": "OK"}}}}
             for i in range(12500)}
    swagger = {"swagger": "2.0", "info": {"title": "Contoso", "version": "1.0"}, "paths": paths,
               "x-ms-connector-metadata": []}
    folder = tmp_path / "big"
    folder.mkdir()
    write_json(folder / SWAGGER, swagger)
    text = (folder / SWAGGER).read_text()
    assert len(text.encode()) > 10 * 1024 * 1024
    started = time.perf_counter()
    uri = client.open(folder / SWAGGER, text)
    [diagnostic] = await client.diagnostics_for(uri, 1)
    assert diagnostic.code == "file-too-large" and "MB" in diagnostic.message and "no other rule ran" in diagnostic.message
    # still answering: an edit gets its diagnostic for the new version, requests get answers
    version = client.replace(uri, 10, 10, " ")
    [again] = await client.diagnostics_for(uri, version)
    assert again.code == "file-too-large"
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri),
                                                                     types.Position(0, 0)))
    assert hover is None or hover.contents
    assert time.perf_counter() - started < 20
