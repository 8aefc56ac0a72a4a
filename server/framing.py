"""Checks the language server's input framing before pygls reads it.

pygls 2.x's reader (pygls.io_.run_async) skips any header line it does not understand and reads
whatever Content-Length says in one call: after garbage bytes or a malformed header it waits
silently for ever, and a Content-Length of 999999999999 ends in MemoryError. `FramedInput` sits
between stdin and pygls: it passes well-formed headers through and, at the first framing error,
logs what was wrong and reports end of input, so the server exits (with status 1 from `serve`)
and the client starts a fresh one.
"""

from __future__ import annotations

import logging
import re
from typing import BinaryIO

log = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = 256 * 1024 * 1024  # a message this large is not an editor's (the swagger limit is 1 MB)
MAX_HEADER_BYTES = 8192
_CONTENT_LENGTH = re.compile(rb"Content-Length: (\d{1,15})\r\n")  # as pygls matches it
_OTHER_HEADER = re.compile(rb"[A-Za-z][A-Za-z0-9-]*: *[^\r\n]*\r\n")


class FramedInput:
    """A binary stream with the `readline` and `read` pygls uses, ending at a framing error."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.length: int | None = None  # of the message whose headers are being read
        self.error: str | None = None

    def readline(self) -> bytes:
        if self.error is not None:
            return b""
        line = self.stream.readline(MAX_HEADER_BYTES + 1)
        if not line:
            return line  # end of input: pygls stops
        if line == b"\r\n":
            if self.length is None:
                return self._fail("a message without a Content-Length header")
            return line
        match = _CONTENT_LENGTH.fullmatch(line)
        if match:
            length = int(match.group(1))
            if length > MAX_MESSAGE_BYTES:
                return self._fail(f"a Content-Length of {length:,} bytes (at most {MAX_MESSAGE_BYTES:,} are read)")
            self.length = length
            return line
        if _OTHER_HEADER.fullmatch(line) and not line.lower().startswith(b"content-length"):
            return line  # Content-Type, which pygls ignores
        return self._fail(f"a header line that is not LSP framing: {line[:60]!r}")

    def read(self, n: int) -> bytes:
        if self.error is not None or n != self.length:
            return self._fail(f"a read of {n:,} bytes where the header said {self.length}")
        self.length = None
        body = self.stream.read(n)
        if len(body) < n:
            return self._fail(f"the input ended {n - len(body):,} bytes into a message")
        return body

    def _fail(self, what: str) -> bytes:
        if self.error is None:
            self.error = what
            log.error("framing error: %s; the server stops (the client can start it again)", what)
        return b""
