"""Rule documentation pages, generated from each rule module's docstring and metadata.

One text serves three places: docs/rules/<id>.md (regenerate with `python -m connector_lint.docs`),
`connector-lint rule ID`, and the language server's hover and diagnostic links.
"""

from __future__ import annotations

import sys
from pathlib import Path

from connector_lint_rules import all_rules, rules_by_id
from connector_lint_rules._api import FixAvailability, Rule
from connector_lint_rules._cache import cache_directory, prune, touch
from connector_lint_rules._files import write_atomically

from . import __version__

REPO_DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def page(rule: Rule) -> str:
    """The Markdown page of a rule: a title, a metadata table, then the rule's own documentation."""
    body = (rule.docs or "").strip()
    first, _, rest = body.partition("\n")
    lines = [f"# {rule.id}", "", first.strip() or rule.summary, ""]
    table = [("Severity", rule.severity.value), ("Category", rule.category), ("File", rule.file.value)]
    if rule.preset_severity:
        table.append(("By preset", ", ".join(f"{p.value}: {s.value}" for p, s in sorted(rule.preset_severity.items()))))
    if rule.validator_code:
        table.append(("Microsoft validator code", f"`{rule.validator_code}`"))
    if rule.policy_code:
        table.append(("Certification policy code", f"`{rule.policy_code}`"))
    table.append(("Fixable", {FixAvailability.NONE: "no", FixAvailability.SOMETIMES: "sometimes",
                              FixAvailability.ALWAYS: "yes"}[rule.fixable]))
    if rule.options:
        table.append(("Options", ", ".join(f"`{k}` (default `{v!r}`)" for k, v in rule.options.items())))
    lines += ["| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in table] + [""]
    lines.append(rest.strip())
    lines.append("")
    return "\n".join(lines)


def index_page() -> str:
    lines = ["# Rules", "", "Generated from the rule modules by `python -m connector_lint.docs`; do not edit by hand.", "",
             "| Rule | Severity | Category | Validator code | Fixable | Summary |", "|---|---|---|---|---|---|"]
    for rule in all_rules():
        lines.append(f"| [{rule.id}]({rule.id}.md) | {rule.severity.value} | {rule.category} | "
                     f"{rule.validator_code or ''} | {rule.fixable.value} | {rule.summary} |")
    return "\n".join(lines) + "\n"


def page_path(rule_id: str) -> Path | None:
    """A file holding the rule's page: the repository's docs when present, else a cached copy."""
    repo_page = REPO_DOCS / f"{rule_id}.md"
    if repo_page.is_file():
        return repo_page
    rule = rules_by_id().get(rule_id)
    if rule is None:
        return None
    cache = cache_directory() / f"rules-{__version__}"  # the pages of other versions are pruned
    target = cache / f"{rule_id}.md"
    try:
        if not target.is_file():
            if not cache.is_dir():
                cache.mkdir(parents=True, exist_ok=True)
                prune(cache.parent, "rules-", keep=cache)
            write_atomically(target, page(rule).encode("utf-8"))
        touch(cache)
    except OSError:
        return None
    return target


def rule_url(rule_id: str) -> str | None:
    path = page_path(rule_id)
    return path.as_uri() if path else None


def write_all(folder: Path = REPO_DOCS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    wanted = {f"{rule.id}.md" for rule in all_rules()} | {"README.md"}
    for stale in folder.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    for rule in all_rules():
        target = folder / f"{rule.id}.md"
        write_atomically(target, page(rule).encode("utf-8"))
        written.append(target)
    write_atomically(folder / "README.md", index_page().encode("utf-8"))
    return written


if __name__ == "__main__":
    paths = write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO_DOCS)
    print(f"wrote {len(paths)} rule pages")
