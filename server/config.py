"""The configuration file, `.connector-lint.json` (or `connector-lint.json`), found upward from a connector.

    {
      "preset": "auto",                      // auto | certified | independent-publisher | custom
      "rules": {
        "summary-characters": "off",         // a severity: error | warning | information | hint | off
        "title-length": {"severity": "warning", "options": {"max": 40}}
      },
      "words": ["Contoso", "Fabrikam"],      // extra dictionary words, for every connector it covers
      "ignore": [
        // findings to drop: rule ids (or "*"), file globs, JSON pointer globs
        {"rules": ["spelling"], "files": "**/apiProperties.json", "pointers": ["/properties/*"]},
        // words the spelling rule accepts in the connectors whose files match (drops nothing else)
        {"files": ["MyConnector/apiDefinition.swagger.json"], "words": ["Tasklet"]}
      ]
    }

`files` (a glob or a list of globs, default "*") is matched against a file's path relative to the
configuration file's folder, its name, and any trailing part of its path. `rules`, `files` and
`pointers` take a string or a non-empty list of strings.

An ignore entry with `words` is a dictionary, not a filter: the words are added to the dictionary
of each connector that has at least one file `files` matches, and no finding is dropped. The
dictionary is per connector, so such a word is accepted in all of that connector's files, but not
in other connectors that the same configuration covers (unlike the top-level `words`). Such an
entry takes no `pointers`, and its `rules`, when present, must be "spelling" (the only rule that
reads the dictionary for acceptance); the entry the editor writes leaves `rules` out, so an older
connector-lint refuses the entry rather than reading it as "ignore all spelling in the file".

The JSON schema for editors is docs/config.schema.json (kept in step with this module by a test).
"""

from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from connector_lint_rules import all_rules
from connector_lint_rules._api import Preset, Rule, Severity, pointer

CONFIG_NAMES = (".connector-lint.json", "connector-lint.json")
PRESETS = ("auto",) + tuple(p.value for p in Preset)
SEVERITIES = tuple(s.value for s in Severity)
_NO_POINTERS: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())


class ConfigError(ValueError):
    """The configuration file is unreadable or malformed; the message names the file and the key.

    `path`: the file (None: the editor's settings). `pointer`: the JSON pointer of the offending
    value, and `at_key` when the fault is the member's name (an unknown key, rule or option);
    None when there is no value to point at, and then `offset` says where the text went wrong
    (not JSON) or is None (unreadable, nested too deeply). The language server shows the error
    as a diagnostic on the configuration file at that place."""

    def __init__(self, message: str, path: Path | None = None, pointer: str | None = None,
                 at_key: bool = False, offset: int | None = None):
        super().__init__(message)
        self.path, self.pointer, self.at_key, self.offset = path, pointer, at_key, offset

    @property
    def reason(self) -> str:
        """The message without the file's name (a diagnostic on the file says it already)."""
        message = str(self)
        prefix = f"{self.path}: "
        return message[len(prefix):] if self.path is not None and message.startswith(prefix) else message


@dataclass
class Ignore:
    """One `ignore` entry: drops the findings of `rules` in `files` at `pointers`, or, with `words`,
    drops nothing and adds the words to the dictionary of the connectors whose files it matches."""

    rules: tuple[str, ...]
    files: tuple[str, ...] | str = ("*",)  # globs (a single glob is accepted and made a tuple)
    pointers: tuple[str, ...] = ("*",)
    words: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if isinstance(self.files, str):
            self.files = (self.files,)

    def matches(self, rule: str, path: str, pointer: str | None) -> bool:
        """Whether this entry drops a finding of `rule` at `pointer` in `path` (a words entry never does)."""
        if self.words:
            return False
        if "*" not in self.rules and rule not in self.rules:
            return False
        if not self.matches_file(path):
            return False
        return any(fnmatch.fnmatchcase(pointer or "", p) for p in self.pointers)

    def matches_file(self, path: str) -> bool:
        """Whether one of `files` matches `path` (relative to the configuration's folder when it is
        inside it), its name, or a trailing part of it."""
        posix = Path(path).as_posix()
        name = Path(path).name
        return any(fnmatch.fnmatch(posix, glob) or fnmatch.fnmatch(name, glob)
                   or fnmatch.fnmatch(posix, "*/" + glob.lstrip("*/")) for glob in self.files)


