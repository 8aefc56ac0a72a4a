"""The `connector-lint` command: check, rules, rule, serve.

Exit codes of `check`: 0 when nothing reaches --fail-on, 1 when something does, 2 for a usage
error or an unreadable path (with a one-line message naming it).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import multiprocessing
import os
import stat
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from connector_lint_rules import all_rules, rules_by_id
from connector_lint_rules._api import Preset, Severity
from connector_lint_rules._files import write_atomically

from . import __version__
from .basefiles import Base, BaseSpecError, read_base
from .collector import collect_young, gc_paused
from .config import Config, ConfigError, find_config, load_config
from .docs import page
from .engine import Diagnostic, detect_preset, lint
from .fixer import fix_texts
from .package import check_package, is_package
from .report import FileReport, Rendered, Report, chunks, display_path, escape_controls, render
from .warmup import warm_up
from .workspace import MAX_READ_BYTES, TOO_LARGE_RULE, Connector, discover, file_type, inside, platform_limit

FAIL_ON = ("error", "warning", "information", "hint", "never")


class UsageError(Exception):
    pass


def run() -> None:
    """The console script and `python -m connector_lint`: `main`, then, but for `serve`, an exit
    that skips tearing down the heap. Freeing every object a check made one by one took 0.6 s of
    a 15 s check of the certified corpus in one process (as mypy's hard_exit, it is work nobody
    needs). The output is flushed first; a reader that went away is quiet, as in `main`."""
    code = main()
    if sys.argv[1:2] == ["serve"]:  # the language server's exit keeps its threads' usual end
        sys.exit(code)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = 1
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "report":
            return cmd_report(args)
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "rule":
            return cmd_rule(args)
        if args.command == "serve":
            from .startup import serve

            return serve(args)
    except UsageError as exc:
        print(f"connector-lint: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`connector-lint rules | head`): stop quietly, as cat does. Point
        # stdout at devnull so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    parser.print_help()
    return 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="connector-lint", description="Lint Power Platform custom connectors.")
    parser.add_argument("--version", action="version", version=f"connector-lint {__version__}")
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", help="check connectors and report problems")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                       help="a connector folder, one file, a tree of connectors, or a submission package "
                            "(PACKAGE.zip, or a folder with intro.md and the package zip) (default: .)")
    check.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text")
    check.add_argument("--fail-on", choices=FAIL_ON, default="error",
                       help="the lowest severity that makes the exit code 1 (default: error)")
    check.add_argument("--fix", action="store_true", help="apply every safe fix in place, then report what is left")
    check.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")
    check.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                       help="check N connectors in parallel (default: one per core; 1: in this process)")
    check.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    check.add_argument("--base", metavar="BASE",
                       help="report breaking changes against BASE: a git revision (e.g. origin/dev), "
                            "an older connector folder, or an older swagger file")

    rules = sub.add_parser("rules", help="list every rule with its metadata")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    report = sub.add_parser("report", help="write a certification readiness report (HTML or Markdown)")
    report.add_argument("paths", nargs=1, metavar="PATH", help="a connector folder or a submission package")
    report.add_argument("--format", choices=("html", "markdown"), default="html")
    report.add_argument("-o", "--output", metavar="FILE", help="write the report here (default: standard output)")
    report.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")
    report.add_argument("--base", metavar="BASE",
                        help="list breaking changes against BASE (as `check --base`): a git revision, an older "
                             "connector folder, or an older swagger file")
    report.set_defaults(jobs=1, fix=False, no_progress=True)

    rule = sub.add_parser("rule", help="show a rule's documentation")
    rule.add_argument("id")

    serve = sub.add_parser("serve", help="run the language server (stdio by default)")
    serve.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead of stdio (for debugging)")
    return parser


# ---------------------------------------------------------------------------------------------
# check


def default_jobs() -> int:
    """The cores this process may use (its CPU affinity where the platform tells it)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counter is not None:
        return counter() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def cmd_report(args) -> int:
    """The readiness report of one connector or package; exit code 1 when something blocks certification."""
    from .readiness import build, to_html, to_markdown

    readiness = build(gather(args))
    text = (to_html if args.format == "html" else to_markdown)(readiness)
    if args.output:
        try:
            write_atomically(args.output, text.encode("utf-8"))  # a report cut short never replaces a whole one
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot write the report ({exc.strerror or exc})") from exc
    else:
        sys.stdout.write(text)
    return 0 if readiness.ready else 1


