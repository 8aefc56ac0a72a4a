"""Edits of the configuration file offered as code actions: disable a rule here, add a word,
ignore a word in a file."""

from __future__ import annotations

import json
from pathlib import Path

from connector_lint_rules._api import Fix, FileKind, InsertItem, InsertKey

from .document import Document
from .fix_edits import checked_edits



def glob_escape(text: str) -> str:
    """A pointer as a literal pattern for the config's fnmatch-style globs."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def config_change_text(path: Path, text: str | None, change: dict) -> str | list[tuple] | None:
    """The change to the configuration file: a whole new text when there is no file, else minimal
    text edits in the file's own style; None when the file is not an object we can edit.

    change: {"ignore": {...entry...}} or {"word": "..."}."""
    if text is None:
        value: dict = {}
        if "ignore" in change:
            value["ignore"] = [change["ignore"]]
        if "word" in change:
            value["words"] = [change["word"]]
        return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    doc = Document(str(path), FileKind.SETTINGS, text)
    root = doc.value
    if not isinstance(root, dict) or doc.parsed.problems:
        return None
    if "ignore" in change:
        key, item = "ignore", change["ignore"]
    else:
        key, item = "words", change["word"]
        if isinstance(root.get("words"), list) and item in root["words"]:
            return []
    if key not in root:
        fix = Fix("config", (InsertKey("", key, [item]),))
    elif isinstance(root[key], list):
        fix = Fix("config", (InsertItem(f"/{key}", item),))
    else:
        return None
    return checked_edits(doc, fix) or None
