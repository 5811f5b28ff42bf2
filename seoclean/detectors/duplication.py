"""The duplication detector (SEO401-SEO406): repeated headings, lines, paragraphs and sentences,
near-duplicate paragraphs, and a page title repeated in the body.

Text is compared by its words (lowercase, punctuation and spacing ignored). The second and every
later copy is reported, with the line of the first copy in the evidence; the first copy stays.
Short units (under four words: "Ingredients", "Step 1", "Read more") legitimately repeat and are
left to the boilerplate rules.

Near-duplicates are found by ``near_duplicates`` (word-3-gram Jaccard similarity).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import pairwise

from seoclean.detectors.base import Detector, DetectorResult, make_finding
from seoclean.detectors.near_duplicates import near_duplicates
from seoclean.detectors.repeated_sentences import sentence_copies
from seoclean.document import Document
from seoclean.findings import Finding

PROSE_LINE_WORDS = 10  # an unpunctuated line this long is still prose (a long heading or a caption)
TITLE_MIN_WORDS = 4  # a heading after header lines is the title only when it is this long
OPENING_PARAGRAPH_WORDS = 12  # a paragraph of sentences this long starts the body: no title after it
GLUED_TITLE_MIN_WORDS = 3  # a title this long pasted before a sentence is a copy, not the sentence's subject


@dataclass(frozen=True, slots=True)
class Unit:
    """A heading, paragraph or line: its span, its lowercase words and its shape."""

    start: int
    end: int
    words: tuple[str, ...]
    multi_line: bool  # a block spanning several lines (its lines are units too)
    prose: bool  # reads as prose, not as a list item, table row, code line or label


_LIST_MARKER_RE = re.compile(r"^(?:[-*•–—>+]|\d{1,3}[.)])\s")
_NUMBER_RE = re.compile(r"(?<!\w)\d")
_TERMINAL = (".", "!", "?", "…")
_CLOSERS = "\"'”’)]»"
_SENTENCE_BREAK_RE = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z0-9£$€]")  # a sentence ends, another starts


class DuplicationDetector(Detector):
    """Repeats inside one document.

    Args:
        min_words: shortest heading, line or paragraph that counts as a repeat (4).
        near_duplicate_threshold: shingle Jaccard similarity from which two paragraphs are
            near-duplicates (0.7). None turns SEO404 off.
        near_duplicate_min_words: shortest paragraph compared for near-duplicates (12).
        shingle_words: words per shingle (3: one changed word breaks only three shingles).
        title_min_words: shortest title whose repetition in the body is reported (2: a page rarely
            names its own title again as a heading or a line of its own; list items naming it are a
            table of contents and are left alone). None: off.
        sentence_min_words: shortest sentence whose repetition inside other text is reported (5).
            None turns SEO406 off.
    """

    name = "duplication"
    measure_names = (
        "dup_heading_count",
        "dup_line_count",
        "dup_paragraph_count",
        "near_dup_paragraph_count",
        "title_in_body_count",
        "dup_line_char_frac",
        "dup_paragraph_char_frac",
        "near_dup_char_frac",
    )

    def __init__(
        self,
        *,
        min_words: int = 4,
        near_duplicate_threshold: float | None = 0.7,
        near_duplicate_min_words: int = 12,
        shingle_words: int = 3,
        title_min_words: int | None = 2,
        sentence_min_words: int | None = 5,
    ) -> None:
        self.min_words = min_words
        self.near_duplicate_threshold = near_duplicate_threshold
        self.near_duplicate_min_words = near_duplicate_min_words
        self.shingle_words = shingle_words
        self.title_min_words = title_min_words
        self.sentence_min_words = sentence_min_words

    def detect(self, doc: Document) -> DetectorResult:
        units = _units(doc)
        title = self._title_copies(doc, units)  # copies of the title are SEO405's, not SEO401-403's
        title_words = units.title.words if units.title and self.title_min_words is not None else None
        kept = [
            [u for u in group if u.words != title_words] for group in (units.headings, units.paragraphs, units.lines)
        ]
        # a bulleted heading-like line is a table-of-contents entry, which the section's heading repeats
        headings = [u for u in kept[0] if not _is_list_item(doc, u)]
        headings = self._exact_repeats(doc, headings, "SEO401", "heading", None)
        paragraphs = self._exact_repeats(doc, kept[1], "SEO403", "paragraph", "")
        lines = self._line_repeats(doc, kept[2], paragraphs)
        near = self._near_duplicates(doc, units.paragraphs, units.lines)
        sentences = self._sentence_repeats(doc, headings + paragraphs + lines + near + title)
        main_chars = sum(u.end - u.start for u in units.paragraphs + units.headings) or 1
        measures = {
            "dup_heading_count": len(headings),
            "dup_line_count": len(lines),
            "dup_paragraph_count": len(paragraphs),
            "near_dup_paragraph_count": len(near),
            "title_in_body_count": len(title),
            "dup_line_char_frac": _chars(lines) / main_chars,
            "dup_paragraph_char_frac": _chars(paragraphs) / main_chars,
            "near_dup_char_frac": _chars(near) / main_chars,
        }
        findings = sorted(headings + paragraphs + lines + near + title + sentences, key=lambda f: (f.start, f.rule))
        return DetectorResult(findings=findings, measures=measures)

    # -- exact repeats (SEO401-SEO403) -------------------------------------------------------
    def _exact_repeats(self, doc: Document, units: list[Unit], code: str, what: str, suggestion) -> list[Finding]:
        first_seen: dict[tuple[str, ...], Unit] = {}
        findings = []
        for unit in units:
            if not self._comparable(unit, what):
                continue
            first = first_seen.setdefault(unit.words, unit)
            if first is unit:
                continue
            first_line = doc.position(first.start)[0]
            message = f"this {what} repeats the {what} on line {first_line}"
            evidence = {"first_line": first_line, "words": len(unit.words)}
            findings.append(
                make_finding(doc, code, unit.start, unit.end, message, suggestion=suggestion, evidence=evidence)
            )
        return findings

    def _comparable(self, unit: Unit, what: str) -> bool:
        if len(unit.words) < self.min_words:
            return False
        if what == "heading":  # headings are unpunctuated; a number makes them a label ("Day 2 ...")
            return not any(w[:1].isdigit() for w in unit.words)
        return unit.prose

    def _line_repeats(self, doc: Document, lines: list[Unit], paragraph_repeats: list[Finding]) -> list[Finding]:
        """Repeated lines, except those a repeated paragraph already covers (a one-line paragraph
        is both a line and a paragraph: it is reported once, as a paragraph)."""
        lone = [u for u in lines if not _inside_any(u, paragraph_repeats)]
        found = self._exact_repeats(doc, lone, "SEO402", "line", "")
        return found + self._adjacent_repeats(doc, lone, found)

    def _adjacent_repeats(self, doc: Document, lines: list[Unit], found: list[Finding]) -> list[Finding]:
        """A list item repeated right below itself ("- Payment date: the money arrives" twice in a
        row): a list never names one thing twice in a row. (A table's header row may repeat.)"""
        findings = []
        for previous, unit in pairwise(lines):
            if unit.words != previous.words or len(unit.words) < self.min_words or _inside_any(unit, found):
                continue
            if not _is_list_item(doc, unit):
                continue
            if doc.text[previous.end : unit.start].count("\n") > 1:
                continue  # not the next line
            first_line = doc.position(previous.start)[0]
            message = f"this line repeats the line right above it (line {first_line})"
            evidence = {"first_line": first_line, "words": len(unit.words)}
            findings.append(make_finding(doc, "SEO402", unit.start, unit.end, message, suggestion="", evidence=evidence))
        return findings

    # -- repeated sentences (SEO406) -----------------------------------------------------------
    def _sentence_repeats(self, doc: Document, reported: list[Finding]) -> list[Finding]:
        """Copies of a sentence tacked on at the end of a paragraph, standing as one, or glued
        after a label (``repeated_sentences``), outside reported units."""
        if self.sentence_min_words is None:
            return []
        return sentence_copies(doc, self.sentence_min_words, reported)

    # -- near-duplicates (SEO404) ------------------------------------------------------------
    def _near_duplicates(self, doc: Document, paragraphs: list[Unit], lines: list[Unit]) -> list[Finding]:
        """Two passes over units that do not overlap: multi-line blocks, then lines (in extracted
        text a line is a paragraph). A line inside a block already reported is not reported again."""
        if self.near_duplicate_threshold is None:
            return []
        blocks = self._near_pass(doc, [u for u in paragraphs if u.multi_line])
        lines_found = [f for f in self._near_pass(doc, lines) if not _inside_any(f, blocks)]
        return blocks + lines_found

    def _near_pass(self, doc: Document, units: list[Unit]) -> list[Finding]:
        units = [u for u in units if u.prose and len(u.words) >= self.near_duplicate_min_words]
        pairs = near_duplicates([u.words for u in units], self.near_duplicate_threshold, self.shingle_words)
        return [self._near_finding(doc, units[k], units[first], similarity) for k, first, similarity in pairs]

    def _near_finding(self, doc: Document, unit: Unit, first: Unit, similarity: float) -> Finding:
        first_line = doc.position(first.start)[0]
        message = f"this paragraph is a near-copy ({similarity:.0%} similar) of the one on line {first_line}"
        evidence = {"first_line": first_line, "jaccard": similarity, "words": len(unit.words)}
        return make_finding(doc, "SEO404", unit.start, unit.end, message, suggestion="", evidence=evidence)

    # -- title repeated in the body (SEO405) ---------------------------------------------------
    def _title_copies(self, doc: Document, units: Units) -> list[Finding]:
        """Whole lines or headings that repeat the page title. A web page's <title> is echoed once
        by its visible headline (<h1>), which is not reported; naming the subject inside a sentence
        ("the Second Battle of Naktong Bulge began ...") is how articles are written and is not looked at."""
        title = units.title
        if self.title_min_words is None or title is None or len(title.words) < self.title_min_words:
            return []
        copies = sorted(  # a list item naming the title is a table of contents or a breadcrumb
            (u for u in units.headings + units.lines if u.words == title.words and u is not title and not _is_list_item(doc, u)),
            key=lambda u: u.start,
        )
        first_line = doc.position(title.start)[0]
        message = f"the page title (line {first_line}) is repeated in the body"
        evidence = {"first_line": first_line, "words": len(title.words)}
        spans = [(copy.start, copy.end) for copy in copies[1 if units.title_echoed else 0 :]]
        spans += _glued_titles(doc, title, units.lines) if len(title.words) >= GLUED_TITLE_MIN_WORDS else []
        return [
            make_finding(doc, "SEO405", start, end, message, suggestion="", evidence=evidence) for start, end in sorted(spans)
        ]


@dataclass(slots=True)
class Units:
    """The main content cut four ways. A one-line paragraph is the same unit in ``paragraphs``
    and ``lines``. Navigation and footers (``Block.in_main`` False) repeat by design and are the
    boilerplate detector's business."""

    title: Unit | None = None
    title_echoed: bool = False  # the title is an HTML <title>, which the page's <h1> repeats by design
    headings: list[Unit] = field(default_factory=list)
    paragraphs: list[Unit] = field(default_factory=list)
    lines: list[Unit] = field(default_factory=list)


def _units(doc: Document) -> Units:
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
            # a heading that opens a text or a draft, after any short header lines, is its title;
            # a bulleted line is an entry of a table of contents or a menu, never the title
            if (index == main[0] or (opening and len(unit.words) >= TITLE_MIN_WORDS)) and not _is_list_item(doc, unit):
                # a short first heading ("Blog", a site name) gives way to the headline below it
                short = units.title is not None and len(units.title.words) < TITLE_MIN_WORDS
                if units.title is None or (short and not units.title_echoed and len(unit.words) >= TITLE_MIN_WORDS):
                    units.title = unit
        elif not unit.multi_line:
            units.paragraphs.append(unit)
            units.lines.append(unit)
        else:
            units.paragraphs.append(unit)
            for match in _LINE_RE.finditer(chunk):
                units.lines.append(make(block.start + match.start(), block.start + match.end(), False))
        if block.kind not in ("heading", "title") and len(unit.words) >= OPENING_PARAGRAPH_WORDS and _ends_sentence(chunk):
            opening = False  # prose has begun (a block of menu and byline lines has not begun it)
    return units


_LINE_RE = re.compile(r"[^\s](?:[^\n]*[^\s])?")  # a line without its surrounding spaces


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
    if not words or _LIST_MARKER_RE.match(text):
        return False
    terminal = text.rstrip(_CLOSERS).endswith(_TERMINAL)
    if len(_NUMBER_RE.findall(text)) * 4 >= len(words):
        # figures on most words: a table row or a data line, unless it is sentences about them
        # ("Borrow £600 over 12 months at 12.7% APR. 12 monthly repayments of £53.31.")
        return terminal and len(_SENTENCE_BREAK_RE.findall(text)) >= 1 and len(words) >= PROSE_LINE_WORDS
    return terminal or len(words) >= PROSE_LINE_WORDS


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS).endswith(_TERMINAL)


