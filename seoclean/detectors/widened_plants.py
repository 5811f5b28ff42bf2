"""Deletions widened to the whole planted phrase (SEO102).

Each step that reports a planted phrase judges its own words, and the seam it tests may fall one
word inside the paste: "Our teams are Mile [high maids 2024] employees" keeps "Mile" because "mile
high" is a usual pair. When the page reports the whole phrase ("mile high maids 2024") planted
elsewhere, the words beside a shorter finding that complete it are the same paste: the deletion
takes them too, or the cleaned sentence keeps a stray word of the keyphrase. Only words joined to
the finding by spaces count (no punctuation, no line break): a paste is one run of words.
"""

from __future__ import annotations

from dataclasses import replace

from seoclean.detectors.family_findings import overlaps, phrase_words
from seoclean.detectors.keyword_slots import MAX_SLOT_WORDS
from seoclean.document import WORD_RE, Document
from seoclean.findings import Finding

_REACH = 120  # characters searched on either side for the missing words (MAX_SLOT_WORDS words fit)


def widened_to_planted(doc: Document, findings: list[Finding]) -> list[Finding]:
    """``findings`` with each SEO102 deletion grown to a longer phrase reported planted elsewhere
    on the page, when the words beside it complete that phrase (module docstring)."""
    planted = {phrase_words(f.text) for f in findings if _deletion(f)}
    longer = sorted((p for p in planted if 2 < len(p) <= MAX_SLOT_WORDS), key=lambda p: (-len(p), p))
    if not longer:
        return findings  # most pages: nothing planted, or only short phrases
    spans = [(f.start, f.end) for f in findings]
    widened = []
    for finding in findings:
        grown = _grown(doc, finding, longer) if _deletion(finding) else None
        if grown and not overlaps([s for s in spans if s != (finding.start, finding.end)], *grown):
            finding = _moved(doc, finding, *grown)
        widened.append(finding)
    return widened


def _deletion(finding: Finding) -> bool:
    return finding.rule == "SEO102" and finding.suggestion == ""


def _grown(doc: Document, finding: Finding, longer: list[tuple[str, ...]]) -> tuple[int, int] | None:
    """(start, end) of the longest planted phrase the finding lies inside, its other words joined
    to the finding by spaces; None when no longer phrase fits."""
    words = phrase_words(finding.text)
    text = doc.text
    before = _joined_words(text, finding.start, backwards=True)
    after = _joined_words(text, finding.end, backwards=False)
    for phrase in longer:
        if len(phrase) <= len(words):
            continue
        for lead in range(len(phrase) - len(words) + 1):
            trail = len(phrase) - len(words) - lead
            if phrase[lead : lead + len(words)] != words or lead > len(before) or trail > len(after):
                continue
            head, tail = before[len(before) - lead :], after[:trail]
            if tuple(m.group().lower() for m in head) + words + tuple(m.group().lower() for m in tail) == phrase:
                return (head[0].start() if head else finding.start, tail[-1].end() if tail else finding.end)
    return None


def _joined_words(text: str, at: int, *, backwards: bool) -> list:
    """The words next to ``at`` separated from it and from each other by spaces only, in text order."""
    low, high = (max(0, at - _REACH), at) if backwards else (at, min(len(text), at + _REACH))
    matches = list(WORD_RE.finditer(text, low, high))
    joined = []
    edge = at
    for match in reversed(matches) if backwards else matches:
        gap = text[match.end() : edge] if backwards else text[edge : match.start()]
        if gap.strip(" "):
            break
        joined.append(match)
        edge = match.start() if backwards else match.end()
    return joined[::-1] if backwards else joined


def _moved(doc: Document, finding: Finding, start: int, end: int) -> Finding:
    line, column = doc.position(start)
    return replace(finding, start=start, end=end, line=line, column=column, text=doc.text[start:end])


__all__ = ["widened_to_planted"]
