"""The base side of the breaking-change check: the connector as it was.

A base is a git revision (each connector file is read at that revision from its own repository),
an older connector folder, or an older swagger file. `read_base(spec, connector)` gives a `Base`:
the old connector as a RuleContext (None when the connector did not exist there: a new connector,
nothing to compare), or an error saying why it could not be read (the lint then reports that the
comparison was skipped). A BASE that is neither a revision nor a path raises `BaseSpecError`
(the CLI's usage error).

Git is only asked to read objects: `rev-parse --verify` and `cat-file blob` with no working-tree
command, fsmonitor and hooks off, no textconv or filters, no pager, no prompt, and a timeout, so a
hostile repository configuration runs nothing. `BaseCache` keeps the parsed base between lints
(the language server) and reads it again only when the revision moves or the files change.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from connector_lint_rules._api import FileKind, RuleContext

from .workspace import Connector, connector_for

GIT_TIMEOUT = 10.0
_GIT = ("git", "--no-pager", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null",
        "-c", "core.untrackedCache=false")
_ENV = {"GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "GIT_NO_REPLACE_OBJECTS": "1",
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_PAGER": "cat", "GIT_EXTERNAL_DIFF": ""}
_KINDS = (FileKind.SWAGGER, FileKind.API_PROPERTIES)


class BaseSpecError(Exception):
    """BASE is neither a git revision of the connector's repository nor an existing path."""


@dataclass(frozen=True)
class Base:
    context: RuleContext | None = None  # None: nothing to compare with (a new connector)
    error: str | None = None  # why the base could not be read


def read_base(spec: str, connector: Connector) -> Base:
    """The base `spec` (a path or a git revision) of `connector`. Raises BaseSpecError for a bad spec."""
    path = Path(spec)
    if path.is_file():
        return _from_texts({FileKind.SWAGGER: (str(path), _read(path))})
    if path.is_dir():
        old = connector_for(path)
        if not any(kind in old.paths for kind in _KINDS):
            raise BaseSpecError(f"--base {spec}: no connector in this folder (expected apiDefinition.swagger.json)")
        return _from_texts({kind: (str(p), _read(p)) for kind, p in old.paths.items() if kind in _KINDS})
    repo = git_root(connector.folder)
    if repo is None:
        raise BaseSpecError(f"--base {spec}: not a file or folder, and {connector.folder} is not in a git repository")
    _check_spec(spec)
    return read_at(repo, spec, spec, connector)


def read_at(repo: Path, commit: str, spec: str, connector: Connector) -> Base:
    """The connector's files at `commit` (a revision), read by one `git cat-file --batch`; a
    connector without a swagger there is new (no base). Raises BaseSpecError when `commit` names
    no commit."""
    wanted = [(kind, rel) for kind in _KINDS if kind in connector.paths
              and (rel := _relative(connector.paths[kind], repo)) is not None]
    found = _objects(repo, [f"{commit}^{{commit}}"] + [f"{commit}:{rel}" for _, rel in wanted])
    if found[0] is None:
        raise BaseSpecError(f"--base {spec}: not a revision of the git repository {repo}, nor a file or folder")
    texts = {kind: (f"{spec}:{rel}", data) for (kind, rel), data in zip(wanted, found[1:]) if data is not None}
    if FileKind.SWAGGER not in texts and FileKind.SWAGGER in connector.paths:
        return Base()
    return _from_texts(texts)


def _objects(repo: Path, names: list[str]) -> list[bytes | None]:
    """The content of each named object (None: missing), by one `git cat-file --batch`."""
    out = _git(repo, "cat-file", "--batch", stdin="".join(name + "\n" for name in names).encode())
    if out is None:
        raise BaseSpecError(f"{repo}: git cannot read this repository")
    found: list[bytes | None] = []
    at = 0
    for _ in names:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3 or not header[2].isdigit():  # "<name> missing" / "ambiguous"
            found.append(None)
            continue
        size = int(header[2])
        found.append(out[at:at + size])
        at += size + 1
    return found


