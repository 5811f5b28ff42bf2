"""The places of a document where stuffers plant keyphrases, read once: its lines by kind, bare
lists, headings and their tails, fragment sentences and bold runs.

A stuffed keyphrase is a noun phrase of search words ("index funds fees price", "top rated
colonoscopy deals"), and stuffers put it where a phrase can stand alone: an item of a bare list,
an extra heading, a tail after a heading ("How index funds work | index funds fund fast"), a
fragment sentence ("... at any time. Instant data. We'll prepare ..."), a bold run in the middle
of a sentence. ``read_slots`` finds those places; ``detectors.keyword_family`` decides which of
them hold keyphrases.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from seoclean.document import Document, Word

_LIST_MARKER_RE = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s+")
# The last joiner of a heading: "Title | tail", "Title - tail", "Title: tail", the pilcrow that
# ends a documentation heading ("Command-Line Interface¶ tail": nothing belongs after it) and the
# question mark that ends a question ("Can I pay monthly? affordable home insurance").
_HEADING_JOINER_RE = re.compile(r"(?:\s[|–—-]\s|[:?]\s|¶\s)(?!.*(?:\s[|–—-]\s|[:?]\s|¶\s))")
# A row of a pipe table ("| ctypes type | C type | Python type |"): its cells are labels and
# data, side by side by layout, not phrases a writer chose to stand alone.
_TABLE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
# What a numbered heading or contents entry opens with: a section number of two or more levels
# ("7.2.1.", "B.4."), an appendix letter ("A.") or a numbered division ("Chapter 7.", "Table
# A.4."). A stuffer's fragment follows a sentence; a single "1." is an ordinary list marker.
_SECTION_NUMBER_RE = re.compile(
    r"^[\s>*#+•-]*(?:[A-Z][a-z]{2,11}\s+(?:\d{1,3}|[IVXLC]{1,6}|[A-Z])(?:\.\d{1,3})*"
    r"|(?:\d{1,3}|[A-Z])(?:\.\d{1,3})+|[A-Z])\.?\s*$"
)
# The same number opening a heading, a list item or a heading's part after its joiner ("B. GNU
# Free Documentation License", "LilyPond Learning Manual: 5.7 Further tweaking", "- 2.2. Storage
# Comparison"). A stuffer's tail comes after a section's name, not before it ("9.2.1. Key-Based
# Authentication - ssh session").
_NUMBER = r"(?:(?:\d{1,3}|[A-Z])(?:\.\d{1,3})+\.?|[A-Z]\.)\s+\w"
_NUMBERED_RE = re.compile(_NUMBER)
_NUMBERED_PART_RE = re.compile(r"(?:[:|–—]|\s-)\s+" + _NUMBER)
_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{2,80}?)(?<=\S)\1")
# A hard line wrap: the line break after a sentence piece, and before one.
_NEXT_LINE_RE = re.compile(r"[ \t]*\n[ \t]*(?=\S)")
_PREVIOUS_LINE_RE = re.compile(r"\S[ \t]*\n[ \t]*$")
_SENTENCE_PUNCTUATION = frozenset(".!?:;")
# What a line of prose stops on when its sentence goes on below, and a keyphrase never ends on.
_DANGLING_END_RE = re.compile(
    r"(?:,|\b(?:and|or|nor|but|the|a|an|of|on|in|for|to|with|at|by|from|into))$", re.IGNORECASE
)
MAX_SLOT_WORDS = 7  # a keyphrase is short; a longer run is a clause
MAX_FRAGMENT_WORDS = 6
TITLE_SEARCH_WORDS = 10  # a paragraph this long before any heading means the text has no title line


@dataclass(frozen=True, slots=True)
class Slot:
    """A place that holds a phrase on its own. ``start``/``end`` span its words."""

    kind: str  # "item", "heading", "title", "tail", "fragment", "bold"
    start: int
    end: int
    words: tuple[str, ...]
    line: int  # index into Slots.lines


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    kind: str  # "heading", "title", "item", "paragraph", "table"
    words: tuple[Word, ...]

    @property
    def lower(self) -> tuple[str, ...]:
        return tuple(w.lower for w in self.words)


@dataclass(slots=True)
class Slots:
    lines: list[Line] = field(default_factory=list)
    lists: list[list[int]] = field(default_factory=list)  # runs of adjacent item lines
    slots: list[Slot] = field(default_factory=list)

    def of_kind(self, *kinds: str) -> list[Slot]:
        return [s for s in self.slots if s.kind in kinds]


def read_slots(doc: Document) -> Slots:
    """Every slot of the main content of ``doc`` (see the module docstring)."""
    found = Slots(lines=_lines(doc))
    text = doc.text
    title_line = _title_line(found.lines)
    for index, line in enumerate(found.lines):
        if not line.words:
            continue
        span = (line.words[0].start, line.words[-1].end)
        if line.kind in ("heading", "title"):
            kind = "title" if index == title_line else "heading"
            found.slots.append(Slot(kind, *span, line.lower, index))
            found.slots += _tail(text, line, index)
        elif line.kind == "item":
            found.slots.append(Slot("item", *span, line.lower, index))
            found.slots += _bold_runs(text, line, index)
        else:
            found.slots += _bold_runs(text, line, index)
    found.slots += _fragments(doc, found.lines)
    found.lists = _list_runs(text, found.lines)
    return found


def _title_line(lines: list[Line]) -> int | None:
    """The page's title: its first heading, if no paragraph of prose comes before it."""
    for index, line in enumerate(lines):
        if line.kind in ("heading", "title"):
            return index
        if line.kind == "paragraph" and len(line.words) >= TITLE_SEARCH_WORDS:
            return None
    return None


