"""The language server's model: which connector each open document belongs to, the configuration
of each connector, and when to lint it (debounced, cancelled when superseded, one worker thread).

A *session* is one connector: its folder's files (open ones from the editor, the others from disk,
followed through watched-file events) and its incremental linter. Any JSON document that is a
Swagger 2.0 file with `x-ms-` keys but not part of a connector folder gets a session of its own.

Results are tagged with the snapshot they were computed from (the version of every open file of
the connector, and a generation counter for disk files and configuration); a result is handed on
only while its snapshot is still the current one, so a result for an old version never reaches
the client.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from connector_lint_rules import all_rules
from connector_lint_rules._api import FileKind

from .basefiles import Base, BaseCache
from .config import CONFIG_NAMES, Config, ConfigError, find_config, load_config, parse_config
from .document import Document
from .engine import Diagnostic, lint as engine_lint
from .collector import collect_garbage, gc_paused
from .incremental import Cancelled, ConnectorLinter, Source
from .textsync import OpenDocument
from .workspace import Connector, connector_for, decode, is_connector_dir, read_bytes

log = logging.getLogger(__name__)

DEBOUNCE_SECONDS = 0.1
RUN_MODES = ("onType", "onSave")
_RESULTS = itertools.count(1)
_SWAGGER_HINT = re.compile(r'"swagger"\s*:\s*"2\.0"')


@dataclass
class Settings:
    """The editor's settings (section "connectorLint")."""

    enable: bool = True
    run: str = "onType"
    preset: str = "auto"
    rules: dict = field(default_factory=dict)
    words: list = field(default_factory=list)
    # The base for the breaking-change rules: a git revision, a path, "off"; None: the default
    # (origin/dev when the repository has it, see basefiles.BaseCache).
    base: str | None = None

    @classmethod
    def of(cls, value) -> "Settings":
        if not isinstance(value, dict):
            return cls()
        run = value.get("run") if value.get("run") in RUN_MODES else "onType"
        rules = value.get("rules") if isinstance(value.get("rules"), dict) else {}
        words = [w for w in value.get("words") or [] if isinstance(w, str)] if isinstance(value.get("words"), list) else []
        preset = value.get("preset") if isinstance(value.get("preset"), str) else "auto"
        base = value.get("base") if isinstance(value.get("base"), str) else None
        if base is not None and base.strip().lower() == "auto":
            base = None
        return cls(enable=value.get("enable", True) is not False, run=run, preset=preset, rules=dict(rules), words=words,
                   base=base)

    def overrides(self) -> dict:
        """The settings as configuration-file keys (Config.merged lays them under the file)."""
        from .config import PRESETS, SEVERITIES

        out: dict = {}
        if self.preset in PRESETS and self.preset != "auto":
            out["preset"] = self.preset
        rules = {k: v for k, v in self.rules.items() if isinstance(k, str) and v in SEVERITIES}
        if rules:
            out["rules"] = rules
        if self.words:
            out["words"] = list(self.words)
        return out


def norm(path: str | Path) -> str:
    return os.path.normcase(os.path.abspath(str(path)))


def kind_by_name(path: str) -> FileKind | None:
    name = os.path.basename(path).lower()
    if name.endswith(".swagger.json"):
        return FileKind.SWAGGER
    if name == "apiproperties.json":
        return FileKind.API_PROPERTIES
    if name == "settings.json":
        return FileKind.SETTINGS
    return None


def looks_like_swagger(text: str, quick: bool = False) -> bool:
    """A Swagger 2.0 document with x-ms- keys. `quick`: by its text alone, without parsing it (for a
    document already known to be one, on every change)."""
    if '"x-ms-' not in text or not _SWAGGER_HINT.search(text[:20000]):
        return False
    if quick:
        return True
    from .incremental import too_large
    from .jsonparse import parse

    if too_large(text):
        return True  # too large to parse as you type; it gets the size diagnostic

    value = parse(text).value
    return isinstance(value, dict) and value.get("swagger") == "2.0"


