"""Page chrome printed above and below the body: a navigation bar said again at the foot of the
page is the page's frame, not a copy (for ``RepeatContext``).

Manuals generated from Texinfo, DocBook or Sphinx print the same navigation bar at the top and at
the bottom of every page, and some at the head of each section too ("[ < Ties ] | [ Up : Notes ] |
[ Rests > ]"): each copy stands above the body's first sentence, below its last, or next to
another such bar, and the line is a row of entries joined by separators, never a sentence. A
spammer's copy is a paragraph of sentences pasted among the body's paragraphs, or a line pasted
inside the body, between two sentences. Rows inside a table (``PageFrame.table_rows``) repeat by
design as well: a table may describe two of its entries alike.
"""

from __future__ import annotations

import bisect

from seoclean.detectors.duplicate_units import MENU_SEPARATOR_RE, ends_sentence
from seoclean.detectors.keyword_slots import is_table_row

Span = tuple[int, int]


class PageFrame:
    """The body of a page (its first to its last line ending a sentence) and what frames it.

    Args:
        text: the analysed text.
        lines: (start, end) of its non-blank lines, stripped (``Document.lines``).
    """

    def __init__(self, text: str, lines: list[Span]) -> None:
        self.text = text
        self.lines = lines
        self._body: Span | None = None

    def frames(self, copy: Span, original: Span) -> bool:
        """Whether ``copy`` and ``original`` are one line of entries (``is_chrome``) each printed
        where a page prints its navigation: above the body's first sentence, below its last, or in
        a run of such lines (the bars at the head of each of the page's sections)."""
        return all(is_chrome(self.text[slice(*span)]) and self._in_chrome(span) for span in (copy, original))

    def table_rows(self, copy: Span, original: Span) -> bool:
        """Whether ``copy`` and ``original`` are each a row inside a table (the lines above and
        below are rows too): a table describes two entries alike by design (the same description
        under two forms' codes), and a pasted paragraph is no table row."""
        return all(self._inside_a_table(span) for span in (copy, original))

    def _inside_a_table(self, span: Span) -> bool:
        if not is_table_row(self.text[slice(*span)]):
            return False
        neighbours = self._neighbours(span)
        return len(neighbours) == 2 and all(is_table_row(self.text[slice(*line)]) for line in neighbours)

    def _in_chrome(self, span: Span) -> bool:
        body_start, body_end = self.body()
        return span[1] <= body_start or span[0] >= body_end or self._beside_chrome(span)

    def _beside_chrome(self, span: Span) -> bool:
        """Whether the line above or below ``span`` is also a line of entries."""
        return any(is_chrome(self.text[slice(*line)]) for line in self._neighbours(span))

    def _neighbours(self, span: Span) -> list[Span]:
        """The non-blank lines right above and right below ``span`` (fewer at the text's edges)."""
        at = bisect.bisect_left(self.lines, (span[0], -1))
        after = bisect.bisect_left(self.lines, (span[1], -1))
        return [self.lines[i] for i in (at - 1, after) if 0 <= i < len(self.lines) and not _inside(self.lines[i], span)]

    def body(self) -> Span:
        """From the start of the first line ending a sentence to the end of the last one ((0, 0):
        the page says no sentence)."""
        if self._body is None:
            ends = [span for span in self.lines if _says_sentence(self.text[slice(*span)])]
            self._body = (ends[0][0], ends[-1][1]) if ends else (0, 0)
        return self._body


def is_chrome(line: str) -> bool:
    """A line of entries, not a sentence: a table row or entries joined by separators ("Home |
    Blog", "[ < Previous ] | [ Up : Contents ] | [ Next > ]")."""
    line = line.strip()
    if "\n" in line or _says_sentence(line):
        return False
    return is_table_row(line) or MENU_SEPARATOR_RE.search(line) is not None


def _inside(line: Span, span: Span) -> bool:
    return span[0] <= line[0] and line[1] <= span[1]


def _says_sentence(line: str) -> bool:
    """Whether a line (or a table row's last cell) ends a sentence."""
    return ends_sentence(line.rstrip(" |"))


__all__ = ["PageFrame", "is_chrome"]
