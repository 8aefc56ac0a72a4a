"""The authoring requests of the language server: completion, definition, references, document
highlight, prepareRename and rename, and the hover of references. Each answers from the
connector's current text (`authoring.Authoring.snapshot`), never waiting for a lint."""

from __future__ import annotations

import logging
import time

from lsprotocol import types
from pygls.exceptions import JsonRpcException

from .authoring import Authoring, Snapshot
from .completion import completions
from .lsp_diagnostics import lsp_range
from .navigation import Refused, definition, references, highlights, hover_text, prepare_rename, rename

log = logging.getLogger(__name__)

TRIGGERS = ['"', ":", "/", "'"]


class RequestFailed(JsonRpcException):
    """An error the client shows as it is (LSP's RequestFailed)."""

    CODE = -32803

    def __init__(self, message: str):
        super().__init__(code=self.CODE, message=message)


def register(ls) -> None:
    ls.authoring = Authoring()
    ls.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=TRIGGERS))(
        lambda params: _answer(ls, params, "completion", _completion))
    ls.feature(types.TEXT_DOCUMENT_DEFINITION)(lambda params: _answer(ls, params, "definition", _definition))
    ls.feature(types.TEXT_DOCUMENT_REFERENCES)(lambda params: _answer(ls, params, "references", _references))
    ls.feature(types.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT)(lambda params: _answer(ls, params, "highlight", _highlight))
    ls.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)(lambda params: _answer(ls, params, "prepareRename", _prepare))
    ls.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))(
        lambda params: _answer(ls, params, "rename", _rename))


def snapshot_for(ls, uri: str) -> Snapshot | None:
    doc = ls.service.open.get(uri)
    session = ls.service.session_for(doc) if doc is not None else None
    if session is None:
        return None
    for key in [k for k in ls.authoring.keys() if k not in ls.service.sessions]:
        ls.authoring.forget(key)
    return ls.authoring.snapshot(ls.service, session)


def _answer(ls, params, name: str, answer):
    started = time.perf_counter()
    uri = params.text_document.uri
    snap = snapshot_for(ls, uri)
    if snap is None:
        return None
    kind = snap.kind_of(uri)
    doc = snap.docs.get(kind) if kind is not None else None
    if doc is None:
        return None
    offset = doc.lines.offset(params.position.line, params.position.character)
    try:
        return answer(ls, snap, uri, offset, params)
    except Refused as exc:
        raise RequestFailed(str(exc)) from None
    finally:
        if ls.timing:
            ls.window_log_message(types.LogMessageParams(
                type=types.MessageType.Log, message=f"{name} {(time.perf_counter() - started) * 1000:.1f} ms"))


def _completion(ls, snap, uri, offset, params):
    return types.CompletionList(is_incomplete=False, items=completions(snap, uri, offset, ls.features.snippets))


def _definition(ls, snap, uri, offset, params):
    return definition(snap, uri, offset) or None


def _references(ls, snap, uri, offset, params):
    return references(snap, uri, offset, params.context.include_declaration)


def _highlight(ls, snap, uri, offset, params):
    return highlights(snap, uri, offset) or None


def _prepare(ls, snap, uri, offset, params):
    where, name = prepare_rename(snap, uri, offset)
    doc = snap.docs[snap.kind_of(uri)]
    return types.PrepareRenamePlaceholder(range=lsp_range(doc.lines, *where), placeholder=name)


def _rename(ls, snap, uri, offset, params):
    return rename(snap, uri, offset, params.new_name, ls.features.document_changes)


def with_reference(ls, params: types.HoverParams, hover: types.Hover | None) -> types.Hover | None:
    """`hover` with what the reference under the cursor names put first."""
    try:
        snap = snapshot_for(ls, params.text_document.uri)
        doc = snap.docs.get(snap.kind_of(params.text_document.uri)) if snap is not None else None
        if doc is None:
            return hover
        found = hover_text(snap, params.text_document.uri,
                           doc.lines.offset(params.position.line, params.position.character))
    except Exception:  # the rule pages are still worth showing
        log.exception("hover of a reference failed")
        return hover
    if found is None:
        return hover
    text, where = found
    if hover is not None:
        text += "\n\n---\n\n" + hover.contents.value
    kind = types.MarkupKind.Markdown if ls.features.markdown else types.MarkupKind.PlainText
    return types.Hover(contents=types.MarkupContent(kind=kind, value=text), range=lsp_range(doc.lines, *where))
