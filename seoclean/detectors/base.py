"""What every detector is: a name, the measures it always reports, and ``detect(doc)``.

A detector reports *every* finding with its span and never stops at the first; the numbers behind
its findings are also returned as named measures, which become the classifier's features. The base
class owns the bookkeeping (building findings with positions, checking measure names), so a
subclass owns only the decision.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import ClassVar

from seoclean.document import Document
from seoclean.findings import Finding, Severity
from seoclean.rules import get_rule


@dataclass(slots=True)
class DetectorResult:
    findings: list[Finding] = field(default_factory=list)
    measures: dict[str, float] = field(default_factory=dict)


class Detector(ABC):
    """Base class. Subclasses set ``name`` and ``measure_names`` and implement ``detect``.

    Thresholds are keyword arguments of ``__init__`` with documented defaults; passing ``None``
    for a threshold turns that check off where the subclass says so.
    """

    name: ClassVar[str]
    # Stable, short measure names; the feature name is f"{name}__{measure}".
    measure_names: ClassVar[tuple[str, ...]]

    @abstractmethod
    def detect(self, doc: Document) -> DetectorResult:
        """Return every finding in ``doc`` and every measure in ``measure_names``."""

    def run(self, doc: Document) -> DetectorResult:
        """``detect`` plus a check that the measures are exactly the declared ones."""
        result = self.detect(doc)
        if set(result.measures) != set(self.measure_names):
            missing = set(self.measure_names) - set(result.measures)
            extra = set(result.measures) - set(self.measure_names)
            raise RuntimeError(f"detector {self.name!r} measures mismatch: missing {missing}, undeclared {extra}")
        return result

    @classmethod
    def feature_names(cls) -> tuple[str, ...]:
        return tuple(f"{cls.name}__{m}" for m in cls.measure_names)


def make_finding(
    doc: Document,
    code: str,
    start: int,
    end: int,
    message: str,
    *,
    suggestion: str | None = None,
    evidence: Mapping[str, float] | None = None,
    severity: Severity | None = None,
) -> Finding:
    """Build a finding for ``doc.text[start:end]``: category, severity and position come from the
    rule registry and the document's source map, so no detector computes them itself."""
    rule = get_rule(code)
    line, column = doc.position(start)
    return Finding(
        rule=code,
        category=rule.category,
        start=start,
        end=end,
        line=line,
        column=column,
        text=doc.text[start:end],
        message=message,
        suggestion=suggestion,
        severity=severity if severity is not None else rule.severity,
        evidence=MappingProxyType(dict(evidence or {})),
    )
