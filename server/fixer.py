"""Apply safe fixes until nothing more changes (at most 10 passes), never leaving broken JSON."""

from __future__ import annotations

from typing import Callable

from connector_lint_rules._api import FileKind

from .document import Document
from .edits import EditError, apply, text_edits
from .engine import Diagnostic, safe_fixes
from .jsonparse import parse

MAX_PASSES = 10


def fix_texts(lint_docs: Callable[[dict[str, str]], tuple[dict[FileKind, Document], list[Diagnostic]]],
              only: Callable[[Diagnostic], bool] = lambda d: True) -> dict[str, str]:
    """Run lint, apply its safe fixes, repeat. Returns {path: fixed text} for files that changed.

    `lint_docs(overrides)` lints the connector with some files' texts replaced.
    """
    overrides: dict[str, str] = {}
    for _ in range(MAX_PASSES):
        docs, diagnostics = lint_docs(overrides)
        by_path = {doc.path: doc for doc in docs.values()}
        changed = False
        grouped: dict[str, list] = {}
        by_kind = {doc.kind: doc for doc in docs.values()}
        for diagnostic, fix in safe_fixes(d for d in diagnostics if only(d)):
            path = diagnostic.path
            kind = getattr(fix, "file", None)  # a rule's fix may edit another file of the connector
            if kind is not None:
                if kind not in by_kind:
                    continue  # that file is absent: nothing to edit
                path = by_kind[kind].path
            grouped.setdefault(path, []).append(fix)
        for path, fixes in grouped.items():
            doc = by_path.get(path)
            if doc is None or doc.text is None:
                continue
            new_text = apply_fixes(doc, fixes)
            if new_text != doc.text:
                overrides[path] = new_text
                changed = True
        if not changed:
            break
    return overrides


def apply_fixes(doc: Document, fixes: list) -> str:
    """Apply as many non-overlapping fixes as fit in one pass; reject any that would break the JSON."""
    accepted: list = []
    taken: list[tuple[int, int]] = []
    for fix in fixes:
        try:
            edits = text_edits(doc, fix)
        except (EditError, ValueError, KeyError, IndexError):
            continue
        if any(_overlaps(e, t) for e in edits for t in taken) or _self_overlapping(edits):
            continue  # the next pass gets it (a fix whose own edits collide is dropped)
        accepted.append(edits)
        taken.extend((s, e) for s, e, _ in edits)
    if not accepted:
        return doc.text
    baseline = len(doc.parsed.problems) if doc.is_json else 0
    try:
        text = apply(doc.text, [e for edits in accepted for e in edits])
        if not doc.is_json or len(parse(text).problems) <= baseline:
            return text
    except EditError:
        pass  # edits that touch at one point in an order apply() refuses: fall back to one fix
    # Some fix broke the JSON (or collided): keep the first fix that is harmless on its own.
    for edits in accepted:
        try:
            candidate = apply(doc.text, edits)
        except EditError:
            continue
        if not doc.is_json or len(parse(candidate).problems) <= baseline:
            return candidate
    return doc.text


def _self_overlapping(edits: list) -> bool:
    return any(later[0] < earlier[1] for earlier, later in zip(edits, edits[1:]))


def _overlaps(edit: tuple, span: tuple[int, int]) -> bool:
    start, end = edit[0], edit[1]
    return start < span[1] and span[0] < end or (start == end and span[0] <= start <= span[1]) or \
        (span[0] == span[1] and start <= span[0] <= end)
