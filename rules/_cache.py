"""connector-lint's cache directory: data that is slow to rebuild and safe to lose.

Files here are written whole (`write_atomically`) and read with every problem
treated as a miss, so a damaged, old or unwritable cache only costs the time to rebuild.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any

from ._files import write_atomically


def cache_directory() -> Path:
    """$XDG_CACHE_HOME/connector-lint, or ~/.cache/connector-lint."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "connector-lint"


def read_marshal(name: str) -> Any:
    """The value stored under `name`, or None when there is none or it cannot be read."""
    try:
        return marshal.loads((cache_directory() / name).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def write_marshal(name: str, value: Any) -> None:
    """Store `value` (marshal-able: builtin types and code objects) under `name`, when possible."""
    path = cache_directory() / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, marshal.dumps(value))
    except (OSError, ValueError):
        pass  # a read-only home: rebuilt each time
