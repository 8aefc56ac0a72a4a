"""Run the rules over a connector and turn their findings into located diagnostics.

The engine is shared by the CLI and the language server. It owns the wall between rules and text:
rules return pointers; the engine finds ranges. A rule that raises becomes one `internal-error`
diagnostic naming it, and the other rules still run.
"""

from __future__ import annotations

import os
import traceback
from operator import attrgetter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Callable, Iterable

from connector_lint_rules import all_rules, run_unit, units
from connector_lint_rules._api import FileKind, Finding, Fix, Preset, Rule, RuleContext, Severity, Unit

from .config import Config
from .document import Document

INTERNAL_ERROR = "internal-error"


@dataclass
class Diagnostic:
    rule: str
    severity: Severity
    message: str
    path: str
    start: int
    end: int
    pointer: str | None = None
    validator_code: str | None = None
    fixes: list = field(default_factory=list)  # rule Fix objects or parser TextFix objects
    related: list = field(default_factory=list)  # [(path, start, end, message)]
    policy_code: str | None = None  # the certification policy code (5000.x.y.z)
    value_path: str | None = None  # the ValuePath of Microsoft's change validator (breaking changes)
    finding: Finding | None = field(default=None, compare=False, repr=False)  # the rule's, when a rule found it

    @property
    def fixable(self) -> bool:
        return any(_applicability(f) == "safe" for f in self.fixes)


def _applicability(fix: Any) -> str:
    value = fix.applicability
    return value.value if hasattr(value, "value") else str(value)


def detect_preset(config: Config, docs: dict[FileKind, Document], folder: str | None) -> Preset:
    """The configured preset, or the one the connector's folder and brand colour say.

    The folder is resolved first, so `check .`, `check "$PWD"`, `check ../X`, a file path and the
    language server's absolute path all name the same folders.
    """
    if config.preset != "auto":
        return Preset(config.preset)
    parts = {p.lower() for p in PurePath(os.path.realpath(folder)).parts} if folder else set()
    if "independent-publisher-connectors" in parts:
        return Preset.INDEPENDENT_PUBLISHER
    props = docs.get(FileKind.API_PROPERTIES)
    value = props.value if props else None
    color = value.get("properties", {}).get("iconBrandColor") if isinstance(value, dict) and isinstance(
        value.get("properties"), dict) else None
    if isinstance(color, str) and color.strip().lower() == "#da3b01":
        return Preset.INDEPENDENT_PUBLISHER
    if "custom-connectors" in parts:
        return Preset.CUSTOM
    return Preset.CERTIFIED


def build_context(docs: dict[FileKind, Document], config: Config, preset: Preset,
                  base: RuleContext | None = None, base_error: str | None = None) -> RuleContext:
    """The rules' view of a connector; `base` is the connector as it was, for the breaking-change
    rules (`base_error`: why a base that was asked for could not be read)."""
    def text(kind):
        doc = docs.get(kind)
        return doc.text if doc else None

    swagger = docs.get(FileKind.SWAGGER)
    icon = docs.get(FileKind.ICON)
    return RuleContext(
        swagger=docs[FileKind.SWAGGER].value if FileKind.SWAGGER in docs else None,
        api_properties=docs[FileKind.API_PROPERTIES].value if FileKind.API_PROPERTIES in docs else None,
        settings=docs[FileKind.SETTINGS].value if FileKind.SETTINGS in docs else None,
        files=frozenset(docs),
        readme=text(FileKind.README),
        icon=icon.data if icon else None,
        script=text(FileKind.SCRIPT),
        swagger_size=swagger.size if swagger else None,
        preset=preset,
        words=config.words_for(doc.path for doc in docs.values()),
        base=base,
        base_error=base_error,
    )


def enabled_rules(config: Config, preset: Preset, rules: Iterable[Rule] | None = None) -> list[tuple[Rule, Severity]]:
    chosen = []
    for rule in rules if rules is not None else all_rules():
        severity = config.severity(rule, preset)
        if severity is not Severity.OFF:
            chosen.append((rule, severity))
    return chosen


