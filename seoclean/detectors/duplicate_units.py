"""The units the duplication detector compares: the page title, headings, paragraphs and lines of
the main content, each with its lowercase words and whether it reads as prose.

Text is compared by its words (lowercase, punctuation and spacing ignored). Navigation and footers
(``Block.in_main`` False) repeat by design and are the boilerplate detector's business.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from seoclean.document import WORD_RE, Document
from seoclean.ingest.text_structure import CHUNK_RE, continues_sentence

PROSE_LINE_WORDS = 10  # an unpunctuated line this long is still prose (a long heading or a caption)
LABEL_MAX_WORDS = 12  # a line of its own shorter than this is a label, a note or a caption, not a paragraph
ELEMENT_LINE_CHARS = 100  # nobody hard-wraps prose wider: a chunk with a line this long puts one element per line
TITLE_MIN_WORDS = 4  # a heading after header lines is the title only when it is this long
LEAD_IN_MIN_WORDS = 4  # a line this long ending in ":" introduces what follows in a sentence
OPENING_PARAGRAPH_WORDS = 12  # a paragraph of sentences this long starts the body: no title after it

LIST_MARKER_RE = re.compile(r"^(?:[-*•–—>+]|\d{1,3}[.)])\s")
MENU_SEPARATOR_RE = re.compile(r"\s[|·•»›/]\s")  # "About us | Careers", "Home › Insurance"
_NUMBER_RE = re.compile(r"(?<!\w)\d")
_COMMAND_RE = re.compile(r"\\[A-Za-z]+")  # a backslash command of TeX or LilyPond code
CODE_MIN_COMMANDS = 3  # a line with this many and a brace is code (a Windows path in prose has no brace)
_TERMINAL = (".", "!", "?", "…")
_CLOSERS = "\"'”’)]»"
_SENTENCE_BREAK_RE = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z0-9£$€]")  # a sentence ends, another starts
_LINE_RE = re.compile(r"[^\s](?:[^\n]*[^\s])?")  # a line without its surrounding spaces
# Header lines of a web page that plain text keeps above the headline: a skip link, a byline or a
# dateline ("Skip to main content", "Reviewed by Ann Lee · 12 May 2020", "Last updated 23/02/2019")
_CHROME_START_RE = re.compile(
    r"^(?:skip to|jump to|by|reviewed by|written by|posted|published|updated|last updated)\b", re.IGNORECASE
)
_DATE_RE = re.compile(
    r"\b(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}|\d+ min read)\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}\b"
    r"|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}\b",
    re.IGNORECASE,
)
# fmt: off
_NAV_WORDS = frozenset({
    "home", "about", "contact", "blog", "services", "news", "latest", "subscribe", "shop", "menu",
    "search", "login", "products", "faq", "careers",
})
# fmt: on
DATELINE_MAX_WORDS = 2  # a line this short once its dates are gone is a dateline ("Updated", "min read")
NAV_MENU_MIN_WORDS = 2  # a line of capitalised words naming this many site sections is a menu


@dataclass(frozen=True, slots=True)
class Unit:
    """A heading, paragraph or line: its span, its lowercase words and its shape."""

    start: int
    end: int
    words: tuple[str, ...]
    multi_line: bool  # a block spanning several lines (its lines are units too)
    prose: bool  # reads as prose, not as a list item, table row, code line or label
    lead_in: bool = False  # a line introducing what follows, ending in ":" (``lead_in``)


@dataclass(slots=True)
class Units:
    """The main content cut four ways. A one-line paragraph is the same unit in ``paragraphs``
    and ``lines``."""

    title: Unit | None = None
    title_echoed: bool = False  # the title is an HTML <title>, which the page's <h1> repeats by design
    headings: list[Unit] = field(default_factory=list)
    paragraphs: list[Unit] = field(default_factory=list)
    lines: list[Unit] = field(default_factory=list)
    labels: frozenset[tuple[int, int]] = frozenset()  # spans of short lines standing alone (``label_spans``)


def cut_units(doc: Document) -> Units:
    """The title, headings, paragraphs and lines of ``doc``'s main content, in text order."""
    units = Units(labels=label_spans(doc))
    text = doc.text
    make = _UnitMaker(doc)
    main = [i for i in doc.prose_blocks if doc.blocks[i].in_main]
    opening = True  # no paragraph of prose yet: header lines ("Blog", a date) may come before the title
    unit: Unit | None = None
    furniture: list[bool] = []  # per block so far: header furniture (a menu, a byline, a skip link)
    for index in main:
        block = doc.blocks[index]
        chunk = text[block.start : block.end]
        previous, unit = unit, make(block.start, block.end, "\n" in chunk)
        # read only while the headline may still be ahead (opening, no title): later blocks never ask
        seeking = opening and units.title is None
        furniture.append(seeking and (bool(MENU_SEPARATOR_RE.search(chunk)) or _header_chrome(chunk, unit.words)))
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
            for start, end in _whole_lines(chunk):
                units.lines.append(make(block.start + start, block.start + end, False))
        if (
            block.kind not in ("heading", "title")
            and len(unit.words) >= OPENING_PARAGRAPH_WORDS
            and ends_sentence(chunk)
        ):
            if opening and units.title is None and all(furniture[:-2]) and _plain_headline(doc, previous):
                units.title = previous  # the line between the header's furniture and the first paragraph
            opening = False  # prose has begun (a block of menu and byline lines has not begun it)
    return units


