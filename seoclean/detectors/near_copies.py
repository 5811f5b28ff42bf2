"""Near-copies of paragraphs (SEO404), for ``DuplicationDetector``.

Three ways a pasted paragraph is hidden from exact comparison, three tests: words changed here
and there (word-3-gram Jaccard similarity, ``near_duplicates``), sentences reordered or dropped
(``reordered_copies``: reordered, or some said word for word in their order), and, in short
paragraphs where two swapped words break half the shingles, words swapped for synonyms
(``reworded_copies``). Of each pair the later paragraph is reported, unless the earlier one shows
the rewording (``copy_direction``): then the earlier one is the paste, and the later one is the
original that stays. A pair among the same neighbours as each other (``RepeatContext.parallel``:
sibling entries of a reference page) is no copy, nor are two paragraphs that differ only in the
names they give, or a sentence and the caption restating it (``line_moulds``).
"""

from __future__ import annotations

from typing import NamedTuple

from seoclean.detectors.base import make_finding
from seoclean.detectors.copy_direction import earlier_is_the_copy
from seoclean.detectors.duplicate_units import Unit
from seoclean.detectors.line_moulds import names_only, restates
from seoclean.detectors.near_duplicates import near_duplicates, shared_items, shingle_set
from seoclean.detectors.reordered_copies import reordered_copies
from seoclean.detectors.repeat_context import RepeatContext
from seoclean.detectors.reworded_copies import reworded_copies
from seoclean.document import Document
from seoclean.findings import Finding


class Span(NamedTuple):
    """A stretch of text other findings must stay out of (an original kept below its near-copy)."""

    start: int
    end: int


class NearCopies:
    """Finds near-copies among a document's paragraphs and lines.

    Args:
        threshold: shingle Jaccard similarity from which two paragraphs are near-duplicates.
        min_words: shortest paragraph compared.
        shingle_words: words per shingle.
    """

    def __init__(self, threshold: float, min_words: int, shingle_words: int) -> None:
        self.threshold = threshold
        self.min_words = min_words
        self.shingle_words = shingle_words

    def find(
        self, doc: Document, paragraphs: list[Unit], lines: list[Unit], context: RepeatContext, *, reordered: bool
    ) -> tuple[list[Finding], list[Span]]:
        """(SEO404 findings, originals kept below their copies). Two passes over units that do not
        overlap: multi-line blocks, then lines (in extracted text a line is a paragraph). A line
        inside a block already reported is not reported again."""
        kept: list[Span] = []
        blocks = self._pass(doc, [u for u in paragraphs if u.multi_line], context, kept, reordered)
        found = [f for f in self._pass(doc, lines, context, kept, reordered) if not _inside_any(f, blocks)]
        return blocks + found, kept

    def _pass(
        self, doc: Document, units: list[Unit], context: RepeatContext, kept: list[Span], reordered: bool
    ) -> list[Finding]:
        units = [u for u in units if u.prose and len(u.words) >= self.min_words]
        words = [u.words for u in units]
        shingles = [shingle_set(w, self.shingle_words) for w in words]
        shared = shared_items(shingles)
        found = near_duplicates(words, self.threshold, self.shingle_words, shingles, shared)
        pairs = [(*pair, "shingles") for pair in found]
        if reordered:
            texts = [doc.text[u.start : u.end] for u in units]
            found = reordered_copies(texts, words, shingles, shared, frozenset(p[0] for p in pairs))
            pairs += found  # each says how: "reordered" or "shortened"
        found = reworded_copies(words, shingles, shared, frozenset(p[0] for p in pairs))
        pairs += [(*pair, "synonyms") for pair in found]
        findings, reported = [], set()
        for k, first, similarity, how in pairs:
            copy, original = units[k], units[first]
            if context.parallel((copy.start, copy.end), (original.start, original.end)) or _one_mould(
                doc, copy, original
            ):
                continue
            if earlier_is_the_copy(original.words, copy.words):
                copy, original = original, copy
                kept.append(Span(original.start, original.end))
            if (copy.start, copy.end) not in reported:
                reported.add((copy.start, copy.end))
                findings.append(_finding(doc, copy, original, similarity, how))
        return findings


def _finding(doc: Document, unit: Unit, first: Unit, similarity: float, how: str) -> Finding:
    first_line = doc.position(first.start)[0]
    messages = {
        "shingles": f"this paragraph is a near-copy ({similarity:.0%} similar) of the one on line {first_line}",
        "reordered": f"this paragraph is the paragraph on line {first_line} with its sentences reordered",
        "synonyms": f"this paragraph is the paragraph on line {first_line} with words swapped for synonyms",
        "shortened": f"this paragraph is the paragraph on line {first_line} with sentences left out",
    }
    measure = {"synonyms": "words_kept", "shingles": "jaccard"}.get(how, "sentence_coverage")
    evidence = {"first_line": first_line, measure: similarity, "words": len(unit.words)}
    return make_finding(doc, "SEO404", unit.start, unit.end, messages[how], suggestion="", evidence=evidence)


def _one_mould(doc: Document, copy: Unit, original: Unit) -> bool:
    """Sibling entries naming different things the page names elsewhere too, or a sentence and the
    caption restating it (``line_moulds``): the page's own wording, not a paste."""
    texts = doc.text[copy.start : copy.end], doc.text[original.start : original.end]
    if restates(*texts):
        return True
    inside = (copy.start, copy.end), (original.start, original.end)
    elsewhere = frozenset(w.lower for w in doc.words if not any(a <= w.start < b for a, b in inside))
    return names_only(*texts, elsewhere)


def _inside_any(finding: Finding, findings: list[Finding]) -> bool:
    return any(f.start <= finding.start and finding.end <= f.end for f in findings)


__all__ = ["NearCopies", "Span"]