def cmd_check(args) -> int:
    colour = args.format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    # Each connector's files are rendered in the output's format where they are checked (a worker
    # process with --jobs): a worker sends back its piece of the output, not texts and diagnostics.
    args.render = (args.format, colour)
    with rare_full_collections():  # the output is built while the whole report is alive, too
        report = gather(args)
        pieces = chunks(report, args.format, colour)
    if any(pieces):  # as print(text) for their concatenation: written piece by piece, never joined
        sys.stdout.writelines(pieces)
        sys.stdout.write("\n")
    if report.skipped:
        return 2  # a file was not read or not fixed: what was checked is reported, but not everything
    if args.fail_on == "never":
        return 0
    threshold = Severity(args.fail_on).rank
    failing = any(n and Severity(severity).rank >= threshold for severity, n in report.counts().items())
    return 1 if failing else 0


def gather(args) -> Report:
    """Check the paths of `check` (or `report`): connectors and submission packages, one Report."""
    with rare_full_collections():
        return _gather(args)


@contextlib.contextmanager
def rare_full_collections(generations: int = 1000):
    """Run a full garbage collection at most once per `generations` middle-generation ones.

    Nearly all a check allocates (parsed JSON, findings, caches) lives until the check ends, so each
    full collection re-scans a heap that grows with the connector: on a generated 16k-operation
    swagger they took 40% of the check's CPU time and grew 5 times per 4 times the operations
    (bench/growth.py). Reference counting still frees what a check drops (JSON trees hold no cycles).
    """
    young, middle, old = gc.get_threshold()
    gc.set_threshold(young, middle, max(old, generations))
    try:
        yield
    finally:
        gc.set_threshold(young, middle, old)


