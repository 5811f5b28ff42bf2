"""The rule registry: stable codes, consistent categories, documentation for every rule, a test
for every rule."""

import re
from pathlib import Path

import pytest

from seoclean.findings import Severity
from seoclean.rules import Rule, get_rule, registry, rules_matching

TESTS_DIR = Path(__file__).parent


def test_every_category_has_rules_and_codes_match_categories():
    rules = registry()
    categories = {rule.category for rule in rules.values()}
    assert {"keyword-stuffing", "spin", "boilerplate", "duplicate"} <= categories
    for code, rule in rules.items():
        assert code == rule.code
        assert re.fullmatch(r"SEO\d{3}", code)


def test_every_rule_is_documented_with_a_bad_and_a_better_example():
    for rule in registry().values():
        assert rule.summary and rule.bad and rule.better, rule.code
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
        docs = rule.docs()
        assert rule.code in docs and "Bad:" in docs and "Better:" in docs


def test_every_rule_is_exercised_by_some_test():
    test_text = "\n".join(
        p.read_text(encoding="utf-8") for p in TESTS_DIR.glob("test_*.py") if p.name != "test_rules.py"
    )
    missing = [code for code in registry() if code not in test_text and not code.startswith("SEO9")]
    assert not missing, f"rules without a test: {missing}"


def test_rule_codes_must_match_their_category():
    with pytest.raises(ValueError, match="does not match"):
        Rule("SEO150", "x", "spin", Severity.INFO, "s", "b", "g")


def test_lookup_and_prefix_selection():
    assert get_rule("SEO101").category == "keyword-stuffing"
    assert all(rule.code.startswith("SEO2") for rule in rules_matching(["SEO2"]))
    with pytest.raises(KeyError, match="seoclean rules"):
        get_rule("SEO999")
