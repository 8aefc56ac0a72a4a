"""Is the engine's output unchanged? Dump every diagnostic of a corpus and compare two dumps.

    .venv/bin/python bench/identical.py check [--rev REV] [--incremental]   # baseline at REV vs this tree
    .venv/bin/python bench/identical.py dump OUT [--rev REV] [--incremental]
    .venv/bin/python bench/identical.py compare A B

A dump holds, per connector of the certified corpus, each diagnostic's rule, severity, message,
file, range, pointer, validator code, related places and fixes (title, safety, file, edits).
`--rev` dumps what a git revision's code reports (its `server/` and `rules/` are extracted to a
temporary folder and imported from there), so the baseline comes from the very main a branch last
merged: other developers change what rules report in parallel, and only the engine's own change
must show no difference. `--incremental` lints through the language server's incremental linter
(twice: from scratch, then again from its caches) instead of `engine.lint`.
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import json
import os
import subprocess
import sys
import tarfile
import io
import tempfile
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "certified-connectors"
CACHE = Path(tempfile.gettempdir()) / "connector-lint-identical"


def plain(value):
    """A JSON-able, order-preserving form of a diagnostic's parts (fixes are dataclasses)."""
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"type": type(value).__name__,
                **{f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


def record(diagnostic, corpus: Path) -> dict:
    def rel(path):
        try:
            return str(Path(path).relative_to(corpus))
        except ValueError:
            return str(path)

    return {
        "rule": diagnostic.rule, "severity": plain(diagnostic.severity), "message": diagnostic.message,
        "file": rel(diagnostic.path), "range": [diagnostic.start, diagnostic.end], "pointer": diagnostic.pointer,
        "validator_code": diagnostic.validator_code,
        **{name: getattr(diagnostic, name) for name in ("policy_code", "value_path") if getattr(diagnostic, name, None)},
        "related": [[rel(p), s, e, m] for p, s, e, m in diagnostic.related],
        "fixes": [plain(f) for f in diagnostic.fixes],
    }


def lint_one(job) -> str:
    folder, corpus, incremental = job
    from connector_lint.config import Config, find_config, load_config
    from connector_lint.engine import lint
    from connector_lint.workspace import discover

    lines = []
    for connector, _only in discover(Path(folder)):
        path = find_config(connector.folder)
        config = load_config(path) if path else Config()
        docs = connector.documents({})
        if incremental:
            diagnostics = _incremental(connector, docs, config)
        else:
            diagnostics = lint(docs, config, str(connector.folder))
        lines.append(json.dumps({"connector": str(Path(connector.folder).relative_to(corpus)),
                                 "diagnostics": [record(d, Path(corpus)) for d in diagnostics]},
                                ensure_ascii=False, sort_keys=True))
    return "\n".join(lines)


def _incremental(connector, docs, config):
    from connector_lint.incremental import ConnectorLinter, Source

    linter = ConnectorLinter()
    sources = {kind: Source(doc.path, text=doc.text, data=doc.data if doc.text is None else None)
               for kind, doc in docs.items()}
    first = linter.lint(linter.documents(sources), config, str(connector.folder))
    again = linter.lint(linter.documents(sources), config, str(connector.folder))
    if [record(d, Path("/")) for d in first] != [record(d, Path("/")) for d in again]:
        raise AssertionError(f"{connector.folder}: a second incremental lint differs from the first")
    return first


def dump(out: Path, corpus: Path, incremental: bool, jobs: int) -> None:
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    with Pool(jobs) as pool, out.open("w", encoding="utf-8") as fh:
        for text in pool.imap(lint_one, [(str(f), str(corpus), incremental) for f in folders], chunksize=4):
            if text:
                fh.write(text + "\n")
    print(f"wrote {out}: {len(folders)} connector folders")


def compare(a: Path, b: Path, show: int = 20) -> int:
    def load(path):
        return {entry["connector"]: entry["diagnostics"]
                for entry in map(json.loads, path.read_text(encoding="utf-8").splitlines())}

    left, right = load(a), load(b)
    differences = []
    for name in sorted(set(left) | set(right)):
        before, after = left.get(name), right.get(name)
        if before is None or after is None:
            differences.append(f"{name}: only in {'the second' if before is None else 'the first'} dump")
            continue
        if before == after:
            continue
        keys = lambda ds: [json.dumps(d, sort_keys=True, ensure_ascii=False) for d in ds]  # noqa: E731
        gone = [d for d in keys(before) if d not in set(keys(after))]
        new = [d for d in keys(after) if d not in set(keys(before))]
        differences.append(f"{name}: {len(gone)} gone, {len(new)} new" + ("" if gone or new else " (order)"))
        differences += [f"  - {_brief(d)}" for d in gone[:3]] + [f"  + {_brief(d)}" for d in new[:3]]
    total = sum(len(v) for v in right.values())
    if differences:
        print("\n".join(differences[:show * 7]))
        print(f"DIFFERENT: {sum(1 for d in differences if not d.startswith('  '))} of {len(right)} connectors")
        return 1
    print(f"identical: {len(right)} connectors, {total} diagnostics")
    return 0


def _brief(line: str) -> str:
    d = json.loads(line)
    head = {k: d.pop(k) for k in ("rule", "severity", "file", "range", "pointer", "message")}
    return json.dumps(head, ensure_ascii=False)[:300] + " " + json.dumps(d, ensure_ascii=False)[:300]


def extract(rev: str) -> Path:
    """`rev`'s server/ and rules/ as importable packages in a temporary folder (kept per commit)."""
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", rev], check=True, capture_output=True,
                         text=True).stdout.strip()
    target = CACHE / sha
    if not (target / "done").exists():
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", sha, "server", "rules", "bench"],
                                 check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(target / "tree")
        (target / "pkgs").mkdir(parents=True, exist_ok=True)
        for name, folder in (("connector_lint", "server"), ("connector_lint_rules", "rules")):
            link = target / "pkgs" / name
            if not link.exists():
                link.symlink_to(target / "tree" / folder)
        (target / "done").write_text(sha)
    return target