def git_root(folder: Path) -> Path | None:
    """The top of the git repository (or worktree) holding `folder`, found without running git."""
    try:
        here = folder.resolve()
    except OSError:
        return None
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _check_spec(spec: str) -> None:
    if not spec or spec.startswith("-") or any(c in spec for c in "\0\n\r"):
        raise BaseSpecError(f"--base {spec!r}: not a git revision, file or folder")


def revision(repo: Path, spec: str) -> str:
    """The commit `spec` names in `repo`. Raises BaseSpecError when it names none."""
    _check_spec(spec)
    out = _git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{spec}^{{commit}}")
    if not out:
        raise BaseSpecError(f"--base {spec}: not a revision of the git repository {repo}, nor a file or folder")
    return out.decode("ascii", "replace").strip()


def _git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    """A read-only git command's output, None when it fails."""
    env = {**os.environ, **_ENV}
    try:
        done = subprocess.run([*_GIT, "-C", str(repo), *args], capture_output=True, timeout=GIT_TIMEOUT, env=env,
                              input=stdin if stdin is not None else b"")
    except subprocess.TimeoutExpired as exc:
        raise BaseSpecError(f"git timed out after {GIT_TIMEOUT:.0f} s reading {repo}") from exc
    except OSError as exc:
        raise BaseSpecError(f"cannot run git: {exc}") from exc
    if done.returncode != 0:
        return None
    return done.stdout


def _relative(path: Path, repo: Path) -> str | None:
    try:
        return path.resolve().relative_to(repo).as_posix()
    except (ValueError, OSError):
        return None


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _from_texts(texts: dict[FileKind, tuple[str, bytes | None]]) -> Base:
    values = {}
    for kind, (name, data) in texts.items():
        if data is None:
            return Base(error=f"{name} cannot be read")
        try:
            value = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            return Base(error=f"{name} is not UTF-8 text")
        except ValueError as exc:
            return Base(error=f"{name} is not valid JSON ({exc})")
        if not isinstance(value, dict):
            return Base(error=f"{name} is not a JSON object")
        values[kind] = value
    return Base(RuleContext(swagger=values.get(FileKind.SWAGGER), api_properties=values.get(FileKind.API_PROPERTIES)))


class BaseCache:
    """The language server's base per connector: read and parsed once, read again when the revision
    moves (checked at most every `recheck` seconds) or the connector's files are others.

    `spec` None means the default: `origin/dev` when the repository has it (a connector that is in
    Microsoft's released branch), else no comparison, so an author whose connector was never
    released sees nothing. An explicit spec that cannot be read is reported (`Base.error`)."""

    DEFAULT = "origin/dev"

    def __init__(self, recheck: float = 2.0):
        self.recheck = recheck
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._checked = 0.0
        self._base = Base()

    def get(self, spec: str | None, connector: Connector) -> Base:
        if spec is not None and spec.strip().lower() in ("", "off", "none", "false"):
            return Base()
        with self._lock:
            now = time.monotonic()
            paths = tuple(sorted((k.value, str(p)) for k, p in connector.paths.items() if k in _KINDS))
            if self._key is not None and self._key[0] == spec and self._key[1] == paths and now - self._checked < self.recheck:
                return self._base
            self._checked = now
            try:
                key, read = self._locate(spec, connector)
            except BaseSpecError as exc:
                key, read = ("error", str(exc)), (lambda message=str(exc): Base(error=message))
                if spec is None:
                    key, read = ("off",), Base
            full = (spec, paths, key)
            if full != self._key:
                self._key, self._base = full, read()
            return self._base

    def _locate(self, spec: str | None, connector: Connector):
        """(what identifies the base's content now, how to read it)."""
        if spec is not None and Path(spec).exists():
            path = Path(spec)
            files = [path] if path.is_file() else [p for p in connector_for(path).paths.values()]
            stamp = tuple((str(p), _mtime(p)) for p in files)
            return ("path", stamp), lambda: read_base(spec, connector)
        repo = git_root(connector.folder)
        if repo is None:
            raise BaseSpecError(f"{connector.folder} is not in a git repository")
        name = spec if spec is not None else self.DEFAULT
        commit = revision(repo, name)
        return ("git", str(repo), commit), lambda: read_at(repo, commit, name, connector)


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None
