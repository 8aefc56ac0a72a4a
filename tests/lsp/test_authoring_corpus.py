"""Rename on real certified connectors: renaming the most used definition and the most used
operationId of each connector in a sample leaves no new broken reference, unknown operation or
policy template finding (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from connector_lint.authoring import Snapshot
from connector_lint.config import Config
from connector_lint.engine import lint
from connector_lint.names import Names
from connector_lint.navigation import name_at, rename
from connector_lint.names import place
from connector_lint.positions import LineIndex
from connector_lint.workspace import connector_for
from connector_lint_rules._api import FileKind

pytestmark = pytest.mark.corpus

WATCHED = ("broken-reference", "unknown-operation-reference", "policy-template", "duplicate-operation-id")


def _snapshot(folder: Path, overrides: dict[str, str]) -> tuple[dict, Snapshot]:
    docs = connector_for(folder).documents(overrides)
    names = Names()
    names.update(docs)
    return docs, Snapshot(docs, {k: Path(d.path).as_uri() for k, d in docs.items()}, {k: None for k in docs}, names)


def _findings(folder: Path, docs: dict) -> list:
    return sorted((d.rule, Path(d.path).name) for d in lint(docs, Config(), str(folder)) if d.rule in WATCHED)


def test_renames_keep_every_reference(corpus):
    folders = sorted(p for p in corpus.iterdir() if (p / "apiDefinition.swagger.json").is_file())[::6]
    renamed = 0
    for folder in folders:
        docs, snap = _snapshot(folder, {})
        if FileKind.SWAGGER not in snap.docs or not isinstance(snap.docs[FileKind.SWAGGER].value, dict):
            continue
        before = _findings(folder, docs)
        overrides: dict[str, str] = {}
        for kind in ("definition", "operation"):
            used = [(len(occs), s) for s, occs in snap.names.by_symbol().items()
                    if s.kind == kind and any(o.declaration for o in occs) and len(occs) > 1]
            if not used:
                continue
            _, symbol = max(used)
            declaration = next(o for o in snap.names.occurrences(symbol) if o.declaration)
            doc = snap.docs[declaration.file]
            start, _ = place(doc, declaration)
            uri = snap.uris[declaration.file]
            assert name_at(snap, uri, start + 1)[0].symbol == symbol
            edit = rename(snap, uri, start + 1, "RenamedByTheTest", False)
            for file_uri, edits in edit.changes.items():
                kind_of = snap.kind_of(file_uri)
                text = snap.docs[kind_of].text
                lines = LineIndex(text)
                for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
                    a = lines.offset(e.range.start.line, e.range.start.character)
                    b = lines.offset(e.range.end.line, e.range.end.character)
                    text = text[:a] + e.new_text + text[b:]
                overrides[snap.docs[kind_of].path] = text
            docs, snap = _snapshot(folder, overrides)
            renamed += 1
        assert _findings(folder, docs) == before, folder.name
    assert renamed > 80
