"""Connectors on disk: which folders are connectors and which file plays which part.

A connector is a folder with `apiDefinition.swagger.json` (any case; else a single `*.swagger.json`),
`apiProperties.json`, and optionally `settings.json` (whose paths point at the others),
`script.csx`, `readme.md` and `icon.png`.

Only regular files inside the connector's folder are read (symbolic links are followed only when
they resolve inside it), at most MAX_READ_BYTES each: anything else is `skipped`, with the reason,
and nothing of it reaches the output. A file that is not UTF-8 is decoded for checking (UTF-16
and UTF-32 by their byte-order mark, else Latin-1) and its Document says so: it is reported and
never rewritten.
"""

from __future__ import annotations

import codecs
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from connector_lint_rules._api import FileKind

from .document import Document

MAX_READ_BYTES = 64 * 1024 * 1024  # 64 times the platform's limit for a swagger
# The rule of the one finding a file too large to read (here) or to check as you type gets, whatever its kind.
TOO_LARGE_RULE = "file-too-large"
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_SKIP_DIRS = {".git", "node_modules", ".venv", "__pycache__", ".hypothesis"}
_SETTINGS_KEYS = {"apiDefinition": FileKind.SWAGGER, "apiProperties": FileKind.API_PROPERTIES,
                  "icon": FileKind.ICON, "script": FileKind.SCRIPT}


# The size limits Microsoft documents, by the kind of file (a file's message names its own, never a
# swagger's for an icon): reference/microsoft-rules.md META-SWAGGER-SIZE and CSX-SIZE; the icon's
# from certification (rules/icon.py). apiProperties.json, settings.json and readme.md have none.
_PLATFORM_LIMITS = {
    FileKind.SWAGGER: "The platform's limit for a swagger is 1 MB: split the connector.",
    FileKind.SCRIPT: "The platform's limit for custom code (script.csx) is 1 MB.",
    FileKind.ICON: "Certification's limit for icon.png is 1 MB.",
}
_NAME_KINDS = {"apiproperties.json": FileKind.API_PROPERTIES, "settings.json": FileKind.SETTINGS,
               "script.csx": FileKind.SCRIPT, "readme.md": FileKind.README, "icon.png": FileKind.ICON}


def platform_limit(kind: FileKind | None) -> str:
    """The sentence naming the platform's size limit for a kind of file ("" where there is none)."""
    return _PLATFORM_LIMITS.get(kind, "") if kind is not None else ""


def kind_by_file_name(name: str) -> FileKind | None:
    """The part a file of this name plays in a connector folder (None for another name)."""
    name = name.lower()
    return FileKind.SWAGGER if name.endswith(".swagger.json") else _NAME_KINDS.get(name)


@dataclass
class Skipped:
    """A file of the connector that was not read, and why (shown as `path: reason`)."""

    path: Path
    reason: str
    size: int | None = None  # bytes on disk, for a file too large to read
    kind: FileKind | None = None  # the part it plays, where known


@dataclass
class Connector:
    folder: Path
    paths: dict[FileKind, Path] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)

    def documents(self, overrides: dict[str, str] | None = None) -> dict[FileKind, Document]:
        """Read every file (binary for the icon). `overrides` maps a path to the editor's text.
        A file that cannot be read safely is left out and added to `skipped`."""
        overrides = overrides or {}
        docs = {}
        for kind, path in self.paths.items():
            key = str(path)
            text = overrides.get(key)
            if text is not None:
                docs[kind] = Document(key, kind, text=text)
                continue
            try:
                data = read_bytes(path, self.folder)
            except Unreadable as exc:
                self._skip(Skipped(path, str(exc), exc.size, kind))
                continue
            if kind is FileKind.ICON:
                docs[kind] = Document(key, kind, data=data)
            else:
                text, encoding = decode(data)
                docs[kind] = Document(key, kind, text=text, encoding=encoding)
        return docs

    def size(self) -> int:
        """The bytes of its files on disk (0 for one that cannot be read): how long it takes to check."""
        total = 0
        for path in self.paths.values():
            try:
                total += path.stat().st_size
            except OSError:
                pass
        return total

    def _skip(self, skipped: Skipped) -> None:
        if all(s.path != skipped.path for s in self.skipped):
            self.skipped.append(skipped)


