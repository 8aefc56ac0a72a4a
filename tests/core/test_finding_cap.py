"""A rule reports at most MAX_FINDINGS_PER_VALUE findings at one value, then one that counts the
rest (issue 17, case 7: a 20 MB string gave 340,000 camelcase-string findings and took 2.3 GB).
Counted in findings and live objects, never timed."""

from __future__ import annotations

import json
import weakref

from ruletester import api_properties, swagger

from connector_lint.config import Config
from connector_lint.engine import lint
from connector_lint.incremental import ConnectorLinter, Source
from connector_lint.workspace import connector_for
from connector_lint_rules import MAX_FINDINGS_PER_VALUE, capped, rules_by_id
from connector_lint_rules._api import FileKind, Finding

WORDS = 2500  # camelCase words in one description


def long_connector(tmp_path):
    text = " ".join(f"Set the fooBar{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}Value option." for i in range(WORDS))
    doc = swagger()
    doc["info"]["description"] = text
    (tmp_path / "apiDefinition.swagger.json").write_text(json.dumps(doc, indent=2))
    (tmp_path / "apiProperties.json").write_text(json.dumps(api_properties(), indent=2))
    return tmp_path


def camelcase(diagnostics):
    return [d for d in diagnostics if d.rule == "camelcase-string" and d.pointer == "/info/description"]


def test_the_engine_and_the_language_server_cap_findings_per_value(tmp_path):
    folder = long_connector(tmp_path)
    docs = connector_for(folder).documents()
    rules = [rules_by_id()["camelcase-string"]]
    found = camelcase(lint(docs, Config(), str(folder), rules=rules))
    assert len(found) == MAX_FINDINGS_PER_VALUE + 1
    more = WORDS - MAX_FINDINGS_PER_VALUE
    assert [d.message for d in found if f"{more} more findings" in d.message] == [
        f"{more} more findings of this rule at this value are not listed; fix the first "
        f"{MAX_FINDINGS_PER_VALUE} and check again."]
    linter = ConnectorLinter()
    sources = {kind: Source(doc.path, text=doc.text, data=doc.data) for kind, doc in docs.items()}
    served = camelcase(linter.lint(linter.documents(sources), Config(), str(folder), rules=rules))
    assert [(d.message, d.start, d.end) for d in served] == [(d.message, d.start, d.end) for d in found]


def test_findings_past_the_cap_are_counted_not_kept():
    """No more than the cap's findings (and the two a yield loop holds) are alive while a rule yields."""
    alive: list = []
    most = 0

    def findings():
        nonlocal most
        for i in range(5 * MAX_FINDINGS_PER_VALUE):
            finding = Finding("/info/description", f"Finding {i}.", span=(i, i + 1))
            alive.append(weakref.ref(finding))
            most = max(most, sum(1 for ref in alive if ref() is not None))
            yield finding
            del finding
        yield Finding("/info/title", "Another value.", file=FileKind.SWAGGER)

    out = capped(findings())
    assert most <= MAX_FINDINGS_PER_VALUE + 2  # the kept ones, the one being made and the one before it
    assert [f.pointer for f in out].count("/info/description") == MAX_FINDINGS_PER_VALUE + 1
    assert out[-1].message.startswith(f"{4 * MAX_FINDINGS_PER_VALUE} more findings") and out[-2].pointer == "/info/title"
    assert capped(iter(out[:3])) == out[:3]  # under the cap: unchanged


def test_the_cap_at_its_edges():
    """capped takes the first MAX_FINDINGS_PER_VALUE findings as they are: at the cap nothing is
    dropped, one past it is counted, and findings at other values never count."""
    def at(pointer, n):
        return [Finding(pointer, f"Finding {i}.") for i in range(n)]

    for n in (0, 1, MAX_FINDINGS_PER_VALUE - 1, MAX_FINDINGS_PER_VALUE):
        assert capped(at("/a", n)) == at("/a", n)
    mixed = at("/a", MAX_FINDINGS_PER_VALUE) + at("/b", 3)
    assert capped(mixed) == mixed
    over = capped(at("/a", MAX_FINDINGS_PER_VALUE + 1) + at("/b", 2))
    assert over[:-1] == at("/a", MAX_FINDINGS_PER_VALUE) + at("/b", 2)
    assert over[-1].pointer == "/a" and over[-1].message.startswith("1 more finding of this rule at this value is")


def test_run_unit_caps_as_capped_does_for_every_kind_of_unit():
    """run_unit keeps findings in a plain list until a unit reaches the cap and hands over to
    capped there: the same findings as capped over all of them, for a unit of one check call and
    for a unit of items, checks that return lists or generators, under, at and over the cap."""
    from connector_lint_rules import run_unit
    from connector_lint_rules._api import Unit

    def made(pointer, n):
        return [Finding(pointer, f"Finding {i}.") for i in range(n)]

    rule = rules_by_id()["camelcase-string"]
    for n in (0, 1, MAX_FINDINGS_PER_VALUE - 1, MAX_FINDINGS_PER_VALUE, MAX_FINDINGS_PER_VALUE + 1,
              3 * MAX_FINDINGS_PER_VALUE):
        items = [made("/a", n), made("/b", 2), [], made("/a", 3)]
        expected = capped([f for found in items for f in found])
        for as_list in (True, False):
            def check(ctx, found):
                return list(found) if as_list else (f for f in found)

            assert run_unit(rule, None, Unit("", (), (), tuple(items), check)) == expected
            assert run_unit(rule, None, Unit("", (items[0] + items[1],), (), None, check)) == \
                capped(items[0] + items[1])
