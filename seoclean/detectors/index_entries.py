"""Lines of an index: entries sorted in alphabetical order, one per line.

A back-of-the-book index or a glossary repeats its terms on purpose ("Crop to content, Crop
Image, Crop Layer": a term and the pages it points to; "context properties, modifying | 4.3.4
Modifying context properties"), so its lines can look like keyword lists. What a stuffer's list
does not have is order: an index sorts its entries, and several lines in a row whose first terms
read in alphabetical order are an index, not variants pasted into an article. Sub-entries are
indented under their entry and sorted among themselves, so a line is compared with the lines at
its own indentation.
"""

from __future__ import annotations

import bisect
import re

from seoclean.detectors.keyword_slots import numbered_entry
from seoclean.document import WORD_RE, Document

MIN_INDEX_RUN = 5  # sorted lines in a row (the line among them); five random lines are sorted 1 in 120
MAX_ENTRY_WORDS = 16  # an index entry is short; a paragraph of prose is not an entry
_FIRST_ITEM_RE = re.compile(r"^[^,|;]*")
_MARKER_RE = re.compile(r"^(?:[-*+•>]\s+)+")


def index_or_contents_entry(doc: Document, offset: int) -> bool:
    """Whether the sentence at ``offset`` is an index entry (``in_sorted_run``) or the name of a
    numbered section ("9.1. Sale of Shares with Profit, Manual Profit/Loss Calculation, ..."):
    the page's own structure, whose terms repeat by design."""
    line_start = doc.text.rfind("\n", 0, offset) + 1
    return numbered_entry(doc.text[line_start:offset]) or in_sorted_run(doc, offset)


def in_sorted_run(doc: Document, offset: int) -> bool:
    """Whether the line holding ``offset`` is an entry of an index: one of ``MIN_INDEX_RUN`` or more
    lines in a row, at its indentation, whose first terms are in alphabetical order."""
    lines = doc.lines
    here = bisect.bisect_right(lines, (offset, len(doc.text))) - 1  # the last line starting at or before it
    if here < 0:
        return False
    entry = _entry(doc.text, lines[here])
    if entry is None:
        return False
    before = _sorted_steps(doc.text, lines, here, -1, entry)
    after = _sorted_steps(doc.text, lines, here, 1, entry)
    return before + after + 1 >= MIN_INDEX_RUN


def _sorted_steps(text: str, lines: list[tuple[int, int]], here: int, step: int, entry) -> int:
    """How many lines at ``entry``'s indentation keep alphabetical order going ``step`` (-1, +1) from ``here``."""
    indent, key = entry
    count = 0
    index = here + step
    while 0 <= index < len(lines) and count < MIN_INDEX_RUN:
        other = _entry(text, lines[index])
        if other is None or other[0] < indent:
            break  # prose, or the parent entry: the run at this level ends
        if other[0] == indent:
            if (other[1] < key) if step > 0 else (other[1] > key):
                break
            key = other[1]
            count += 1
        index += step  # deeper lines are sub-entries of the entry above: skipped
    return count


def _entry(text: str, span: tuple[int, int]) -> tuple[int, tuple[str, ...]] | None:
    """(indentation, the words of the first term) of a line that can be an index entry, else None."""
    start, end = span
    line = text[start:end]
    words = WORD_RE.findall(line)
    if not words or len(words) > MAX_ENTRY_WORDS:
        return None
    indent = start - (text.rfind("\n", 0, start) + 1)
    first = _FIRST_ITEM_RE.match(_MARKER_RE.sub("", line)).group()
    return indent, tuple(w.lower() for w in WORD_RE.findall(first)) or (words[0].lower(),)


__all__ = ["MIN_INDEX_RUN", "in_sorted_run", "index_or_contents_entry"]
