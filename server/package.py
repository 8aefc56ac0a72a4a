"""The certification submission package: its structure, and the connector inside it.

Microsoft's `scripts/ConnectorPackageValidator.ps1` (microsoft/PowerPlatformConnectors) checks a
package zip level by level; `check_package` checks the same, reporting each problem with its
certification policy code, then lints the connector found in the connector solution:

    PACKAGE.zip                    intro.md and one package zip, no folder
      package.zip                  one folder (PkgAssets)
        PkgAssets/                 no folder; two solution zips (three with a Copilot plugin)
          Solution.zip             [Content_Types].xml, customizations.xml, solution.xml, and the
                                   folders customizations.xml declares: Connector/, Workflows/,
                                   aiplugins/ and aipluginoperations/

A folder laid out like the outer zip (intro.md and the package zip) is checked the same way.

Archives are read in memory and never extracted: an entry name is only a key, so a name that
climbs out of the archive ("../x", "/etc/x") cannot write anywhere; it is reported (zip slip) and
ignored. Entry count, total size, compression ratio and nesting depth are limited; past a limit the
check stops with a finding instead of exhausting memory. XML with a DOCTYPE is not parsed.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from connector_lint_rules import all_rules, rules_by_id
from connector_lint_rules._api import FileKind, Preset, Severity

from .config import Config
from .document import Document
from .engine import Diagnostic, lint

RULE = "package-structure"
MAX_ENTRIES = 10_000  # per archive
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # everything read, all archives together
MAX_RATIO = 200  # uncompressed / compressed, for entries above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_DEPTH = 3  # package zip, solution zip: the outer zip is depth 0
SOLUTION_FILES = ("[Content_Types].xml", "customizations.xml", "solution.xml")
# The connector's files in a solution's Connector/ folder, by the suffix of their name.
CONNECTOR_FILES = {"_openapidefinition.json": FileKind.SWAGGER, "_customcodeblobcontent.csx": FileKind.SCRIPT,
                   "_iconblob.png": FileKind.ICON}
# Rules about files a solution export does not carry (apiProperties.json, settings.json, readme.md).
PACKAGE_FILE_KINDS = frozenset(CONNECTOR_FILES.values())


class LimitExceeded(Exception):
    pass


@dataclass
class Budget:
    """What reading the whole package may cost, shared by every nested archive."""

    left: int = MAX_TOTAL_BYTES

    def take(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise LimitExceeded(f"the package holds more than {MAX_TOTAL_BYTES // (1024 * 1024)} MB uncompressed")


@dataclass
class Tree:
    """One archive (or the top folder) as a map of normalised names to readers."""

    label: str  # how findings name it: "PACKAGE.zip!/package.zip"
    files: dict = field(default_factory=dict)  # name -> () -> bytes
    folders: set = field(default_factory=set)  # every folder name, with its parents ("a", "a/b")

    def top_files(self, folder: str = "") -> list[str]:
        prefix = folder + "/" if folder else ""
        return sorted(n for n in self.files if n.startswith(prefix) and "/" not in n[len(prefix):])

    def top_folders(self, folder: str = "") -> list[str]:
        prefix = folder + "/" if folder else ""
        return sorted(f for f in self.folders if f.startswith(prefix) and "/" not in f[len(prefix):])

    def path(self, name: str) -> str:
        return f"{self.label}/{name}"


class PackageCheck:
    def __init__(self, config: Config):
        self.config = config
        self.budget = Budget()
        self.diagnostics: list[Diagnostic] = []
        self.connector_docs: dict[FileKind, Document] = {}

    # -- findings ---------------------------------------------------------------------------

    def report(self, where: str, message: str, policy: str | None, severity: Severity = Severity.ERROR) -> None:
        configured = self.config.severity(rules_by_id()[RULE], Preset.CERTIFIED)
        if configured is Severity.OFF:
            return
        if configured.rank < severity.rank:
            severity = configured
        self.diagnostics.append(Diagnostic(RULE, severity, message, where, 0, 0, None, None, policy_code=policy))

    # -- reading ----------------------------------------------------------------------------

    def open_zip(self, label: str, data: bytes) -> Tree | None:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            infos = archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
            self.report(label, f"This is not a readable zip archive ({exc}).", "5000.1.1.16")
            return None
        if len(infos) > MAX_ENTRIES:
            self.report(label, f"The archive has {len(infos):,} entries; more than {MAX_ENTRIES:,} are not read.",
                        None)
            return None
        tree = Tree(label + "!")
        for info in infos:
            name = info.filename.replace("\\", "/")
            parts = [p for p in name.split("/") if p not in ("", ".")]
            if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in parts:
                self.report(f"{label}!/{name}", "This entry's name leads outside the archive (zip slip); it is "
                                                "ignored. Rebuild the archive from the folder's contents.", None)
                continue
            if not parts:
                continue
            clean = "/".join(parts)
            for i in range(1, len(parts)):
                tree.folders.add("/".join(parts[:i]))
            if info.is_dir():
                tree.folders.add(clean)
                continue
            tree.files[clean] = self._reader(archive, info, f"{label}!/{clean}")
        return tree

    def _reader(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: str):
        def read() -> bytes | None:
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise LimitExceeded(f"{where} expands {info.file_size // max(info.compress_size, 1):,} times "
                                    f"(more than {MAX_RATIO}); it looks like a zip bomb")
            self.budget.take(info.file_size)
            try:
                with archive.open(info) as stream:
                    data = stream.read(info.file_size + 1)
            except (zipfile.BadZipFile, RuntimeError, OSError, EOFError, ValueError, NotImplementedError) as exc:
                self.report(where, f"This entry cannot be read ({exc}).", None)
                return None
            if len(data) > info.file_size:  # the header lied about the size
                raise LimitExceeded(f"{where} is larger than its header says; it is not read")
            return data
        return read

    def read(self, tree: Tree, name: str) -> bytes | None:
        return tree.files[name]()

    # -- the levels of ConnectorPackageValidator.ps1 ------------------------------------------

    def check(self, path: Path) -> None:
        try:
            if path.is_dir():
                tree = Tree(path.as_posix())
                for item in sorted(path.iterdir()):
                    if item.is_dir():
                        tree.folders.add(item.name)
                    elif item.is_file():
                        tree.files[item.name] = (lambda p=item: self._read_file(p))
            else:
                tree = self.open_zip(path.as_posix(), self._read_file(path) or b"")
                if tree is None:
                    return
            self.outer(tree)
        except LimitExceeded as exc:
            self.report(path.as_posix(), f"The package was not read to the end: {exc}.", None)

    def _read_file(self, path: Path) -> bytes | None:
        size = path.stat().st_size
        self.budget.take(size)
        return path.read_bytes()

    def outer(self, tree: Tree) -> None:
        where = tree.label.rstrip("!")
        folders = tree.top_folders()
        md = [n for n in tree.top_files() if n.lower().endswith(".md")]
        zips = [n for n in tree.top_files() if n.lower().endswith(".zip")]
        if folders:
            self.report(where, f"The package must hold no folder at its top; found {', '.join(folders)}. Zip the "
                               "files themselves, not the folder around them.", "5000.1.1.11")
        if not md:
            self.report(where, "The package has no intro.md at its top.", "5000.1.1.2")
        elif len(md) > 1:
            self.report(where, f"The package has {len(md)} .md files at its top; it needs exactly one intro.md.",
                        "5000.1.1.5")
        if not zips:
            nested = [n for n in tree.files if n.lower().endswith(".zip")]
            hint = f" ({nested[0]} is inside a folder)" if nested else ""
            self.report(where, f"The package has no package zip at its top{hint}.", "5000.1.1.11" if nested
                        else "5000.1.1.5")
            return
        if len(zips) > 1:
            self.report(where, f"The package has {len(zips)} zip files at its top; it needs exactly one package zip.",
                        "5000.1.1.5")
        inner = self.open_zip(tree.path(zips[0]), self.read(tree, zips[0]) or b"")
        if inner is not None:
            self.package(inner)

    def package(self, tree: Tree) -> None:
        where = tree.label.rstrip("!")
        folders = tree.top_folders()
        if len(folders) != 1:
            found = f"; found {', '.join(folders)}" if folders else ""
            self.report(where, f"The package zip must hold exactly one folder (PkgAssets) with the solution "
                               f"zips{found}.", "5000.1.1.12")
            if not folders:
                return
        assets = "PkgAssets" if "PkgAssets" in folders else folders[0]
        if tree.top_folders(assets):
            self.report(tree.path(assets), f"{assets} must hold no folder; found "
                                           f"{', '.join(tree.top_folders(assets))}.", "5000.1.1.12")
        solutions = [n for n in tree.top_files(assets) if n.lower().endswith(".zip")]
        if not solutions:
            self.report(tree.path(assets), f"{assets} holds no solution zip; add the connector and flow solutions.",
                        "5000.1.1.13")
            return
        kinds = []
        for name in solutions:
            solution = self.open_zip(tree.path(name), self.read(tree, name) or b"")
            if solution is not None:
                kinds.append((self.solution(solution), solution))
        plugin = any(k == "plugin" for k, _ in kinds)
        expected = 3 if plugin else 2
        if len(solutions) != expected:
            what = "connector, flow and Copilot plugin" if plugin else "connector and flow"
            count = f"{len(solutions)} solution zip" + ("" if len(solutions) == 1 else "s")
            self.report(tree.path(assets), f"{assets} holds {count}; it must hold the "
                                           f"{what} solutions ({expected}).", "5000.1.1.6")
        found = {k for k, _ in kinds}
        if "connector" not in found:
            self.report(tree.path(assets), "No solution is a connector solution (one that holds only the "
                                           "connector).", "5000.1.1.8")
        if "flow" not in found:
            self.report(tree.path(assets), "No solution is a flow solution (one that holds the connector and a "
                                           "flow using it).", "5000.1.1.7")
        connector_solution = next((t for k, t in kinds if k == "connector"), None) or \
            next((t for k, t in kinds if k in ("flow", "plugin")), None)
        if connector_solution is not None:
            self.connector(connector_solution)

    def solution(self, tree: Tree) -> str | None:
        """Check one solution zip; its kind: connector, flow, plugin, or None."""
        where = tree.label.rstrip("!")
        missing = [n for n in SOLUTION_FILES if n not in tree.files]
        if missing:
            self.report(where, f"The solution lacks {', '.join(missing)}; export the solution again rather than "
                               "editing it.", "5000.1.1.16")
            return None
        customizations = self.xml(tree, "customizations.xml")
        if customizations is None:
            return None
        has = {tag: _non_empty(customizations, tag) for tag in ("Connector", "Workflows", "aicopilot_aiplugin")}
        needed = [("Connector", "Connector", "5000.1.1.10")] if has["Connector"] else []
        if has["Workflows"]:
            needed.append(("Workflows", "Workflows", "5000.1.1.14"))
        if has["aicopilot_aiplugin"]:
            needed += [("aiplugins", "aicopilot_aiplugin", "5000.1.1.10"),
                       ("aipluginoperations", "aicopilot_aiplugin", "5000.1.1.10")]
        for folder, node, policy in needed:
            if folder not in tree.top_folders():
                self.report(where, f"customizations.xml declares {node}, but the solution has no {folder}/ folder.",
                            policy)
        if has["Workflows"]:
            self.workflows(tree, customizations)
        if not has["Connector"]:
            self.report(where, "The solution holds no connector; each solution of the package includes it.",
                        "5000.1.1.8", Severity.WARNING)
            return None
        if has["aicopilot_aiplugin"]:
            return "plugin"
        return "flow" if has["Workflows"] else "connector"

    def workflows(self, tree: Tree, customizations) -> None:
        """5000.1.1.15: the workflows customizations.xml lists and the JSON files present agree."""
        where = tree.label.rstrip("!")
        listed = {(e.text or "").strip().lstrip("/").replace("\\", "/") for e in customizations.iter()
                  if _local(e.tag) == "JsonFileName" and (e.text or "").strip()}
        present = {n for n in tree.files if n.startswith("Workflows/") and n.lower().endswith(".json")}
        for name in sorted(listed - present):
            self.report(where, f"customizations.xml lists the workflow {name}, which the solution lacks.",
                        "5000.1.1.15")
        for name in sorted(present - listed):
            self.report(tree.path(name), "This workflow file is not listed in customizations.xml.", "5000.1.1.15")
        if not listed and not present:
            self.report(where, "The flow solution holds no flow.", "5000.1.1.7")

    def xml(self, tree: Tree, name: str):
        data = self.read(tree, name)
        where = tree.path(name)
        if data is None:
            return None
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            self.report(where, "This XML declares a DOCTYPE or entities; an exported solution has none, and it is "
                               "not parsed.", "5000.1.1.16")
            return None
        try:
            return ElementTree.fromstring(data)
        except ElementTree.ParseError as exc:
            self.report(where, f"This XML cannot be parsed ({exc}).", "5000.1.1.16")
            return None

    def connector(self, tree: Tree) -> None:
        """5000.1.1.17, .3, .1: the connector files, then lint them."""
        where = tree.label.rstrip("!")
        files = {n: kind for n in tree.top_files("Connector") for suffix, kind in CONNECTOR_FILES.items()
                 if n.lower().endswith(suffix)}
        kinds = set(files.values())
        if FileKind.SWAGGER not in kinds:
            self.report(where, "The solution's Connector/ folder has no *_openapidefinition.json (the API "
                               "definition).", "5000.1.1.3")
        if FileKind.ICON not in kinds:
            self.report(where, "The solution's Connector/ folder has no *_iconblob.png (the icon).", "5000.1.1.1",
                        Severity.WARNING)
        for name, kind in files.items():
            if kind in self.connector_docs:
                continue
            data = self.read(tree, name)
            if data is None:
                continue
            path = tree.path(name)
            if kind is FileKind.ICON:
                self.connector_docs[kind] = Document(path, kind, data=data)
            else:
                text = data.decode("utf-8", "replace")
                self.connector_docs[kind] = Document(path, kind, text=text)
        if FileKind.SWAGGER in self.connector_docs:
            rules = [r for r in all_rules() if r.file in PACKAGE_FILE_KINDS]
            found = lint(self.connector_docs, self.config, None, rules)
            # A finding about a file the export lacks (apiProperties.json) is placed on the swagger
            # with "(apiProperties file)" appended (engine.locate); the package has no such file.
            absent = tuple(f"({kind.value} file)" for kind in FileKind if kind not in self.connector_docs)
            for d in found:
                if not d.message.endswith(absent):
                    d.fixes = []  # a file inside an archive is not fixed in place
                    self.diagnostics.append(d)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _non_empty(root, tag: str) -> bool:
    return any(_local(e.tag) == tag and (len(e) or e.attrib or (e.text or "").strip()) for e in root.iter())


def is_package(path: Path) -> bool:
    """A .zip file, or a folder with intro.md and a zip but no connector files."""
    if path.is_file():
        return path.suffix.lower() == ".zip"
    if not path.is_dir():
        return False
    names = [p.name.lower() for p in path.iterdir()]
    return ("intro.md" in names and any(n.endswith(".zip") for n in names)
            and not any(n.endswith(".swagger.json") or n == "apiproperties.json" for n in names))


def check_package(path: Path, config: Config) -> tuple[list[Diagnostic], dict[FileKind, Document]]:
    """Every diagnostic of a submission package, and the connector documents read from it."""
    checker = PackageCheck(config)
    checker.check(path)
    return checker.diagnostics, checker.connector_docs
