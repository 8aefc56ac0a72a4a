"""The configuration file, `.connector-lint.json` (or `connector-lint.json`), found upward from a connector.

    {
      "preset": "auto",                      // auto | certified | independent-publisher | custom
      "rules": {
        "summary-characters": "off",         // a severity: error | warning | information | hint | off
        "title-length": {"severity": "warning", "options": {"max": 40}}
      },
      "words": ["Contoso", "Fabrikam"],      // extra dictionary words
      "ignore": [                            // findings to drop: rule ids (or "*"), file glob, JSON pointer globs
        {"rules": ["spelling"], "files": "**/apiProperties.json", "pointers": ["/properties/*"]}
      ]
    }

The JSON schema for editors is docs/config.schema.json (kept in step with this module by a test).
"""

from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from connector_lint_rules._api import Preset, Rule, Severity

CONFIG_NAMES = (".connector-lint.json", "connector-lint.json")
PRESETS = ("auto",) + tuple(p.value for p in Preset)
SEVERITIES = tuple(s.value for s in Severity)


class ConfigError(ValueError):
    """The configuration file is unreadable or malformed; the message names the file and the key."""


@dataclass
class Ignore:
    rules: tuple[str, ...]
    files: str = "*"
    pointers: tuple[str, ...] = ("*",)

    def matches(self, rule: str, path: str, pointer: str | None) -> bool:
        if "*" not in self.rules and rule not in self.rules:
            return False
        posix = Path(path).as_posix()
        if not (fnmatch.fnmatch(posix, self.files) or fnmatch.fnmatch(Path(path).name, self.files)
                or fnmatch.fnmatch(posix, "*/" + self.files.lstrip("*/"))):
            return False
        return any(fnmatch.fnmatchcase(pointer or "", p) for p in self.pointers)


@dataclass
class Config:
    path: Path | None = None  # where it came from (None: defaults)
    preset: str = "auto"
    rules: dict[str, dict] = field(default_factory=dict)  # id -> {"severity": ..., "options": {...}}
    words: frozenset[str] = frozenset()
    ignore: list[Ignore] = field(default_factory=list)

    def severity(self, rule: Rule, preset: Preset) -> Severity:
        setting = self.rules.get(rule.id, {}).get("severity")
        return Severity(setting) if setting else rule.severity_for(preset)

    def options(self, rule: Rule) -> dict:
        return self.rules.get(rule.id, {}).get("options", {})

    def ignored(self, rule: str, path: str, pointer: str | None) -> bool:
        if not self.ignore:
            return False
        if self.path is not None:
            try:
                path = str(Path(path).resolve().relative_to(self.path.parent.resolve()))
            except ValueError:
                pass
        return any(entry.matches(rule, path, pointer) for entry in self.ignore)

    def merged(self, overrides: dict) -> "Config":
        """This configuration with editor settings laid over it (the file wins where both speak)."""
        base = from_dict(overrides, None, known_rules=None) if overrides else Config()
        return Config(
            path=self.path,
            preset=self.preset if self.preset != "auto" else base.preset,
            rules={**base.rules, **self.rules},
            words=self.words | base.words,
            ignore=self.ignore + base.ignore,
        )


def find_config(start: Path) -> Path | None:
    """The nearest configuration file in `start` or above it."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def load_config(path: Path, known_rules: set[str] | None = None) -> Config:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration file ({exc.strerror or exc})") from exc
    except ValueError as exc:
        raise ConfigError(f"{path}: not valid JSON ({exc})") from exc
    return from_dict(data, path, known_rules)


def from_dict(data: Any, path: Path | None, known_rules: set[str] | None) -> Config:
    where = str(path) if path else "settings"
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: the configuration must be a JSON object")
    unknown = set(data) - {"$schema", "preset", "rules", "words", "ignore"}
    if unknown:
        raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r} (expected preset, rules, words, ignore)")
    preset = data.get("preset", "auto")
    if preset not in PRESETS:
        raise ConfigError(f"{where}: preset must be one of {', '.join(PRESETS)}, not {preset!r}")
    rules: dict[str, dict] = {}
    raw_rules = data.get("rules", {})
    if not isinstance(raw_rules, dict):
        raise ConfigError(f"{where}: rules must be an object of rule id -> severity")
    for rule_id, setting in raw_rules.items():
        if known_rules is not None and rule_id not in known_rules:
            raise ConfigError(f"{where}: rules: unknown rule {rule_id!r}")
        if isinstance(setting, str):
            setting = {"severity": setting}
        if not isinstance(setting, dict) or set(setting) - {"severity", "options"}:
            raise ConfigError(f"{where}: rules.{rule_id}: expected a severity or {{\"severity\", \"options\"}}")
        if "severity" in setting and setting["severity"] not in SEVERITIES:
            raise ConfigError(f"{where}: rules.{rule_id}: severity must be one of {', '.join(SEVERITIES)}")
        if not isinstance(setting.get("options", {}), dict):
            raise ConfigError(f"{where}: rules.{rule_id}.options must be an object")
        rules[rule_id] = setting
    words = data.get("words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ConfigError(f"{where}: words must be a list of strings")
    ignore = []
    for i, entry in enumerate(data.get("ignore", [])):
        if not isinstance(entry, dict) or "rules" not in entry:
            raise ConfigError(f"{where}: ignore[{i}] needs at least \"rules\"")
        rule_ids = entry["rules"] if isinstance(entry["rules"], list) else [entry["rules"]]
        pointers = entry.get("pointers", ["*"])
        pointers = pointers if isinstance(pointers, list) else [pointers]
        ignore.append(Ignore(tuple(map(str, rule_ids)), str(entry.get("files", "*")), tuple(map(str, pointers))))
    return Config(path, preset, rules, frozenset(words), ignore)
