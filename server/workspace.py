"""Connectors on disk: which folders are connectors and which file plays which part.

A connector is a folder with `apiDefinition.swagger.json` (any case; else a single `*.swagger.json`),
`apiProperties.json`, and optionally `settings.json` (whose paths point at the others),
`script.csx`, `readme.md` and `icon.png`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from connector_lint_rules._api import FileKind

from .document import Document

_SKIP_DIRS = {".git", "node_modules", ".venv", "__pycache__", ".hypothesis"}
_SETTINGS_KEYS = {"apiDefinition": FileKind.SWAGGER, "apiProperties": FileKind.API_PROPERTIES,
                  "icon": FileKind.ICON, "script": FileKind.SCRIPT}


@dataclass
class Connector:
    folder: Path
    paths: dict[FileKind, Path] = field(default_factory=dict)

    def documents(self, overrides: dict[str, str] | None = None) -> dict[FileKind, Document]:
        """Read every file (binary for the icon). `overrides` maps a path to the editor's text."""
        overrides = overrides or {}
        docs = {}
        for kind, path in self.paths.items():
            key = str(path)
            if kind is FileKind.ICON:
                data = _read_bytes(path)
                if data is not None:
                    docs[kind] = Document(key, kind, data=data)
                continue
            text = overrides.get(key)
            if text is None:
                text = read_text(path)
            if text is not None:
                docs[kind] = Document(key, kind, text=text)
        return docs


def read_text(path: Path) -> str | None:
    """A file's text as an editor would show it: UTF-8 (BOM kept, so it can be reported), else Latin-1."""
    data = _read_bytes(path)
    if data is None:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def is_connector_dir(folder: Path) -> bool:
    try:
        names = [n.lower() for n in os.listdir(folder)]
    except OSError:
        return False
    return any(n.endswith(".swagger.json") or n == "apiproperties.json" for n in names)


def connector_for(folder: Path) -> Connector:
    """Assign the files of a connector folder to their parts."""
    by_lower: dict[str, Path] = {}
    try:
        for entry in sorted(os.listdir(folder)):
            if (folder / entry).is_file():
                by_lower.setdefault(entry.lower(), folder / entry)
    except OSError:
        pass
    paths: dict[FileKind, Path] = {}
    swaggers = [p for n, p in by_lower.items() if n.endswith(".swagger.json")]
    if "apidefinition.swagger.json" in by_lower:
        paths[FileKind.SWAGGER] = by_lower["apidefinition.swagger.json"]
    elif swaggers:
        paths[FileKind.SWAGGER] = swaggers[0]
    for name, kind in (("apiproperties.json", FileKind.API_PROPERTIES), ("settings.json", FileKind.SETTINGS),
                       ("script.csx", FileKind.SCRIPT), ("readme.md", FileKind.README), ("icon.png", FileKind.ICON)):
        if name in by_lower:
            paths[kind] = by_lower[name]
    _follow_settings(folder, paths)
    return Connector(folder, paths)


def _follow_settings(folder: Path, paths: dict[FileKind, Path]) -> None:
    """settings.json names the other files; where a named file exists it takes that part."""
    settings = paths.get(FileKind.SETTINGS)
    if settings is None:
        return
    try:
        data = json.loads(read_text(settings) or "")
    except ValueError:
        return
    if not isinstance(data, dict):
        return
    for key, kind in _SETTINGS_KEYS.items():
        name = data.get(key)
        if isinstance(name, str) and name:
            candidate = (folder / name)
            if candidate.is_file():
                paths[kind] = candidate


def discover(path: Path) -> list[tuple[Connector, Path | None]]:
    """Connectors under a path: (connector, the one file asked for or None for all of its files).

    A file: its folder's connector, reporting that file only. A connector folder: that connector.
    Any other folder: every connector below it.
    """
    if path.is_file():
        return [(connector_for(path.parent), path)]
    if is_connector_dir(path):
        return [(connector_for(path), None)]
    found = []
    for root, dirs, _files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
        folder = Path(root)
        if folder != path and is_connector_dir(folder):
            found.append((connector_for(folder), None))
    return found
