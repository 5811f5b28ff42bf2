"""Where the analysed text of an HTML page came from: offsets in the text -> lines in the source.

``SourceLocator`` finds every text node in the HTML source while the page is being read, with a
cursor that only moves forward (text nodes come in document order), and records anchors
(offset in text, offset in source). ``SourceMap`` turns an offset in the analysed text into a
1-based (line, column) in the source: the nearest anchor before it, then the word at the offset
looked up after the anchor, so a finding deep inside a long paragraph reports the source line it is
actually on. Both do bounded work per node or lookup: linear in the size of the page.
"""

from __future__ import annotations

import bisect
import re

from lxml import etree

from seoclean.document import LineIndex

_WORD_RE = re.compile(r"\w+")
_VOID_TAGS = frozenset({"br", "img", "input", "hr", "wbr", "source", "area", "meta", "link"})
# How far ahead of the cursor a text node is looked for in the source; bounds the work per node.
_SEARCH_WINDOW = 4000
# Searches past the window may read this many times the page's length, in total.
_FAR_SEARCH_BUDGET = 4
# A far match is confirmed when the node's second word follows within this many characters.
_CONFIRM_DISTANCE = 200


class SourceLocator:
    """Finds each text node in the HTML source with a cursor that only moves forward.

    Text nodes come in document order, so each search starts where the previous node was found
    and looks ``_SEARCH_WINDOW`` characters ahead, further only within a budget proportional to
    the page: linear in the size of the page.
    """

    def __init__(self, source: str) -> None:
        self._source = source
        self._lines = LineIndex(source)
        self._cursor = 0
        self._tag_patterns: dict[str, re.Pattern[str]] = {}
        # Characters that searches beyond the window may still read: keeps the whole page linear.
        self._budget = _FAR_SEARCH_BUDGET * len(source)

    def locate(self, piece: str, element: etree._Element, is_tail: bool) -> int | None:
        word = _WORD_RE.search(piece)
        if word is None:
            return None
        start = self._after_markup(element, is_tail)
        found = self._source.find(word.group(), start, start + _SEARCH_WINDOW)
        if found >= 0:
            self._cursor = found + len(word.group())
        else:
            found = self._find_far(word.group(), start)
            if found < 0:
                return self._line_start(element.sourceline) if not is_tail else None
            # A far match of a common word can be a later, unrelated occurrence; moving the cursor
            # there would lose every node in between, so only a confirmed match moves it.
            if self._next_word_follows(piece, word.end(), found + len(word.group())):
                self._cursor = found + len(word.group())
        if word.start() == 0:
            return found
        # Text before the first word ("© 2024") may be written as entities ("&copy; 2024"), so
        # count back from the start of the text node, not from the word.
        gap = self._source[start:found]
        if "<" in gap:
            return max(start, found - word.start())
        return start + len(gap) - len(gap.lstrip())

    def _find_far(self, word: str, start: int) -> int:
        """Look past the window while the page's budget lasts: text can sit far behind the cursor
        after a long script or style on the same line (minified pages)."""
        if self._budget <= 0:
            return -1
        end = min(len(self._source), start + _SEARCH_WINDOW + self._budget)
        found = self._source.find(word, start + _SEARCH_WINDOW, end)
        self._budget -= (found if found >= 0 else end) - start
        return found

    def _next_word_follows(self, piece: str, after_word: int, source_offset: int) -> bool:
        following = _WORD_RE.search(piece, after_word)
        if following is None:
            return False
        return self._source.find(following.group(), source_offset, source_offset + _CONFIRM_DISTANCE) >= 0

    def _after_markup(self, element: etree._Element, is_tail: bool) -> int:
        """Where the node's text can begin: after the start tag, or after the end tag for a tail,
        so a word that also appears in an attribute is not mistaken for the text."""
        tag = element.tag
        if is_tail and tag not in _VOID_TAGS:
            return self._skip_tag(f"</{tag}", self._cursor, self._cursor + _SEARCH_WINDOW) or self._cursor
        # lxml's ``sourceline`` is the line on which the start tag *ends*; it may begin earlier.
        line_start, line_end = self._line_bounds(element.sourceline)
        start = max(self._cursor, line_start)
        after_tag = self._skip_tag(f"<{tag}", start, min(line_end, start + _SEARCH_WINDOW))
        if after_tag is None:
            closing = self._source.find(">", start, min(line_end, start + _SEARCH_WINDOW))
            after_tag = closing + 1 if closing >= 0 else start
        return after_tag

    def _skip_tag(self, opening: str, start: int, end: int) -> int | None:
        """The offset after the first tag starting with ``opening`` in [start, end), if any."""
        pattern = self._tag_patterns.get(opening)
        if pattern is None:  # tags are matched case-insensitively: lxml lower-cases <P> to "p"
            pattern = self._tag_patterns[opening] = re.compile(re.escape(opening) + r"\b", re.IGNORECASE)
        tag = pattern.search(self._source, start, end)
        if tag is None:
            return None
        closing = self._source.find(">", tag.end(), tag.end() + _SEARCH_WINDOW)
        return closing + 1 if closing >= 0 else None

    def _line_start(self, line: int | None) -> int:
        return self._line_bounds(line)[0]

    def _line_bounds(self, line: int | None) -> tuple[int, int]:
        """Start and end of a 1-based source line; the cursor and the page's end when unknown."""
        if not line or line > len(self._lines):
            return self._cursor, len(self._source)
        start, end = self._lines.line_span(line)
        return start, end if end >= 0 else len(self._source)


class SourceMap:
    """Maps an offset in the analysed text to 1-based (line, column) in the HTML source."""

    def __init__(self, source: str, text: str, anchors: list[tuple[int, int]]) -> None:
        self._source = source
        self._text = text
        self._lines = LineIndex(source)
        self._text_offsets = [text_offset for text_offset, _ in anchors]
        self._source_offsets = [source_offset for _, source_offset in anchors]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._text_offsets, offset) - 1
        if index < 0:
            return 1, 1
        anchor_text, anchor_source = self._text_offsets[index], self._source_offsets[index]
        return self._lines.line_col(self._source_offset_within(anchor_text, anchor_source, offset))

    def _source_offset_within(self, anchor_text: int, anchor_source: int, offset: int) -> int:
        """Find the word at ``offset`` in the source after the anchor; entities and collapsed
        whitespace make plain arithmetic drift, so count occurrences of that word instead."""
        if offset == anchor_text:
            return anchor_source
        word = _WORD_RE.match(self._text, offset)
        estimate = min(anchor_source + offset - anchor_text, len(self._source))
        if word is None:
            return estimate
        needle = word.group()
        seen = self._text.count(needle, anchor_text, offset)
        found = anchor_source - 1
        limit = anchor_source + 2 * (offset - anchor_text) + _SEARCH_WINDOW
        for _ in range(seen + 1):
            found = self._source.find(needle, found + 1, limit)
            if found < 0:
                return estimate
        return found


__all__ = ["SourceLocator", "SourceMap"]
