"""The certification readiness report: one page a publisher can read, attach or paste into a PR.

`connector-lint report PATH` checks PATH as `check` does and writes a verdict (ready, or what blocks
certification grouped by policy code), per-file and per-operation tables, the warnings reviewers ask
about, and breaking changes (findings of rules in the `breaking` category, when such rules ran).
Every finding links to its rule page and names its location. HTML is one self-contained file (inline
CSS, no script, no external asset) that reads at phone width; Markdown suits a PR description.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from connector_lint_rules import rules_by_id
from connector_lint_rules._api import split_pointer
from connector_lint_rules._openapi import swagger_operations
from connector_lint_rules._policies import PAGE as POLICY_PAGE, policies_by_code

from .docs import rule_url
from .jsonparse import parse
from .report import FileReport, Report, positions

OTHER = "other"  # blockers without a policy code


@dataclass
class Item:
    """One finding, located and linked."""

    rule: str
    severity: str
    message: str
    file: str
    line: int
    column: int
    pointer: str | None
    policy: str | None
    validator: str | None
    url: str | None  # the rule's page
    file_url: str | None  # the file, when it is on disk (not inside an archive)

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass
class Operation:
    method: str
    path: str
    operation_id: str
    summary: str
    counts: Counter = field(default_factory=Counter)


@dataclass
class Readiness:
    title: str
    items: list[Item]
    files: list[tuple[str, Counter]]
    operations: list[Operation]

    @property
    def ready(self) -> bool:
        return not any(i.severity == "error" for i in self.items)

    def blockers(self) -> dict[str, list[Item]]:
        """Error-level findings by policy code (codes in order, then those without one)."""
        groups: dict[str, list[Item]] = defaultdict(list)
        for item in self.items:
            if item.severity == "error":
                groups[item.policy or OTHER].append(item)
        return dict(sorted(groups.items(), key=lambda kv: (kv[0] == OTHER, _code_key(kv[0]))))

    def warnings(self) -> list[Item]:
        return [i for i in self.items if i.severity == "warning" and not _breaking(i.rule)]

    def breaking(self) -> list[Item]:
        return [i for i in self.items if _breaking(i.rule)]


def _breaking(rule_id: str) -> bool:
    rule = rules_by_id().get(rule_id)
    return rule is not None and rule.category == "breaking"


def _code_key(code: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in code.split("."))


def build(report: Report) -> Readiness:
    items, files, operations = [], [], []
    for f in report.files:
        counts = Counter(d.severity.value for d in f.diagnostics)
        files.append((f.path, counts))
        on_disk = Path(f.path)
        file_url = on_disk.resolve().as_uri() if "!/" not in f.path and on_disk.is_file() else None
        for d in f.diagnostics:
            line, col, _, _ = positions(f, d)
            items.append(Item(d.rule, d.severity.value, d.message, f.path, line, col, d.pointer,
                              d.policy_code, d.validator_code, rule_url(d.rule), file_url))
        if f.path.lower().endswith(("swagger.json", "_openapidefinition.json")) and f.text:
            operations.extend(_operations(f))
    order = {"error": 0, "warning": 1, "information": 2, "hint": 3}
    items.sort(key=lambda i: (order.get(i.severity, 4), i.file, i.line, i.column))
    return Readiness(_title(report), items, files, operations)


def _title(report: Report) -> str:
    for f in report.files:
        if f.path.lower().endswith(("swagger.json", "_openapidefinition.json")) and f.text:
            value = parse(f.text).value
            title = value.get("info", {}).get("title") if isinstance(value, dict) and isinstance(
                value.get("info"), dict) else None
            if isinstance(title, str) and title.strip():
                return title.strip()
    return Path(report.files[0].path).parent.name if report.files else "connector"


def _operations(f: FileReport) -> list[Operation]:
    value = parse(f.text or "").value
    found: dict[tuple[str, str], Operation] = {}
    for op in swagger_operations(value):
        oid, summary = op.value.get("operationId"), op.value.get("summary")
        found[(op.path, op.method)] = Operation(op.method.upper(), op.path, oid if isinstance(oid, str) else "",
                                                summary if isinstance(summary, str) else "")
    for d in f.diagnostics:
        try:
            parts = split_pointer(d.pointer or "")
        except ValueError:
            continue
        if len(parts) >= 3 and parts[0] == "paths" and (parts[1], parts[2]) in found:
            found[(parts[1], parts[2])].counts[d.severity.value] += 1
    return list(found.values())


# ---------------------------------------------------------------------------------------------
# HTML

_CSS = """
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #5c5c5c; --line: #d0d0d0;
  --err: #b3261e; --warn: #8a5a00; --ok: #1e7b34; --card: #f5f5f5; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e8e8; --bg: #161616; --muted: #a8a8a8; --line: #3a3a3a;
  --err: #ff8a80; --warn: #ffd180; --ok: #8fd19e; --card: #222; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); }
