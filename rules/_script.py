"""Reading script.csx as text: no C# compiler, nothing executed.

The scanner blanks out comments and the insides of string literals (keeping every offset), so the
script rules can match code with regular expressions and never mistake a comment or a string for
code. Offsets are character offsets in the script's text: a script finding is
`Finding("", ..., file=FileKind.SCRIPT, span=(start, end))`, which the server turns into a range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# The namespaces custom code may use ("Write code in a custom connector", Supported namespaces).
SUPPORTED_NAMESPACES = frozenset({
    "System", "System.Collections", "System.Collections.Generic", "System.Diagnostics", "System.IO",
    "System.IO.Compression", "System.Linq", "System.Net", "System.Net.Http", "System.Net.Http.Headers",
    "System.Net.Security", "System.Security.Authentication", "System.Security.Cryptography", "System.Text",
    "System.Text.RegularExpressions", "System.Threading", "System.Threading.Tasks", "System.Web", "System.Xml",
    "System.Xml.Linq", "System.Drawing", "System.Drawing.Drawing2D", "System.Drawing.Imaging",
    "Microsoft.Extensions.Logging", "Newtonsoft.Json", "Newtonsoft.Json.Linq",
})
MAX_BYTES = 1024 * 1024  # custom code must be less than 1 MB


@dataclass(frozen=True)
class Scanned:
    code: str  # the text with comments and string contents replaced by spaces (same length)
    literals: tuple  # (start, end, inner_start, inner_end, value) for each string literal, in order


@lru_cache(maxsize=16)
def scan(text: str) -> Scanned:
    """Blank comments and string contents; list the string literals with their offsets."""
    out = list(text)
    literals = []
    i, n = 0, len(text)

    def blank(a: int, b: int) -> None:
        for k in range(a, b):
            if out[k] not in "\r\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if c == "/" and text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif c == "/" and text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            blank(i, j)
            i = j
        elif c == "'":
            j = i + 1
            while j < n and text[j] != "'" and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            blank(i + 1, min(j, n))
            i = j + 1
        elif c == '"' or (c in "@$" and text[i + 1:i + 2] in ('"', "@", "$") and '"' in text[i + 1:i + 3]):
            start = i
            prefix = ""
            while i < n and text[i] in "@$":
                prefix += text[i]
                i += 1
            if text.startswith('"""', i):  # a raw string literal
                j = text.find('"""', i + 3)
                j = n if j < 0 else j + 3
                literals.append((start, j, i + 3, max(i + 3, j - 3), text[i + 3:max(i + 3, j - 3)]))
                blank(i + 3, max(i + 3, j - 3))
                i = j
                continue
            j, chars = i + 1, []
            verbatim = "@" in prefix
            while j < n:
                ch = text[j]
                if verbatim and ch == '"' and text[j + 1:j + 2] == '"':
                    chars.append('"')
                    j += 2
                elif ch == '"':
                    break
                elif not verbatim and ch == "\\" and j + 1 < n:
                    chars.append({"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(text[j + 1], text[j + 1]))
                    j += 2
                elif not verbatim and ch == "\n":
                    break  # an unterminated literal ends at the line
                else:
                    chars.append(ch)
                    j += 1
            literals.append((start, min(j + 1, n), i + 1, min(j, n), "".join(chars)))
            blank(i + 1, j)
            i = j + 1
        else:
            i += 1
    return Scanned("".join(out), tuple(literals))


_USING = re.compile(r"^[ \t\ufeff]*using[ \t]+(?:static[ \t]+)?([A-Za-z_][\w.]*)[ \t]*;", re.M)
_CLASS = re.compile(r"\b((?:(?:public|internal|private|sealed|partial|abstract|static)\s+)*)class\s+(\w+)\s*(?::\s*([\w.]+))?")
_EXECUTE = re.compile(r"\bExecuteAsync\s*\(")
_OVERRIDE_EXECUTE = re.compile(r"\boverride\s+(?:async\s+)?(?:System\.Threading\.Tasks\.)?Task\s*<\s*(?:System\.Net\.Http\.)?"
                               r"HttpResponseMessage\s*>\s*ExecuteAsync\s*\(\s*\)")


def usings(text: str) -> list[tuple[str, int, int]]:
    """(namespace, start, end) of each `using Namespace;` directive (not aliases or using statements)."""
    code = scan(text).code
    return [(m.group(1), m.start(1), m.end(1)) for m in _USING.finditer(code)]


def classes(text: str) -> list[tuple[str, str | None, str, int, int]]:
    """(name, base, modifiers, start, end of the name) of each class declaration."""
    code = scan(text).code
    return [(m.group(2), m.group(3), m.group(1), m.start(2), m.end(2)) for m in _CLASS.finditer(code)]


def has_execute_override(text: str) -> bool:
    return bool(_OVERRIDE_EXECUTE.search(scan(text).code))


def mentions_execute(text: str) -> int | None:
    m = _EXECUTE.search(scan(text).code)
    return m.start() if m else None


# ---------------------------------------------------------------------------------------------
# Which operationIds the script compares against


_OPID = r"(?:(?:this\s*\.\s*)?Context\s*\.\s*OperationId)"


@lru_cache(maxsize=16)  # two rules ask, and the language server asks again while only other files change
def operation_id_comparisons(text: str) -> tuple[tuple[str, int, int], ...]:
    """(operationId, start, end of the characters inside the quotes) for each string the script
    compares with `Context.OperationId`: `==` / `!=` either way round, `.Equals("…")`,
    `string.Equals(…OperationId, "…")`, `case "…":` in a `switch` on it, also through a local
    variable or a `const string` holding it."""
    scanned = scan(text)
    code = scanned.code
    by_start = {lit[0]: lit for lit in scanned.literals}
    by_end = {lit[1]: lit for lit in scanned.literals}
    consts = _string_constants(code, by_start)
    aliases = {m.group(1) for m in re.finditer(rf"\b(\w+)\s*=\s*{_OPID}\s*[;)]", code)}
    subject = _OPID if not aliases else rf"(?:{_OPID}|\b(?:{'|'.join(map(re.escape, sorted(aliases)))})\b)"
    found: dict[int, tuple[str, int, int]] = {}

    def add_literal(lit) -> None:
        if lit is not None:
            found[lit[2]] = (lit[4], lit[2], lit[3])

    def add_operand(pos: int) -> None:
        """The operand starting at `pos`: a literal, or the name of a string constant."""
        while pos < len(code) and code[pos] in " \t\r\n":
            pos += 1
        if pos in by_start:
            add_literal(by_start[pos])
            return
        m = re.compile(r"[A-Za-z_][\w.]*").match(code, pos)
        if m and m.group(0).split(".")[-1] in consts:
            lit = consts[m.group(0).split(".")[-1]]
            add_literal(lit)

    for m in re.finditer(rf"{subject}\s*(?:==|!=)", code):
        add_operand(m.end())
    for m in re.finditer(rf"{subject}\s*\.\s*Equals\s*\(", code):
        add_operand(m.end())
    for m in re.finditer(rf"\bstring\s*\.\s*Equals\s*\(\s*{subject}\s*,", code, re.I):
        add_operand(m.end())
    for m in re.finditer(rf"(?:==|!=)\s*{subject}", code):
        end = m.start()
        while end > 0 and code[end - 1] in " \t\r\n":
            end -= 1
        add_literal(by_end.get(end))
    for m in re.finditer(rf"\bswitch\s*\(\s*{subject}\s*\)\s*{{", code):
        close = _matching_brace(code, m.end() - 1)
        for case in re.finditer(r"\bcase\s+", code[m.end():close]):
            add_operand(m.end() + case.end())
    return tuple(found[k] for k in sorted(found))


def _string_constants(code: str, by_start: dict) -> dict:
    consts = {}
    for m in re.finditer(r"\b(?:const|static\s+readonly)\s+string\s+(\w+)\s*=\s*", code):
        lit = by_start.get(m.end())
        if lit is not None:
            consts[m.group(1)] = lit
    return consts


def _matching_brace(code: str, open_at: int) -> int:
    depth = 0
    for i in range(open_at, len(code)):
        if code[i] == "{":
            depth += 1
        elif code[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return len(code)
