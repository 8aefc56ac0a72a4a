"""Helpers of the language-server tests: a pytest-lsp client talking to `python -m connector_lint
serve` over stdio that records every publishDiagnostics with its version, every registration and
every workspace/applyEdit; what the engine reports for the same texts."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from connector_lint.config import Config
from connector_lint.engine import lint
from connector_lint.positions import LineIndex
from connector_lint.workspace import connector_for

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "contoso-tasks"
SWAGGER = "apiDefinition.swagger.json"
PROPS = "apiProperties.json"
SERVER = [sys.executable, "-m", "connector_lint", "serve"]
TIMEOUT = 30


class Client(LanguageClient):
    """The pytest-lsp client, remembering what the server sent."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.registrations: list[types.Registration] = []
        self.applied: list[types.ApplyWorkspaceEditParams] = []
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self.arrived = asyncio.Event()

    # -- documents ------------------------------------------------------------------------

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        text = path.read_text(encoding="utf-8") if text is None else text
        self.texts[uri], self.versions[uri] = text, 1
        self.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="json", version=1, text=text)))
        return uri

    def replace(self, uri: str, start: int, end: int, new: str) -> int:
        """Send one incremental change (offsets into the client's text); returns the new version."""
        text = self.texts[uri]
        lines = LineIndex(text)
        (l1, c1), (l2, c2) = lines.position(start), lines.position(end)
        self.texts[uri] = text[:start] + new + text[end:]
        self.versions[uri] += 1
        self.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(l1, c1), types.Position(l2, c2)), text=new)]))
        return self.versions[uri]

    def apply_edits(self, uri: str, edits: list[types.TextEdit]) -> None:
        """Apply text edits to the client's copy and send them as one change."""
        text = self.texts[uri]
        lines = LineIndex(text)
        spans = sorted(((lines.offset(e.range.start.line, e.range.start.character),
                         lines.offset(e.range.end.line, e.range.end.character), e.new_text) for e in edits),
                       reverse=True)
        changes = []
        for start, end, new in spans:  # last first, so earlier ranges stay valid
            (l1, c1), (l2, c2) = LineIndex(text).position(start), LineIndex(text).position(end)
            changes.append(types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(l1, c1), types.Position(l2, c2)), text=new))
            text = text[:start] + new + text[end:]
        self.texts[uri] = text
        self.versions[uri] += 1
        self.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=changes))

    # -- waiting ----------------------------------------------------------------------------

    async def until(self, predicate, timeout: float = TIMEOUT):
        """Wait until predicate() is true, re-checking whenever the server sends something."""
        async def wait():
            while True:
                result = predicate()
                if result:
                    return result
                self.arrived.clear()
                await self.arrived.wait()

        return await asyncio.wait_for(wait(), timeout)

    async def diagnostics_for(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The diagnostics published for `uri` at `version` (default: its current version)."""
        version = self.versions.get(uri) if version is None else version

        def found():
            for p in reversed(self.published):
                if p.uri == uri:
                    return [p] if p.version == version else None
            return None

        [params] = await self.until(found)
        return list(params.diagnostics)

    async def pull(self, uri: str, previous: str | None = None):
        return await self.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=previous))

    async def actions(self, uri: str, diagnostic: types.Diagnostic | None = None, only=None,
                      rng: types.Range | None = None) -> list[types.CodeAction]:
        rng = rng or diagnostic.range
        return await self.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=rng,
            context=types.CodeActionContext(diagnostics=[diagnostic] if diagnostic else [], only=only))) or []


def _record_publish(client: Client, params: types.PublishDiagnosticsParams):
    client.published.append(params)
    client.diagnostics[params.uri] = params.diagnostics
    client.arrived.set()


def _record_registration(client: Client, params: types.RegistrationParams):
    client.registrations.extend(params.registrations)
    client.arrived.set()


def _record_apply(client: Client, params: types.ApplyWorkspaceEditParams):
    client.applied.append(params)
    client.arrived.set()
    return types.ApplyWorkspaceEditResult(applied=True)


def _refresh(client: Client, params):
    client.diagnostic_refresh_count += 1
    client.arrived.set()


def make_client() -> Client:
    client = Client(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _record_publish
    features[types.WORKSPACE_DIAGNOSTIC_REFRESH] = _refresh
    features[types.CLIENT_REGISTER_CAPABILITY] = _record_registration
    features[types.WORKSPACE_APPLY_EDIT] = _record_apply
    register_lsp_features(client, features)
    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=make_client)


def capabilities(pull: bool = False) -> types.ClientCapabilities:
    """VS Code 1.65's capabilities, optionally with pull diagnostics and diagnostic refresh."""
    caps = client_capabilities("visual-studio-code")
    caps.workspace.workspace_edit.document_changes = True
    if pull:
        caps.text_document.diagnostic = types.DiagnosticClientCapabilities(related_document_support=False)
        caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    return caps


async def start(client: Client, pull: bool = False, settings: dict | None = None, debounce_ms: int | None = None,
                folder: Path | None = None) -> types.InitializeResult:
    client.set_configuration(settings or {}, section="connectorLint")
    options: dict = {}
    if debounce_ms is not None:
        options["debounceMs"] = debounce_ms
    folders = [types.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)] if folder else None
    return await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(pull), initialization_options=options, workspace_folders=folders))


def expected(folder: Path, texts: dict[str, str] | None = None, name: str = SWAGGER, config: Config | None = None):
    """What the engine reports for one file of the connector: (rule, line, character, message) tuples."""
    c = connector_for(folder)
    overrides = {str(folder / n): t for n, t in (texts or {}).items()}
    docs = c.documents(overrides)
    path = str(folder / name)
    doc = next(d for d in docs.values() if Path(d.path).name == name)
    lines = LineIndex(doc.text)
    return sorted((d.rule, *lines.position(d.start), d.message) for d in lint(docs, config or Config(), str(folder))
                  if Path(d.path) == Path(path))


def shown(diagnostics: list[types.Diagnostic]):
    return sorted((d.code, d.range.start.line, d.range.start.character, d.message) for d in diagnostics)


def write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
