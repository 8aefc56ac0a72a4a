"""Starting the language server quickly (`startup.serve` starts it; this module is what the server
itself uses, so that nothing imports the launcher back).

Two costs dominate a start, and both are paid again by every process:

- lsprotocol defines ~550 attrs classes, and attrs compiles generated methods for each at import
  (~300 ms of `compile`, over half of importing lsprotocol). `cache_attrs_code()` keeps those
  code objects in the cache directory (connector_lint_rules._cache), in marshal form like
  Python's own `__pycache__`, keyed by the exact generated source, the Python version and attrs' code, and hands them
  back instead of compiling. If attrs changes how it generates code, the sources differ and are
  compiled as before; if attrs no longer has the function patched, nothing is patched.
- the rule catalogue, the English dictionary and the connector schema: `warm_up()` loads them
  before the server reads its first message, so that the first document is linted at once.
"""

from __future__ import annotations

import sys
import time

from connector_lint_rules._cache import read_marshal, write_marshal

_cache: dict | None = None  # (source, filename) -> code, as read from the file
_used: dict = {}  # what this process used (the next file)
_compiled = 0  # how many of them had to be compiled (but those that differ in every process)
_IMPORTED = time.perf_counter()
_first_diagnostics: str | None = None


def _cache_name() -> str | None:
    """Keyed by the Python and by the content of the attrs module that generates the code (a
    checksum takes under 1 ms; `attr.__version__` would import importlib.metadata, ~20 ms)."""
    import zlib

    try:
        import attr._make as make

        source = open(make.__file__, "rb").read()
    except (ImportError, OSError, TypeError):
        return None
    return f"attrs-code-{sys.implementation.cache_tag}-{len(source)}-{zlib.crc32(source):08x}.marshal"


def cache_attrs_code() -> None:
    """Serve attrs' generated methods from the cache (call before importing lsprotocol)."""
    global _cache
    try:
        import attr._make as make
    except ImportError:
        return
    original = getattr(make, "_compile_and_eval", None)
    name = _cache_name()
    if original is None or name is None or getattr(original, "_connector_lint", False):
        return
    _cache = read_marshal(name)
    if not isinstance(_cache, dict):
        _cache = {}

    def compile_and_eval(script, globs, locs=None, filename=""):
        global _compiled
        key = (script, filename)
        code = _cache.get(key)
        if type(code).__name__ != "code":
            code = compile(script, filename, "exec")
            # A hashable class's methods hold a salt that differs in every process (the hash of
            # a string): such sources always miss, and rewriting the cache would not help.
            _compiled += "def __hash__" not in script
        _used[key] = code
        eval(code, globs, locs)  # what attrs does with the code it compiles

    compile_and_eval._connector_lint = True
    make._compile_and_eval = compile_and_eval


def save_attrs_code() -> None:
    """Write the code objects this process used, when the cache missed more than a few (some
    generated sources differ in every process, such as a default's repr with an address): after
    an install or an upgrade, not at every start (1.9 MB, ~20 ms)."""
    name = _cache_name()
    if name is not None and _cache is not None and _compiled >= 10:
        write_marshal(name, _used, family=f"attrs-code-{sys.implementation.cache_tag}-")


def warm_up() -> None:
    """Import the rules and run their warm-up hooks (`Rule.warm_up`: the dictionary, the connector
    schema) now, each distinct hook once."""
    from connector_lint_rules import all_rules

    from .collector import gc_paused

    with gc_paused():
        for hook in dict.fromkeys(rule.warm_up for rule in all_rules() if rule.warm_up is not None):
            hook()


def first_diagnostics_note() -> str | None:
    """What the first diagnostics of this process cost it, the first time it is asked (else None):
    the wall time since the server's code started and the process's CPU time (interpreter start
    included), which VS Code's own start competes with."""
    global _first_diagnostics
    if _first_diagnostics is not None:
        return None
    _first_diagnostics = (f"First diagnostics {_process_age() * 1000:.0f} ms after the server process started, "
                          f"{time.process_time() * 1000:.0f} ms of CPU.")
    return _first_diagnostics


def _process_age() -> float:
    """Seconds since this process started (Linux: from /proc, at 10 ms resolution; elsewhere since
    this module was imported)."""
    import os

    try:
        with open("/proc/self/stat") as stat, open("/proc/uptime") as uptime:
            started = int(stat.read().rsplit(")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
            return float(uptime.read().split()[0]) - started
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED
