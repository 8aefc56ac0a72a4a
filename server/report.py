"""Printing results: text (as ruff and eslint print), json (a contract), sarif 2.1.0, github annotations."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from connector_lint_rules import rules_by_id

from . import REPOSITORY_URL, __version__
from .engine import Diagnostic
from .positions import PlaceLines

SEVERITIES = ("error", "warning", "information", "hint")
_SARIF_LEVEL = {"error": "error", "warning": "warning", "information": "note", "hint": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "information": "notice", "hint": "notice"}
_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "information": "\033[36m", "hint": "\033[2m"}


@dataclass
class FileReport:
    path: str  # as shown: relative to the working directory when below it
    text: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The text of each other file that its diagnostics' related places are in (by the path the
    # diagnostics give, `Diagnostic.path`), for their lines and columns: see `with_related_texts`.
    others: dict[str, str] = field(default_factory=dict)

    @cached_property
    def lines(self) -> PlaceLines:
        """Lines and columns of its diagnostics' places (and of their related places in this file)."""
        return PlaceLines(self.text or "", self._places(lambda path, d: path == d.path))

    def _places(self, in_file):
        """The offsets of its diagnostics' places (for `in_file(d.path, d)`) and related places
        (for `in_file(path, d)`)."""
        for d in self.diagnostics:
            if in_file(d.path, d):
                yield d.start
                yield d.end
            for path, start, end, _ in d.related:
                if in_file(path, d):
                    yield start
                    yield end

    def with_related_texts(self, texts: dict[str, str | None]) -> "FileReport":
        """Keep the texts (path -> text, such as the connector's documents) of the other files its
        diagnostics' related places are in."""
        own = {d.path for d in self.diagnostics}
        self.others = {path: texts[path] for d in self.diagnostics for path, *_ in d.related
                       if path not in own and texts.get(path) is not None}
        return self

    def related(self, d: Diagnostic) -> list["RelatedPlace"]:
        """The related places of one of its diagnostics, located as the diagnostic is (1-based
        lines and columns, columns counting characters, ends exclusive)."""
        places = []
        for path, start, end, message in d.related:
            if path == d.path:
                lines = self.lines
            elif path in self.others:
                lines = self._other_lines(path)
            else:
                continue  # not a file of this report (never for the CLI: it passes every document)
            (line, col), (end_line, end_col) = lines.line_col(start), lines.line_col(end)
            places.append(RelatedPlace(display_path(path), line + 1, col + 1, end_line + 1, end_col + 1, message))
        return places

    def _other_lines(self, path: str) -> PlaceLines:
        cache = self.__dict__.setdefault("_other_line_indexes", {})
        if path not in cache:
            cache[path] = PlaceLines(self.others[path], self._places(lambda other, d: other == path))
        return cache[path]


class RelatedPlace(NamedTuple):
    """Another place that explains a finding (the first declaration, the target of a reference)."""

    path: str  # as shown
    line: int
    column: int
    end_line: int
    end_column: int
    message: str

    def json(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "endLine": self.end_line,
                "endColumn": self.end_column, "message": self.message}


class Rendered:
    """A file's part of the output in one format, rendered where it was checked (`render`, in a
    worker process with --jobs): its piece of the output and what the report's totals need, and
    neither its text nor its diagnostics, which are costly to send between processes."""

    __slots__ = ("path", "format", "counts", "fixable", "piece", "rules")

    def __init__(self, path: str, format: str, counts: tuple[int, ...], fixable: int, piece: str,
                 rules: tuple[str, ...] = ()):
        self.path = path
        self.format = format
        self.counts = counts  # of its diagnostics by severity, in SEVERITIES' order
        self.fixable = fixable  # of its diagnostics with a safe fix
        # text, github: its lines; json: its entry of "files"; sarif: its results, with a hole
        # (RULE_INDEX) for each result's ruleIndex, filled in from `rules` (one id per hole) when
        # the rules of the whole report are known
        self.piece = piece
        self.rules = rules

    def __getstate__(self):
        return (self.path, self.format, self.counts, self.fixable, self.piece, self.rules)

    def __setstate__(self, state):
        self.path, self.format, self.counts, self.fixable, self.piece, self.rules = state


RULE_INDEX = "\0"  # in a Rendered sarif piece: where a result's ruleIndex goes (never in JSON text)


def render(f: FileReport, format: str, colour: bool = False) -> Rendered:
    """The file's part of the output in `format` (text, json, sarif, github); `to_text` and the
    others put the parts of a report together with exactly the output they give for its FileReports."""
    counts = dict.fromkeys(SEVERITIES, 0)
    fixable = 0
    for d in f.diagnostics:
        counts[d.severity.value] += 1
        fixable += d.fixable
    rules: tuple[str, ...] = ()
    if format == "text":
        piece = _text_piece(f, colour)
    elif format == "github":
        piece = _github_piece(f)
    elif format == "json":
        piece = _json_piece(f)
    elif format == "sarif":
        piece, rules = _sarif_piece(f, {})
    else:
        raise ValueError(f"no such format: {format}")
    return Rendered(f.path, format, tuple(counts.values()), fixable, piece, rules)


def _piece(f: "FileReport | Rendered", format: str) -> str | None:
    """A Rendered file's piece in `format`; None for a FileReport (rendered by the caller)."""
    if isinstance(f, Rendered):
        if f.format != format:
            raise ValueError(f"{f.path} was rendered as {f.format}, not {format}")
        return f.piece
    return None


def _pieces(report: "Report", format: str, own) -> list[str]:
    """Each file's piece in `format`: a Rendered file's, or `own(f)` for a FileReport."""
    return [own(f) if (piece := _piece(f, format)) is None else piece for f in report.files]


@dataclass
class Report:
    files: list[FileReport | Rendered] = field(default_factory=list)
    connectors: int = 0
    fixed: int = 0  # fixes applied by --fix
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path as shown, why it was not read or fixed)

    def add(self, files: list[FileReport], fixed: int, skipped: list[tuple[str, str]]) -> None:
        self.files.extend(files)
        self.fixed += fixed
        self.skipped.extend(skipped)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(SEVERITIES, 0)
        for f in self.files:
            if isinstance(f, Rendered):
                for severity, n in zip(SEVERITIES, f.counts):
                    counts[severity] += n
                continue
            for d in f.diagnostics:
                counts[d.severity.value] += 1
        return counts

    def fixable(self) -> int:
        """How many of its diagnostics have a safe fix."""
        return sum(f.fixable if isinstance(f, Rendered) else sum(d.fixable for d in f.diagnostics)
                   for f in self.files)