class Unreadable(OSError):
    """A connector file that is not read: outside the folder, not a regular file, too large."""

    def __init__(self, reason: str, size: int | None = None):
        super().__init__(reason)
        self.size = size


def read_bytes(path: Path, folder: Path | None = None) -> bytes:
    """The bytes of a regular file (inside `folder` once links are resolved, when given) of at
    most MAX_READ_BYTES; else Unreadable saying why. Never blocks on a FIFO or a device."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise Unreadable("a broken link" if path.is_symlink() else "no such file") from None
    if folder is not None and not inside(real, folder):
        raise Unreadable("a link to a file outside the connector folder; not read")
    try:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except PermissionError:
        raise Unreadable("not readable (permission denied)") from None
    except OSError as exc:
        raise Unreadable(f"not readable ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(f"not a regular file but {file_type(info.st_mode)}; not read")
        if info.st_size > MAX_READ_BYTES:
            raise Unreadable(f"{info.st_size:,} bytes, over the {MAX_READ_BYTES // 1048576} MB connector-lint reads; "
                             "not read", info.st_size)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            # read(n) allocates n bytes first: ask for the size known, then for what it grew by.
            data = stream.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += stream.read(MAX_READ_BYTES + 1 - len(data))
        if len(data) > MAX_READ_BYTES:  # it grew while we read it
            raise Unreadable(f"over the {MAX_READ_BYTES // 1048576} MB connector-lint reads; not read", len(data))
        return data
    except Unreadable:
        raise
    except OSError as exc:
        raise Unreadable(f"not readable ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def file_type(mode: int) -> str:
    """What a file that is not a regular file is, for a message: "a directory", "a FIFO", ..."""
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def inside(path: Path, folder: Path) -> bool:
    """Whether `path` (resolved) is `folder` (resolved) or below it."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def decode(data: bytes) -> tuple[str, str]:
    """A file's text as an editor would show it, and its encoding: UTF-8 (BOM kept, so it can be
    reported); UTF-16 or UTF-32 with a byte-order mark, or without one when the NUL bytes of its
    first ASCII characters say so (ASCII UTF-16 is valid UTF-8 full of NULs); else Latin-1 (which
    any bytes decode as)."""
    wide = _bomless_wide(data)
    if wide is not None:
        try:
            return data.decode(wide), wide[:6].upper()
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.upper()
            except UnicodeDecodeError:
                break
    return data.decode("latin-1"), "not UTF-8"


def _bomless_wide(data: bytes) -> str | None:
    """The codec of a UTF-16 or UTF-32 text without a byte-order mark, from the NUL bytes around
    its first character (JSON starts with an ASCII one; RFC 4627, section 3); None otherwise."""
    head = data[:4]
    if len(head) < 2 or (head[0] and head[1]) or data.startswith(tuple(bom for bom, _ in _BOMS)):
        return None
    if len(head) == 4 and head[:3] == b"\0\0\0" and head[3]:
        return "utf-32-be"
    if len(head) == 4 and head[0] and head[1:] == b"\0\0\0":
        return "utf-32-le"
    if head[0] == 0 and head[1]:
        return "utf-16-be"
    if head[0] and head[1] == 0:
        return "utf-16-le"
    return None


def read_text(path: Path, folder: Path | None = None) -> str | None:
    """A file's text (see `decode`), or None when it cannot be read."""
    try:
        return decode(read_bytes(path, folder))[0]
    except OSError:
        return None


def is_connector_dir(folder: Path) -> bool:
    try:
        return _names_a_connector(os.listdir(folder))
    except OSError:
        return False