def _plain_headline(doc: Document, unit: Unit | None) -> bool:
    """Whether ``unit``, right above the first paragraph of a plain-text page with no heading and
    below nothing but the header's furniture, is its headline: plain text marks no heading, and a
    headline may end like a sentence ("I stopped feeling guilty about screen time. Here's why.")
    but is shorter than a paragraph and is no furniture itself (a byline, a dateline, a menu)."""
    if doc.format != "text" or unit is None or unit.multi_line:
        return False
    line = doc.text[unit.start : unit.end]
    if not line[:1].isupper() or LIST_MARKER_RE.match(line) or MENU_SEPARATOR_RE.search(line):
        return False  # a headline opens with a capital; code ("#define ...") and menus do not read as one
    if _header_chrome(line, unit.words):
        return False
    return TITLE_MIN_WORDS <= len(unit.words) < OPENING_PARAGRAPH_WORDS


def _whole_lines(chunk: str) -> list[tuple[int, int]]:
    """Spans of the lines of a block that are not one sentence broken across lines: a line opening
    in lower case after a line that stops mid-sentence, and that line itself, are pieces of prose
    ("... bytes-like object s and" / "return the decoded bytes."), not lines a page repeats."""
    lines = [(m.start(), m.end()) for m in _LINE_RE.finditer(chunk)]
    broken = set()
    for index in range(1, len(lines)):
        if continues_sentence(chunk[slice(*lines[index - 1])], chunk[slice(*lines[index])].lstrip()):
            broken.update((index - 1, index))
    return [span for index, span in enumerate(lines) if index not in broken]


def label_spans(doc: Document) -> frozenset[tuple[int, int]]:
    """Spans of the short lines of plain text that stand as elements of their own. Laid out one
    element per line (by trafilatura, html2text, "save as text"), a caption, a byline, a note or a
    sub-heading ("Photo: Reuters", "This function is Unix specific.") is a line of its own under
    ``LABEL_MAX_WORDS`` words, and such a line is said again by design, as a list item is in
    Markdown. A line is an element of its own when blank lines surround it, or when the text puts
    whole paragraphs on lines of their own between single newlines (a line wider than anybody
    wraps prose, in a run of several lines): then every line is. In text that separates its
    paragraphs by blank lines, a run of short lines is one element per line when some of its lines
    are no sentences (a table's cells, a menu, code); a run of sentences only is one paragraph's lines."""
    if doc.format != "text":
        return frozenset()
    text, blocks = doc.text, doc.blocks
    chunks, index = [], 0
    for chunk in CHUNK_RE.finditer(text):
        first = index
        while index < len(blocks) and blocks[index].start < chunk.end():
            index += 1
        chunks.append([b for b in blocks[first:index] if "\n" not in text[b.start : b.end]])
    one_per_line = any(len(lines) > 1 and any(b.end - b.start > ELEMENT_LINE_CHARS for b in lines) for lines in chunks)
    return frozenset(
        (b.start, b.end)
        for lines in chunks
        if one_per_line
        or len(lines) == 1
        or not all(b.is_prose and ends_sentence(text[b.start : b.end]) for b in lines)
        for b in lines
        if b.is_prose and _is_label(text[b.start : b.end])
    )


def _is_label(line: str) -> bool:
    """Short, and no question: an interview or a FAQ asks each of its questions once."""
    return len(WORD_RE.findall(line)) < LABEL_MAX_WORDS and not line.rstrip(_CLOSERS).endswith("?")


