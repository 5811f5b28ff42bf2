"""Whole lines glued onto the end of other lines (SEO402), for ``DuplicationDetector``.

A spammer repeats a line ("Issued by the Consumer Protection Office", "36 × 22 × 34 cm · 7.8 kg")
by pasting it after the last sentence of a paragraph, or right after a title-cased label. The
line that stands on its own stays; the pasted tail is reported. Sentences copied this way are
``repeated_sentences``'s business (it weighs which copy is in the flow of the text); this finds
the lines that are not sentences (labels, spec and price lines, bylines), which a sentence
splitter does not cut off.

A line ending in a phrase that is also a line elsewhere is ordinary writing when the phrase
continues the sentence ("for details, see Installation Methods"): a tail only counts as glued
when a sentence ends right before it, or when it starts with a capital right after a
capitalised word with nothing between them ("ClearPour Jug Customer rating: 4.6/5").
"""

from __future__ import annotations

import re
from collections import Counter

from seoclean.detectors.base import make_finding
from seoclean.detectors.duplicate_units import Unit
from seoclean.document import Document, Word
from seoclean.findings import Finding

_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]»*_]*\s+")
_CLOSERS = "\"'”’)]»*_"
MIN_PREFIX_WORDS = 3  # words before a glued copy: a sentence or a name, not a number or a label
_TERMINAL = (".", "!", "?", "…", ":")
_TITLE_CASE_LOWER = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})


def glued_lines(doc: Document, lines: list[Unit], min_words: int) -> list[Finding]:
    """SEO402 findings for tails of ``lines`` that repeat another whole line of ``lines``."""
    whole: dict[tuple[str, ...], Unit] = {}
    sizes: dict[str, set[int]] = {}  # first word -> lengths of the whole lines that start with it
    for line in lines:
        if len(line.words) >= min_words:
            whole.setdefault(line.words, line)
            sizes.setdefault(line.words[0], set()).add(len(line.words))
    # a line with a copy glued on ends as the (different) line it copies
    endings = Counter(words[-2:] for words in whole)
    findings = []
    for line in lines:
        doubled = _doubled_start(doc, line, min_words)
        if doubled is not None:
            findings.append(_finding(doc, doubled, line.end, line))
            continue
        if len(line.words) <= min_words or endings[line.words[-2:]] < 2:
            continue
        for first in range(1, len(line.words) - min_words + 1):  # the longest tail first
            size = len(line.words) - first
            if size not in sizes.get(line.words[first], ()):
                continue
            original = whole.get(line.words[first:])
            start = _glued_start(doc, line, first) if original is not None and original is not line else None
            if start is not None and not _ends_like_a_sentence(doc.text[start : line.end]):
                findings.append(_finding(doc, start, line.end, original))
                break
    return findings


def _doubled_start(doc: Document, line: Unit, min_words: int) -> int | None:
    """Where the second half of a line that is one text of ``min_words`` words or more said twice
    begins, if it is glued on as a copy ("Related searches: A | B Related searches: A | B"): the
    line was pasted onto its own end."""
    half = len(line.words) // 2
    if half < min_words or len(line.words) % 2 or line.words[:half] != line.words[half:]:
        return None
    start = _glued_start(doc, line, half)
    return start if start is not None and not _ends_like_a_sentence(doc.text[start : line.end]) else None


def _glued_start(doc: Document, line: Unit, first: int) -> int | None:
    """Where the tail starting at word ``first`` of ``line`` begins, if it is glued on. A section
    number or a label of a word or two before it ("10.1. Archive and compression tools",
    "Section 1 What ibuprofen is") makes a numbered heading, not a copy."""
    if first < MIN_PREFIX_WORDS:
        return None
    words = doc.words_between(line.start, line.end)
    before, head = words[first - 1], words[first]
    if before.text[:1].isdigit():
        return None
    gap = doc.text[before.end : head.start]
    ends = list(_SENTENCE_END_RE.finditer(gap))
    if ends:
        return before.end + ends[-1].end()
    tail = words[first:]
    if gap.isspace() and _capitalised(before) and head.text[:1].isupper() and not _title_cased(tail):
        return head.start
    return None


def _title_cased(words: list[Word]) -> bool:
    """Every word but the short function words capitalised ("Lower Back Pain After Running
    Treatment"): at the end of a Title Case heading such a tail shows no boundary where it starts."""
    return all(w.text[:1].isupper() or w.lower in _TITLE_CASE_LOWER for w in words if w.text[:1].isalpha())


def _ends_like_a_sentence(text: str) -> bool:
    """Sentences (and lead-ins ending in a colon) are ``repeated_sentences``'s to judge."""
    return text.rstrip(_CLOSERS).endswith(_TERMINAL)


def _capitalised(word: Word) -> bool:
    return word.text[:1].isupper()


def _finding(doc: Document, start: int, end: int, original: Unit) -> Finding:
    first_line = doc.position(original.start)[0]
    if original.start <= start < original.end:
        message = "the end of this line repeats its beginning"
    else:
        message = f"the end of this line repeats the line on line {first_line}"
    evidence = {"first_line": first_line, "words": len(original.words)}
    return make_finding(doc, "SEO402", start, end, message, suggestion="", evidence=evidence)


__all__ = ["glued_lines"]
