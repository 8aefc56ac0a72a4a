"""docs/architecture.md stays true: every name it gives exists, every module of server/ and rules/
(but the rule modules themselves) is placed in it, no modules import each other in a cycle, and the
server reaches the rules only through the catalogue and the `_` helper modules."""

import ast
import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "architecture.md"
PACKAGES = {"server": "connector_lint", "rules": "connector_lint_rules"}


def _modules() -> dict[str, str]:
    """The short name the page uses for each helper or server module -> its import name."""
    out = {"connector_lint_rules": "connector_lint_rules"}
    for path in sorted((ROOT / "server").glob("*.py")):
        if path.stem not in ("__init__", "__main__"):
            out[path.stem] = f"connector_lint.{path.stem}"
    for path in sorted((ROOT / "rules").glob("_*.py")):
        if path.stem != "__init__":
            out[path.stem] = f"connector_lint_rules.{path.stem}"
    return out


def _references() -> list[str]:
    return re.findall(r"`([^`\s]+)`", DOC.read_text())


def test_every_name_the_page_gives_exists():
    modules = _modules()
    missing = []
    for ref in _references():
        if "/" in ref:
            if not (ROOT / ref).exists():
                missing.append(ref)
            continue
        stem, _, rest = ref.removesuffix(".py").partition(".")
        if stem not in modules:
            continue  # a key or a file name, not a module of ours
        target = importlib.import_module(modules[stem])
        for attr in rest.split(".") if rest and not ref.endswith(".py") else ():
            if not hasattr(target, attr):
                missing.append(ref)
                break
            target = getattr(target, attr)
    assert not missing, f"docs/architecture.md names what does not exist: {missing}"


def test_every_module_is_placed_on_the_page():
    named = {ref.removesuffix(".py").partition(".")[0] for ref in _references()}
    unplaced = sorted(set(_modules()) - named - {"_scaffold"})  # _scaffold: a tool, in adding-a-rule.md
    assert not unplaced, f"say in docs/architecture.md where these modules' concepts live: {unplaced}"


def _imports() -> dict[str, set[str]]:
    """Each module of server/ and rules/ -> the modules of ours it imports, at top level or inside
    a function (an import inside a function hides a cycle; it does not remove it)."""
    graph: dict[str, set[str]] = {}
    for folder, package in PACKAGES.items():
        for path in (ROOT / folder).glob("*.py"):
            name = package if path.stem == "__init__" else f"{package}.{path.stem}"
            found = set()
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.ImportFrom):
                    module = (f"{package}.{node.module}" if node.module else package) if node.level else node.module
                    found.add(module)
                    found.update(f"{module}.{alias.name}" for alias in node.names)
                elif isinstance(node, ast.Import):
                    found.update(alias.name for alias in node.names)
            graph[name] = found
    return {name: {m for m in found if m in graph and m != name} for name, found in graph.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(node, path):
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt, path + [nxt])):
                return found
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles_among_server_and_rules_modules():
    graph = _imports()
    assert "connector_lint.engine" in graph and "connector_lint_rules._api" in graph["connector_lint.engine"]
    assert _cycle(graph) is None, f"import cycle: {' -> '.join(_cycle(graph))}"


def test_the_rules_never_import_the_server():
    graph = _imports()
    reaching = sorted(f"{name} -> {m}" for name, found in graph.items() if name.startswith("connector_lint_rules")
                      for m in found if m.startswith("connector_lint."))
    assert len(graph) > 100 and not reaching, reaching


# A JSON pointer part escaped or unescaped by hand: .replace("~1", "/"), .replace("/", "~1"), ...
_HAND_ESCAPE = re.compile(r"""\.replace\(\s*(["'])(~0|~1|~|/)\1\s*,\s*(["'])(~0|~1|~|/)\3\s*\)""")
_ESCAPE_HOME = "rules/_api.py"


def test_pointers_are_escaped_only_by_api():
    hand = []
    for folder in PACKAGES:
        for path in sorted((ROOT / folder).glob("*.py")):
            rel = f"{folder}/{path.name}"
            if rel != _ESCAPE_HOME:
                hand += [f"{rel}:{n}" for n, line in enumerate(path.read_text().splitlines(), 1)
                         if _HAND_ESCAPE.search(line)]
    assert _HAND_ESCAPE.search('name.replace("~1", "/").replace("~0", "~")')
    assert not hand, f"use _api.escape / _api.split_pointer / _api.pointer instead: {hand}"


def _rule_modules() -> set[str]:
    return {p.stem for p in (ROOT / "rules").glob("*.py") if not p.stem.startswith("_")}


def _rule_modules_named_by_the_server() -> list[str]:
    """server/ module -> a rule module (rules/*.py not starting with `_`) it imports by name."""
    rule_modules = _rule_modules()
    named = []
    for path in sorted((ROOT / "server").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and not node.level:
                modules = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            else:
                continue
            named += [f"server/{path.name} -> {m.split('.')[1]}" for m in modules
                      if m.startswith("connector_lint_rules.") and m.split(".")[1] in rule_modules]
    return sorted(set(named))


def test_no_server_module_imports_a_rule_module():
    """A rule is reached through the catalogue (all_rules, rules_by_id) and its hooks (suggest,
    warm_up); a vocabulary both a rule and the server read lives in a `_` helper module."""
    assert {"spelling", "policy_template"} <= _rule_modules() and "__init__" not in _rule_modules()
    named = _rule_modules_named_by_the_server()
    assert not named, f"move what the server needs into a rules/_*.py helper or a Rule hook: {named}"


def test_rule_modules_leave_caching_to_the_engine_and_the_helpers():
    """A rule reads a value derived from the whole connector through a helper or an `Index`
    (`Rule.reads`), never by keeping its own per-lint or cross-lint cache."""
    hand = re.compile(r"\bctx\.(cached|derived|per_value|stable)\(")
    assert hand.search('x = ctx.cached(("k", name), lambda: 1)')
    caching = [f"rules/{p.name}" for p in sorted((ROOT / "rules").glob("*.py"))
               if not p.stem.startswith("_") and hand.search(p.read_text())]
    assert not caching, caching
