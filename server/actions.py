"""Code actions: a quick fix per fix of a diagnostic (the first safe one preferred), fix all of a
rule in the file, fix all (`source.fixAll.connector-lint`, safe fixes only), disable a rule here;
the fixes a rule makes on request (`Rule.suggest`); and for a rule whose findings are words
(`Rule.dictionary_words`): add the word to the connector's dictionary, ignore it in the file (an
`ignore` entry with `words` for that file: the word joins the dictionary of that connector only,
and the string's other findings are still reported).

Configuration changes are edits of `.connector-lint.json` (the nearest one, else a new one in the
connector's folder) in the file's own style; a client that cannot create files gets the
`connectorLint.editConfig` command instead, which writes the file and lints again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from lsprotocol import types

from .config import dictionary_rules
from .config_edits import config_change_text, glob_escape
from .engine import Diagnostic
from .fix_edits import (FIX_ALL_KIND, applicability, checked_edits, finding_word, fix_all_edits, fix_title, safe_fixes,
                        text_edits_lsp, workspace_edit)
from .lsp_diagnostics import ClientFeatures, FileView, find, lsp_objects

EDIT_CONFIG = "connectorLint.editConfig"
IGNORE_WORD = "ignoreWord"  # the configuration change of "Ignore '<word>' in this file"


@dataclass
class ConfigTarget:
    """Where configuration changes go, and the editor's copy of that file when it is open."""

    path: Path
    uri: str | None = None
    version: int | None = None
    text: str | None = None


def wants(only, kind: str) -> bool:
    """Whether the client asked for actions of `kind` (no `only`: quick fixes, not source actions)."""
    if not only:
        return not kind.startswith("source")
    return any(kind == o or kind.startswith(f"{o}.") for o in only)


def diagnostics_in(view: FileView, shown: list[types.Diagnostic], rng: types.Range) -> list[tuple]:
    """(engine diagnostic, its current LSP diagnostic) for the diagnostics the client sent, or when
    it sent none of ours, for those overlapping the range."""
    found = [d for d in (find(view, item) for item in shown) if d is not None]
    if not found:
        lines = view.doc.lines
        lo = lines.offset(rng.start.line, rng.start.character)
        hi = lines.offset(rng.end.line, rng.end.character)
        found = [d for d in view.diagnostics if d.start <= hi and d.end >= lo]
    index = {id(d): i for i, d in enumerate(view.diagnostics)}
    unique = {id(d): d for d in found if id(d) in index}
    return [(d, item) for (key, d), item in zip(unique.items(), lsp_objects([view.wire[index[k]] for k in unique]))]


def code_actions(view: FileView, targets: list[tuple], only, features: ClientFeatures, docs_by_path: dict,
                 uri_of: Callable[[str], str], version_of: Callable[[str], int | None], config: ConfigTarget | None,
                 suggestions: Callable[[Diagnostic], list]) -> list[types.CodeAction]:
    actions = []
    if wants(only, types.CodeActionKind.QuickFix):
        actions += quick_fixes(view, targets, features, docs_by_path, uri_of, version_of, config, suggestions)
    if wants(only, FIX_ALL_KIND) and safe_fixes(view.diagnostics):
        actions.append(fix_all_action(view, features, None))
    return actions


def quick_fixes(view: FileView, targets: list[tuple[Diagnostic, types.Diagnostic]], features: ClientFeatures,
                docs_by_path: dict, uri_of: Callable[[str], str], version_of: Callable[[str], int | None],
                config: ConfigTarget | None, suggestions: Callable[[Diagnostic], list]) -> list[types.CodeAction]:
    actions: list[types.CodeAction] = []
    fix_all_rules: list[str] = []
    for d, shown in targets:
        preferred_done = False
        for fix in d.fixes:
            target_path = d.path
            kind = getattr(fix, "file", None)
            if kind is not None:
                target = next((doc for doc in docs_by_path.values() if doc.kind is kind), None)
                if target is None:
                    continue
                target_path = target.path
            doc = docs_by_path.get(target_path, view.doc)
            edits = checked_edits(doc, fix)
            if edits is None:
                continue
            preferred = not preferred_done and applicability(fix) == "safe"
            preferred_done = preferred_done or preferred
            actions.append(types.CodeAction(
                title=fix_title(fix), kind=types.CodeActionKind.QuickFix, diagnostics=[shown],
                is_preferred=True if preferred and features.is_preferred else None,
                edit=workspace_edit({uri_of(target_path): (version_of(target_path), text_edits_lsp(doc, edits))},
                                    features)))
        actions += suggestion_actions(view, d, shown, features, suggestions)
        actions += word_actions(view, d, shown, features, config)
        if d.rule not in fix_all_rules and len(safe_fixes(view.diagnostics, d.rule)) >= 2:
            fix_all_rules.append(d.rule)
            actions.append(fix_all_action(view, features, d.rule, [shown]))
        if config is not None and d.pointer is not None:
            entry = {"rules": [d.rule], "files": Path(d.path).name, "pointers": [glob_escape(d.pointer)]}
            action = config_action(f"Disable {d.rule} here", {"ignore": entry}, config, features, [shown])
            if action is not None:
                actions.append(action)
    return actions


