"""Whether a repeat sits among the same neighbours as its original: a page's parallel entries, not
a copy pasted in (for ``DuplicationDetector``).

Reference pages document one thing after another in the same mould, and the mould repeats its
notes: "Note" above the same warning under each function, "Changed in version 3.7: Added the
ssl_handshake_timeout parameter." under two functions that gained it, a parameter described
alike for ``open_connection()`` and ``start_server()`` ("... passed directly to
loop.create_connection()" / "loop.create_server()" next to it). A page's footer repeats its
header: the title again, above the same table of contents. Such a repeat has neighbours that
match its original's: the same label, or a line worded alike.

A spammer's copy is pasted after some later paragraph: what stands around it has nothing to do
with what stands around its original. Two adjacent paragraphs pasted together keep each other as
neighbours, so equal neighbours are walked over (``MAX_STEPS``) until a line that differs ends the
walk; a line worded alike there anchors the repeat. An equal label anchors it only when the page
says the label more often than the repeat (a note's "Note", not a glossary term pasted with its
definition), and equal lines only when they are no sentences (a footer's table of contents, not a
title pasted with the paragraph under it). Two sections of one mould (their first lines worded
alike) also say the same lead-ins ("Alternatively, by the following.").

The text is walked line by line (the non-blank lines of the analysed text, in every format); a
copy glued inside a line has the rest of its line as its neighbour.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from seoclean.detectors.line_moulds import NOTE_RE, alike, entries_alike
from seoclean.detectors.page_frame import PageFrame
from seoclean.document import WORD_RE, Document

DEFAULT_LABEL_WORDS = 4  # the duplication detector's shortest unit: shorter lines are labels
MAX_STEPS = 6  # equal lines walked over on each side before giving up (a note of a few paragraphs)
ENTRY_LINES = 3  # lines above an occurrence searched for the opening of its entry (a signature, ``entries_alike``)
FURNITURE_LINES = 3  # a run of this many equal lines that are no sentences, the repeat among them, is
# the page's furniture said again (a footer repeating the header's title and table of contents)
FORMULA_WORDS = 3  # a note formula's opening words ("new in version", "changed in version")
FORMULA_MIN_LINES = 3  # ... which open this many differently worded lines of the page
FORMULA_MAX_WORDS = 12  # a note is shorter than a paragraph
FORMULA_MIN_TIMES = 3  # a note said under this many entries is the page's, not pasted
_TERMINAL = (".", "!", "?", "…")
_FIELD_RE = re.compile(r"^[\W_]*\w[\w.]*(?: [\w.]+){0,3}:\s")  # "subject: ...", "Changed in version 3.9: ..."
_CLOSERS = "\"'”’)]»*_"

Span = tuple[int, int]


@dataclass(slots=True)
class _Side:
    """What the walk away from the two occurrences found on one side."""

    alike: bool = False  # ended at two lines worded alike
    equal_lines: int = 0  # equal lines walked over
    sentences: int = 0  # ... of which end a sentence
    labels: list[tuple[str, ...]] = field(default_factory=list)  # the short ones among them


class RepeatContext:
    """Tells parallel repeats from copies in one document.

    Args:
        doc: the document.
        label_words: lines under this many words are labels ("Note", "Warning", "ascii()").
        pasted: spans already found pasted in (near-copies): a neighbour inside one is part of a
            paste, not of the page's mould, and anchors nothing.
    """

    def __init__(self, doc: Document, label_words: int, pasted: tuple[Span, ...] = ()) -> None:
        self.text = doc.text
        self.lines = doc.lines
        self.headings = [(b.start, b.end) for b in doc.blocks if b.kind == "heading" and b.in_main]
        self.plain = doc.format == "text"
        self.label_words = label_words
        self.pasted = pasted
        self.frame = PageFrame(doc.text, doc.lines)  # a navigation bar above and below the body
        self._line_counts: Counter | None = None
        self._line_openings: dict[tuple[str, ...], set[tuple[str, ...]]] | None = None

    def honest(self, copy: Span, original: Span) -> bool:
        """A repeat the page makes itself: ``parallel`` to its original, or a note ``formula``."""
        return self.parallel(copy, original) or self.formula(copy)

    def parallel(self, copy: Span, original: Span) -> bool:
        """Whether ``copy`` stands among the same neighbours as its ``original``: lines worded
        alike next to both, reached across equal lines; a run of ``FURNITURE_LINES`` equal lines
        that are no sentences (the page's header said again in its footer); or an equal label that
        the page also puts above other text, as it does its notes. A label said only as often as
        the copy is part of the copy: a glossary's term pasted again with its definition. Equal
        sentences around a copy were pasted along with it (a title and the paragraphs under it)."""
        if self.frame.frames(copy, original) or self.frame.table_rows(copy, original):
            return True
        sides = [self._walk(copy, original, step) for step in (-1, 1)]
        if any(side.alike for side in sides) or self._parallel_sections(copy, original):
            return True
        if NOTE_RE.match(self.text[slice(*copy)]) and self._parallel_entries(copy, original):
            return True
        if 1 + sum(s.equal_lines for s in sides) >= FURNITURE_LINES and not any(s.sentences for s in sides):
            return True
        labels = [label for side in sides for label in side.labels]
        if not labels:
            return False
        counts = self._counts()
        copies = max(counts[_words(self.text, copy)], 2)
        return any(counts[label] > copies for label in labels)

    def formula(self, span: Span, times: int = FORMULA_MIN_TIMES) -> bool:
        """Whether ``span`` is a short note in one of the page's formulas, said as a line of its own
        ``times`` times: its first ``FORMULA_WORDS`` words, or its label when a label and a colon
        open it, open ``FORMULA_MIN_LINES`` differently worded lines of the page
        ("Changed in version 3.10: Removed the loop parameter." among a reference page's many
        version notes, "subject: maps and atlases." among a bibliography's subjects). Such a note is
        said under each entry it concerns (a pasted note is said twice: its original and the copy),
        and may be doubled right under itself (``times`` 2) where the text lost the entry between.
        A question is no note (a FAQ asks each question once), nor is a line of
        ``FORMULA_MAX_WORDS`` words or more."""
        words, line = _words(self.text, span), self.text[slice(*span)]
        question = line.rstrip(_CLOSERS).endswith("?")
        if question or not FORMULA_WORDS <= len(words) < FORMULA_MAX_WORDS or self._counts()[words] < times:
            return False
        openings = self._openings()
        return any(len(openings.get(key, ())) >= FORMULA_MIN_LINES for key in _openings_of(line, words))

    def _openings(self) -> dict[tuple[str, ...], set[tuple[str, ...]]]:
        """The differently worded lines of the page by their openings (``_openings_of``)."""
        if self._line_openings is None:
            self._line_openings = {}
            for span in self.lines:
                words = _words(self.text, span)
                for key in _openings_of(self.text[slice(*span)], words) if len(words) >= FORMULA_WORDS else ():
                    self._line_openings.setdefault(key, set()).add(words)
        return self._line_openings

    def _walk(self, copy: Span, original: Span, step: int) -> _Side:
        side, text = _Side(), self.text
        copy_edge, original_edge = (copy[0], original[0]) if step < 0 else (copy[1], original[1])
        for _ in range(MAX_STEPS):
            mine, theirs = _neighbour(text, copy_edge, step), _neighbour(text, original_edge, step)
            if mine is None or theirs is None or _overlaps(mine, original) or _overlaps(theirs, copy):
                return side  # the edge of the text, or the two occurrences meet
            my_words, their_words = _words(text, mine), _words(text, theirs)
            if my_words != their_words:
                pasted = any(_overlaps(line, span) for line in (mine, theirs) for span in self.pasted)
                side.alike = not pasted and alike(text[slice(*mine)], text[slice(*theirs)], my_words, their_words)
                return side
            side.equal_lines += 1
            side.sentences += text[slice(*mine)].rstrip(_CLOSERS).endswith(_TERMINAL)
            if 0 < len(my_words) < self.label_words:
                side.labels.append(my_words)
            copy_edge, original_edge = (mine[0], theirs[0]) if step < 0 else (mine[1], theirs[1])
        return side

    def _parallel_sections(self, copy: Span, original: Span) -> bool:
        """Whether the two occurrences sit in different sections that open alike ("Here are several
        ways to archive ..." / "Here are several ways to copy ..."): a reference page treating two
        subjects in one mould, which says its lead-ins ("Alternatively, by the following.") in both,
        once in each: said twice in one section, it was pasted there."""
        openings = [self._section_opening(span[0]) for span in (copy, original)]
        if None in openings or openings[0] == openings[1] or self._said_twice_in_section(copy):
            return False
        mine, theirs = openings
        if any(_overlaps(line, span) for line in (mine, theirs) for span in (*self.pasted, copy, original)):
            return False
        text = self.text
        return alike(text[slice(*mine)], text[slice(*theirs)], _words(text, mine), _words(text, theirs))

    def _parallel_entries(self, copy: Span, original: Span) -> bool:
        """Whether each occurrence of a note (``NOTE_RE``) sits a few lines (``ENTRY_LINES``) below
        lines worded alike: the openings of two entries of a reference page ("class
        email.parser.BytesFeedParser(...)" / "class email.parser.BytesParser(...)"), under each of
        which the page says the same note. A copy pasted after some paragraph has no line like its
        original's entry above it; a sentence of an entry's own, said again under a sibling entry,
        is no note and is left to the nearest neighbours to judge."""
        mine, theirs = self._lines_above(copy[0]), self._lines_above(original[0])
        text, spans = self.text, (*self.pasted, copy, original)
        for line in mine:
            for other in theirs:
                if any(_overlaps(span, paste) for span in (line, other) for paste in spans):
                    continue
                if entries_alike(text[slice(*line)], text[slice(*other)], _words(text, line), _words(text, other)):
                    return True
        return False

    def _lines_above(self, offset: int) -> list[Span]:
        lines = []
        for _ in range(ENTRY_LINES):
            line = _neighbour(self.text, offset, -1)
            if line is None:
                break
            lines.append(line)
            offset = line[0]
        return lines

    def _section_opening(self, offset: int) -> Span | None:
        """The first line under the last heading before ``offset`` (None: no heading above it)."""
        ends = [end for _, end in self.headings if end <= offset]
        return _neighbour(self.text, ends[-1], 1) if ends else None

    def same_section(self, copy: Span, original: Span) -> bool:
        """Whether no heading stands between the two occurrences. Plain text marks no heading, and
        the lines read as headings there may be anything short (a parameter's description), so
        there no two occurrences are known to share a section."""
        if self.plain:
            return False
        first, last = sorted((copy, original))
        return not any(first[1] <= start and end <= last[0] for start, end in self.headings)

    def _said_twice_in_section(self, span: Span) -> bool:
        """Whether another line of ``span``'s section says ``span`` again."""
        start = max((end for _, end in self.headings if end <= span[0]), default=0)
        end = min((begin for begin, _ in self.headings if begin >= span[1]), default=len(self.text))
        words = _words(self.text, span)
        return any(
            _words(self.text, line) == words and not _overlaps(line, span)
            for line in self.lines
            if start <= line[0] and line[1] <= end
        )

    def _counts(self) -> Counter:
        if self._line_counts is None:
            self._line_counts = Counter(_words(self.text, line) for line in self.lines)
        return self._line_counts


def _neighbour(text: str, edge: int, step: int) -> Span | None:
    """The text next to ``edge`` on its own line, or else the next non-blank line, stripped."""
    if step < 0:
        line_start = text.rfind("\n", 0, edge) + 1
        if text[line_start:edge].strip():
            return _stripped(text, line_start, edge)
        cursor = line_start - 1
        while cursor > 0 and not text[text.rfind("\n", 0, cursor) + 1 : cursor].strip():
            cursor = text.rfind("\n", 0, cursor)
        return _stripped(text, text.rfind("\n", 0, cursor) + 1, cursor) if cursor > 0 else None
    line_end = _line_end(text, edge)
    if text[edge:line_end].strip():
        return _stripped(text, edge, line_end)
    cursor = line_end + 1
    while cursor < len(text) and not text[cursor : _line_end(text, cursor)].strip():
        cursor = _line_end(text, cursor) + 1
    return _stripped(text, cursor, _line_end(text, cursor)) if cursor < len(text) else None


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def _stripped(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _words(text: str, span: Span) -> tuple[str, ...]:
    return tuple(w.lower() for w in WORD_RE.findall(text, *span))


def _openings_of(line: str, words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A line's first ``FORMULA_WORDS`` words and, if a label and a colon open it, the label with
    its numbers masked ("subject:", "Changed in version #:")."""
    label = _FIELD_RE.match(line)
    if label is None:
        return [words[:FORMULA_WORDS]]
    named = words[: len(WORD_RE.findall(label.group()))]
    return [words[:FORMULA_WORDS], (":", *("#" if w[:1].isdigit() else w for w in named))]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


__all__ = ["DEFAULT_LABEL_WORDS", "RepeatContext"]
