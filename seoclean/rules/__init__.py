"""The one rule registry: every rule code, its name, category, default severity and docs.

Rules are declared per category in the sibling modules (``stuffing``, ``spin``, ``boilerplate``,
``duplication``, ``comments``, ``verdict``); this module only collects them. Codes are stable:
SEO1xx keyword stuffing, SEO2xx spin, SEO3xx boilerplate, SEO4xx duplication, SEO5xx comment
spam, SEO9xx the classifier's verdict.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache

from seoclean.findings import CATEGORIES, Severity

_CATEGORY_MODULES = ("stuffing", "spin", "boilerplate", "duplication", "coherence", "comments", "verdict")
_CODE_PREFIX = {
    "1": "keyword-stuffing",
    "2": "spin",
    "3": "boilerplate",
    "4": "duplicate",
    "5": "comment-spam",
    "9": "verdict",
}


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and documentation. Detectors decide; rules only describe."""

    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    bad: str
    better: str
    details: str = ""

    def __post_init__(self) -> None:
        expected = _CODE_PREFIX.get(self.code[3:4])
        if not (self.code.startswith("SEO") and len(self.code) == 6 and self.code[3:].isdigit()):
            raise ValueError(f"rule code {self.code!r} must look like SEO123")
        if self.category != expected:
            raise ValueError(f"{self.code}: category {self.category!r} does not match its code range ({expected})")
        if self.category not in CATEGORIES + ("verdict",):
            raise ValueError(f"{self.code}: unknown category {self.category!r}")

    def docs(self) -> str:
        """Plain-text documentation, as shown by ``seoclean explain``."""
        parts = [f"{self.code} {self.name} [{self.category}, {self.severity.label}]", "", self.summary]
        if self.details:
            parts += ["", self.details]
        parts += ["", "Bad:", _indent(self.bad), "", "Better:", _indent(self.better)]
        return "\n".join(parts)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


@cache
def registry() -> dict[str, Rule]:
    """All rules by code, in code order. Imported lazily: no work at import time."""
    rules: dict[str, Rule] = {}
    for module_name in _CATEGORY_MODULES:
        module = importlib.import_module(f"{__name__}.{module_name}")
        for rule in module.RULES:
            if rule.code in rules:
                raise RuntimeError(f"rule code {rule.code} is declared twice")
            rules[rule.code] = rule
    return dict(sorted(rules.items()))


def get_rule(code: str) -> Rule:
    try:
        return registry()[code]
    except KeyError:
        raise KeyError(f"unknown rule {code!r}; `seoclean rules` lists them all") from None


def rules_matching(prefixes: list[str] | tuple[str, ...]) -> list[Rule]:
    """Rules whose code starts with any of ``prefixes`` (``SEO1`` selects all keyword-stuffing rules)."""
    wanted = tuple(p.upper() for p in prefixes)
    return [rule for code, rule in registry().items() if code.startswith(wanted)]


__all__ = ["Rule", "get_rule", "registry", "rules_matching"]