def fix_all_action(view: FileView, features: ClientFeatures, rule: str | None,
                   shown: list[types.Diagnostic] | None = None) -> types.CodeAction:
    """Fix all (of one rule, or every safe fix) in the file: resolved lazily when the client can."""
    title = f"Fix all {rule} problems in this file" if rule else "Fix all connector-lint problems in this file"
    kind = types.CodeActionKind.QuickFix if rule else FIX_ALL_KIND
    action = types.CodeAction(title=title, kind=kind, diagnostics=shown,
                              data={"fixAll": view.uri, "rule": rule})
    if not features.resolve_edit:
        action.edit = fix_all_edit(view, rule, features)
    return action


def fix_all_edit(view: FileView, rule: str | None, features: ClientFeatures) -> types.WorkspaceEdit:
    edits = fix_all_edits(view.doc, safe_fixes(view.diagnostics, rule))
    return workspace_edit({view.uri: (view.version, text_edits_lsp(view.doc, edits))}, features)


def suggestion_actions(view: FileView, d: Diagnostic, shown: types.Diagnostic, features: ClientFeatures,
                       suggestions: Callable[[Diagnostic], list]) -> list[types.CodeAction]:
    """The fixes the rule made on request (`fix_edits.suggested_fixes`, computed off the event loop)."""
    actions = []
    for fix in suggestions(d):
        edits = checked_edits(view.doc, fix)
        if edits is not None:
            actions.append(types.CodeAction(
                title=fix.title, kind=types.CodeActionKind.QuickFix, diagnostics=[shown],
                edit=workspace_edit({view.uri: (view.version, text_edits_lsp(view.doc, edits))}, features)))
    return actions


def word_actions(view: FileView, d: Diagnostic, shown: types.Diagnostic, features: ClientFeatures,
                 config: ConfigTarget | None) -> list[types.CodeAction]:
    """Add the word of a `dictionary_words` rule's finding to the dictionary, or ignore it in the file."""
    word = finding_word(view.doc, d)
    if word is None:
        return []
    actions = []
    if config is not None:
        add = config_action(f"Add '{word}' to the connector's dictionary", {"word": word}, config, features, [shown])
        change = {IGNORE_WORD: {"files": file_glob(config.path, d.path), "word": word}}
        ignore = config_action(f"Ignore '{word}' in this file", change, config, features, [shown])
        actions += [a for a in (add, ignore) if a is not None]
    return actions


def file_glob(config_path: Path, path: str) -> str:
    """`path` as a `files` glob of the configuration at `config_path`: relative to its folder (as
    Config matches it), else the file's name; glob characters escaped."""
    try:
        relative = Path(path).resolve().relative_to(config_path.parent.resolve()).as_posix()
    except (OSError, ValueError):
        relative = Path(path).name
    return glob_escape(relative)


def valid_change(change: Any) -> bool:
    """Whether `change` is one the code actions make (it may come from a client through the
    editConfig command): {"ignore": an ignore entry}, {"word": a word} or {IGNORE_WORD: {files, word}}."""
    from .config import ConfigError, _ignore_entry

    if not isinstance(change, dict) or len(change) != 1:
        return False
    (key, value), = change.items()
    if key == "word":
        return isinstance(value, str) and bool(value.strip())
    if key == IGNORE_WORD:
        return (isinstance(value, dict) and set(value) == {"files", "word"} and isinstance(value["files"], str)
                and bool(value["files"]) and isinstance(value["word"], str) and bool(value["word"].strip()))
    if key == "ignore":
        try:
            _ignore_entry(value, "ignore")
        except ConfigError:
            return False
        return True
    return False