def _lines(doc: Document) -> list[Line]:
    """Non-blank lines of main-content prose blocks, with their kind and words."""
    blocks = [b for b in doc.blocks if b.is_prose and b.in_main]
    starts = [b.start for b in blocks]
    lines = []
    for start, end in doc.lines:
        index = bisect.bisect_right(starts, start) - 1
        if index < 0 or blocks[index].end < end:
            continue
        block = blocks[index]
        raw = doc.text[start:end]
        marker = _LIST_MARKER_RE.match(raw.lstrip("> "))
        if is_table_row(raw):
            kind = "table"  # not a slot: a cell ("| | Tip |") is no heading or list item
        elif block.kind in ("heading", "title"):
            kind = block.kind
        elif block.kind == "list_item" or marker:
            kind = "item"
        else:
            kind = "paragraph"
        content_start = start + (len(raw) - len(raw.lstrip("> ")) + marker.end() if marker else 0)
        lines.append(Line(start, end, kind, tuple(doc.words_between(content_start, end))))
    return lines


def is_table_row(line: str) -> bool:
    """Whether ``line`` is a row of a pipe table, as trafilatura and Markdown write tables."""
    return bool(_TABLE_ROW_RE.match(line))


def _tail(text: str, line: Line, index: int) -> list[Slot]:
    """The part of a heading after its last joiner, if that part is short."""
    joiner = _HEADING_JOINER_RE.search(text, line.start, line.end)
    if joiner is None:
        return []
    words = tuple(w for w in line.words if w.start >= joiner.end())
    if not words or len(words) > MAX_SLOT_WORDS or len(words) == len(line.words):
        return []
    return [Slot("tail", words[0].start, words[-1].end, tuple(w.lower for w in words), index)]


def _bold_runs(text: str, line: Line, index: int) -> list[Slot]:
    """Bold runs inside a line, except a bold lead-in at its start ("**Cash ISA** - ...")."""
    if text.find("**", line.start, line.end) < 0 and text.find("__", line.start, line.end) < 0:
        return []  # no bold markers, no bold run (the common case)
    slots = []
    first_word = line.words[0].start if line.words else line.end
    for match in _BOLD_RE.finditer(text, line.start, line.end):
        words = tuple(w for w in line.words if match.start(2) <= w.start < match.end(2))
        if not words or len(words) > MAX_SLOT_WORDS or match.start(2) <= first_word:
            continue
        slots.append(Slot("bold", words[0].start, words[-1].end, tuple(w.lower for w in words), index))
    return slots


