"""The language server: `connector-lint serve` (stdio, or --tcp HOST:PORT for debugging).

Thin wiring of pygls 2 to the modules that do the work: textsync (the editor's documents),
service (connectors, configuration, debounced and cancellable linting on a worker thread),
incremental and reparse (re-checking what an edit touched), lsp_diagnostics, fix_edits,
config_edits and actions (LSP diagnostics, quick fixes, configuration edits), outline (symbols,
hover), extensions_help (x-ms-* keys).

What a client can rely on:
- Documents: `*.swagger.json`, `apiProperties.json`, `settings.json` beside them, and any JSON
  that is a Swagger 2.0 document with `x-ms-` keys. A connector's files are linted together;
  files that are not open are read from disk and followed through workspace/didChangeWatchedFiles
  (registered dynamically when the client allows it).
- Diagnostics: pulled (textDocument/diagnostic, inter-file dependencies, refresh requests) when
  the client supports it, else pushed with the document's version. `code` is the rule id,
  `codeDescription.href` its page, `source` "connector-lint", `data` {id, pointer, validatorCode,
  fixable; valuePath and policyCode when the finding has one}; code actions find the diagnostic
  the client sends back by `data.id`. An invalid configuration file gets one diagnostic on that
  file (pushed, open or not) at the offending value; its connectors are checked meanwhile with
  the file's last valid version, else with the defaults.
- Settings, section "connectorLint" (workspace/configuration, else initializationOptions.settings
  and didChangeConfiguration): enable, run ("onType", debounced, or "onSave"), preset, rules
  (id -> severity), words. The configuration file (.connector-lint.json) wins where both speak.
- initializationOptions: settings, debounceMs (default 100), diagnosticMode ("push" to refuse
  pull), timing (log each lint's duration with window/logMessage).
- Code actions: quickfix (each fix, the first safe one preferred; fix all of a rule; disable a
  rule here; the fixes a rule makes on request, such as spelling's "Change to"; add a word to the
  dictionary, ignore it in the file) and
  source.fixAll.connector-lint (safe fixes only), resolved lazily when the client can.
- Commands: connectorLint.applyFixAll(uri, version) or ({uri, version}) -> {applied, fixes};
  connectorLint.ruleDocs(rule id) -> the rule's page in Markdown (or null);
  connectorLint.editConfig({path, change}) (used by code actions for clients that cannot create
  files).
- Hover: the pages of the rules of the diagnostics under the cursor; what an x-ms-* key does; what
  a `$ref`, operationId or connection parameter reference names.
  Document symbols: the top-level sections, each path with its operations, each definition.
- Authoring (authoring, completion, navigation, names): completion (keys valid at the cursor,
  values, `$ref` targets, operationIds, snippets), definition, references, document highlight and
  rename (with prepareRename) of definitions, shared parameters and responses, operationIds and
  connection parameters across the swagger, apiProperties.json and script.csx.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, default_converter
from pygls.protocol.language_server import lsp_method

from connector_lint_rules import rules_by_id
from connector_lint_rules._api import FileKind

from . import __version__
from . import authoring_lsp
from .actions import (EDIT_CONFIG, ConfigTarget, code_actions, diagnostics_in, fix_all_edit, wants,
                      valid_change, write_config)
from .config import CONFIG_NAMES, ConfigError
from .config_problems import config_diagnostic, read_config_text
from .document import Document
from .fix_edits import FIX_ALL_KIND, safe_fixes, suggested_fixes
from .incremental import too_large
from .lsp_diagnostics import ClientFeatures, FileView, signature, to_lsp
from .outline import hover_at, symbols
from .service import Result, Service, Session, Settings, kind_by_name, norm
from .warmup import first_diagnostics_note, save_attrs_code, warm_up
from .textsync import OpenDocument, uri_to_path

log = logging.getLogger(__name__)

SECTION = "connectorLint"
APPLY_FIX_ALL = "connectorLint.applyFixAll"
RULE_DOCS = "connectorLint.ruleDocs"
WATCHED = "**/{*.swagger.json,apiProperties.json,settings.json,.connector-lint.json,connector-lint.json," \
          "script.csx,readme.md,Readme.md,README.md,icon.png}"


class ConnectorLintProtocol(LanguageServerProtocol):
    """Keeps the editor's documents in textsync.OpenDocument (one splice per change) instead of
    pygls's workspace copies, which re-split the whole text into lines on every change."""

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams):
        item = params.text_document
        self._server.service.open[item.uri] = OpenDocument(item.uri, item.version, item.text, item.language_id)
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        doc = self._server.service.open.get(params.text_document.uri)
        if doc is not None:
            doc.apply(params.content_changes, params.text_document.version)
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams):
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None

    def notify_json(self, method: str, params: dict) -> None:
        """Send a notification whose params are JSON already. Publishing ~800 diagnostics through
        `notify` converts every lsprotocol object on the event loop (~50 ms on the largest
        swagger); the server converts them in its worker thread instead, once per new diagnostic."""
        self._send_data({"jsonrpc": "2.0", "method": method, "params": params})