def _gather(args) -> Report:
    if args.jobs is None:
        args.jobs = default_jobs()
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    explicit = _load(Path(args.config)) if args.config else None
    targets: list[tuple[Connector, frozenset[Path] | None]] = []
    packages: list[Path] = []
    for raw in args.paths:
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"{raw}: no such file or directory")
        if not os.access(path, os.R_OK):
            raise UsageError(f"{raw}: not readable")
        mode = path.stat().st_mode
        if not stat.S_ISDIR(mode) and not stat.S_ISREG(mode):
            raise UsageError(f"{raw}: not a regular file but {file_type(mode)}")
        if is_package(path):
            packages.append(path)
            continue
        found = discover(path)
        if not found:
            raise UsageError(f"{raw}: no connector found (expected apiDefinition.swagger.json or apiProperties.json)")
        targets.extend((connector, None if only is None else frozenset([only.resolve()])) for connector, only in found)
    targets = _each_connector_once(targets)
    configs: dict[Path, Config] = {}
    nearest: dict[Path, Path | None] = {}
    jobs = []
    render_as = getattr(args, "render", None)
    for connector, only in targets:
        config = explicit if explicit is not None else _config_for(connector.folder, configs, nearest)
        jobs.append(((connector, only, config, args.fix, _base_of(getattr(args, "base", None), connector)), render_as))
    report = Report(connectors=len(targets) + len(packages))
    for path in packages:
        config = explicit if explicit is not None else _config_for(path.resolve().parent, configs, nearest)
        report.files.extend(package_reports(path, config))
    progress = _Progress(len(jobs), enabled=not args.no_progress and sys.stderr.isatty() and len(jobs) > 10)
    workers = min(args.jobs, len(jobs), default_jobs())  # more processes than connectors or cores only cost
    if workers > 1:
        # The largest connectors first, so that no worker is left with a large one while the others
        # are idle at the end; the report keeps the order of discovery.
        order = sorted(range(len(jobs)), key=lambda i: -jobs[i][0][0].size())
        results: list = [None] * len(jobs)
        # Handed over a few at a time: each hand-over costs the parent ~0.3 ms of CPU (0.17 s over
        # the certified corpus, taken from the workers' cores). A batch is at most 1/40 of a
        # worker's share, so not even the first (the largest connectors) leaves the others idle.
        batch = max(1, len(jobs) // (40 * workers))
        with _workers_start_warm(), ProcessPoolExecutor(max_workers=workers) as pool:
            for i, result in zip(order, pool.map(check_and_render, [jobs[i] for i in order], chunksize=batch)):
                results[i] = result
                progress.step()
        for result in results:
            report.add(*result)
    else:
        for job in jobs:
            report.add(*check_and_render(job))
            progress.step()
    progress.done()
    for path, reason in report.skipped:
        print(f"connector-lint: {escape_controls(path)}: {reason}", file=sys.stderr)
    return report


@contextlib.contextmanager
def _workers_start_warm():
    """Where workers start as copies of this process (fork), load here, once, what every check
    needs first (the rules, the English dictionary, the connector schema: ~0.25 s of CPU that
    each worker paid again), and freeze it out of garbage collection, so that no worker's
    collections scan it or copy its pages."""
    forked = multiprocessing.get_context().get_start_method() == "fork"
    if forked:
        warm_up()
        gc.freeze()
    try:
        yield
    finally:
        if forked:
            gc.unfreeze()


def check_and_render(job_and_format) -> tuple[list[FileReport] | list[Rendered], int, list[tuple[str, str]]]:
    """`check_connector`, then (for `check`) each file rendered as `render_as`, (format, colour)."""
    job, render_as = job_and_format
    with gc_paused():  # see collector.py: a check's objects live until it ends
        files, fixed, skipped = check_connector(job)
        if render_as is not None:
            files = [render(f, *render_as) for f in files]
    collect_young()
    return files, fixed, skipped


def check_connector(job) -> tuple[list[FileReport], int, list[tuple[str, str]]]:
    """Lint (and with --fix, first fix) one connector. Runs in worker processes too. Returns the
    file reports, the number of fixes applied and the files skipped: (path as shown, reason)."""
    connector, only, config, fix, base = job
    fixed = 0
    folder = str(connector.folder)

    def lint_docs(overrides):
        docs = connector.documents(overrides)
        diagnostics = lint(docs, config, folder, base=base.context, base_error=base.error)
        unwritable = {doc.path for doc in docs.values() if doc.encoding != "utf-8"}
        for d in diagnostics:
            if d.path in unwritable:
                d.fixes = []  # --fix leaves a file that is not UTF-8 as it is
        return docs, diagnostics + read_diagnostics(docs, config, folder)

    too_large = [s for s in connector.skipped if s.size is not None]
    if too_large:  # nothing else is checked: a file that size is not a connector anyone can use
        return _too_large(connector, too_large, config), 0, []
    problems: list[tuple[str, str]] = []
    if fix:
        docs, before = lint_docs({})
        changed = fix_texts(lint_docs)
        problems = write_fixes(connector, docs, changed)
    docs, diagnostics = lint_docs({})
    if fix:
        fixed = max(0, len(before) - len(diagnostics))
    diagnostics.sort(key=lambda d: (d.path, d.start, d.end, d.rule))
    files = []
    texts = {doc.path: doc.text for doc in docs.values()}
    for doc in docs.values():
        if only is not None and Path(doc.path).resolve() not in only:
            continue
        mine = [d for d in diagnostics if d.path == doc.path]
        files.append(report_file := FileReport(display_path(doc.path), doc.text, mine).with_related_texts(texts))
        if mine:
            report_file.lines  # every output format needs them: indexed here, in the worker process
    files.sort(key=lambda f: f.path)
    skipped = [(display_path(str(s.path)), s.reason) for s in connector.skipped
               if only is None or s.path.resolve() in only]  # a file named, or the whole connector
    return files, fixed, skipped + problems


def read_diagnostics(docs: dict, config: Config, folder: str) -> list[Diagnostic]:
    """A `file-encoding` diagnostic for each file that is not UTF-8 (as configured)."""
    out = []
    preset = None
    rule = rules_by_id()["file-encoding"]
    for doc in docs.values():
        if doc.encoding == "utf-8" or doc.text is None:
            continue
        preset = preset or detect_preset(config, docs, folder)
        severity = config.severity(rule, preset)
        if severity is Severity.OFF or config.ignored(rule.id, doc.path, ""):
            continue
        what = "not valid UTF-8 (read here as Latin-1)" if doc.encoding == "not UTF-8" else doc.encoding
        message = (f"The file is {what}; Microsoft's tools read connector files as UTF-8. Save it as UTF-8 "
                   "(--fix leaves it untouched).")
        out.append(Diagnostic(rule.id, severity, message, doc.path, 0, min(1, len(doc.text)), "", None))
    return out


def _too_large(connector: Connector, skipped: list, config: Config) -> list[FileReport]:
    rule = rules_by_id()[TOO_LARGE_RULE]
    severity = config.severity(rule, detect_preset(config, {}, str(connector.folder)))
    files = []
    for s in skipped:
        message = (f"The file is {s.size / 1048576:,.0f} MB ({s.size:,} bytes); connector-lint reads files up to "
                   f"{MAX_READ_BYTES // 1048576} MB, so it was not read and no other rule ran. "
                   f"{platform_limit(s.kind)}").rstrip()
        diagnostic = Diagnostic(rule.id, severity if severity is not Severity.OFF else Severity.ERROR, message,
                                str(s.path), 0, 0, "", None)
        files.append(FileReport(display_path(str(s.path)), "", [diagnostic]))
    return files


def write_fixes(connector: Connector, docs: dict, changed: dict[str, str]) -> list[tuple[str, str]]:
    """Write the fixed texts (each whole, atomically). A file that is not UTF-8, is read-only or
    cannot be written is left as it was; returns those as (path as shown, reason)."""
    encodings = {doc.path: doc.encoding for doc in docs.values()}
    problems = []
    for path, text in changed.items():
        shown = display_path(path)
        if encodings.get(path, "utf-8") != "utf-8":
            continue  # reported by file-encoding; rewriting it would change every other byte
        real = Path(path).resolve()
        if not inside(real, connector.folder):
            problems.append((shown, "not fixed: outside the connector folder"))
            continue
        try:
            if not os.access(real, os.W_OK) or not real.stat().st_mode & 0o222:  # root may write anything
                problems.append((shown, "not fixed: the file is read-only"))
                continue
            write_atomically(real, text.encode("utf-8"))
        except (OSError, UnicodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            problems.append((shown, f"not fixed: {reason}; the file is unchanged"))
    return problems


def _each_connector_once(targets: list[tuple[Connector, frozenset[Path] | None]]
                         ) -> list[tuple[Connector, frozenset[Path] | None]]:
    """One entry per connector folder, however many of its files or folders were named (pre-commit
    passes every changed file): the files asked for together, or all of them (None) when its
    folder, or a tree holding it, was named."""
    merged: dict[Path, tuple[Connector, frozenset[Path] | None]] = {}
    for connector, only in targets:
        key = connector.folder.resolve()
        if key in merged:
            before = merged[key][1]
            only = None if before is None or only is None else before | only
        merged[key] = (merged.get(key, (connector,))[0], only)
    return list(merged.values())


def _base_of(spec: str | None, connector: Connector) -> Base:
    """The connector as it was at --base (nothing without --base); a bad BASE is a usage error."""
    if spec is None:
        return Base()
    try:
        return read_base(spec, connector)
    except BaseSpecError as exc:
        raise UsageError(str(exc)) from exc


def package_reports(path: Path, config: Config) -> list[FileReport]:
    """A submission package's findings, per file inside it (structure findings on the archives)."""
    diagnostics, docs = check_package(path, config)
    texts = {doc.path: doc.text for doc in docs.values()}
    by_path: dict[str, list] = {}
    for d in diagnostics:
        by_path.setdefault(d.path, []).append(d)
    for doc_path in texts:
        by_path.setdefault(doc_path, [])
    return [FileReport(display_path(p), texts.get(p), found).with_related_texts(texts)
            for p, found in sorted(by_path.items())]


def _config_for(folder: Path, cache: dict[Path, Config], nearest: dict[Path, Path | None]) -> Config:
    """The configuration of a connector in `folder`: loaded once per file (`cache`), looked for once
    per folder (`nearest`, see `find_config`)."""
    path = find_config(folder, nearest)
    if path is None:
        return Config()
    if path not in cache:
        cache[path] = _load(path)
    return cache[path]


def _load(path: Path) -> Config:
    if not path.is_file():
        raise UsageError(f"{path}: configuration file not found")
    try:
        return load_config(path, known_rules={r.id for r in all_rules()})
    except ConfigError as exc:
        raise UsageError(str(exc)) from exc


class _Progress:
    def __init__(self, total: int, enabled: bool):
        self.total, self.count, self.enabled = total, 0, enabled

    def step(self) -> None:
        self.count += 1
        if self.enabled:
            width = 30
            filled = width * self.count // max(self.total, 1)
            sys.stderr.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {self.count}/{self.total} connectors")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()


# ---------------------------------------------------------------------------------------------
# rules, rule


def cmd_rules(args) -> int:
    rules = all_rules()
    if args.format == "json":
        print(json.dumps([{
            "id": r.id, "summary": r.summary, "severity": r.severity.value, "category": r.category,
            "file": r.file.value, "validatorCode": r.validator_code,
            "policyCode": r.policy_code, "fixable": r.fixable.value,
            "scope": r.scope.value, "options": dict(r.options),
            "presets": {p.value: r.severity_for(p).value for p in Preset},
        } for r in rules], indent=2))
        return 0
    width = max(len(r.id) for r in rules)
    for r in rules:
        code = "".join(f" [{c}]" for c in (r.validator_code, r.policy_code and f"policy {r.policy_code}") if c)
        print(f"{r.id:<{width}}  {r.severity.value:<11} {r.summary}{code}")
    return 0


def cmd_rule(args) -> int:
    rule = rules_by_id().get(args.id)
    if rule is None:
        raise UsageError(f"{args.id}: no such rule (see `connector-lint rules`)")
    print(page(rule))
    return 0