class Cancelled(Exception):
    """The lint was superseded (see `lint`'s `cancelled`); what it finished is cached."""


class Runner:
    """How `lint` runs the rules: afresh, as here (the CLI), or reusing the last lint's results
    where their inputs are unchanged (the language server: `incremental.ConnectorLinter`)."""

    def context(self, ctx: RuleContext) -> RuleContext:
        """The context the rules are given."""
        return ctx

    def options(self, rule: Rule, options: dict) -> dict:
        return options

    def findings(self, rule: Rule, ctx: RuleContext, units: list[Unit],
                 cancelled: Callable[[], bool]) -> tuple[list[Finding] | None, BaseException | None]:
        """The rule's findings over its units, or the exception it raised."""
        found: list[Finding] = []
        try:
            for unit in units:
                found += run_unit(rule, ctx, unit)
            return found, None
        except Exception as exc:  # a rule bug must not take the others down
            return None, exc

    def locate(self, rule: Rule, severity: Severity, findings: list[Finding],
               docs: dict[FileKind, Document]) -> list[Diagnostic]:
        return locate(rule, severity, findings, docs)

    def close(self, enabled: list[tuple[Rule, Severity]]) -> None:
        """The lint ended (also when cancelled)."""


def lint(docs: dict[FileKind, Document], config: Config, folder: str | None = None,
         rules: Iterable[Rule] | None = None, runner: Runner | None = None,
         cancelled: Callable[[], bool] = lambda: False, base: RuleContext | None = None,
         base_error: str | None = None) -> list[Diagnostic]:
    """Every diagnostic of a connector, syntax first, then the rules' findings, sorted per file.
    Raises Cancelled when `cancelled()` turns true (checked between rules and between units).
    `base`, `base_error`: the connector as it was, for the breaking-change rules (`build_context`)."""
    runner = runner or Runner()
    preset = detect_preset(config, docs, folder)
    rule_table = {r.id: r for r in all_rules()}
    diagnostics: list[Diagnostic] = []
    for doc in docs.values():
        if doc.is_json:
            diagnostics.extend(syntax_diagnostics(doc, config, preset, rule_table))
    ctx = runner.context(build_context(docs, config, preset, base, base_error))
    enabled = enabled_rules(config, preset, rules)
    try:
        for rule, severity in enabled:
            if cancelled():
                raise Cancelled
            if rule.check is None:
                continue
            rule_ctx = ctx.with_options(runner.options(rule, rule_options(rule, config)))
            findings, error = runner.findings(rule, rule_ctx, units(rule, ctx), cancelled)
            if error is not None:
                diagnostics.append(internal_error(rule.id, error, docs))
                continue
            diagnostics.extend(runner.locate(rule, severity, findings, docs))
    finally:
        runner.close(enabled)
    return finish(diagnostics, config)


def rule_options(rule: Rule, config: Config) -> dict:
    """The rule's options: its defaults, overridden by the configuration's."""
    return {**rule.options, **config.options(rule)}


def finish(diagnostics: list[Diagnostic], config: Config) -> list[Diagnostic]:
    if not config.ignore and type(config).ignored is Config.ignored:  # nothing ignored (most configurations)
        kept = list(diagnostics)
    else:
        kept = [d for d in diagnostics if not config.ignored(d.rule, d.path, d.pointer)]
    kept.sort(key=_ORDER)
    return kept


_ORDER = attrgetter("path", "start", "end", "rule")  # (a key made in C: the server sorts ~700 per keystroke)


def syntax_diagnostics(doc: Document, config: Config, preset: Preset, rule_table: dict[str, Rule]) -> list[Diagnostic]:
    out = []
    for problem in doc.parsed.problems:
        rule = rule_table.get(problem.rule)
        severity = config.severity(rule, preset) if rule else Severity.ERROR
        if severity is Severity.OFF:
            continue
        start, end = widen(doc.text, problem.start, problem.end)
        related = [(doc.path, *widen(doc.text, s, e), message) for s, e, message in problem.related]
        out.append(Diagnostic(problem.rule, severity, problem.message, doc.path, start, end, None,
                              None, list(problem.fixes), related, rule.policy_code if rule else None))
    return out