def _fragments(doc: Document, lines: list[Line]) -> list[Slot]:
    """Short verbless-looking sentences between other sentences of a paragraph line or list item."""
    slots = []
    line_starts = [line.start for line in lines]
    words = doc.words
    for sentence in doc.sentences:
        size = sentence.last_word - sentence.first_word
        if not 1 <= size <= MAX_FRAGMENT_WORDS:
            continue
        index = bisect.bisect_right(line_starts, sentence.start) - 1
        if index < 0 or lines[index].kind not in ("paragraph", "item") or lines[index].end < sentence.end:
            continue
        line = lines[index]
        if len(line.words) <= size or any(ch in doc.text[sentence.start : sentence.end] for ch in ",:"):
            continue  # the whole line is the sentence, it lists things, or it is a field ("Availability: Unix.")
        own = words[sentence.first_word : sentence.last_word]
        if own[0].start == line.words[0].start and _opens_block(words, sentence.first_word):
            continue  # a run-in heading ("**Motor insurance.** If your business uses vehicles ...")
        if numbered_entry(doc.text[line.start : own[0].start]):
            continue  # a numbered section's name ("7.2.1. Simple Setup"), not a sentence after a sentence
        block = doc.blocks[own[0].block]
        if cut_by_wrap(doc.text, sentence.start, sentence.end, block.start, block.end):
            continue  # a piece of a sentence hard-wrapped over lines ("the Steering Council" over "must approve")
        slots.append(Slot("fragment", own[0].start, own[-1].end, tuple(w.lower for w in own), index))
    return slots


def cut_by_wrap(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether text[start:end], a sentence as ``Document.sentences`` cuts it (at every line break),
    is only a piece of a sentence hard-wrapped over lines of the paragraph text[lo:hi]: the next
    line carries it on, or it carries on the line above."""
    after = _NEXT_LINE_RE.match(text, end, hi)
    if after is not None and wrapped_on(text, end, after.end()):
        return True
    before = _PREVIOUS_LINE_RE.search(text, max(lo, start - 200), start)
    return before is not None and wrapped_on(text, before.start() + 1, start)


def wrapped_on(text: str, end: int, start: int) -> bool:
    """Whether the sentence piece at ``start`` carries on the one ending at ``end`` over one line
    break: the first ends on no sentence punctuation, and the second opens in lower case or the
    first stops on a word or a comma no sentence ends on ("'git rm' and" over "'git clean' look")."""
    gap = text[end:start]
    if gap.count("\n") != 1 or gap.strip() or text[end - 1 : end] in _SENTENCE_PUNCTUATION:
        return False
    return text[start : start + 1].islower() or _DANGLING_END_RE.search(text, max(0, end - 12), end) is not None


def numbered_entry(before: str) -> bool:
    """Whether ``before`` (a line's text before a phrase) is only a section number: the phrase is
    the name of a numbered section or of its entry in a table of contents."""
    return bool(_SECTION_NUMBER_RE.match(before))


def numbered_slot(text: str, slot: Slot) -> bool:
    """Whether ``slot`` (a heading, its tail, a title, a list item) names a numbered section: the
    writer's own outline, which a keyphrase template does not number. A title is numbered in its
    part after the joiner ("Manual: 5.7 Further tweaking"); other slots open with the number."""
    if slot.kind == "title":
        return bool(_NUMBERED_PART_RE.search(text, slot.start, slot.end))
    return slot.kind in ("heading", "tail", "item") and bool(_NUMBERED_RE.match(text, slot.start, slot.end))


def _opens_block(words: list[Word], first: int) -> bool:
    """Whether word ``first`` is its block's first: a stuffer's fragment follows a sentence."""
    return first == 0 or words[first - 1].block != words[first].block


def quotation_closes(text: str, offset: int) -> bool:
    """Whether a closing quotation mark follows ``offset`` on its line, past any sentence
    punctuation: the words before it belong to a quoted title ('3 thoughts on "... – Mile High
    Maids"'), not to the line that quotes it."""
    line_end = text.find("\n", offset)
    rest = text[offset : len(text) if line_end < 0 else line_end]
    return rest.lstrip(" .,;:!?").startswith(_CLOSING_QUOTES)


_CLOSING_QUOTES = ('"', "”", "’", "»")


def _list_runs(text: str, lines: list[Line]) -> list[list[int]]:
    """Indexes of item lines that follow each other directly (a list), runs of two or more. One
    blank line between items still makes one list: plain text and loose Markdown lists space
    their items out."""
    runs: list[list[int]] = []
    for index, line in enumerate(lines):
        if line.kind != "item":
            continue
        previous = runs[-1][-1] if runs else None
        if previous == index - 1 and text[lines[previous].end : line.start].count("\n") <= 2:
            runs[-1].append(index)
        else:
            runs.append([index])
    return [run for run in runs if len(run) >= 2]


__all__ = [
    "MAX_SLOT_WORDS",
    "Line",
    "Slot",
    "Slots",
    "is_table_row",
    "numbered_entry",
    "numbered_slot",
    "quotation_closes",
    "read_slots",
]
