"""The immutable finding every detector reports, and its severity scale."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from types import MappingProxyType
from typing import Any


class Severity(IntEnum):
    """Ordered so that ``finding.severity >= Severity.WARNING`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {name!r}; use one of: {choices}") from None

    @property
    def label(self) -> str:
        return self.name.lower()


CATEGORIES = ("keyword-stuffing", "spin", "boilerplate", "duplicate", "comment-spam")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place.

    ``start``/``end`` are character offsets into the analysed text (``Document.text``) and are the
    source of truth; ``line``/``column`` (1-based) point into the source file the user opened.
    ``suggestion`` is the replacement text: ``""`` means delete, ``None`` means no fix is offered.
    """

    rule: str
    category: str
    start: int
    end: int
    line: int
    column: int
    text: str
    message: str
    suggestion: str | None
    severity: Severity
    evidence: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            "severity": self.severity.label,
            "evidence": {k: _plain_number(v) for k, v in self.evidence.items()},
        }


def _plain_number(value: float) -> float | int:
    if isinstance(value, int) or float(value).is_integer():
        return int(value)
    return round(float(value), 4)