class Json(dict):
    """A result that is JSON already (diagnostics made by `lsp_diagnostics.to_lsp`): sent as it is."""


def _converter():
    converter = default_converter()
    converter.register_unstructure_hook(Json, lambda value: value)
    return converter


class ConnectorLintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("connector-lint", __version__, protocol_cls=ConnectorLintProtocol,
                         converter_factory=_converter)
        self.features = ClientFeatures()
        self.pull = False
        self.can_configure = False
        self.can_refresh = False
        self.can_watch = False
        self.init_settings: dict | None = None
        self.timing = False  # initializationOptions.timing: log each lint's duration (bench/lsp_bench.py)
        self.service = Service(self.on_result, self.prepare, self.settings_for, self.warn,
                               config_checked=self.config_checked)
        self.config_shown: dict[str, tuple[int | None, list]] = {}  # configuration file uri -> (version, diagnostics)
        self.published: dict[str, tuple[int | None, list]] = {}
        self.reported: dict[str, tuple[str, list]] = {}
        self.pulling: dict[str, int] = {}  # uri -> pull requests in progress
        self.errors: set[str] = set()
        self.converted: dict[str, dict] = {}  # uri -> the last LSP diagnostics, by what they show

    # -- results ------------------------------------------------------------------------------

    def prepare(self, session: Session, result: Result) -> dict[str, FileView]:
        """The LSP diagnostics of each open file of a result (in the worker thread)."""
        by_path: dict[str, list] = {}
        for d in result.diagnostics:
            by_path.setdefault(d.path, []).append(d)
        docs = {doc.path: doc for doc in result.docs.values()}
        views = {}
        for path, version in result.versions.items():
            doc = docs.get(path)
            if version is None or doc is None:
                continue
            view = FileView(result.uris[path], version, doc, by_path.get(path, []), generation=result.generation)
            view.wire, self.converted[view.uri] = to_lsp(
                view, self.features, lambda p: result.uris.get(p) or Path(p).as_uri(),
                lambda p: docs[p].lines if p in docs and docs[p].text is not None else None,
                self.converted.get(view.uri))
            views[view.uri] = view
        return views

    def report_server_error(self, error: Exception, source) -> None:
        """A failing handler is logged (once per kind of failure), never shown as a pop-up per keystroke."""
        text = f"{type(error).__name__}: {error}"
        if text not in self.errors:
            self.errors.add(text)
            log.error("%s", text)
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error,
                                                           message=f"connector-lint: {text}"))

    def on_result(self, session: Session, result: Result) -> None:
        views: dict[str, FileView] = result.prepared or {}
        if views and (note := first_diagnostics_note()) is not None:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Log, message=note))
        if self.timing:
            stats = session.linter.stats
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Log, message=(
                f"lint {result.seconds * 1000:.1f} ms "
                f"{' '.join(f'{Path(p).name}@{v}' for p, v in result.versions.items() if v is not None)} "
                f"units run {stats['units_run']} reused {stats['units_reused']}")))
        if self.pull:  # the client asks; tell it to ask again when another file's diagnostics changed
            changed = any(uri in self.reported and not self.pulling.get(uri) and
                          signature(self.reported[uri][1]) != signature(view.wire) for uri, view in views.items())
            if changed and self.can_refresh:
                self.workspace_diagnostic_refresh(None)
            return
        for uri, view in views.items():
            self.publish(uri, view.version, view.wire)

    def publish(self, uri: str, version: int | None, wire: list[dict]) -> None:
        """Publish diagnostics given as JSON (`lsp_diagnostics.to_lsp`)."""
        last = self.published.get(uri)
        if last is not None and last[0] == version and signature(last[1]) == signature(wire):
            return
        self.published[uri] = (version, wire)
        params = {"uri": uri, "diagnostics": wire}
        if version is not None:
            params["version"] = version
        self.protocol.notify_json(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, params)

    def clear(self, uri: str) -> None:
        if not self.pull and self.published.get(uri, (None, []))[1]:
            self.publish(uri, self.service.open[uri].version if uri in self.service.open else None, [])

    async def view(self, uri: str) -> FileView | None:
        """The file's diagnostics for its current text (linting now if needed)."""
        doc = self.service.open.get(uri)
        session = self.service.session_for(doc) if doc is not None else None
        if session is None:
            return None
        result = await self.service.current(session)
        return (result.prepared or {}).get(uri) if result is not None else None

    # -- settings -----------------------------------------------------------------------------

    async def settings_for(self, folder: Path | None) -> Settings:
        if not self.can_configure:
            return Settings.of(self.init_settings)
        scope = folder.as_uri() if folder is not None else None
        found = await self.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(scope_uri=scope, section=SECTION)]))
        value = found[0] if found else None
        return Settings.of(value if isinstance(value, dict) else self.init_settings)

    def uri_for(self, session: Session, path: str) -> str:
        doc = self.service.by_path(path)
        if doc is not None:
            return doc.uri
        known = session.result.uris.get(path) if session.result is not None else None
        return known or Path(path).as_uri()

    def version_for(self, path: str) -> int | None:
        doc = self.service.by_path(path)
        return doc.version if doc is not None else None

    def warn(self, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=message))

    def config_target(self, session: Session) -> ConfigTarget | None:
        if session.folder is None:
            return None
        path = session.config.path or session.folder / ".connector-lint.json"
        open_copy = self.service.by_path(str(path))
        if open_copy is not None:
            return ConfigTarget(path, open_copy.uri, open_copy.version, open_copy.text)
        return ConfigTarget(path)

    def config_checked(self, path: Path, error: ConfigError | None) -> None:
        """Show a configuration file's error on the file (open or not; pushed even to a client that
        pulls, which gets nothing for the file when it asks), or clear it."""
        doc = self.service.by_path(str(path))
        uri = doc.uri if doc is not None else path.as_uri()
        wire = []
        if error is not None:
            text = doc.text if doc is not None else read_config_text(path)
            wire = [config_diagnostic(error, text, norm(path) in self.service.good_configs)]
        version = doc.version if doc is not None else None
        last_version, last = self.config_shown.get(uri, (None, []))
        if last == wire and (not wire or last_version == version):
            return
        self.config_shown[uri] = (version, wire)
        params = {"uri": uri, "diagnostics": wire}
        if version is not None:
            params["version"] = version
        self.protocol.notify_json(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, params)

    def config_changed(self, path: str | None) -> bool:
        """An open configuration file changed in the editor: reload the connectors it covers."""
        if path is None or Path(path).name not in CONFIG_NAMES:
            return False
        self.service.files_changed([path])
        return True