@dataclass
class Config:
    path: Path | None = None  # where it came from (None: defaults)
    preset: str = "auto"
    rules: dict[str, dict] = field(default_factory=dict)  # id -> {"severity": ..., "options": {...}}
    words: frozenset[str] = frozenset()
    ignore: list[Ignore] = field(default_factory=list)
    _words_for: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # paths -> words
    _ignore_by_path: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # path -> rule -> entries

    def severity(self, rule: Rule, preset: Preset) -> Severity:
        setting = self.rules.get(rule.id, {}).get("severity")
        return Severity(setting) if setting else rule.severity_for(preset)

    def options(self, rule: Rule) -> dict:
        return self.rules.get(rule.id, {}).get("options", {})

    def ignored(self, rule: str, path: str, pointer: str | None) -> bool:
        if not self.ignore:
            return False
        by_rule = self._ignore_by_path.get(path)
        if by_rule is None:
            by_rule = self._ignore_index(path)
        pointer = pointer or ""
        for key in (rule, "*"):
            exact, globs = by_rule.get(key, _NO_POINTERS)
            if pointer in exact or any(fnmatch.fnmatchcase(pointer, glob) for glob in globs):
                return True
        return False

    def _ignore_index(self, path: str) -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
        """The pointers ignored in `path`, by rule id: (pointers without wildcards, pointer globs),
        from the entries (not words entries) whose `files` match it. Each file glob is matched
        once per file and each plain pointer looked up, not matched once per finding (20,000
        globs took 44 s)."""
        relative = self._relative(path)
        exact: dict[str, set[str]] = {}
        globs: dict[str, list[str]] = {}
        for entry in self.ignore:
            if not entry.words and entry.matches_file(relative):
                for rule in entry.rules:
                    for pointer in entry.pointers:
                        if any(ch in pointer for ch in "*?["):
                            globs.setdefault(rule, []).append(pointer)
                        else:
                            exact.setdefault(rule, set()).add(pointer)
        by_rule = {rule: (frozenset(exact.get(rule, ())), tuple(dict.fromkeys(globs.get(rule, ()))))
                   for rule in exact.keys() | globs.keys()}
        if len(self._ignore_by_path) >= 4096:  # a CLI run over a very large tree: start again
            self._ignore_by_path.clear()
        self._ignore_by_path[path] = by_rule
        return by_rule

    def words_for(self, paths: Iterable[str]) -> frozenset[str]:
        """The dictionary of the connector made of the files at `paths`: `words`, plus the words of
        every ignore entry with words whose `files` match one of them. The same object for the
        same paths (the language server compares it on every keystroke)."""
        entries = [entry for entry in self.ignore if entry.words]
        if not entries:
            return self.words
        key = tuple(paths)
        found = self._words_for.get(key)
        if found is None:
            relative = [self._relative(path) for path in key if path]
            extra = [entry.words for entry in entries if any(entry.matches_file(path) for path in relative)]
            found = self.words.union(*extra) if extra else self.words
            if len(self._words_for) >= 4096:  # a CLI run over a very large tree: start again
                self._words_for.clear()
            self._words_for[key] = found
        return found

    def _relative(self, path: str) -> str:
        """`path` relative to the configuration file's folder, when it is inside it."""
        if self.path is not None:
            try:
                return str(Path(path).resolve().relative_to(self.path.parent.resolve()))
            except ValueError:
                pass
        return path

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