def config_change(path: Path, text: str | None, change: dict) -> str | list[tuple] | None:
    """`config_change_text`, and {IGNORE_WORD: {"files": glob, "word": word}}: the word joins the
    `words` of the ignore entry for exactly that glob ({"files": [glob], "words": [...]}), which is
    added when there is none. [] when the entry has the word already; None when the file cannot be
    edited or the change is malformed (it may come from a client through the editConfig command)."""
    if IGNORE_WORD not in change:
        return config_change_text(path, text, change)
    spec = change[IGNORE_WORD]
    files, word = (spec.get("files"), spec.get("word")) if isinstance(spec, dict) else (None, None)
    if not isinstance(files, str) or not files or not isinstance(word, str) or not word.strip():
        return None
    if text is not None:
        from connector_lint_rules._api import FileKind, Fix, InsertItem

        from .document import Document

        doc = Document(str(path), FileKind.SETTINGS, text)
        root = doc.value
        entries = root.get("ignore") if isinstance(root, dict) and not doc.parsed.problems else None
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            if _words_entry_for(entry, files):
                if any(w.lower() == word.lower() for w in entry["words"]):
                    return []
                return checked_edits(doc, Fix("config", (InsertItem(f"/ignore/{i}/words", word),))) or None
    return config_change_text(path, text, {"ignore": {"files": [files], "words": [word]}})


def _words_entry_for(entry, files: str) -> bool:
    """Whether an ignore entry is a words entry for exactly the glob `files` (one we may extend)."""
    readers = (None, *dictionary_rules())  # no `rules`, or those that read the dictionary
    return (isinstance(entry, dict) and set(entry) <= {"rules", "files", "words"}
            and entry.get("files") in (files, [files])
            and (entry.get("rules") in readers or entry.get("rules") in [[r] for r in readers])
            and isinstance(entry.get("words"), list) and all(isinstance(w, str) for w in entry["words"]))


def config_action(title: str, change: dict, config: ConfigTarget, features: ClientFeatures,
                  shown: list[types.Diagnostic]) -> types.CodeAction | None:
    """An edit of the configuration file (the editor's copy when open, else the one on disk; a new
    file when there is none and the client can create files), else the editConfig command."""
    from connector_lint_rules._api import FileKind

    from .document import Document

    action = types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=shown)
    text = config.text
    if config.uri is None:
        try:
            text = config.path.read_text(encoding="utf-8") if config.path.is_file() else None
        except OSError:
            return None
    uri = config.uri or config.path.as_uri()
    result = config_change(config.path, text, change)
    if result is None or result == []:
        return None
    if isinstance(result, list):
        doc = Document(str(config.path), FileKind.SETTINGS, text)
        action.edit = workspace_edit({uri: (config.version, text_edits_lsp(doc, result))}, features)
    elif features.create_files:
        start = types.Position(line=0, character=0)
        action.edit = types.WorkspaceEdit(document_changes=[
            types.CreateFile(uri=uri, options=types.CreateFileOptions(ignore_if_exists=True)),
            types.TextDocumentEdit(text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None),
                                   edits=[types.TextEdit(range=types.Range(start=start, end=start), new_text=result)])])
    else:
        action.command = types.Command(title=title, command=EDIT_CONFIG,
                                       arguments=[{"path": str(config.path), "change": change}])
    return action


def write_config(path: Path, change: dict) -> bool:
    """The editConfig command: apply one change to the configuration file on disk (made when missing)."""
    from connector_lint_rules._files import write_atomically

    from .edits import apply

    try:
        text = path.read_text(encoding="utf-8") if path.is_file() else None
    except OSError:
        return False
    result = config_change(path, text, change)
    if result is None:
        return False
    if isinstance(result, str):
        new_text = result
    else:
        if not result:
            return True
        new_text = apply(text, result)
    try:
        write_atomically(path, new_text.encode("utf-8"))
    except (OSError, UnicodeError):
        return False
    return True