# ---------------------------------------------------------------------------------------------
# Handlers


def initialize(ls: ConnectorLintServer, params: types.InitializeParams) -> None:
    caps = params.capabilities
    ls.features = ClientFeatures.of(caps)
    options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
    ls.init_settings = options.get("settings") if isinstance(options.get("settings"), dict) else None
    ls.timing = options.get("timing") is True
    if isinstance(options.get("debounceMs"), (int, float)) and options["debounceMs"] >= 0:
        ls.service.debounce = options["debounceMs"] / 1000
    ws, td = caps.workspace, caps.text_document
    ls.can_configure = bool(ws and ws.configuration)
    ls.can_refresh = bool(ws and ws.diagnostics and ws.diagnostics.refresh_support)
    ls.can_watch = bool(ws and ws.did_change_watched_files and ws.did_change_watched_files.dynamic_registration)
    ls.pull = bool(td and td.diagnostic) and options.get("diagnosticMode") != "push"
    if ls.pull:
        ls.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, types.DiagnosticOptions(
            identifier="connector-lint", inter_file_dependencies=True, workspace_diagnostics=False))(pull_diagnostics)


async def initialized(ls: ConnectorLintServer, params: types.InitializedParams) -> None:
    if not ls.can_watch:
        return
    try:
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
            id="connector-lint-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=WATCHED)]))]))
    except Exception as exc:  # the client will not tell us about files on disk; files are read once
        log.warning("could not register the file watcher: %s", exc)