def escape_controls(text: str, keep: str = " ") -> str:
    """`text` with control characters (ESC, CR, ...) and lone surrogates written as escapes, safe
    to print to a terminal and to encode as UTF-8. Characters in `keep` stay as they are."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in keep else ascii(ch)[1:-1] for ch in text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_text(value) -> str:
    """JSON as the reports write it (UTF-8, not ASCII-escaped), with any lone surrogate (a value
    such as "\\udc00" decodes to one; UTF-8 cannot encode it) written as its JSON escape."""
    return _escape_surrogates(indented_json(value))


def _escape_surrogates(text: str) -> str:
    """JSON text with each lone surrogate written as its escape (one character at a time: the
    pieces of a text can be escaped apart)."""
    if text.isascii():  # at no cost: Python knows it of every string
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _spliced(frame: dict, pieces: list[str], depth: int) -> list[str]:
    """The chunks of `_json_text(frame)` where the one value _HOLE in `frame` is the list whose
    items (written at `depth` + 1 and escaped) are `pieces`: the pieces are neither re-encoded nor
    re-scanned, nor joined (see `chunks`)."""
    inner = "\n" + "  " * (depth + 1)
    before, after = _json_text(frame).split(_HOLE)
    if not pieces:
        return [before, "[]", after]
    out = [before, "[", inner, pieces[0]]
    separator = "," + inner
    for piece in pieces[1:]:
        out += (separator, piece)
    out += (inner[:-2], "]", after)
    return out


def chunks(report: "Report", format: str, colour: bool = False) -> list[str]:
    """The output in `format` as pieces whose concatenation is `to_text`'s (colour) or the others'.
    A report of the whole certified corpus is 33 MB as JSON: joining it copies it (and widens it
    to four bytes a character when one character of it is beyond the BMP) only to be encoded again."""
    if format == "text":
        return _text_chunks(report, colour)
    return {"json": _json_chunks, "sarif": _sarif_chunks, "github": _github_chunks}[format](report)


_SCALAR_TYPES = frozenset((str, int, float, bool, type(None)))
_flat_encoders: dict[int, json.JSONEncoder] = {}
_leaf = json.JSONEncoder(ensure_ascii=False).encode


def indented_json(value) -> str:
    """Exactly `json.dumps(value, indent=2, ensure_ascii=False)`, about three times faster on a
    report. With `indent`, json.dumps runs its pure-Python encoder; here an object whose values
    are all scalars (a diagnostic) goes through the C encoder in one call, its item separator
    carrying the line break and indentation (a JSON string holds no raw line break to confuse).
    The pieces are joined once, at the end: a report that holds one character beyond Latin-1 is
    a wide string, and joining level by level would widen it again at each level."""
    out: list[str] = []
    _write(value, 0, out)
    return "".join(out)


def _write(value, depth: int, out: list[str]) -> None:
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = "\n" + "  " * (depth + 1)
        if _SCALAR_TYPES.issuperset(map(type, value.values())):
            encoder = _flat_encoders.get(depth)
            if encoder is None:
                encoder = _flat_encoders[depth] = json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": "))
            out += ("{", inner, encoder.encode(value)[1:-1], inner[:-2], "}")
            return
        separator = "{"
        for key, item in value.items():
            # a key that is not a string is written as json.dumps does: 1.5 -> "1.5", True -> "true"
            out += (separator, inner, _leaf(key if isinstance(key, str) else _leaf(key)), ": ")
            _write(item, depth + 1, out)
            separator = ","
        out += (inner[:-2], "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = "\n" + "  " * (depth + 1)
        separator = "["
        for item in value:
            out += (separator, inner)
            _write(item, depth + 1, out)
            separator = ","
        out += (inner[:-2], "]")
    elif type(value) is _Raw:
        out.append(value)
    else:
        out.append(_leaf(value))


class _Raw(str):
    """JSON text written as it is by `indented_json` (a piece rendered at its depth already)."""


_HOLE = _Raw("\0")  # where `_spliced` puts a list's items (no JSON text holds a raw NUL)


def display_path(path: str) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix() if not os.path.relpath(path).startswith("..") else Path(path).as_posix()
    except ValueError:
        return Path(path).as_posix()


def positions(report_file: FileReport, d: Diagnostic) -> tuple[int, int, int, int]:
    """1-based line and column, end exclusive, columns counting characters."""
    lines = report_file.lines
    line, col = lines.line_col(d.start)
    end_line, end_col = lines.line_col(d.end)
    return line + 1, col + 1, end_line + 1, end_col + 1


def _json_piece(f: FileReport) -> str:
    """The file's entry in the "files" of `to_json`, as `_json_text` writes it there (depth 2)."""
    items = []
    for d in f.diagnostics:
        line, col = f.lines.line_col(d.start)
        end_line, end_col = f.lines.line_col(d.end)
        item = {"rule": d.rule, "severity": d.severity.value, "message": d.message,
                "line": line + 1, "column": col + 1, "endLine": end_line + 1, "endColumn": end_col + 1,
                "pointer": d.pointer, "validatorCode": d.validator_code, "fixable": d.fixable}
        if d.policy_code:
            item["policyCode"] = d.policy_code
        if d.value_path:
            item["valuePath"] = d.value_path
        if d.related:
            item["related"] = [place.json() for place in f.related(d)]
        items.append(item)
    out: list[str] = []
    _write({"path": f.path, "diagnostics": items}, 2, out)
    return _escape_surrogates("".join(out))


def to_json(report: Report) -> str:
    return "".join(_json_chunks(report))