@dataclass
class Result:
    """One lint of a session: the snapshot it was computed from and what it found."""

    key: tuple
    docs: dict[FileKind, Document]
    diagnostics: list[Diagnostic]
    versions: dict[str, int | None]  # path -> version of the open file (None: read from disk)
    uris: dict[str, str]  # path -> uri
    generation: int  # a number of its own, for the keys of its diagnostics
    seconds: float = 0.0
    prepared: object = None  # what the LSP layer made of it (in the worker thread)


class Session:
    """One connector (or one standalone swagger document)."""

    def __init__(self, key: str, folder: Path | None, standalone: str | None = None):
        self.key = key
        self.folder = folder
        self.standalone = standalone  # the uri of a lone document
        self.layout = Connector(folder) if folder is None else connector_for(folder)
        self.linter = ConnectorLinter()
        self.base = BaseCache()  # the connector as it was, for the breaking-change rules
        self.settings: Settings | None = None
        self.config: Config = Config()
        self.config_error: str | None = None
        self.told: set[str] = set()  # the skipped files already named to the user
        self.disk: dict[str, str | bytes | None] = {}
        self.generation = 0  # bumped by disk, layout and configuration changes
        self.timer: asyncio.TimerHandle | None = None
        self.running: "_Job | None" = None
        self.rerun = False
        self.result: Result | None = None
        self.waiters: list[asyncio.Future] = []

    @property
    def paths(self) -> dict[FileKind, str]:
        return {kind: str(path) for kind, path in self.layout.paths.items()}


@dataclass
class _Job:
    key: tuple
    cancel: threading.Event
    config: Config


