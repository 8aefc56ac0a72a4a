"""Writing files whole: the one way connector-lint writes a file (fixes, configuration, caches).

The new content goes to a temporary file in the same folder, which then replaces the original by
a rename, so a failed write (disk full, a size limit, a crash) leaves the original untouched.
The original's permission bits are kept. Lives in the rules package because both it (the cache)
and the server write files, and the rules never import the server.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomically(path: Path | str, data: bytes) -> None:
    """Replace `path` with `data` (made when missing), or raise OSError and leave it as it was."""
    path = Path(path)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(partial, mode)
        os.replace(partial, path)
    except BaseException:
        try:
            os.unlink(partial)
        except OSError:
            pass
        raise
