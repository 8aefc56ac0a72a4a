"""Breaking-change findings on the real history of microsoft/PowerPlatformConnectors -> docs/breaking-changes-report.md.

    .venv/bin/python bench/breaking_history.py GIT_DIR [--rev dev] [--first-parent] [--limit N]
                                               [--seed 11] [--out docs/breaking-changes-report.md]

GIT_DIR is a clone of https://github.com/microsoft/PowerPlatformConnectors kept OUTSIDE this repository,
e.g. `git clone --bare https://github.com/microsoft/PowerPlatformConnectors ~/ppc.git` (about 3,000
commits; the report was made with the snapshot of 2024-10-23 that the `fetch` tool puts at
/work/.mirror/microsoft+PowerPlatformConnectors/repo). The script fetches nothing and executes nothing
from that repository: it lists commits with `git log --raw` and reads blobs and trees with
`git cat-file --batch`, never checking anything out.

An update is one connector folder in one commit whose `apiDefinition.swagger.json` (any case) or
`apiProperties.json` changed while the folder already had a swagger in the parent; new and deleted
connectors are counted, not compared. The walk compares every non-merge commit reachable from REV with
its parent: squash merges (most of the history) and the commits of pull requests merged with a merge
commit. `--first-parent` compares each first-parent commit with its first parent instead, but this
history's first-parent chain runs through "Merge branch 'dev'" commits of another line and skips many
updates (1,154 against 1,516 on the 2024-10-23 snapshot), so it is not the default.

The generated part of the report replaces the text between its two `generated` markers; the hand-written
evidence around it is kept. The hand check of the sampled findings lives in
bench/breaking_history_labels.json, merged in on every run (keyed by commit, connector, rule, ValuePath).
"""

from __future__ import annotations

import argparse
import json
import hashlib
import heapq
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

sys.path.insert(0, str(Path(__file__).parent))
from _machine import machine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LABELS = Path(__file__).with_name("breaking_history_labels.json")
START, END = "<!-- generated: start -->", "<!-- generated: end -->"
SWAGGER, PROPERTIES = "apidefinition.swagger.json", "apiproperties.json"
SAMPLE = 30
RETIME = 20


