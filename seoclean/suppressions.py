"""Suppression comments, applied after analysis as a filter on findings by source line.

Two kinds, in Markdown, HTML and plain text alike (in Markdown and HTML put them in a comment,
``<!-- ... -->``, so that readers never see them):

- a line-level ``seoclean: noqa`` (every rule) or ``seoclean: noqa SEO101, SEO2`` (those codes or
  code prefixes) suppresses findings on any line they cover, as flake8's ``# noqa``;
- ``seoclean: disable=SEO201`` ... ``seoclean: enable=SEO201`` suppresses findings that start in
  between (``disable`` without codes, or ``disable=all``, means every rule; without an ``enable``
  the block runs to the end of the file), as sqlfluff's ``noqa: disable=``.

A suppression that suppresses nothing is reported as SEO902 (unused-suppression), as are stray
``enable`` comments, so that stale comments do not silently hide future findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from seoclean.findings import Finding

UNUSED_CODE = "SEO902"
_CODES = r"SEO\d{0,3}(?:\s*,\s*SEO\d{0,3}|\s+SEO\d{0,3})*"
# One compiled pattern for every directive, as flake8's NOQA_INLINE_REGEX.
DIRECTIVE = re.compile(
    r"seoclean:\s*(?:"
    rf"(?P<noqa>noqa)\b(?:\s*:?\s*(?P<noqa_codes>{_CODES}))?"
    rf"|(?P<action>disable|enable)\b(?:\s*=\s*(?P<codes>all\b|{_CODES}))?"
    r")",
    re.IGNORECASE,
)
ALL = "*"  # the code set of a directive without codes


@dataclass(slots=True)
class Directive:
    """One suppression comment: where it is, what it does, and which of its codes were used."""

    kind: str  # "noqa", "disable" or "enable"
    line: int
    column: int
    offset: int  # into the (newline-normalised) source text
    text: str
    codes: tuple[str, ...]  # upper-case prefixes, or (ALL,)
    end_line: int | None = None  # a disable block's last line (None: end of file)
    used: set[str] = field(default_factory=set)

    def covers(self, code: str) -> str | None:
        """The directive code that matches a rule ``code`` (a prefix), or None."""
        for prefix in self.codes:
            if prefix == ALL or code.startswith(prefix):
                return prefix
        return None


def parse_directives(source: str) -> list[Directive]:
    """Every directive in ``source``, with disable blocks closed by their enables. A stray enable
    is kept (kind "enable") so that it can be reported."""
    directives: list[Directive] = []
    open_blocks: list[Directive] = []
    line_start = 0
    for number, line in enumerate(source.split("\n"), start=1):
        for match in DIRECTIVE.finditer(line):
            directive = _directive(match, number, line_start)
            if directive.kind == "noqa":
                directives.append(directive)
            elif directive.kind == "disable":
                open_blocks.append(directive)
                directives.append(directive)
            else:
                closed = _close(open_blocks, directive)
                if not closed:
                    directives.append(directive)  # nothing to enable: reported as unused
        line_start += len(line) + 1
    return directives


def _directive(match: re.Match, line: int, line_start: int) -> Directive:
    raw_codes = match.group("noqa_codes") if match.group("noqa") else match.group("codes")
    if not raw_codes or raw_codes.lower() == "all":
        codes: tuple[str, ...] = (ALL,)
    else:
        codes = tuple(dict.fromkeys(c.upper() for c in re.findall(r"SEO\d*", raw_codes, re.IGNORECASE)))
    kind = "noqa" if match.group("noqa") else match.group("action").lower()
    return Directive(kind, line, match.start() + 1, line_start + match.start(), match.group(), codes)


def _close(open_blocks: list[Directive], enable: Directive) -> bool:
    """End the open disable blocks that ``enable`` names (all of them for a bare ``enable``)."""
    closed = False
    for block in list(open_blocks):
        if enable.codes == (ALL,) or set(block.codes) <= set(enable.codes):
            block.end_line = enable.line
            open_blocks.remove(block)
            closed = True
    return closed


def apply_suppressions(
    findings: Iterable[Finding], directives: list[Directive]
) -> tuple[list[Finding], list[Directive]]:
    """Findings that no directive suppresses, and the directives (their ``used`` sets filled)."""
    kept = []
    for finding in findings:
        if not any(_suppresses(d, finding) for d in directives):
            kept.append(finding)
    return kept, directives


def _suppresses(directive: Directive, finding: Finding) -> bool:
    prefix = directive.covers(finding.rule)
    if prefix is None or directive.kind == "enable":
        return False
    if directive.kind == "noqa":
        # Any line the finding covers: a noqa at the end of a wrapped paragraph's last line counts.
        last_line = finding.line + finding.text.count("\n")
        hit = finding.line <= directive.line <= last_line
    else:
        hit = directive.line <= finding.line and (directive.end_line is None or finding.line <= directive.end_line)
    if hit:
        directive.used.add(prefix)
    return hit


def unused_findings(directives: list[Directive], *, offsets_valid: bool) -> list[Finding]:
    """SEO902 for each directive, or code of a directive, that suppressed nothing.

    ``offsets_valid`` is False for HTML, whose analysed text does not contain the comments: the
    findings then have start = end = 0 and only their line and column locate them."""
    from seoclean.rules import get_rule

    rule = get_rule(UNUSED_CODE)
    findings = []
    for directive in directives:
        unused = [code for code in directive.codes if code not in directive.used]
        if not unused:
            continue
        message = _unused_message(directive, unused)
        start = directive.offset if offsets_valid else 0
        end = start + len(directive.text) if offsets_valid else 0
        findings.append(
            Finding(
                rule=rule.code,
                category=rule.category,
                start=start,
                end=end,
                line=directive.line,
                column=directive.column,
                text=directive.text if offsets_valid else "",
                message=message,
                suggestion=None,  # the comment's delimiters are not in the span: say what to do instead
                severity=rule.severity,
            )
        )
    return findings


def _unused_message(directive: Directive, unused: list[str]) -> str:
    what = "any rule" if unused == [ALL] else ", ".join(unused)
    if directive.kind == "enable":
        return f"`{directive.text}` enables {what} but no `disable` is open; delete the comment"
    if directive.kind == "noqa":
        where = f"on line {directive.line}"
    else:
        end = f"line {directive.end_line}" if directive.end_line else "the end of the file"
        where = f"between line {directive.line} and {end}"
    fix = "delete the comment" if len(unused) == len(directive.codes) else f"remove {', '.join(unused)} from it"
    return f"unused suppression: no finding of {what} {where}; {fix}"