def locate(rule: Rule, severity: Severity, findings: Iterable[Finding], docs: dict[FileKind, Document],
           range_of: Callable[[Document, str, str, Any], tuple[int, int]] | None = None) -> list[Diagnostic]:
    """Diagnostics for a rule's findings. `range_of(doc, pointer, target, span)` finds a range
    (default: `doc.range_of`; the language server passes one that remembers ranges)."""
    out = []
    rule_id, rule_file, validator_code, policy_code = rule.id, rule.file, rule.validator_code, rule.policy_code
    for finding in findings:
        kind = finding.file or rule_file
        doc = docs.get(kind) or docs.get(FileKind.SWAGGER) or next(iter(docs.values()), None)
        if doc is None:
            continue
        message = finding.message
        if doc.kind is kind:
            if range_of is None:
                start, end = doc.range_of(finding.pointer, finding.target, finding.span)
            else:
                start, end = range_of(doc, finding.pointer, finding.target, finding.span)
            fixes = list(finding.fixes)
        else:  # the file it is about is missing: say so where it will be seen
            message = f"{message} ({kind.value} file)"
            start, end, fixes = 0, 0, []
        if end <= start:
            start, end = widen(doc.text or "", start, end)
        related = []
        for rel in finding.related:
            rdoc = docs.get(rel.file or kind)
            if rdoc is not None:
                rs, re_ = widen(rdoc.text or "", *rdoc.range_of(rel.pointer))
                related.append((rdoc.path, rs, re_, rel.message))
        own = finding.severity
        out.append(Diagnostic(rule_id, severity if own is None else _lowered(severity, own), message, doc.path,
                              start, end, finding.pointer, finding.validator_code or validator_code, fixes, related,
                              finding.policy_code or policy_code, finding.value_path, finding))
    return out


def moved(d: Diagnostic, shift: int, related: list) -> Diagnostic:
    """A copy of `d` whose range is `shift` characters further (the text before it grew), with
    `related` places. (Copied field by field, not through `dataclasses.replace`: the language server
    moves hundreds per keystroke.)"""
    fields = d.__dict__.copy()
    fields["start"] += shift
    fields["end"] += shift
    fields["related"] = related
    out = object.__new__(Diagnostic)
    out.__dict__ = fields
    return out


def _lowered(configured: Severity, own: Severity | None) -> Severity:
    """A finding may lower its rule's configured severity (a lesser tier), never raise it."""
    return own if own is not None and own.rank < configured.rank else configured


def internal_error(rule_id: str, exc: BaseException, docs: dict[FileKind, Document]) -> Diagnostic:
    doc = docs.get(FileKind.SWAGGER) or next(iter(docs.values()))
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {PurePath(frame.filename).name}:{frame.lineno}" if frame else ""
    message = f"Rule {rule_id} failed: {type(exc).__name__}: {exc}{where}. Please report this; the other rules still ran."
    return Diagnostic(INTERNAL_ERROR, Severity.ERROR, message, doc.path, 0, min(1, len(doc.text or "")), "", None)


def widen(text: str, start: int, end: int) -> tuple[int, int]:
    """An empty range is invisible in most editors: widen it to the character at (or before) it."""
    if end > start:
        return start, end
    if start < len(text) and text[start] not in "\r\n":
        return start, start + 1
    if start > 0:
        return start - 1, start
    return start, end


def safe_fixes(diagnostics: Iterable[Diagnostic]) -> list[tuple[Diagnostic, Any]]:
    return [(d, fix) for d in diagnostics for fix in d.fixes[:1] if _applicability(fix) == "safe"]


def is_rule_fix(fix: Any) -> bool:
    return isinstance(fix, Fix)