class GitObjects:
    """One `git cat-file --batch` process: objects by name (`<sha>`, `<rev>:<path>`), None when missing."""

    def __init__(self, git_dir: str | Path):
        self._proc = subprocess.Popen(["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def read(self, name: str) -> tuple[str, bytes] | None:
        if "\n" in name:
            return None
        assert self._proc.stdin and self._proc.stdout
        self._proc.stdin.write(name.encode("utf-8") + b"\n")
        self._proc.stdin.flush()
        header = self._proc.stdout.readline().decode("utf-8", "replace").rstrip("\n")
        if header.endswith((" missing", " ambiguous")):  # the name may contain spaces; a hit is "<sha> <type> <size>"
            return None
        header = header.split(" ")
        data = self._proc.stdout.read(int(header[2]))
        self._proc.stdout.read(1)
        return header[1], data

    def tree(self, rev: str, folder: str) -> dict[str, str]:
        """The blobs directly in `folder` at `rev`: lower-cased name -> sha (empty when the folder is absent)."""
        found = self.read(f"{rev}:{folder}")
        if not found or found[0] != "tree":
            return {}
        entries, data, i = {}, found[1], 0
        while i < len(data):
            space, nul = data.index(b" ", i), data.index(b"\0", i)
            mode, name = data[i:space], data[space + 1:nul].decode("utf-8", "replace")
            if not mode.startswith(b"4"):  # not a sub-tree
                entries[name.lower()] = data[nul + 1:nul + 21].hex()
            i = nul + 21
        return entries

    def close(self) -> None:
        if self._proc.stdin:
            self._proc.stdin.close()
        self._proc.wait()

    def __enter__(self) -> "GitObjects":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@dataclass
class Commit:
    sha: str
    parent: str
    time: int
    paths: list[str] = field(default_factory=list)


@dataclass
class Update:
    """One connector in one commit: its files at the parent (old) and at the commit (new), as blob shas."""

    commit: str
    parent: str
    time: int
    folder: str
    old: dict[str, str]
    new: dict[str, str]


def _unquote(path: str) -> str:
    """git's C-style quoting of unusual paths (`"a\\tb"`, octal escapes for non-ASCII bytes)."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    return path[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1").decode(
        "utf-8", "replace")


def commits(git_dir: str | Path, rev: str, first_parent: bool = False) -> Iterator[Commit]:
    """Commits of `rev`, oldest first, with the paths each changed against its (first) parent."""
    walk = ["--first-parent", "--diff-merges=first-parent"] if first_parent else ["--no-merges"]
    out = subprocess.run(["git", "--git-dir", str(git_dir), "log", rev, "--reverse", *walk, "--raw",
                          "--no-renames", "--no-abbrev", "--format=C %H %ct %P"],
                         capture_output=True, check=True).stdout.decode("utf-8", "replace")
    current: Commit | None = None
    for line in out.splitlines():
        if line.startswith("C "):
            if current:
                yield current
            sha, when, *parents = line[2:].split()
            current = Commit(sha, parents[0] if parents else "", int(when))
        elif line.startswith(":") and current and "\t" in line:
            current.paths.append(_unquote(line.split("\t", 1)[1]))
    if current:
        yield current


@dataclass
class Walk:
    commits: int = 0          # commits that touched a connector's swagger or apiProperties.json
    new_connectors: int = 0   # folders without a swagger in the parent: nothing to compare
    deleted: int = 0          # folders whose swagger is gone in the commit


def updates(git_dir: str | Path, rev: str = "dev", first_parent: bool = False,
            walk: Walk | None = None) -> Iterator[Update]:
    walk = walk if walk is not None else Walk()
    with GitObjects(git_dir) as objects:
        for commit in commits(git_dir, rev, first_parent):
            folders = sorted({str(PurePosixPath(p).parent) for p in commit.paths
                              if PurePosixPath(p).name.lower() in (SWAGGER, PROPERTIES)})
            if not folders:
                continue
            walk.commits += 1
            for folder in folders:
                old = _connector(objects.tree(commit.parent, folder)) if commit.parent else {}
                new = _connector(objects.tree(commit.sha, folder))
                if SWAGGER not in old:
                    walk.new_connectors += SWAGGER in new
                elif SWAGGER not in new:
                    walk.deleted += 1
                elif old != new:
                    yield Update(commit.sha, commit.parent, commit.time, folder, old, new)


def _connector(entries: dict[str, str]) -> dict[str, str]:
    return {name: sha for name, sha in entries.items() if name in (SWAGGER, PROPERTIES)}


# -- comparing ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Found:
    commit: str
    time: int
    folder: str
    rule: str
    value_path: str   # the validator's ValuePath, or the JSON pointer in the new file for kinds it does not report
    message: str

    @property
    def key(self) -> str:
        return f"{self.commit[:10]} {self.folder} {self.rule} {self.value_path}"


class NotComparable(Exception):
    """One side of an update is not a JSON object (bad JSON, not UTF-8): the comparison is skipped."""


# A comparator takes the old and new connector files (lower-cased name -> bytes) and returns
# (rule, ValuePath or pointer, message) per change; it raises NotComparable for a side it cannot read.
Comparator = Callable[[dict[str, bytes], dict[str, bytes]], list[tuple[str, str, str]]]


def blobs(objects: GitObjects, files: dict[str, str]) -> dict[str, bytes]:
    """Blob shas -> contents by lower-cased file name."""
    out = {}
    for name, sha in files.items():
        found = objects.read(sha)
        if found:
            out[name] = found[1]
    return out


def _parse(data: bytes | None, name: str) -> dict | None:
    """As `check --base` reads a base: UTF-8 with or without BOM, strict JSON, an object."""
    if data is None:
        return None
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise NotComparable(f"{name}: {type(exc).__name__}") from None
    if not isinstance(value, dict):
        raise NotComparable(f"{name}: not a JSON object")
    return value


def compare_connectors(old: dict[str, bytes], new: dict[str, bytes]) -> list[tuple[str, str, str]]:
    """Our comparator (the one `check --base` runs) on two versions of a connector, without the lint.
    An unreadable apiProperties.json on either side leaves the properties out of that comparison."""
    from connector_lint_rules._api import RuleContext
    from connector_lint_rules._breaking import compare

    swaggers = [_parse(side.get(SWAGGER), SWAGGER) for side in (old, new)]
    try:
        properties = [_parse(side.get(PROPERTIES), PROPERTIES) for side in (old, new)]
    except NotComparable:
        properties = [None, None]
    base, now = (RuleContext(swagger=s, api_properties=p) for s, p in zip(swaggers, properties))
    return [(c.rule, c.value_path or c.pointer or "/", c.message) for c in compare(base, now)]


def compare_history(git_dir: str | Path, compare: Comparator = compare_connectors, rev: str = "dev",
                    first_parent: bool = False, limit: int | None = None, progress: bool = False) -> dict:
    walk = Walk()
    found: list[Found] = []
    seconds: list[float] = []
    flagged: set[tuple[str, str]] = set()
    folders: set[str] = set()
    skipped: list[tuple[str, str, str]] = []
    slowest: list = []  # a heap of the RETIME slowest comparisons, to time again
    failed: list[tuple[str, str, str]] = []
    with GitObjects(git_dir) as objects:
        for n, update in enumerate(updates(git_dir, rev, first_parent, walk)):
            if limit is not None and n >= limit:
                break
            old, new = blobs(objects, update.old), blobs(objects, update.new)
            start = time.perf_counter()
            try:
                results = compare(old, new)
            except NotComparable as exc:
                skipped.append((update.commit, update.folder, str(exc)))
                continue
            except Exception as exc:  # a comparator crash is a finding of this bench, not the end of it
                failed.append((update.commit, update.folder, f"{type(exc).__name__}: {exc}"))
                continue
            seconds.append(time.perf_counter() - start)
            heapq.heappush(slowest, (seconds[-1], len(seconds) - 1, old, new))
            if len(slowest) > RETIME:
                heapq.heappop(slowest)
            if progress and len(seconds) % 100 == 0:
                print(f"{len(seconds)} updates compared ({update.commit[:10]})", file=sys.stderr, flush=True)
            folders.add(update.folder)
            for rule, value_path, message in results:
                found.append(Found(update.commit, update.time, update.folder, rule, value_path, message))
                flagged.add((update.commit, update.folder))
    # On a shared machine one slow pair is often a pause of the machine, not of the comparator: the
    # slowest pairs are timed twice more and keep their best time.
    for _, index, old, new in slowest:
        for _ in range(2):
            start = time.perf_counter()
            compare(old, new)
            seconds[index] = min(seconds[index], time.perf_counter() - start)
    return {"walk": walk, "pairs": len(seconds), "folders": folders, "found": found, "flagged": flagged,
            "seconds": seconds, "skipped": skipped, "failed": failed}


# -- the report --------------------------------------------------------------------------------------

def sample(found: list[Found], seed: int, size: int = SAMPLE) -> list[Found]:
    """A seeded random sample that stays put when the comparator changes: each finding draws its own
    number from (seed, key), so a finding fixed away leaves the others (and their hand checks) in place."""
    return sorted(found, key=lambda f: hashlib.sha256(f"{seed}:{f.key}".encode()).digest())[:size]


def load_labels(path: Path = LABELS) -> dict[str, dict]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def render(result: dict, labels: dict[str, dict], seed: int, rev: str, first_parent: bool, elapsed: float) -> str:
    walk, pairs, found = result["walk"], result["pairs"], result["found"]
    seconds = sorted(result["seconds"])
    by_rule: dict[str, list[Found]] = defaultdict(list)
    for f in found:
        by_rule[f.rule].append(f)
    share = len(result["flagged"]) / pairs if pairs else 0.0
    # the validator's own kinds carry a ValuePath ("operation/…"); the others (host, auth, connection
    # parameters, dynamic sources, trigger kind) are ours and carry the JSON pointer
    by_validator = {(f.commit, f.folder) for f in found if f.value_path.startswith("operation/")}
    lines = [
        "## Evaluation on the repository's history (generated)",
        "",
        f"Generated by `bench/breaking_history.py` on {machine()}; the whole run took {elapsed:.0f} s.",
        f"History: `{rev}` of microsoft/PowerPlatformConnectors, "
        + ("first-parent commits against their first parent." if first_parent else
           "every non-merge commit against its parent (squash merges and the commits of merged pull requests)."),
        "",
        "| figure | value |",
        "|---|---|",
        f"| commits that changed a connector's swagger or apiProperties.json | {walk.commits} |",
        f"| updates compared (connector × commit, old swagger existed) | {pairs} |",
        f"| connectors compared | {len(result['folders'])} |",
        f"| new connectors (not compared) / deleted | {walk.new_connectors} / {walk.deleted} |",
        f"| updates with at least one finding | {len(result['flagged'])} ({share:.1%}) |",
        f"| … with a finding of a kind Microsoft's validator reports (a ValuePath) | {len(by_validator)} "
        f"({len(by_validator) / pairs if pairs else 0.0:.1%}) |",
        f"| findings | {len(found)} |",
        f"| updates skipped: a swagger is not UTF-8 JSON (as `check --base` reads a base) | {len(result['skipped'])} |",
        f"| comparator failures (crash) | {len(result['failed'])} |",
        f"| time per update, median / max | {_ms(statistics.median(seconds)) if seconds else '-'} / "
        f"{_ms(seconds[-1]) if seconds else '-'} |",
        "",
        "Time per update: parsing both sides (swagger and apiProperties.json, already read from git) and "
        "comparing them, the work `check --base` adds; the clone's reading is not counted. The 20 slowest "
        "updates are timed three times and keep their best time (the machine is shared).",
        "",
        "### Findings by kind",
        "",
        "| rule | findings | updates | connectors |",
        "|---|---:|---:|---:|",
    ]
    for rule, items in sorted(by_rule.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"| `{rule}` | {len(items)} | {len({(f.commit, f.folder) for f in items})} | "
                     f"{len({f.folder for f in items})} |")
    if result["failed"]:
        lines += ["", "### Comparator failures", ""]
        lines += [f"- `{c[:10]}` {folder}: {why}" for c, folder, why in result["failed"][:20]]
    picked = sample(found, seed)
    checked = [labels.get(f.key, {}) for f in picked]
    true = sum(1 for c in checked if c.get("verdict") == "true")
    false = sum(1 for c in checked if c.get("verdict") == "false")
    lines += [
        "",
        f"### A random sample of {len(picked)} findings, checked by hand (seed {seed})",
        "",
        f"Hand check: {true} true, {false} false, {len(picked) - true - false} not checked yet. "
        "True means the change is really there, at that place, as the message says, and is of a kind Microsoft's "
        "validator reports (for our own kinds: one existing connections or flows notice); the labels, with "
        "their reasons, are in `bench/breaking_history_labels.json`.",
        "",
        "| # | commit | connector | rule | ValuePath | hand check | reason |",
        "|---:|---|---|---|---|---|---|",
    ]
    for i, (f, c) in enumerate(zip(picked, checked), 1):
        lines.append(f"| {i} | `{f.commit[:10]}` | {f.folder} | `{f.rule}` | `{f.value_path}` | "
                     f"{c.get('verdict', '?')} | {_cell(c.get('reason', ''))} |")
    return "\n".join(lines) + "\n"


def _ms(s: float) -> str:
    return f"{s * 1000:.1f} ms"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_generated(path: Path, generated: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else f"{START}\n{END}\n"
    if START not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    path.write_text(f"{head}{START}\n{generated}{END}{tail}", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("git_dir", help="a clone of microsoft/PowerPlatformConnectors outside this repository")
    ap.add_argument("--rev", default="dev")
    ap.add_argument("--first-parent", action="store_true")
    ap.add_argument("--limit", type=int, default=None, help="compare at most N updates (a quick look)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", default=str(ROOT / "docs" / "breaking-changes-report.md"))
    args = ap.parse_args()
    git_dir = Path(args.git_dir)
    if subprocess.run(["git", "--git-dir", str(git_dir), "rev-parse", "--verify", "-q", args.rev],
                      capture_output=True).returncode != 0:
        sys.exit(f"{git_dir} is not a git directory with a revision {args.rev!r}; clone "
                 "https://github.com/microsoft/PowerPlatformConnectors there first (see this script's docstring)")
    start = time.perf_counter()
    result = compare_history(git_dir, compare_connectors, args.rev, args.first_parent, args.limit, progress=True)
    elapsed = time.perf_counter() - start
    write_generated(Path(args.out), render(result, load_labels(), args.seed, args.rev, args.first_parent, elapsed))
    print(f"{result['pairs']} updates, {len(result['found'])} findings, {len(result['flagged'])} flagged; "
          f"wrote {args.out}")


if __name__ == "__main__":
    main()