def _takes_the_title(doc: Document, units: Units, heading: Unit, *, first: bool, opening: bool) -> bool:
    """Whether ``heading`` is the title: the heading that opens a text or a draft, after any short
    header lines, or its first top-level heading ("# 4.1. Installation Methods" below a menu line).
    A bulleted line is an entry of a table of contents or a menu, never the title, and neither is a
    menu or a breadcrumb trail, which plain text may start with, nor an unmarked skip link, byline
    or dateline above the headline (``_header_chrome``)."""
    text = doc.text[heading.start : heading.end]
    if is_list_item(doc, heading) or MENU_SEPARATOR_RE.search(text):
        return False
    if _heading_level(doc, heading) == 0 and _header_chrome(text, heading.words):
        return False  # a heading the writer marked ("# ...", <h1>) is no furniture, whatever it says
    long = len(heading.words) >= TITLE_MIN_WORDS
    if units.title is None:  # the first heading the writer marked as the page's own (# or <h1>) is its
        # title, even below a cookie notice that reads like a first paragraph ("#" marks nothing in plain text)
        marked_top = doc.format != "text" and _heading_level(doc, heading) == 1
        return first or marked_top or (opening and (long or _heading_level(doc, heading) == 1))
    # a short first heading ("Blog", a site name) gives way to the headline below it, but not to
    # one of its own subheadings ("# Low-level API Index" above "## Obtaining the Event Loop")
    short = len(units.title.words) < TITLE_MIN_WORDS and not units.title_echoed
    level, title_level = _heading_level(doc, heading), _heading_level(doc, units.title)
    subheading = title_level > 0 and level > title_level
    return opening and long and short and not subheading


def _header_chrome(text: str, words: tuple[str, ...]) -> bool:
    """Whether a line is a web page's header furniture that plain text keeps above the headline: a
    skip link, a byline, a dateline, or a menu laid out without separators ("Home About Services
    Insurance Blog Contact": capitalised words, several of them names of a site's sections). A
    headline names its subject; these name the page's machinery."""
    if _CHROME_START_RE.match(text):
        return True
    if _DATE_RE.search(text) and len(WORD_RE.findall(_DATE_RE.sub(" ", text))) <= DATELINE_MAX_WORDS:
        return True  # a dateline says little besides its date ("2022-04-12 · 2 min read")
    capitalised = all(word[:1].isupper() for word in WORD_RE.findall(text))
    return capitalised and sum(word in _NAV_WORDS for word in words) >= NAV_MENU_MIN_WORDS


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
        words, text = tuple(self.lower[lo:hi]), self.text[start:end]
        return Unit(start, end, words, multi_line, _reads_as_prose(text, words), lead_in(text, words))


def _reads_as_prose(text: str, words: tuple[str, ...]) -> bool:
    """Sentences repeat by mistake or by spam; list items, table rows, code and numbered labels
    ("Step 1", "Day 2: eat every 2-3 hours") repeat by design. Code that extracted text keeps
    inline reads as sentences when long, but its commands give it away ("\\relative { ... }
    \\addlyrics { ... }": a score's examples repeat a passage with one change)."""
    if not words or LIST_MARKER_RE.match(text) or _is_code(text):
        return False
    terminal = text.rstrip(_CLOSERS).endswith(_TERMINAL) or lead_in(text, words)
    if len(_NUMBER_RE.findall(text)) * 4 >= len(words):
        # figures on most words: a table row or a data line, unless it is sentences about them
        # ("Borrow £600 over 12 months at 12.7% APR. 12 monthly repayments of £53.31.")
        return terminal and len(_SENTENCE_BREAK_RE.findall(text)) >= 1 and len(words) >= PROSE_LINE_WORDS
    return terminal or len(words) >= PROSE_LINE_WORDS


def _is_code(text: str) -> bool:
    return "{" in text and len(_COMMAND_RE.findall(text)) >= CODE_MIN_COMMANDS


def lead_in(text: str, words: tuple[str, ...]) -> bool:
    """Whether a line is a sentence introducing what follows ("Our program keeps growing in
    complexity:"), not a label ("Example:", "Parameters:"). A page may open several sections with
    the same lead-in ("Here is what is happening:" under each example); one section says it once."""
    short = LEAD_IN_MIN_WORDS <= len(words) < LABEL_MAX_WORDS  # longer, it is a paragraph of its own
    return short and "\n" not in text.strip() and text.rstrip().endswith(":")


def ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS).endswith(_TERMINAL)


def is_list_item(doc: Document, unit: Unit) -> bool:
    block = doc.block_at(unit.start)
    return (block is not None and block.kind == "list_item") or bool(
        LIST_MARKER_RE.match(doc.text[unit.start : unit.end])
    )


__all__ = [
    "LIST_MARKER_RE",
    "MENU_SEPARATOR_RE",
    "Unit",
    "Units",
    "cut_units",
    "ends_sentence",
    "is_list_item",
    "label_spans",
    "lead_in",
]
