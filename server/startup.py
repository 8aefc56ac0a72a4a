"""Starting the language server quickly.

Two costs dominate a start, and both are paid again by every process:

- lsprotocol defines ~550 attrs classes, and attrs compiles generated methods for each at import
  (~300 ms of `compile`, over half of importing lsprotocol). `cache_attrs_code()` keeps those
  code objects in the cache directory (connector_lint_rules._cache), in marshal form like
  Python's own `__pycache__`, keyed by the exact generated source, the Python version and the attrs version, and hands them
  back instead of compiling. If attrs changes how it generates code, the sources differ and are
  compiled as before; if attrs no longer has the function patched, nothing is patched.
- the rule catalogue, the English dictionary and the connector schema: `warm_up()` loads them
  before the server reads its first message, so that the first document is linted at once.
"""

from __future__ import annotations

import sys

from connector_lint_rules._cache import read_marshal, write_marshal

_cache: dict | None = None  # (source, filename) -> code, as read from the file
_used: dict = {}  # what this process used (the next file)
_compiled = 0  # how many of them had to be compiled


def _cache_name() -> str | None:
    try:
        import attr
    except ImportError:
        return None
    return f"attrs-code-{sys.implementation.cache_tag}-{attr.__version__}.marshal"


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
            _compiled += 1
        _used[key] = code
        eval(code, globs, locs)  # what attrs does with the code it compiles

    compile_and_eval._connector_lint = True
    make._compile_and_eval = compile_and_eval


def save_attrs_code() -> None:
    """Write the code objects this process used, when the cache missed more than a few (one or
    two generated sources differ in every process, such as a default's repr with an address)."""
    name = _cache_name()
    if name is not None and _cache is not None and _compiled >= 10:
        write_marshal(name, _used, family=f"attrs-code-{sys.implementation.cache_tag}-")


def warm_up() -> None:
    """Import the rules, load the dictionary and compile the connector schema now."""
    from connector_lint_rules import _schema, _spelling, all_rules

    from .incremental import gc_paused

    with gc_paused():
        all_rules()
        _spelling.preload()
        _schema.validators_()
