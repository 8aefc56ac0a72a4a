"""A configuration file's error is a diagnostic on the file, at the offending value, open or not;
fixing the file clears it; meanwhile connectors are checked with the file's last valid version,
else with the defaults (issue 17, case 11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lsprotocol import types

from connector_lint.config import Config
from connector_lint.positions import LineIndex

from lsp_support import SWAGGER, expected, shown, start

CONFIG = ".connector-lint.json"
GOOD = {"rules": {"summary-length": {"options": {"max": 100}}}}
GOOD_CONFIG = Config(rules=GOOD["rules"])

# a bad configuration, the text its diagnostic underlines, and what the message says
BAD = {
    "wrong type": ('{"rules": {"summary-length": {"options": {"max": "abc"}}}}', '"abc"',
                   "rules.summary-length.options.max must be a whole number"),
    "null": ('{"rules": {"summary-length": {"options": {"max": null}}}}', "null", "options.max must be"),
    "unknown option": ('{\n  "rules": {\n    "summary-length": {"options": {"maxx": 100}}\n  }\n}', '"maxx"',
                       "unknown option 'maxx' (it takes max)"),
    "unknown rule": ('{"rules": {"summary-lenght": "off"}}', '"summary-lenght"', "unknown rule 'summary-lenght'"),
    "bad severity": ('{"rules": {"summary-length": "loud"}}', '"loud"', "severity must be one of"),
    "invalid JSON": ('{"rules": {"summary-length": "off",}}', "}", "not valid JSON"),
    "nesting bomb": ('{"rules": ' + "[" * 100_000, "{", "nested too deeply"),
}


def _range_of(text: str, part: str) -> types.Range:
    start = text.index(part)
    lines = LineIndex(text)
    (l1, c1), (l2, c2) = lines.position(start), lines.position(start + len(part))
    return types.Range(types.Position(l1, c1), types.Position(l2, c2))


def _last(client, uri: str):
    found = [p for p in client.published if p.uri == uri]
    return found[-1] if found else None


def _changed_on_disk(client, path: Path) -> None:
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=path.as_uri(), type=types.FileChangeType.Changed)]))


@pytest.mark.parametrize("kind", sorted(BAD))
async def test_a_bad_configuration_on_disk_is_shown_on_the_file_and_fixing_it_clears_it(client, connector, kind):
    text, underlined, says = BAD[kind]
    config = connector / CONFIG
    config.write_text(text, encoding="utf-8")
    await start(client, debounce_ms=0)
    swagger = client.open(connector / SWAGGER)

    published = await client.until(lambda: _last(client, config.as_uri()))
    [diagnostic] = published.diagnostics
    assert published.version is None  # the file is not open
    assert diagnostic.range == _range_of(text, underlined)
    assert diagnostic.severity == types.DiagnosticSeverity.Error and diagnostic.source == "connector-lint"
    assert says in diagnostic.message and "the default configuration" in diagnostic.message
    assert str(config) not in diagnostic.message  # the diagnostic is on the file already
    # no valid version of the file was ever read: the connector is checked with the defaults
    assert shown(await client.diagnostics_for(swagger, 1)) == expected(connector)

    # fixed on disk: the diagnostic goes, the configuration applies
    config.write_text(json.dumps(GOOD), encoding="utf-8")
    _changed_on_disk(client, config)
    await client.until(lambda: not _last(client, config.as_uri()).diagnostics)
    want = expected(connector, config=GOOD_CONFIG)
    assert want != expected(connector)
    await client.until(lambda: shown(client.diagnostics.get(swagger, [])) == want)


async def test_editing_an_open_configuration_shows_each_error_where_it_is(client, connector):
    config = connector / CONFIG
    config.write_text(json.dumps(GOOD), encoding="utf-8")
    await start(client, debounce_ms=0)
    swagger = client.open(connector / SWAGGER)
    want = expected(connector, config=GOOD_CONFIG)
    assert shown(await client.diagnostics_for(swagger, 1)) == want
    uri = client.open(config)

    for kind, (text, underlined, says) in BAD.items():
        version = client.replace(uri, 0, len(client.texts[uri]), text)
        published = await client.until(lambda: (p := _last(client, uri)) and p.version == version and p)
        [diagnostic] = published.diagnostics
        assert diagnostic.range == _range_of(text, underlined), kind
        assert says in diagnostic.message and "the last valid version of this file" in diagnostic.message, kind

    # the connector is still checked with the last valid configuration (an edit makes it lint again)
    text = client.texts[swagger]
    at = text.index('"Contoso Tasks API Connector')
    version = client.replace(swagger, at, text.index('"', at + 1) + 1, '"Contoso Tasks"')
    assert shown(await client.diagnostics_for(swagger, version)) == expected(
        connector, {SWAGGER: client.texts[swagger]}, config=GOOD_CONFIG)

    # fixed in the editor: cleared at once, before any save
    fixed = client.replace(uri, 0, len(client.texts[uri]), '{"rules": {"summary-length": "off"}}')
    published = await client.until(lambda: (p := _last(client, uri)) and p.version == fixed and p)
    assert not published.diagnostics
    await client.until(lambda: not any(d.code == "summary-length" for d in client.diagnostics.get(swagger, [])))

    # closed with its last edit unsaved: the file on disk is what counts (valid here)
    config.write_text(BAD["unknown rule"][0], encoding="utf-8")
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    published = await client.until(lambda: (p := _last(client, uri)) and p.version is None and p)
    [diagnostic] = published.diagnostics
    assert diagnostic.range == _range_of(BAD["unknown rule"][0], '"summary-lenght"')


async def test_a_configuration_open_without_a_connector_is_checked_too(client, tmp_path):
    await start(client, debounce_ms=0)
    config = tmp_path / "connector-lint.json"
    text = '{"preset": "certified", "words": ["Contoso", 42]}'
    uri = client.open(config, text)
    published = await client.until(lambda: _last(client, uri))
    [diagnostic] = published.diagnostics
    assert published.version == 1 and diagnostic.range == _range_of(text, "42")
    assert "words must be a list of strings" in diagnostic.message


async def test_a_client_that_pulls_gets_the_configuration_error_pushed(client, connector):
    """Pull diagnostics are asked for open connector files only; the configuration's error is pushed."""
    text, underlined, _ = BAD["unknown option"]
    config = connector / CONFIG
    config.write_text(text, encoding="utf-8")
    await start(client, pull=True)
    swagger = client.open(connector / SWAGGER)
    report = await client.pull(swagger)
    assert shown(report.items) == expected(connector)
    published = await client.until(lambda: _last(client, config.as_uri()))
    assert [d.range for d in published.diagnostics] == [_range_of(text, underlined)]
    assert all(p.uri == config.as_uri() for p in client.published)
