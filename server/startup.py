"""The language server's entry point: `connector-lint serve` and the VS Code extension's bundled
server both come to `serve`. It serves attrs' generated code from the cache (`warmup`) before
lsprotocol is imported, then starts `lsp`. Nothing imports this module back.
"""

from __future__ import annotations

from .warmup import cache_attrs_code


def serve(args=None) -> int:
    """Run the language server (`connector-lint serve`, and the extension's bundled server, which
    comes here directly: the CLI's other imports, argparse and multiprocessing, cost ~15 ms)."""
    import gc
    from types import SimpleNamespace

    gc.disable()  # importing lsprotocol allocates ~50 MB that stays: collections would only scan it
    try:
        cache_attrs_code()  # before lsprotocol is imported
        from .lsp import serve as run  # imported here: the CLI does not pay for pygls
    finally:
        gc.enable()
    return run(args if args is not None else SimpleNamespace(tcp=None))