def _json_chunks(report: Report) -> list[str]:
    files = _pieces(report, "json", _json_piece)
    summary = {"connectors": report.connectors, "files": len(report.files), **report.counts()}
    if report.fixed:
        summary["fixed"] = report.fixed
    out = {"version": 1, "files": _HOLE, "summary": summary}
    if report.skipped:
        out["skipped"] = [{"path": path, "reason": reason} for path, reason in report.skipped]
    return _spliced(out, files, 1)


def _text_piece(f: FileReport, colour: bool = False) -> str:
    """The file's lines of `to_text` ("" without diagnostics)."""
    out = []
    bold, dim, reset = ("\033[1m", "\033[2m", "\033[0m") if colour else ("", "", "")
    for d in f.diagnostics:
        line, col, _, _ = positions(f, d)
        sev = d.severity.value
        code = codes_suffix(d)
        fix = f" {dim}(fixable){reset}" if d.fixable else ""
        sev_text = f"{_COLOURS[sev]}{sev}{reset}" if colour else sev
        out.append(f"{bold}{escape_controls(f.path)}{reset}:{line}:{col}: {sev_text} {bold}{d.rule}{reset} "
                   f"{escape_controls(d.message)}{code}{fix}")
        if d.related:  # as compilers print notes: a line of its own, which no severity matches
            out += [f"{escape_controls(p.path)}:{p.line}:{p.column}: {dim}note:{reset} {escape_controls(p.message)}"
                    for p in f.related(d)]
    return "\n".join(out)


def to_text(report: Report, colour: bool = False) -> str:
    return "".join(_text_chunks(report, colour))


def _text_chunks(report: Report, colour: bool = False) -> list[str]:
    out = []
    for piece in _pieces(report, "text", lambda f: _text_piece(f, colour)):
        if piece:
            out += (piece, "\n")
    counts = report.counts()
    total = sum(counts.values())
    fixable = report.fixable()
    parts = ", ".join(f"{n} {k if n == 1 or k == 'information' else k + 's'}" for k, n in counts.items() if n)
    where = f"{counted(report.connectors, 'connector')}, {counted(len(report.files), 'file')}"
    if total:
        line = f"Found {counted(total, 'problem')} ({parts}) in {where}."
        if fixable:
            line += f" {fixable} fixable with --fix."
    else:
        line = f"No problems found in {where}."
    if report.fixed:
        line += f" Applied {counted(report.fixed, 'fix', 'fixes')}."
    out.append(line)
    return out


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """"1 file", "2 files"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def codes_suffix(d: Diagnostic) -> str:
    """" [ValidatorCode] [policy 5000.2.2.1]": Microsoft's codes for a finding, as text output shows them."""
    codes = [c for c in (d.validator_code, d.policy_code and f"policy {d.policy_code}") if c]
    value_path = f" ValuePath: {d.value_path}" if d.value_path else ""
    return "".join(f" [{c}]" for c in codes) + value_path


def _github_piece(f: FileReport) -> str:
    """The file's lines of `to_github` ("" without diagnostics)."""
    out = []
    for d in f.diagnostics:
        line, col, end_line, end_col = positions(f, d)
        title = f"connector-lint ({d.rule})"
        msg = d.message + codes_suffix(d) + "".join(f"\n{p.path}:{p.line}:{p.column}: {p.message}"
                                                   for p in f.related(d))
        out.append(f"::{_GITHUB_LEVEL[d.severity.value]} file={_gh(f.path)},line={line},col={col},"
                   f"endLine={end_line},endColumn={end_col},title={_gh(title)}::{_gh_msg(msg)}")
    return "\n".join(out)


def to_github(report: Report) -> str:
    return "".join(_github_chunks(report))


def _github_chunks(report: Report) -> list[str]:
    out = []
    for piece in _pieces(report, "github", _github_piece):
        if piece:
            out += ("\n", piece) if out else (piece,)
    return out


def _gh_msg(s: str) -> str:
    s = escape_controls(s, keep=" \r\n")  # line breaks are encoded below
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh(s: str) -> str:
    return _gh_msg(s).replace(":", "%3A").replace(",", "%2C")


def rule_page_url(rule_id: str) -> str:
    """The published page of a rule, for this version (docs/rules/<id>.md at its tag)."""
    return f"{REPOSITORY_URL}/blob/v{__version__}/docs/rules/{rule_id}.md"