def _glued_titles(doc: Document, title: Unit, lines: list[Unit]) -> list[tuple[int, int]]:
    """Spans of the title pasted at the start of a line, right before a sentence that opens with
    a capital ("Best Robot Vacuums 2024 Instead of emptying the robot ..."). An article's first
    sentence may start with its title, but then a verb or a bracket follows ("Route 93 (NY 93) is")."""
    size = len(title.words)
    spans = []
    for line in lines:
        if len(line.words) <= size or line.words[:size] != title.words or line is title or _is_list_item(doc, line):
            continue
        words = doc.words_between(line.start, line.end)
        glued = not doc.text[words[size - 1].end : words[size].start].strip()  # "Title (abbr) is" is a lede
        if glued and words[size].text[:1].isupper():
            spans.append((line.start, words[size - 1].end))
    return spans


def _is_list_item(doc: Document, unit: Unit) -> bool:
    block = doc.block_at(unit.start)
    return (block is not None and block.kind == "list_item") or bool(_LIST_MARKER_RE.match(doc.text[unit.start : unit.end]))


def _inside_any(unit: Unit, findings: list[Finding]) -> bool:
    return any(f.start <= unit.start and unit.end <= f.end for f in findings)


def _chars(findings: list[Finding]) -> int:
    return sum(f.end - f.start for f in findings)
