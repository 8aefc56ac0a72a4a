"""A configuration file's error (config.ConfigError) as a diagnostic on that file, for the
language server: at the offending value (or member name), or where the text stopped being JSON."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from connector_lint_rules._api import FileKind

from .config import ConfigError
from .document import Document
from .lsp_diagnostics import SOURCE


def error_span(error: ConfigError, doc: Document) -> tuple[int, int]:
    """Text offsets [start, end) to underline for `error` in the configuration file `doc`."""
    text = doc.text or ""
    if error.pointer is not None and doc.parsed.value is not None:  # the JSON the error is about
        return doc.range_of(error.pointer, "key" if error.at_key else "auto")
    at = min(max(error.offset or 0, 0), len(text))
    return at, min(at + 1, len(text))


def config_diagnostic(error: ConfigError, text: str, last_valid: bool) -> dict:
    """The LSP diagnostic (as JSON) of `error`; `last_valid`: the connectors are checked with the
    file's last valid version meanwhile (else with the defaults)."""
    doc = Document(str(error.path or ""), FileKind.SETTINGS, text)
    start, end = error_span(error, doc)
    (l1, c1), (l2, c2) = doc.lines.position(start), doc.lines.position(end)
    using = "the last valid version of this file" if last_valid else "the default configuration"
    return {"range": {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}},
            "severity": types.DiagnosticSeverity.Error.value, "source": SOURCE,
            "message": f"{error.reason} (until it is fixed, connectors are checked with {using})"}


def read_config_text(path: Path) -> str:
    """The configuration file's text as config.load_config reads it ("" when it cannot be read)."""
    try:
        return path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return ""
