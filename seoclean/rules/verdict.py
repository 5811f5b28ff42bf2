"""Rules of this category: filled in by its detector."""

from seoclean.findings import Severity
from seoclean.rules import Rule

# SEO902 is reported by ``seoclean.suppressions``, not by a detector: it is about the run, not the text.
UNUSED_SUPPRESSION = Rule(
    code="SEO902",
    name="unused-suppression",
    category="verdict",
    severity=Severity.INFO,
    summary="A `seoclean: noqa` or `seoclean: disable=` comment that suppresses nothing: no finding of "
    "its codes on its line or in its block.",
    bad="<!-- seoclean: disable=SEO201 -->\nA paragraph with no spin in it.\n<!-- seoclean: enable=SEO201 -->",
    better="A paragraph with no spin in it.",
    details="Stale suppressions hide future findings that nobody has looked at. Delete the comment, or "
    "narrow it to the codes still reported there. A `seoclean: enable=` with no open `disable=` is "
    "reported too. For HTML input the comment is not part of the analysed text, so the finding's "
    "start and end are 0; its line and column point at the comment in the source.",
)

RULES: tuple[Rule, ...] = (UNUSED_SUPPRESSION,)
