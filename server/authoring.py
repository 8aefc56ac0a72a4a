"""The connector as the author has it now, for authoring requests (completion, definition,
references, highlight, rename, hover of references).

Requests come between lints: the editor's text may be newer than the last lint. Each connector
keeps its own chain of parses, each re-parsed from the previous one (`reparse`: only the edited
part is read again, every other subtree keeps its identity), starting from the lint's parse of
the same text; its `names.Names` is brought up to date from them, part by part. Nothing here
changes the linter's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from connector_lint_rules._api import FileKind

from .document import JSON_KINDS, Document
from .incremental import too_large
from .jsonparse import ParsedJson
from .names import Names
from .reparse import changed_range, reparse


@dataclass
class Snapshot:
    """The connector's files now: documents by kind, and each file's uri and editor version."""

    docs: dict[FileKind, Document]
    uris: dict[FileKind, str]
    versions: dict[FileKind, int | None]
    names: Names

    def kind_of(self, uri: str) -> FileKind | None:
        return next((k for k, u in self.uris.items() if u == uri), None)


@dataclass
class _Connector:
    parsed: dict[str, ParsedJson] = field(default_factory=dict)  # path -> the last parse made here
    names: Names = field(default_factory=Names)


class Authoring:
    """Per connector (session key): the parse chain and the name index."""

    def __init__(self) -> None:
        self._connectors: dict[str, _Connector] = {}

    def keys(self) -> list[str]:
        return list(self._connectors)

    def forget(self, key: str) -> None:
        self._connectors.pop(key, None)

    def snapshot(self, service, session) -> Snapshot:
        state = self._connectors.setdefault(session.key, _Connector())
        sources, versions, uris = service.sources(session)
        linted = {d.path: d for d in session.result.docs.values()} if session.result is not None else {}
        docs: dict[FileKind, Document] = {}
        for kind, source in sources.items():
            if source.data is not None:
                continue
            doc = Document(source.path, kind, text=source.text)
            if source.lines is not None and source.lines.text is source.text:
                doc.__dict__["lines"] = source.lines
            if kind in JSON_KINDS and source.text is not None:
                if too_large(source.text):
                    continue  # not parsed as you type (the lint reports its size)
                doc.__dict__["parsed"] = self._parse(state, source.path, source.text, linted.get(source.path))
            docs[kind] = doc
        state.names.update(docs)
        return Snapshot(docs, {k: uris[s.path] for k, s in sources.items()},
                        {k: versions.get(s.path) for k, s in sources.items()}, state.names)

    @staticmethod
    def _parse(state: _Connector, path: str, text: str, linted: Document | None) -> ParsedJson:
        previous = state.parsed.get(path)
        if previous is not None and previous.text is text:
            return previous
        if previous is None and linted is not None and linted.text == text and "parsed" in linted.__dict__:
            parsed = linted.parsed  # the lint's parse of this very text
        elif previous is not None:
            parsed = reparse(previous, text, changed_range(previous.text, text))
        else:
            from .jsonparse import parse
            parsed = parse(text)
        state.parsed[path] = parsed
        return parsed