class Service:
    """Sessions, configuration and scheduling. Runs on the server's event loop; lints run on one
    worker thread. `on_result(session, result)` is called on the loop for each current result;
    `prepare(session, result)` in the worker, to convert it while the loop stays free."""

    def __init__(self, on_result: Callable[[Session, Result], None],
                 prepare: Callable[[Session, Result], object] | None = None,
                 settings_for: Callable[[Path | None], "asyncio.Future | Settings"] | None = None,
                 notify: Callable[[str], None] | None = None,
                 config_checked: Callable[[Path, ConfigError | None], None] | None = None):
        self.open: dict[str, OpenDocument] = {}  # uri -> document
        self.sessions: dict[str, Session] = {}
        self.session_of: dict[str, str] = {}  # uri -> session key
        self.on_result = on_result
        self.prepare = prepare
        self.settings_for = settings_for
        self.notify = notify or (lambda message: log.warning(message))
        self.config_checked = config_checked  # told the outcome of each read of a configuration file
        self.good_configs: dict[str, Config] = {}  # norm(path) -> the file's last valid configuration
        self.debounce = DEBOUNCE_SECONDS
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="connector-lint")

    @property
    def known_rules(self) -> set[str]:
        return {r.id for r in all_rules()}

    # -- documents ----------------------------------------------------------------------------

    def by_path(self, path: str) -> OpenDocument | None:
        wanted = norm(path)
        for doc in self.open.values():
            if doc.path is not None and norm(doc.path) == wanted:
                return doc
        return None

    def session_for(self, doc: OpenDocument) -> Session | None:
        """The session a document belongs to, made when needed; None for documents we do not lint."""
        key = self.session_of.get(doc.uri)
        if key is not None and key in self.sessions:
            session = self.sessions[key]
            if session.standalone is None or looks_like_swagger(doc.text, quick=True):
                return session
            self.session_of.pop(doc.uri, None)
            self.sessions.pop(key, None)
            return None
        session = self._new_session(doc)
        if session is not None:
            self.sessions.setdefault(session.key, session)
            session = self.sessions[session.key]
            self.session_of[doc.uri] = session.key
        return session

    def _new_session(self, doc: OpenDocument) -> Session | None:
        if doc.path is not None:
            folder = Path(doc.path).parent
            kind = kind_by_name(doc.path)
            if kind is not None and (kind is not FileKind.SETTINGS or is_connector_dir(folder)):
                key = norm(folder)
                session = self.sessions.get(key) or Session(key, folder)
                if norm(session.paths.get(kind, "")) == norm(doc.path):
                    return session
                if kind is FileKind.SWAGGER and FileKind.SWAGGER not in session.layout.paths:
                    session.layout.paths = {FileKind.SWAGGER: Path(doc.path), **session.layout.paths}
                    return session
        if not looks_like_swagger(doc.text):
            return None
        if doc.path is not None:
            folder = Path(doc.path).parent
            layout = connector_for(folder)
            if FileKind.SWAGGER not in layout.paths:  # a swagger under another name, beside its apiProperties
                key = norm(folder)
                session = self.sessions.get(key) or Session(key, folder)
                session.layout.paths = {FileKind.SWAGGER: Path(doc.path), **session.layout.paths}
                return session
        session = Session("uri:" + doc.uri, None, standalone=doc.uri)
        session.layout.paths = {FileKind.SWAGGER: Path(doc.path or doc.uri)}
        return session

    def documents_of(self, session: Session) -> list[OpenDocument]:
        if session.standalone is not None:
            doc = self.open.get(session.standalone)
            return [doc] if doc else []
        return [d for uri, d in self.open.items() if self.session_of.get(uri) == session.key]

    def sources(self, session: Session) -> tuple[dict[FileKind, Source], dict[str, int | None], dict[str, str]]:
        """What the session's files hold now (the editor's text for open files, else the disk's),
        the versions of the open ones, and the uri of each file."""
        sources: dict[FileKind, Source] = {}
        versions: dict[str, int | None] = {}
        uris: dict[str, str] = {}
        for kind, path in session.paths.items():
            doc = self.open.get(session.standalone) if session.standalone else self.by_path(path)
            uris[path] = doc.uri if doc is not None else Path(path).as_uri() if os.path.isabs(path) else path
            if doc is not None:
                sources[kind] = Source(path, text=doc.text, lines=doc.lines)
                versions[path] = doc.version
                continue
            if path not in session.disk:
                session.disk[path] = _read(path, kind, session.folder)
            data = session.disk[path]
            if data is None:
                continue
            sources[kind] = Source(path, data=data) if isinstance(data, bytes) else Source(path, text=data)
            versions[path] = None
        return sources, versions, uris

    def snapshot_key(self, session: Session) -> tuple:
        docs = sorted((d.uri, d.version) for d in self.documents_of(session))
        return tuple(docs), session.generation

    # -- configuration ------------------------------------------------------------------------

    def load_config(self, session: Session) -> None:
        """The configuration file (the editor's copy when open) under the editor's settings. An
        invalid file leaves its connectors with its last valid version (read earlier in this
        session of the server), else with the defaults: a half-typed edit in the configuration
        does not turn every connector's diagnostics over and back (see `check_config`)."""
        previous_error, session.config_error = session.config_error, None
        config = Config()
        path = find_config(session.folder) if session.folder is not None else None
        if path is not None:
            config, error = self.check_config(path)
            if error is not None:
                session.config_error = str(error)
                config = self.good_configs.get(norm(path)) or Config(path=path)
        settings = session.settings or Settings()
        try:
            config = config.merged(settings.overrides())
        except ConfigError as exc:
            session.config_error = session.config_error or str(exc)
        session.config = config
        session.generation += 1
        if session.config_error and session.config_error != previous_error:
            using = "its last valid version" if path is not None and norm(path) in self.good_configs else "the defaults"
            self.notify(f"connector-lint: {session.config_error}; using {using}.")

    def check_config(self, path: Path) -> tuple[Config | None, ConfigError | None]:
        """Read and validate the configuration file at `path` (the editor's copy when open),
        remember it when valid, and tell `config_checked` the outcome (a missing file: no error)."""
        config, error = None, None
        open_copy = self.by_path(str(path))
        try:
            if open_copy is not None:
                config = parse_config(open_copy.text, path, self.known_rules)
            elif path.is_file():
                config = load_config(path, self.known_rules)
            else:
                self.good_configs.pop(norm(path), None)
        except ConfigError as exc:
            error = exc
        if config is not None:
            self.good_configs[norm(path)] = config
        if self.config_checked is not None:
            try:
                self.config_checked(path, error)
            except Exception:  # showing the error must not cost the lint
                log.exception("reporting the configuration error failed")
        return config, error

    async def ready(self, session: Session) -> None:
        """Fetch the editor's settings for the session (once) and load its configuration."""
        if session.settings is not None:
            return
        settings = Settings()
        if self.settings_for is not None:
            try:
                found = self.settings_for(session.folder)
                settings = await found if asyncio.isfuture(found) or asyncio.iscoroutine(found) else found
            except Exception as exc:  # the client did not answer: lint with the defaults
                log.warning("workspace/configuration failed: %s", exc)
        session.settings = settings if isinstance(settings, Settings) else Settings.of(settings)
        self.load_config(session)
        self.tell_skipped(session)

    def tell_skipped(self, session: Session) -> None:
        """Say (once each) which files of the connector are not read and why, as the CLI does:
        a link out of the folder, a FIFO, a file too large (the editor shows no other sign)."""
        for skipped in session.layout.skipped:
            said = f"{skipped.path}: {skipped.reason}"
            if said not in session.told:
                session.told.add(said)
                self.notify(f"connector-lint: {said}")

    async def reconfigure(self) -> None:
        """Settings changed: fetch them again for every session and lint everything open again."""
        for session in list(self.sessions.values()):
            session.settings = None
        for session in list(self.sessions.values()):
            await self.ready(session)
            self.schedule(session, 0)

    # -- files on disk ------------------------------------------------------------------------

    def files_changed(self, paths: list[str]) -> list[Session]:
        """Watched files changed on disk: re-read them, re-assign connector parts, reload configurations."""
        touched = []
        for path in dict.fromkeys(p for p in paths if os.path.basename(p) in CONFIG_NAMES):
            self.check_config(Path(path))  # shown on the file even when no open connector uses it
        for session in list(self.sessions.values()):
            if session.folder is None:
                continue
            folder = norm(session.folder)
            hit = False
            for path in paths:
                name = os.path.basename(path)
                parent = norm(os.path.dirname(path))
                if name in CONFIG_NAMES and (folder == parent or folder.startswith(parent + os.sep)):
                    self.load_config(session)
                    hit = True
                elif parent == folder:
                    session.disk = {p: v for p, v in session.disk.items() if norm(p) != norm(path)}
                    session.layout = _relayout(session)
                    self.tell_skipped(session)
                    hit = True
            if hit:
                session.generation += 1
                touched.append(session)
                self.schedule(session, 0.02)
        return touched

    # -- scheduling ---------------------------------------------------------------------------

    def schedule(self, session: Session, delay: float | None = None) -> None:
        """Lint the session after `delay` (default: the debounce, so a burst of edits is linted once,
        when typing pauses); supersedes pending and running work."""
        loop = asyncio.get_event_loop()
        if session.timer is not None:
            session.timer.cancel()
        if session.running is not None and session.running.key != self.snapshot_key(session):
            session.running.cancel.set()
        delay = self.debounce if delay is None else delay
        session.timer = loop.call_later(delay, self._start, session)

    def _start(self, session: Session) -> None:
        session.timer = None
        if session.settings is None:
            return  # ready() schedules again
        if session.running is not None:
            session.rerun = True
            return
        if session.settings is not None and not session.settings.enable:
            return
        if session.key not in self.sessions:
            return
        key = self.snapshot_key(session)
        if session.result is not None and session.result.key == key:
            self._wake(session)
            return
        sources, versions, uris = self.sources(session)
        job = _Job(key, threading.Event(), session.config)
        session.running = job
        loop = asyncio.get_event_loop()
        future = loop.run_in_executor(self.executor, self._work, session, job, sources, versions, uris)
        future.add_done_callback(lambda f: self._done(session, job, f))

    def _work(self, session: Session, job: _Job, sources, versions, uris) -> Result | None:
        with gc_paused():  # parsing, linting and converting allocate a lot: collect after publishing
            return self._lint(session, job, sources, versions, uris)

    def _lint(self, session: Session, job: _Job, sources, versions, uris) -> Result | None:
        started = time.perf_counter()
        folder = str(session.folder) if session.folder is not None else None
        try:
            docs = session.linter.documents(sources)
            base = self._base(session)
            diagnostics = session.linter.lint(docs, job.config, folder, job.cancel.is_set,
                                              base=base.context, base_error=base.error)
        except Cancelled:
            return None
        except Exception:  # a bug of ours must not cost the diagnostics: lint from scratch
            log.exception("incremental lint failed; linting from scratch")
            session.linter = ConnectorLinter()
            docs = {kind: Document(s.path, kind, text=s.text, data=s.data) for kind, s in sources.items()}
            base = self._base(session)
            diagnostics = engine_lint(docs, job.config, folder, base=base.context, base_error=base.error)
        result = Result(job.key, docs, diagnostics, versions, uris, next(_RESULTS))
        if self.prepare is not None:
            result.prepared = self.prepare(session, result)
        result.seconds = time.perf_counter() - started  # the server's work: lint and conversion
        return result

    def _base(self, session: Session) -> Base:
        """The session's base connector (cached by BaseCache); none for a lone document."""
        if session.folder is None:
            return Base()
        spec = session.settings.base if session.settings is not None else None
        try:
            return session.base.get(spec, session.layout)
        except Exception as exc:  # reading the base must never cost the other diagnostics
            log.exception("reading the base failed")
            return Base(error=f"the base could not be read ({type(exc).__name__}: {exc})")

    def _done(self, session: Session, job: _Job, future) -> None:
        session.running = None
        try:
            result = future.result()
        except Exception:
            log.exception("lint failed")
            result = None
        if result is not None:
            session.result = result
            if result.key == self.snapshot_key(session):
                try:
                    self.on_result(session, result)
                except Exception:
                    log.exception("publishing failed")
        self._wake(session)
        if session.rerun or (result is None and session.timer is None and session.waiters):
            session.rerun = False
            self._start(session)
        elif result is not None:
            try:  # the lint ran with the collector paused: collect now, after publishing
                self.executor.submit(collect_garbage)
            except RuntimeError:  # shutting down
                pass

    def _wake(self, session: Session) -> None:
        waiters, session.waiters = session.waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def current(self, session: Session, timeout: float = 30.0) -> Result | None:
        """The result for the session as it is now, linting at once if there is none yet."""
        await self.ready(session)
        deadline = time.monotonic() + timeout
        while True:
            key = self.snapshot_key(session)
            if session.result is not None and session.result.key == key:
                return session.result
            if session.settings is not None and not session.settings.enable:
                return None
            waiter = asyncio.get_event_loop().create_future()
            session.waiters.append(waiter)
            if session.running is None or session.running.key != key:
                self.schedule(session, 0)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            try:
                await asyncio.wait_for(asyncio.shield(waiter), remaining)
            except asyncio.TimeoutError:
                return None

    def close(self, uri: str) -> Session | None:
        """A document closed: its session reads it from disk again, or ends when nothing is open."""
        self.open.pop(uri, None)
        key = self.session_of.pop(uri, None)
        session = self.sessions.get(key) if key else None
        if session is None:
            return None
        if not self.documents_of(session):
            if session.timer is not None:
                session.timer.cancel()
            if session.running is not None:
                session.running.cancel.set()
            del self.sessions[key]
            return None
        session.generation += 1
        return session

    def shutdown(self) -> None:
        for session in self.sessions.values():
            if session.timer is not None:
                session.timer.cancel()
            if session.running is not None:
                session.running.cancel.set()
        self.executor.shutdown(wait=False, cancel_futures=True)


def _read(path: str, kind: FileKind, folder: Path | None = None) -> str | bytes | None:
    """A file of the session from disk; None when it cannot be read safely (a regular file inside
    `folder`, links resolved: the layout checked it, but it may have become a link since)."""
    try:
        data = read_bytes(Path(path), folder)
    except OSError:
        return None
    return data if kind is FileKind.ICON else decode(data)[0]


def _relayout(session: Session) -> Connector:
    """The folder's parts again, keeping a swagger under another name that the editor opened."""
    layout = connector_for(session.folder)
    old = session.layout.paths.get(FileKind.SWAGGER)
    if FileKind.SWAGGER not in layout.paths and old is not None and old.is_file():
        layout.paths = {FileKind.SWAGGER: old, **layout.paths}
    return layout
