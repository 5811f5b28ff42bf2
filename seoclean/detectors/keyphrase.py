"""Yoast's checks for a keyphrase the user names: density (SEO103) and subheadings (SEO104).

Occurrences are matched case-insensitively with plural and possessive forms folded
(``phrases.light_stem``). Yoast's limits: density above 3% is too much (texts of 100+ words only);
the keyphrase in more than 75% of the subheadings is too much.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from seoclean.detectors import density as dens
from seoclean.detectors.base import make_finding
from seoclean.detectors.phrases import Phrase, WordTable, keyphrase_positions
from seoclean.document import WORD_RE, Document
from seoclean.findings import Finding

MIN_HEADINGS_WITH_KEYPHRASE = 2  # one subheading of one is not a pattern


@dataclass(slots=True)
class TargetResult:
    findings: list[Finding] = field(default_factory=list)
    density: float = 0.0
    heading_share: float = 0.0


def named_keyphrase(table: WordTable, keyphrase: str | None) -> Phrase | None:
    """The keyphrase the user named, with its occurrences (None when none was named)."""
    words = tuple(m.group().lower() for m in WORD_RE.finditer(keyphrase or ""))
    return Phrase(words, tuple(keyphrase_positions(table, keyphrase))) if words else None


def keyphrase_findings(
    doc: Document,
    table: WordTable,
    target: Phrase | None,
    stopwords: frozenset[str],
    max_density: float | None,
    max_heading_share: float | None,
) -> TargetResult:
    """SEO103 and SEO104 for the named keyphrase (``target``, from ``named_keyphrase``), and the two
    measures behind them."""
    result = TargetResult()
    if target is None or not len(table):
        return result
    content_words = dens.content_word_count(target.words, stopwords)
    result.density = dens.keyphrase_density(target.count, len(table), content_words)
    if max_density is not None and len(table) >= dens.YOAST_MIN_TEXT_WORDS and result.density > max_density:
        result.findings += _density_findings(doc, table, target, content_words, result.density, max_density)
    heading_hits, subheadings = _subheading_hits(doc, table, target.positions)
    result.heading_share = len(heading_hits) / subheadings if subheadings else 0.0
    if (
        max_heading_share is not None
        and len(heading_hits) >= MIN_HEADINGS_WITH_KEYPHRASE
        and result.heading_share > max_heading_share
    ):
        evidence = {"headings_with_keyphrase": len(heading_hits), "subheadings": subheadings}
        message = (
            f"keyphrase '{target.text}' is in {len(heading_hits)} of {subheadings} subheadings "
            f"(> {max_heading_share:.0%}); vary them"
        )
        result.findings += [
            _span_finding(doc, table, "SEO104", i, target.size, message, evidence) for i in heading_hits
        ]
    return result


def _density_findings(
    doc: Document, table: WordTable, target: Phrase, content_words: int, density: float, max_density: float
) -> list[Finding]:
    """Every occurrence after the last one the density limit allows."""
    allowed = dens.allowed_count(len(table), content_words, max_density)
    evidence = {"count": target.count, "allowed": allowed, "density": density}
    message = (
        f"keyphrase '{target.text}' used {target.count} times, density {density:.1f}% > {max_density:g}%; "
        f"at most {allowed} uses fit this text"
    )
    return [_span_finding(doc, table, "SEO103", i, target.size, message, evidence) for i in target.positions[allowed:]]


def _subheading_hits(doc: Document, table: WordTable, positions: tuple[int, ...]) -> tuple[list[int], int]:
    """First keyphrase position in each subheading, and the number of subheadings.

    Like Yoast, the page's own headline is not a subheading: an <h1>, or a heading that opens a text.
    """
    headings = [
        i
        for i in table.blocks
        if doc.blocks[i].kind == "heading" and doc.blocks[i].tag != "h1" and i != table.blocks[0]
    ]
    wanted = set(headings)
    first_in_block: dict[int, int] = {}
    for i in positions:
        block = table.words[i].block
        if block in wanted:
            first_in_block.setdefault(block, i)
    return sorted(first_in_block.values()), len(headings)


def _span_finding(
    doc: Document, table: WordTable, code: str, position: int, size: int, message: str, evidence
) -> Finding:
    start, end = table.span(position, size)
    return make_finding(doc, code, start, end, message, suggestion=None, evidence=evidence)