def dump_at(rev: str, out: Path, corpus: Path, incremental: bool, jobs: int) -> None:
    target = extract(rev)
    env = {**os.environ, "PYTHONPATH": str(target / "pkgs"), "IDENTICAL_AT": rev}
    command = [sys.executable, str(Path(__file__).resolve()), "dump", str(out), "--corpus", str(corpus),
               "--jobs", str(jobs)] + (["--incremental"] if incremental else [])
    subprocess.run(command, check=True, env=env)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    for name in ("dump", "check"):
        p = sub.add_parser(name)
        if name == "dump":
            p.add_argument("out")
        p.add_argument("--rev", default=None, help="default for check: the main this branch last merged "
                       "(git merge-base HEAD main)")
        p.add_argument("--incremental", action="store_true")
        p.add_argument("--corpus", default=str(CORPUS))
        p.add_argument("--jobs", type=int, default=2)
    p = sub.add_parser("compare")
    p.add_argument("a")
    p.add_argument("b")
    args = ap.parse_args()
    if args.command == "compare":
        return compare(Path(args.a), Path(args.b))
    corpus = Path(args.corpus).resolve()
    if not corpus.is_dir():
        sys.exit(f"the shared corpus is absent ({corpus})")
    if args.command == "dump":
        if args.rev:
            dump_at(args.rev, Path(args.out), corpus, args.incremental, args.jobs)
        else:
            if os.environ.get("IDENTICAL_AT"):  # make sure the revision's code is what runs
                import connector_lint
                assert str(CACHE) in connector_lint.__file__, connector_lint.__file__
            dump(Path(args.out), corpus, args.incremental, args.jobs)
        return 0
    CACHE.mkdir(parents=True, exist_ok=True)
    if args.rev is None:
        args.rev = subprocess.run(["git", "-C", str(ROOT), "merge-base", "HEAD", "main"], check=True,
                                  capture_output=True, text=True).stdout.strip()
    mode = "incremental" if args.incremental else "engine"
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", args.rev], check=True, capture_output=True,
                         text=True).stdout.strip()
    base = CACHE / f"{sha}-{mode}.jsonl"
    if not base.exists():  # written aside, then renamed: developers run this side by side
        partial = base.with_name(f"{base.name}.{os.getpid()}.partial")
        dump_at(args.rev, partial, corpus, args.incremental, args.jobs)
        os.replace(partial, base)
    mine = CACHE / f"worktree-{ROOT.name}-{mode}.jsonl"  # one per worktree, for the same reason
    dump(mine, corpus, args.incremental, args.jobs)
    return compare(base, mine)


if __name__ == "__main__":
    sys.exit(main())
