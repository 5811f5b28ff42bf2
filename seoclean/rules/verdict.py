"""Rules of this category: filled in by its detector."""

from seoclean.findings import Severity
from seoclean.rules import Rule

RULES: tuple[Rule, ...] = ()