async def did_open(ls: ConnectorLintServer, params: types.DidOpenTextDocumentParams) -> None:
    doc = ls.service.open.get(params.text_document.uri)
    if doc is None or ls.config_changed(doc.path):
        return
    session = ls.service.session_for(doc)
    if session is None:
        return
    await ls.service.ready(session)
    if not ls.pull:
        ls.service.schedule(session, 0)


def did_change(ls: ConnectorLintServer, params: types.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    doc = ls.service.open.get(uri)
    if doc is None or ls.config_changed(doc.path):
        return
    session = ls.service.session_for(doc)
    if session is None:
        ls.clear(uri)  # no longer a swagger
        return
    if ls.pull or (session.settings is not None and session.settings.run == "onSave"):
        return
    ls.service.schedule(session)


def did_save(ls: ConnectorLintServer, params: types.DidSaveTextDocumentParams) -> None:
    doc = ls.service.open.get(params.text_document.uri)
    if doc is None:
        return
    doc.saved_version = doc.version
    if ls.config_changed(doc.path):
        return
    session = ls.service.session_for(doc)
    if session is None:
        return
    if not ls.pull:
        ls.service.schedule(session, 0)
    elif ls.can_refresh and session.settings is not None and session.settings.run == "onSave":
        ls.workspace_diagnostic_refresh(None)  # pulls now get the saved text checked


def did_close(ls: ConnectorLintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    doc = ls.service.open.get(uri)
    path = doc.path if doc is not None else None
    ls.clear(uri)
    session = ls.service.close(uri)
    ls.published.pop(uri, None)
    ls.reported.pop(uri, None)
    ls.converted.pop(uri, None)
    if ls.config_changed(path):
        return
    if session is not None and not ls.pull:
        ls.service.schedule(session, 0)


async def did_change_configuration(ls: ConnectorLintServer, params: types.DidChangeConfigurationParams) -> None:
    if not ls.can_configure and isinstance(params.settings, dict):
        section = params.settings.get(SECTION, params.settings)
        ls.init_settings = section if isinstance(section, dict) else ls.init_settings
    await ls.service.reconfigure()
    for session in list(ls.service.sessions.values()):
        if session.settings is not None and not session.settings.enable:
            for doc in ls.service.documents_of(session):
                ls.clear(doc.uri)
    if ls.pull and ls.can_refresh:
        ls.workspace_diagnostic_refresh(None)


def did_change_watched_files(ls: ConnectorLintServer, params: types.DidChangeWatchedFilesParams) -> None:
    paths = [p for p in (uri_to_path(change.uri) for change in params.changes) if p is not None]
    if paths:
        ls.service.files_changed(paths)


async def pull_diagnostics(ls: ConnectorLintServer, params: types.DocumentDiagnosticParams):
    uri = params.text_document.uri
    doc = ls.service.open.get(uri)
    session = ls.service.session_for(doc) if doc is not None else None
    if session is None:
        return types.FullDocumentDiagnosticReport(items=[], result_id="none")
    await ls.service.ready(session)
    if not session.settings.enable:
        return types.FullDocumentDiagnosticReport(items=[], result_id="disabled")
    if session.settings.run == "onSave" and doc.version != doc.saved_version and uri in ls.reported:
        result_id, wire = ls.reported[uri]  # checked at the last save; unchanged until the next
    else:
        ls.pulling[uri] = ls.pulling.get(uri, 0) + 1
        try:
            result = await ls.service.current(session)
        finally:
            ls.pulling[uri] -= 1
        view = (result.prepared or {}).get(uri) if result is not None else None
        wire = view.wire if view is not None else []
        result_id, last = ls.reported.get(uri, (None, None))
        if last is None or signature(last) != signature(wire):
            result_id = str(result.generation if result is not None else 0)
        ls.reported[uri] = (result_id, wire)
    if params.previous_result_id is not None and params.previous_result_id == result_id:
        return types.UnchangedDocumentDiagnosticReport(result_id=result_id)
    return Json(kind="full", resultId=result_id, items=wire)  # a FullDocumentDiagnosticReport


async def code_action(ls: ConnectorLintServer, params: types.CodeActionParams):
    view = await ls.view(params.text_document.uri)
    session = ls.service.session_for(ls.service.open[view.uri]) if view is not None else None
    if view is None or session is None:
        return None
    targets = diagnostics_in(view, params.context.diagnostics or [], params.range)
    loop = asyncio.get_running_loop()
    suggested = {}
    if wants(params.context.only, types.CodeActionKind.QuickFix):
        for d, _ in targets:  # fixes a rule makes on request (a suggester: up to 200 ms), off the event loop
            if not d.fixes and getattr(rules_by_id().get(d.rule), "suggest", None) is not None:
                suggested[id(d)] = await loop.run_in_executor(None, suggested_fixes, view.doc, d)
    docs = {doc.path: doc for doc in session.result.docs.values()} if session.result is not None else {}
    docs[view.doc.path] = view.doc
    return code_actions(view, targets, params.context.only, ls.features, docs, lambda p: ls.uri_for(session, p),
                        ls.version_for, ls.config_target(session), lambda d: suggested.get(id(d), []))


async def resolve_code_action(ls: ConnectorLintServer, action: types.CodeAction) -> types.CodeAction:
    data = action.data if isinstance(action.data, dict) else {}
    if action.edit is None and isinstance(data.get("fixAll"), str):
        view = await ls.view(data["fixAll"])
        if view is not None:
            action.edit = fix_all_edit(view, data.get("rule"), ls.features)
    return action


async def hover(ls: ConnectorLintServer, params: types.HoverParams):
    view = await ls.view(params.text_document.uri)
    if view is None:
        return None
    offset = view.doc.lines.offset(params.position.line, params.position.character)
    return authoring_lsp.with_reference(ls, params, hover_at(view, offset, ls.features.markdown))


def document_symbols(ls: ConnectorLintServer, params: types.DocumentSymbolParams):
    uri = params.text_document.uri
    doc = ls.service.open.get(uri)
    session = ls.service.session_for(doc) if doc is not None else None
    if session is None or too_large(doc.text):
        return []
    view = (session.result.prepared or {}).get(uri) if session.result is not None else None
    if view is not None and view.doc.text is doc.text:
        parsed = view.doc  # the lint's parse of this very text
    else:
        kind = kind_by_name(doc.path or uri) or FileKind.SWAGGER
        parsed = Document(doc.path or uri, kind, doc.text)
        parsed.__dict__["lines"] = doc.lines
    return symbols(parsed, ls.features.hierarchical_symbols, uri)


async def apply_fix_all(ls: ConnectorLintServer, *args):
    """connectorLint.applyFixAll(uri, version) or ({uri, version}): apply every safe fix of the file."""
    uri, version = _uri_version(args)
    if uri is None:
        return {"applied": False, "fixes": 0, "message": "Expected (uri, version)."}
    view = await ls.view(uri)
    if view is None:
        return {"applied": False, "fixes": 0, "message": "Not a connector file."}
    if version is not None and view.version is not None and version != view.version:
        return {"applied": False, "fixes": 0, "message": "The document changed; try again."}
    fixes = len(safe_fixes(view.diagnostics))
    edit = fix_all_edit(view, None, ls.features)
    if not fixes or not (edit.changes or edit.document_changes and edit.document_changes[0].edits):
        return {"applied": True, "fixes": 0}
    try:
        answer = await ls.workspace_apply_edit_async(
            types.ApplyWorkspaceEditParams(edit=edit, label="connector-lint: fix all"))
    except Exception as exc:  # the client cannot apply edits
        return {"applied": False, "fixes": 0, "message": str(exc)}
    return {"applied": bool(answer and answer.applied), "fixes": fixes}


def _uri_version(args) -> tuple[str | None, int | None]:
    if len(args) == 1 and isinstance(args[0], dict):
        uri, version = args[0].get("uri"), args[0].get("version")
    elif args:
        uri, version = args[0], args[1] if len(args) > 1 else None
    else:
        return None, None
    return (uri if isinstance(uri, str) else None), (version if isinstance(version, int) else None)


def rule_docs(ls: ConnectorLintServer, *args):
    """connectorLint.ruleDocs(rule id): the rule's page in Markdown, or None."""
    from .docs import page

    rule_id = args[0] if args else None
    if isinstance(rule_id, dict):
        rule_id = rule_id.get("rule") or rule_id.get("id")
    rule = rules_by_id().get(rule_id) if isinstance(rule_id, str) else None
    return page(rule) if rule is not None else None


def edit_config(ls: ConnectorLintServer, *args):
    """connectorLint.editConfig({path, change}): write a change into the configuration file. Only
    the configuration a connector open in the editor uses (or would use: one in its folder), or
    one at the root of a workspace folder; only the changes the code actions make."""
    payload = args[0] if args and isinstance(args[0], dict) else {}
    path, change = payload.get("path"), payload.get("change")
    if not isinstance(path, str) or not isinstance(change, dict) or Path(path).name not in CONFIG_NAMES:
        return False
    if norm(path) not in config_paths_allowed(ls):
        log.warning("editConfig: %s is not the configuration of an open connector or a workspace folder", path)
        return False
    if not valid_change(change):
        log.warning("editConfig: not a configuration change the code actions make: %r", change)
        return False
    written = write_config(Path(path), change)
    if written:
        ls.service.files_changed([path])
    return written


def config_paths_allowed(ls: ConnectorLintServer) -> set[str]:
    allowed = set()
    for session in list(ls.service.sessions.values()):
        target = ls.config_target(session)
        if target is not None:
            allowed.add(norm(target.path))
    for folder in list(getattr(ls.workspace, "folders", {}).values()):
        root = uri_to_path(folder.uri)
        if root is not None:
            allowed.update(norm(Path(root) / name) for name in CONFIG_NAMES)
    return allowed


def shutdown(ls: ConnectorLintServer, params) -> None:
    ls.service.shutdown()


def build_server() -> ConnectorLintServer:
    ls = ConnectorLintServer()
    ls.feature(types.INITIALIZE)(initialize)
    ls.feature(types.INITIALIZED)(initialized)
    ls.feature(types.TEXT_DOCUMENT_DID_OPEN)(did_open)
    ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    ls.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))(did_save)
    ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    ls.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)(did_change_configuration)
    ls.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(did_change_watched_files)
    ls.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=True))(code_action)
    ls.feature(types.CODE_ACTION_RESOLVE)(resolve_code_action)
    ls.feature(types.TEXT_DOCUMENT_HOVER)(hover)
    ls.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)(document_symbols)
    authoring_lsp.register(ls)
    ls.command(APPLY_FIX_ALL)(apply_fix_all)
    ls.command(RULE_DOCS)(rule_docs)
    ls.command(EDIT_CONFIG)(edit_config)
    ls.feature(types.SHUTDOWN)(shutdown)
    return ls


def serve(args) -> int:
    """Run the server until the client exits it."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="connector-lint: %(levelname)s %(message)s")
    try:  # before the first message: the first document is then linted at once
        warm_up()
    except Exception:  # the first lint will report whatever is wrong
        log.exception("warm-up failed")
    save_attrs_code()
    ls = build_server()
    tcp = getattr(args, "tcp", None)
    if tcp:
        host, _, port = tcp.rpartition(":")
        if not port.isdigit():
            print(f"connector-lint: error: --tcp expects HOST:PORT, not {tcp!r}", file=sys.stderr)
            return 2
        ls.start_tcp(host or "127.0.0.1", int(port))
    else:
        from .framing import FramedInput

        stdin = FramedInput(sys.stdin.buffer)
        ls.start_io(stdin=stdin)
        if stdin.error is not None:
            return 1
    return 0
