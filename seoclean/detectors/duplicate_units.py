"""The units the duplication detector compares: the page title, headings, paragraphs and lines of
the main content, each with its lowercase words and whether it reads as prose.

Text is compared by its words (lowercase, punctuation and spacing ignored). Navigation and footers
(``Block.in_main`` False) repeat by design and are the boilerplate detector's business.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from seoclean.document import Document

PROSE_LINE_WORDS = 10  # an unpunctuated line this long is still prose (a long heading or a caption)
TITLE_MIN_WORDS = 4  # a heading after header lines is the title only when it is this long
OPENING_PARAGRAPH_WORDS = 12  # a paragraph of sentences this long starts the body: no title after it

LIST_MARKER_RE = re.compile(r"^(?:[-*•–—>+]|\d{1,3}[.)])\s")
MENU_SEPARATOR_RE = re.compile(r"\s[|·•»›/]\s")  # "About us | Careers", "Home › Insurance"
_NUMBER_RE = re.compile(r"(?<!\w)\d")
_TERMINAL = (".", "!", "?", "…")
_CLOSERS = "\"'”’)]»"
_SENTENCE_BREAK_RE = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z0-9£$€]")  # a sentence ends, another starts
_LINE_RE = re.compile(r"[^\s](?:[^\n]*[^\s])?")  # a line without its surrounding spaces


@dataclass(frozen=True, slots=True)
class Unit:
    """A heading, paragraph or line: its span, its lowercase words and its shape."""

    start: int
    end: int
    words: tuple[str, ...]
    multi_line: bool  # a block spanning several lines (its lines are units too)
    prose: bool  # reads as prose, not as a list item, table row, code line or label


@dataclass(slots=True)
class Units:
    """The main content cut four ways. A one-line paragraph is the same unit in ``paragraphs``
    and ``lines``."""

    title: Unit | None = None
    title_echoed: bool = False  # the title is an HTML <title>, which the page's <h1> repeats by design
    headings: list[Unit] = field(default_factory=list)
    paragraphs: list[Unit] = field(default_factory=list)
    lines: list[Unit] = field(default_factory=list)


def cut_units(doc: Document) -> Units:
    """The title, headings, paragraphs and lines of ``doc``'s main content, in text order."""
    units = Units()
    text = doc.text
    make = _UnitMaker(doc)
    main = [i for i in doc.prose_blocks if doc.blocks[i].in_main]
    opening = True  # no paragraph of prose yet: header lines ("Blog", a date) may come before the title
    for index in main:
        block = doc.blocks[index]
        chunk = text[block.start : block.end]
        unit = make(block.start, block.end, "\n" in chunk)
        if block.kind == "title":
            if units.title is None:
                units.title, units.title_echoed = unit, True
        elif block.kind == "heading":
            units.headings.append(unit)
            if _takes_the_title(doc, units, unit, first=index == main[0], opening=opening):
                units.title = unit
        elif not unit.multi_line:
            units.paragraphs.append(unit)
            units.lines.append(unit)
        else:
            units.paragraphs.append(unit)
            for match in _LINE_RE.finditer(chunk):
                units.lines.append(make(block.start + match.start(), block.start + match.end(), False))
        if block.kind not in ("heading", "title") and len(unit.words) >= OPENING_PARAGRAPH_WORDS and ends_sentence(chunk):
            opening = False  # prose has begun (a block of menu and byline lines has not begun it)
    return units


def _takes_the_title(doc: Document, units: Units, heading: Unit, *, first: bool, opening: bool) -> bool:
    """Whether ``heading`` is the title: the heading that opens a text or a draft, after any short
    header lines, or its first top-level heading ("# 4.1. Installation Methods" below a menu line).
    A bulleted line is an entry of a table of contents or a menu, never the title, and neither is a
    menu or a breadcrumb trail, which plain text may start with."""
    text = doc.text[heading.start : heading.end]
    if is_list_item(doc, heading) or MENU_SEPARATOR_RE.search(text):
        return False
    long = len(heading.words) >= TITLE_MIN_WORDS
    if units.title is None:
        return first or (opening and (long or _heading_level(doc, heading) == 1))
    # a short first heading ("Blog", a site name) gives way to the headline below it, but not to
    # one of its own subheadings ("# Low-level API Index" above "## Obtaining the Event Loop")
    short = len(units.title.words) < TITLE_MIN_WORDS and not units.title_echoed
    level, title_level = _heading_level(doc, heading), _heading_level(doc, units.title)
    subheading = title_level > 0 and level > title_level
    return opening and long and short and not subheading


def _heading_level(doc: Document, heading: Unit) -> int:
    """1-6 for a Markdown ``#`` heading or an HTML ``<h1>``-``<h6>``; 0 when the text does not say."""
    block = doc.block_at(heading.start)
    if block is not None and len(block.tag) == 2 and block.tag[0] == "h" and block.tag[1].isdigit():
        return int(block.tag[1])
    marks = len(doc.text[heading.start : heading.end]) - len(doc.text[heading.start : heading.end].lstrip("#"))
    return marks if 0 < marks <= 6 else 0


class _UnitMaker:
    """Builds units from offsets; the words come from one lowercase list sliced by binary search."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.lower = [w.lower for w in doc.words]
        self.starts = doc.word_starts

    def __call__(self, start: int, end: int, multi_line: bool) -> Unit:
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        words = tuple(self.lower[lo:hi])
        return Unit(start, end, words, multi_line, _reads_as_prose(self.text[start:end], words))


def _reads_as_prose(text: str, words: tuple[str, ...]) -> bool:
    """Sentences repeat by mistake or by spam; list items, table rows, code and numbered labels
    ("Step 1", "Day 2: eat every 2-3 hours") repeat by design."""
    if not words or LIST_MARKER_RE.match(text):
        return False
    terminal = text.rstrip(_CLOSERS).endswith(_TERMINAL)
    if len(_NUMBER_RE.findall(text)) * 4 >= len(words):
        # figures on most words: a table row or a data line, unless it is sentences about them
        # ("Borrow £600 over 12 months at 12.7% APR. 12 monthly repayments of £53.31.")
        return terminal and len(_SENTENCE_BREAK_RE.findall(text)) >= 1 and len(words) >= PROSE_LINE_WORDS
    return terminal or len(words) >= PROSE_LINE_WORDS


def ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS).endswith(_TERMINAL)


def is_list_item(doc: Document, unit: Unit) -> bool:
    block = doc.block_at(unit.start)
    return (block is not None and block.kind == "list_item") or bool(LIST_MARKER_RE.match(doc.text[unit.start : unit.end]))


__all__ = ["LIST_MARKER_RE", "MENU_SEPARATOR_RE", "Unit", "Units", "cut_units", "ends_sentence", "is_list_item"]