def _fingerprint(path: str, d: Diagnostic, seen: dict[str, int]) -> str:
    """What identifies a finding across commits for code scanning: the file, the rule, the JSON
    pointer and the message, not the line (lines move when anything above changes); a repeat of
    the same finding gets its ordinal."""
    key = "\0".join((path, d.rule, d.pointer or "", d.message))
    seen[key] = seen.get(key, 0) + 1
    return hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _sarif_piece(f: FileReport, seen: dict[str, int]) -> tuple[str, tuple[str, ...]]:
    """The file's results of `to_sarif`, as `_json_text` writes them there (depth 4, each after a
    comma and a line break and indentation but the first), with a RULE_INDEX hole for each ruleIndex;
    and the rule of each hole. `seen`: as `_fingerprint`'s."""
    out: list[str] = []
    rules = []
    hole = _Raw(RULE_INDEX)
    for d in f.diagnostics:
        line, col, end_line, end_col = positions(f, d)
        result = {
            "ruleId": d.rule, "ruleIndex": hole, "level": _SARIF_LEVEL[d.severity.value],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.path},
                                                "region": {"startLine": line, "startColumn": col,
                                                           "endLine": end_line, "endColumn": end_col}}}],
            "properties": {"pointer": d.pointer, "validatorCode": d.validator_code, "policyCode": d.policy_code,
                           "valuePath": d.value_path},
            "partialFingerprints": {"connectorLint/v1": _fingerprint(f.path, d, seen)},
        }
        if d.pointer:
            result["locations"][0]["logicalLocations"] = [{"fullyQualifiedName": d.pointer, "kind": "member"}]
        if d.related:
            result["relatedLocations"] = [
                {"id": i, "message": {"text": p.message},
                 "physicalLocation": {"artifactLocation": {"uri": p.path},
                                      "region": {"startLine": p.line, "startColumn": p.column,
                                                 "endLine": p.end_line, "endColumn": p.end_column}}}
                for i, p in enumerate(f.related(d))]
        if rules:
            out.append(_SARIF_NEXT)
        _write(result, 4, out)
        rules.append(d.rule)
    return _escape_surrogates("".join(out)), tuple(rules)


_SARIF_NEXT = ",\n" + "  " * 4  # between two results of `to_sarif`


def to_sarif(report: Report) -> str:
    return "".join(_sarif_chunks(report))


def _sarif_chunks(report: Report) -> list[str]:
    table = rules_by_id()
    seen: dict[str, int] = {}
    pieces = []
    for f in report.files:
        if isinstance(f, Rendered):
            _piece(f, "sarif")
            pieces.append((f.piece, f.rules))
        else:
            pieces.append(_sarif_piece(f, seen))
    used = sorted({rule_id for _, rule_ids in pieces for rule_id in rule_ids})
    index = {rule_id: str(i) for i, rule_id in enumerate(used)}
    rules = []
    for rule_id in used:
        rule = table.get(rule_id)
        entry = {"id": rule_id}
        if rule is not None:
            entry.update({
                "helpUri": rule_page_url(rule_id),
                "shortDescription": {"text": rule.summary},
                "help": {"text": rule.summary, "markdown": rule.docs.strip()},
                "defaultConfiguration": {"level": _SARIF_LEVEL.get(rule.severity.value, "warning")},
                "properties": {"category": rule.category, "validatorCode": rule.validator_code,
                               "policyCode": rule.policy_code},
            })
        rules.append(entry)
    results: list[str] = []
    for piece, rule_ids in pieces:
        if not rule_ids:
            continue
        parts = piece.split(RULE_INDEX)
        filled = [parts[0]]
        for rule_id, part in zip(rule_ids, parts[1:]):
            filled += (index[rule_id], part)
        results.append("".join(filled))
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "connector-lint", "version": __version__, "semanticVersion": __version__,
                                "rules": rules}},
            "artifacts": [{"location": {"uri": f.path}} for f in report.files],
            "results": _HOLE,
        }],
    }
    return _spliced(sarif, results, 3)