def _names_a_connector(names: list[str]) -> bool:
    """Whether a folder with entries of these names is a connector's."""
    return any(n.lower().endswith(".swagger.json") or n.lower() == "apiproperties.json" for n in names)


def connector_for(folder: Path) -> Connector:
    """Assign the files of a connector folder to their parts. An entry with a part's name that
    is not a regular file inside the folder (a link out of it, a directory, a FIFO) is skipped."""
    by_lower: dict[str, Path] = {}
    skipped: list[Skipped] = []
    real_folder: list[Path] = []  # the folder resolved, once, when an entry needs it
    try:
        for entry in sorted(os.listdir(folder)):
            path = folder / entry
            if not _part_name(entry.lower()):
                continue
            reason, size = _plain_file(path, folder, real_folder)
            if size is not None and size > MAX_READ_BYTES:
                skipped.append(Skipped(path, f"{size:,} bytes, over the {MAX_READ_BYTES // 1048576} MB connector-lint "
                                             "reads; not read", size, kind_by_file_name(entry)))
            elif reason is None:
                by_lower.setdefault(entry.lower(), path)
            else:
                skipped.append(Skipped(path, reason))
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
    if FileKind.SWAGGER not in paths and not any(s.path.name.lower().endswith(".swagger.json") for s in skipped):
        skipped.append(Skipped(folder, "no swagger (apiDefinition.swagger.json) in the folder; its other files "
                                       "were checked"))
    return Connector(folder, paths, skipped)


def _plain_file(path: Path, folder: Path, real_folder: list[Path]) -> tuple[str | None, int | None]:
    """`_not_a_file(path, folder)` and, for a file, its size; at the cost of one lstat for an entry
    of the folder that is not a link (most of them): its real path is then the folder's real path
    and its name, inside the folder, and its lstat is its stat."""
    try:
        info = os.lstat(path)
        if not stat.S_ISLNK(info.st_mode):
            if not real_folder:
                real_folder.append(folder.resolve())
            real = real_folder[0] / path.name
            if not stat.S_ISREG(info.st_mode):
                return f"not a regular file but {file_type(info.st_mode)}; not read", None
            if not os.access(real, os.R_OK):
                return "not readable (permission denied)", None
            return None, info.st_size
    except (OSError, RuntimeError):
        pass  # gone, or a path the long way below tells about
    reason = _not_a_file(path, folder)
    return reason, _size(path) if reason is None else None


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _part_name(name: str) -> bool:
    return kind_by_file_name(name) is not None


def _not_a_file(path: Path, folder: Path) -> str | None:
    """Why `path` is not a regular file inside `folder` (links resolved), or None when it is."""
    try:
        real = path.resolve(strict=True)
        info = real.stat()
    except (OSError, RuntimeError):
        return "a broken link" if path.is_symlink() else "not readable"
    if not inside(real, folder):
        return "a link to a file outside the connector folder; not read"
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file but {file_type(info.st_mode)}; not read"
    if not os.access(real, os.R_OK):
        return "not readable (permission denied)"
    return None


def _follow_settings(folder: Path, paths: dict[FileKind, Path]) -> None:
    """settings.json names the other files; where a named file exists it takes that part."""
    settings = paths.get(FileKind.SETTINGS)
    if settings is None:
        return
    try:
        data = json.loads(read_text(settings, folder) or "")
    except (ValueError, RecursionError):
        return
    if not isinstance(data, dict):
        return
    for key, kind in _SETTINGS_KEYS.items():
        name = data.get(key)
        if isinstance(name, str) and name and not os.path.isabs(name) and "\0" not in name:
            candidate = folder / name
            try:
                is_file = candidate.is_file()
            except (OSError, ValueError):
                continue
            if is_file and _not_a_file(candidate, folder) is None:  # the settings-file rule reports the rest
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
    for root, dirs, files in os.walk(path):
        folder = Path(root)
        if folder != path and _names_a_connector(dirs + files):  # what is_connector_dir lists, listed already
            found.append((connector_for(folder), None))
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
    return found
