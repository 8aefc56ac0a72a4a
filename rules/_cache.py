"""connector-lint's cache directory: data that is slow to rebuild and safe to lose.

Files here are written whole (`write_atomically`) and read with every problem
treated as a miss, so a damaged, old or unwritable cache only costs the time to rebuild.

Names are `<family>-<key>.marshal`: the key says which installed thing the entry was made from
(a Python's cache tag and a library's version, a resource's size and checksum), never where it is
installed, so every installation of the same versions shares one entry. Reading an entry marks it
used; writing one removes the entries of its family unused for `STALE_AFTER` (what an upgraded
library or Python left behind), and abandoned temporary files.
"""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path
from typing import Any

from ._files import write_atomically

STALE_AFTER = 24 * 3600  # seconds unused before another key of the same family replaces an entry
_TEMPORARY_AFTER = 3600  # a .tmp file this old was left by a process that died while writing


def cache_directory() -> Path:
    """$XDG_CACHE_HOME/connector-lint, or ~/.cache/connector-lint."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "connector-lint"


def read_marshal(name: str) -> Any:
    """The value stored under `name`, or None when there is none or it cannot be read."""
    path = cache_directory() / name
    try:
        value = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    touch(path)
    return value


def write_marshal(name: str, value: Any, family: str | None = None) -> None:
    """Store `value` (marshal-able: builtin types and code objects) under `name`, when possible,
    and prune the stale entries of its `family` (a prefix of `name`)."""
    path = cache_directory() / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, marshal.dumps(value))
    except (OSError, ValueError):
        return  # a read-only home: rebuilt each time
    if family:
        prune(path.parent, family, keep=path)


def touch(path: Path) -> None:
    """Mark a cache entry used now (its modification time; access times are often not kept)."""
    try:
        os.utime(path)
    except OSError:
        pass


def prune(folder: Path, family: str, keep: Path, now: float | None = None) -> list[Path]:
    """Remove the entries in `folder` whose names start with `family` (other than `keep`) unused
    for STALE_AFTER, and abandoned temporary files. Returns what it removed."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if entry == keep:
            continue
        temporary = entry.suffix == ".tmp"
        if not temporary and not entry.name.startswith(family):
            continue
        try:
            age = now - entry.stat().st_mtime
            if age > (_TEMPORARY_AFTER if temporary else STALE_AFTER):
                if entry.is_dir():
                    _remove_tree(entry)
                else:
                    entry.unlink()
                removed.append(entry)
        except OSError:
            continue  # another process removed or is using it
    return removed


def _remove_tree(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