def find_config(start: Path, known: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest configuration file in `start` or above it. `known` (folder -> its answer, filled
    here) spares a check of many connectors looking again in the folders they share."""
    start = start.resolve()
    walked = []
    found = None
    for folder in (start, *start.parents):
        if known is not None and folder in known:
            found = known[folder]
            break
        walked.append(folder)
        found = next((folder / name for name in CONFIG_NAMES if (folder / name).is_file()), None)
        if found is not None:
            break
    if known is not None:
        known.update(dict.fromkeys(walked, found))  # each had none of its own below `found`
    return found


def load_config(path: Path, known_rules: set[str] | None = None) -> Config:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration file ({exc.strerror or exc})", path) from exc
    except ValueError as exc:  # not UTF-8
        raise ConfigError(f"{path}: not valid JSON ({exc})", path) from exc
    return parse_config(text, path, known_rules)


def parse_config(text: str, path: Path, known_rules: set[str] | None = None) -> Config:
    """The configuration in `text` (the file at `path`, or the editor's copy of it)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ConfigError(f"{path}: not valid JSON ({exc})", path, offset=getattr(exc, "pos", None)) from exc
    except RecursionError as exc:
        raise ConfigError(f"{path}: nested too deeply to be a configuration", path) from exc
    return from_dict(data, path, known_rules)


def from_dict(data: Any, path: Path | None, known_rules: set[str] | None) -> Config:
    where = str(path) if path else "settings"

    def error(message: str, at: str, at_key: bool = False) -> ConfigError:
        return ConfigError(f"{where}: {message}", path, at, at_key)

    if not isinstance(data, dict):
        raise error("the configuration must be a JSON object", "")
    unknown = set(data) - {"$schema", "preset", "rules", "words", "ignore"}
    if unknown:
        key = sorted(unknown)[0]
        raise error(f"unknown key {key!r} (expected preset, rules, words, ignore)", pointer(key), at_key=True)
    preset = data.get("preset", "auto")
    if preset not in PRESETS:
        raise error(f"preset must be one of {', '.join(PRESETS)}, not {preset!r}", "/preset")
    rules: dict[str, dict] = {}
    raw_rules = data.get("rules", {})
    if not isinstance(raw_rules, dict):
        raise error("rules must be an object of rule id -> severity", "/rules")
    for rule_id, setting in raw_rules.items():
        at = pointer("rules", rule_id)
        if known_rules is not None and rule_id not in known_rules:
            raise error(f"rules: unknown rule {rule_id!r}", at, at_key=True)
        if isinstance(setting, str):
            setting = {"severity": setting}
            severity_at = at
        else:
            severity_at = at + "/severity"
        if not isinstance(setting, dict) or set(setting) - {"severity", "options"}:
            extra = sorted(set(setting) - {"severity", "options"}) if isinstance(setting, dict) else []
            raise error(f"rules.{rule_id}: expected a severity or {{\"severity\", \"options\"}}",
                        at + pointer(extra[0]) if extra else at, at_key=bool(extra))
        if "severity" in setting and setting["severity"] not in SEVERITIES:
            raise error(f"rules.{rule_id}: severity must be one of {', '.join(SEVERITIES)}", severity_at)
        if not isinstance(setting.get("options", {}), dict):
            raise error(f"rules.{rule_id}.options must be an object", at + "/options")
        if known_rules is not None and setting.get("options"):
            _check_options(rule_id, setting["options"], f"{where}: rules.{rule_id}.options", path, at + "/options")
        rules[rule_id] = setting
    words = data.get("words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        bad = [i for i, w in enumerate(words) if not isinstance(w, str)] if isinstance(words, list) else []
        raise error("words must be a list of strings", pointer("words", bad[0]) if bad else "/words")
    raw_ignore = data.get("ignore", [])
    if not isinstance(raw_ignore, list):
        raise error("ignore must be a list of entries", "/ignore")
    ignore = [_ignore_entry(entry, f"{where}: ignore[{i}]", path, pointer("ignore", i))
              for i, entry in enumerate(raw_ignore)]
    return Config(path, preset, rules, frozenset(words), ignore)


def _check_options(rule_id: str, options: dict, at: str, path: Path | None, where: str) -> None:
    """Each option is one the rule declares, of the type of its default (a number for a number,
    a list of strings for a list of strings). `at` names the options in messages, `where` is
    their JSON pointer."""
    from connector_lint_rules import rules_by_id

    rule = rules_by_id().get(rule_id)
    declared = dict(rule.options) if rule is not None else {}
    for name, value in options.items():
        if name not in declared:
            takes = f"it takes {', '.join(sorted(declared))}" if declared else "it takes none"
            raise ConfigError(f"{at}: unknown option {name!r} ({takes})", path, where + pointer(name), at_key=True)
        expected = _option_type(declared[name])
        if expected is not None and not _is_option_type(value, declared[name]):
            raise ConfigError(f"{at}.{name} must be {expected}, not {json.dumps(value)[:40]}", path,
                              where + pointer(name))


def _option_type(default: Any) -> str | None:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int):
        return "a whole number (0 or more)"
    if isinstance(default, float):
        return "a number"
    if isinstance(default, str):
        return "a string"
    if isinstance(default, list):
        return "a list of strings" if all(isinstance(v, str) for v in default) else "a list"
    return None


def _is_option_type(value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, str):
        return isinstance(value, str)
    if isinstance(default, list):
        return isinstance(value, list) and (not all(isinstance(v, str) for v in default)
                                            or all(isinstance(v, str) for v in value))
    return True


def _ignore_entry(entry: Any, at: str, path: Path | None = None, where: str = "") -> Ignore:
    """One `ignore` entry; `at` names it in messages, `where` is its JSON pointer."""
    def error(message: str, pointer_: str, at_key: bool = False) -> ConfigError:
        return ConfigError(message, path, pointer_, at_key)

    if not isinstance(entry, dict):
        raise error(f"{at} must be an object with \"rules\" (and \"files\", \"pointers\") or \"words\"", where)
    unknown = set(entry) - {"rules", "files", "pointers", "words"}
    if unknown:
        key = sorted(unknown)[0]
        raise error(f"{at}: unknown key {key!r} (expected rules, files, pointers, words)", where + pointer(key),
                    at_key=True)
    files = _strings(entry.get("files", "*"), f"{at}.files", "file globs", path, where + "/files")
    if "words" in entry:
        words = entry["words"]
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise error(f"{at}.words must be a non-empty list of words", where + "/words")
        if "pointers" in entry:
            raise error(f"{at}: an entry with words applies to whole connectors and takes no pointers; "
                        "put the pointers in an entry of their own", where + "/pointers", at_key=True)
        readers = dictionary_rules()
        named = _strings(entry["rules"], f"{at}.rules", "rule ids", path, where + "/rules") if "rules" in entry else ()
        if not set(named) <= set(readers):
            raise error(f"{at}: words are for the {' and '.join(readers)} rule; rules must be "
                        f"{' or '.join(f'{r!r}' for r in readers)} or left out".replace("'", '"'), where + "/rules")
        return Ignore(readers, files, (), frozenset(words))
    if "rules" not in entry:
        raise error(f"{at} needs \"rules\" (rule ids, or \"*\") or \"words\"", where)
    rules = _strings(entry["rules"], f"{at}.rules", "rule ids", path, where + "/rules")
    pointers = _strings(entry.get("pointers", "*"), f"{at}.pointers", "JSON pointer globs", path, where + "/pointers")
    return Ignore(rules, files, pointers)


def dictionary_rules() -> tuple[str, ...]:
    """The rules whose findings are words the dictionary accepts (`Rule.dictionary_words`)."""
    return tuple(rule.id for rule in all_rules() if rule.dictionary_words)


def _strings(value: Any, at: str, what: str, path: Path | None = None, where: str | None = None) -> tuple[str, ...]:
    """A string or a non-empty list of strings, as a tuple (`where`: its JSON pointer)."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{at} must be a string or a non-empty list of strings ({what})", path, where)