main { max-width: 960px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1rem; margin: 16px 0 6px; }
.muted { color: var(--muted); font-size: .9rem; }
.verdict { border-radius: 8px; padding: 12px 16px; margin: 12px 0; background: var(--card);
  border-left: 6px solid var(--ok); }
.verdict.blocked { border-left-color: var(--err); }
.verdict strong { font-size: 1.15rem; }
.counts span { display: inline-block; margin-right: 12px; white-space: nowrap; }
.error { color: var(--err); font-weight: 600; } .warning { color: var(--warn); font-weight: 600; }
ul.findings { list-style: none; padding: 0; margin: 0; }
ul.findings li { padding: 8px 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
code, .loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
.loc { color: var(--muted); display: block; }
a { color: inherit; }
.table { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { white-space: nowrap; } .n { text-align: right; white-space: nowrap; }
td.wrap { overflow-wrap: anywhere; min-width: 8rem; }
@media (max-width: 600px) { main { padding: 10px; } h1 { font-size: 1.25rem; } table { font-size: .8rem; }
  th, td { padding: 4px 5px; } .hide-narrow { display: none; } }
"""


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _link(url: str | None, text: str) -> str:
    return f'<a href="{_e(url)}">{_e(text)}</a>' if url else _e(text)


def _finding_html(item: Item) -> str:
    codes = " ".join(f"<code>{_e(c)}</code>" for c in (item.validator, item.policy and f"policy {item.policy}") if c)
    return (f'<li><span class="{_e(item.severity)}">{_e(item.severity)}</span> '
            f'{_link(item.url, item.rule)} {_e(item.message)} {codes}'
            f'<span class="loc">{_link(item.file_url, item.location)}</span></li>')


def to_html(r: Readiness) -> str:
    policies = policies_by_code()
    blockers = r.blockers()
    total = Counter(i.severity for i in r.items)
    out = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>Certification readiness: {_e(r.title)}</title><style>{_CSS}</style></head><body><main>",
           f"<h1>{_e(r.title)}</h1>",
           '<p class="muted">Certification readiness, by connector-lint. Policy codes are those of '
           f'<a href="{_e(POLICY_PAGE)}">Fix certification policy errors</a>.</p>']
    if r.ready:
        out.append('<div class="verdict"><strong>Ready for certification.</strong> '
                   "No finding blocks it; read the warnings below before you submit.</div>")
    else:
        n = sum(len(v) for v in blockers.values())
        coded = [code for code in blockers if code != OTHER]
        parts = []
        if coded:
            parts.append(f"{n - len(blockers.get(OTHER, []))} under {len(coded)} policy code{'s' if len(coded) != 1 else ''}")
        if OTHER in blockers:
            parts.append(f"{len(blockers[OTHER])} from Microsoft's validator and platform checks")
        out.append(f'<div class="verdict blocked"><strong>Not ready: {n} error{"s" if n != 1 else ""} '
                   f'block{"s" if n == 1 else ""} certification</strong> ({_e(", ".join(parts))}).</div>')
    out.append('<p class="counts">' + "".join(
        f'<span class="{k}">{total.get(k, 0)} {k}{"s" if total.get(k, 0) != 1 and k != "information" else ""}</span>'
        for k in ("error", "warning", "information")) + "</p>")
    if blockers:
        out.append('<h2 id="blockers">What blocks certification</h2>')
        for code, items in blockers.items():
            if code == OTHER:
                head = "Errors without a policy code (Microsoft's validator and platform checks)"
            else:
                policy = policies.get(code)
                head = f"Policy {code}" + (f": {policy.title}" if policy else "")
            out.append(f"<h3>{_e(head)}</h3><ul class=\"findings\">")
            out.extend(_finding_html(i) for i in items)
            out.append("</ul>")
    breaking = r.breaking()
    if breaking:
        out.append('<h2 id="breaking">Breaking changes</h2><ul class="findings">')
        out.extend(_finding_html(i) for i in breaking)
        out.append("</ul>")
    warnings = r.warnings()
    out.append('<h2 id="warnings">Warnings reviewers ask about</h2>')
    if warnings:
        out.append('<ul class="findings">')
        out.extend(_finding_html(i) for i in warnings)
        out.append("</ul>")
    else:
        out.append("<p>None.</p>")
    out.append('<h2 id="files">Files</h2><div class="table"><table><thead><tr><th>File</th><th class="n">Errors</th>'
               '<th class="n">Warnings</th><th class="n hide-narrow">Information</th></tr></thead><tbody>')
    for path, counts in r.files:
        out.append(f'<tr><td class="wrap"><code>{_e(path)}</code></td><td class="n">{counts.get("error", 0) or ""}</td>'
                   f'<td class="n">{counts.get("warning", 0) or ""}</td>'
                   f'<td class="n hide-narrow">{counts.get("information", 0) or ""}</td></tr>')
    out.append("</tbody></table></div>")
    if r.operations:
        out.append('<h2 id="operations">Operations</h2><div class="table"><table><thead><tr><th>Operation</th>'
                   '<th class="hide-narrow">Summary</th><th class="n">Errors</th><th class="n">Warnings</th></tr></thead><tbody>')
        for op in r.operations:
            name = op.operation_id or "(no operationId)"
            out.append(f'<tr><td class="wrap"><code>{_e(name)}</code><br><span class="muted">{_e(op.method)} '
                       f'{_e(op.path)}</span></td><td class="wrap hide-narrow">{_e(op.summary)}</td>'
                       f'<td class="n">{op.counts.get("error", 0) or ""}</td>'
                       f'<td class="n">{op.counts.get("warning", 0) or ""}</td></tr>')
        out.append("</tbody></table></div>")
    info = [i for i in r.items if i.severity in ("information", "hint")]
    if info:
        out.append(f'<h2 id="suggestions">Suggestions ({len(info)})</h2><ul class="findings">')
        out.extend(_finding_html(i) for i in info)
        out.append("</ul>")
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# Markdown (a PR description)


def _md(text) -> str:
    return (str(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("*", "\\*")
            .replace("\n", " "))


def _finding_md(item: Item) -> str:
    rule = f"[{item.rule}]({item.url})" if item.url and not item.url.startswith("file:") else f"`{item.rule}`"
    codes = "".join(f" `{c}`" for c in (item.validator, item.policy and f"policy {item.policy}") if c)
    return f"- {rule} {_md(item.message)}{codes} — `{item.location}`"


def to_markdown(r: Readiness) -> str:
    policies = policies_by_code()
    total = Counter(i.severity for i in r.items)
    lines = [f"## Certification readiness: {_md(r.title)}", ""]
    blockers = r.blockers()
    if r.ready:
        lines.append("**Ready for certification.** No finding blocks it.")
    else:
        n = sum(len(v) for v in blockers.values())
        lines.append(f"**Not ready:** {n} error{'s' if n != 1 else ''} block certification.")
    lines += ["", f"{total.get('error', 0)} errors, {total.get('warning', 0)} warnings, "
                  f"{total.get('information', 0)} information ([policy codes]({POLICY_PAGE})).", ""]
    if blockers:
        lines += ["### What blocks certification", ""]
        for code, items in blockers.items():
            policy = policies.get(code)
            head = "Errors without a policy code" if code == OTHER else f"Policy {code}" + (f": {policy.title}" if policy else "")
            lines += [f"**{_md(head)}**", ""] + [_finding_md(i) for i in items] + [""]
    if r.breaking():
        lines += ["### Breaking changes", ""] + [_finding_md(i) for i in r.breaking()] + [""]
    warnings = r.warnings()
    lines += ["### Warnings reviewers ask about", ""] + ([_finding_md(i) for i in warnings] or ["None."]) + [""]
    lines += ["### Files", "", "| File | Errors | Warnings | Information |", "|---|---:|---:|---:|"]
    lines += [f"| `{_md(p)}` | {c.get('error', 0)} | {c.get('warning', 0)} | {c.get('information', 0)} |"
              for p, c in r.files]
    if r.operations:
        lines += ["", "### Operations", "", "| Operation | Method and path | Errors | Warnings |", "|---|---|---:|---:|"]
        lines += [f"| `{_md(op.operation_id or '(none)')}` | {op.method} `{_md(op.path)}` | "
                  f"{op.counts.get('error', 0)} | {op.counts.get('warning', 0)} |" for op in r.operations]
    return "\n".join(lines) + "\n"

