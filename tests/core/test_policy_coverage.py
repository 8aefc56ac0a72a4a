"""docs/policy-coverage.md accounts for every certification policy code, and the rules' codes are real."""

from __future__ import annotations

import re

from connector_lint.policies import PAGE_PATH, coverage_page, rules_for
from connector_lint_rules import all_rules
from connector_lint_rules._policies import POLICIES, policies_by_code


def test_the_page_is_generated_from_the_table_and_the_rules():
    assert PAGE_PATH.read_text(encoding="utf-8") == coverage_page(), \
        "docs/policy-coverage.md is stale: run `python -m connector_lint.policies`"


def test_every_code_is_checked_by_a_rule_or_says_why_not():
    codes = [p.code for p in POLICIES]
    assert len(codes) == len(set(codes))
    for policy in POLICIES:
        assert re.fullmatch(r"5000\.[123]\.\d+\.\d+", policy.code), policy.code
        rules = rules_for(policy.code)
        assert bool(rules) != bool(policy.not_checkable), \
            f"{policy.code}: either a rule checks it or it says why none can ({[r.id for r in rules]})"


def test_every_rule_code_is_on_the_page_and_the_rule_page_shows_it():
    from connector_lint.docs import page

    known = policies_by_code()
    carried = [r for r in all_rules() if r.policy_code]
    assert len(carried) >= 15
    for rule in carried:
        assert rule.policy_code in known, rule.id
        assert f"`{rule.policy_code}`" in page(rule)
