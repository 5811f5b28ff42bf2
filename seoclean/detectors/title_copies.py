"""The page title repeated in the body (SEO405), for ``DuplicationDetector``.

Whole lines or headings that repeat the title are reported, and the title pasted at the start of
a line right before a sentence. A web page's <title> is echoed once by its visible headline (<h1>),
which is not reported; nor are entries of a table of contents or a breadcrumb naming the title,
nor, in plain text, lines naming it in the page's header and footer. Naming the subject inside a
sentence ("the Second Battle of Naktong Bulge began ...") is how articles are written and is not
looked at.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from seoclean.detectors.base import make_finding
from seoclean.detectors.duplicate_units import (
    LIST_MARKER_RE,
    MENU_SEPARATOR_RE,
    OPENING_PARAGRAPH_WORDS,
    Unit,
    Units,
    ends_sentence,
    is_list_item,
)
from seoclean.detectors.keyword_slots import is_table_row
from seoclean.detectors.repeat_context import DEFAULT_LABEL_WORDS, RepeatContext
from seoclean.document import WORD_RE, Document
from seoclean.findings import Finding

GLUED_TITLE_MIN_WORDS = 3  # a title this long pasted before a sentence is a copy, not the sentence's subject
MIN_SENTENCE_WORDS = 4  # a line of prose this long ending a sentence starts the body
ENTRY_MAX_WORDS = 4  # an entry of a table of contents or a menu is shorter than this
_CLOSERS = "\"'”’)]»*_ "
HEADLINE_MIN_WORDS = 3  # a header line this long said again in the body is the headline's copy ("Soil care glossary")


def title_copies(doc: Document, units: Units, min_words: int, context: RepeatContext | None = None) -> list[Finding]:
    """SEO405 findings for a title of at least ``min_words`` words; ``context`` tells a page
    template's repeats (``_template_repeat``)."""
    title = units.title
    if title is None or len(title.words) < min_words:
        return _headline_copies(doc, units, context, [])
    furniture = _page_furniture(doc, units)
    copies = sorted(  # a list item naming the title is a table of contents or a breadcrumb
        (
            u
            for u in units.headings + units.lines
            if u.words == title.words and u is not title and not _entry_of_a_list(doc, u) and not furniture(u)
        ),
        key=lambda u: u.start,
    )
    first_line = doc.position(title.start)[0]
    message = f"the page title (line {first_line}) is repeated in the body"
    evidence = {"first_line": first_line, "words": len(title.words)}
    context = context or RepeatContext(doc, DEFAULT_LABEL_WORDS)
    spans = [
        (copy.start, copy.end)
        for copy in copies[1 if units.title_echoed else 0 :]
        if not _template_repeat(units, copy, context)
    ]
    spans += _glued_titles(doc, title, units.lines) if len(title.words) >= GLUED_TITLE_MIN_WORDS else []
    found = [
        make_finding(doc, "SEO405", start, end, message, suggestion="", evidence=evidence)
        for start, end in sorted(spans)
    ]
    return sorted(_headline_copies(doc, units, context, found) + found, key=lambda f: f.start)


def _headline_copies(doc: Document, units: Units, context: RepeatContext | None, found: list[Finding]) -> list[Finding]:
    """Plain text marks no title, and the line read as one may be a byline or a caption below it.
    So a line of the page's header (above the body's first paragraph) said again as a line of its
    own between the body's paragraphs is reported as the title's copy too, when it is the only
    header line the page says again: a contents list in the header names its sections again as
    their headings, a headline is said once. A repeat among the same neighbours as a header line
    (a footer repeating the header) is the page's; lines ``found`` already are not reported again."""
    body = _body(doc, units) if doc.format == "text" else None
    if body is None:
        return []
    lines = sorted(
        {(u.start, u.end): u for u in units.headings + units.lines if _headline_like(doc.text, u)}.values(),
        key=lambda u: u.start,
    )
    originals = _recurring_header_line(lines, body)
    context = context or RepeatContext(doc, DEFAULT_LABEL_WORDS)
    findings = []
    for copy in (u for u in lines if originals and u.words == originals[0].words and u.start >= body[0]):
        if copy.end > body[1] or any(f.start < copy.end and copy.start < f.end for f in found):
            continue
        if any(context.parallel((copy.start, copy.end), (u.start, u.end)) for u in originals):
            continue
        first_line = doc.position(originals[0].start)[0]
        message = f"this line repeats the page's headline (line {first_line}) in the body"
        evidence = {"first_line": first_line, "words": len(copy.words)}
        findings.append(make_finding(doc, "SEO405", copy.start, copy.end, message, suggestion="", evidence=evidence))
    return findings


def _recurring_header_line(lines: list[Unit], body: tuple[int, int]) -> list[Unit]:
    """The occurrences above the body of the one header line said again on the page (none when
    no header line or several are: a contents list)."""
    said = Counter(u.words for u in lines)
    header = [u for u in lines if u.end <= body[0]]
    recurring = {u.words for u in header if said[u.words] > 1}
    return [u for u in header if u.words in recurring] if len(recurring) == 1 else []


def _body(doc: Document, units: Units) -> tuple[int, int] | None:
    """From the first to the last paragraph of sentences (None: the page has none)."""
    paragraphs = [
        u
        for u in units.paragraphs
        if len(u.words) >= OPENING_PARAGRAPH_WORDS and _ends_sentence(doc.text[u.start : u.end])
    ]
    return (paragraphs[0].start, paragraphs[-1].end) if paragraphs else None


def _headline_like(text: str, unit: Unit) -> bool:
    """A short line of its own that may be a headline: no list marker, no menu, no table row,
    shorter than a paragraph, and not closed by a full stop or a colon as a sentence or a lead-in
    is ("This is the default." said under two options); a headline may ask a question."""
    line = text[unit.start : unit.end]
    if unit.multi_line or not HEADLINE_MIN_WORDS <= len(unit.words) < OPENING_PARAGRAPH_WORDS:
        return False
    if line.rstrip(_CLOSERS).endswith((".", ":", "…")):
        return False
    return not (LIST_MARKER_RE.match(line) or MENU_SEPARATOR_RE.search(line) or is_table_row(line))


def _template_repeat(units: Units, copy: Unit, context: RepeatContext) -> bool:
    """Whether ``copy`` repeats an earlier line naming the title among the same neighbours
    (``repeat_context``): a page footer repeating its header, the title above the same table of
    contents, as plain text keeps both. A title pasted into the body stands among paragraphs that
    have nothing to do with the title's."""
    earlier = [u for u in [units.title, *units.headings, *units.lines] if u.words == copy.words and u.end <= copy.start]
    return any(context.parallel((copy.start, copy.end), (u.start, u.end)) for u in earlier)


def _entry_of_a_list(doc: Document, unit: Unit) -> bool:
    """A list item naming the title is an entry of a table of contents or a breadcrumb, even alone
    (below the title, the contents of a page without sections; below the last paragraph, a link
    back to the top). But a numbered or bulleted line between a paragraph's last sentence and
    another paragraph is a list of one in the middle of the body: "8. Compound statements" there
    is the numbered title pasted into it. In plain text, a short line read as a list item only
    for standing among short lines is no entry when it comes right below a paragraph's last
    sentence either: there it is a copy planted in the body (above "See also" and the next
    heading), not part of a list."""
    if not is_list_item(doc, unit):
        return False
    above = _line_before(doc.text, unit.start)
    if LIST_MARKER_RE.match(doc.text[unit.start : unit.end]):
        below = _line_after(doc.text, unit.end).strip()
        paragraph_below = len(WORD_RE.findall(below)) >= MIN_SENTENCE_WORDS and not LIST_MARKER_RE.match(below)
        return not (ends_sentence(above) and paragraph_below and not LIST_MARKER_RE.match(above.strip()))
    if doc.format != "text":
        return True
    return not _ends_sentence(above)


def _page_furniture(doc: Document, units: Units) -> Callable[[Unit], bool]:
    """Whether a line naming the title is the page's furniture, not a copy planted in the body.
    In plain text: above the body's first sentence (the header's breadcrumb, byline or table of
    contents), or below the body's last paragraph right above an entry of a table of contents or
    a menu; extracted text has lost the bullets that mark such lines as list items in Markdown.
    In Markdown: a table row above the headline, the navigation header a generated
    manual prints above each page's headline ("| 4.2. Budgets |" over "| Prev | Chapter 4. Planning |
    Next |"); a title pasted into the body is no table cell above the headline."""
    text, title = doc.text, units.title.words
    if doc.format != "text":
        headline = units.title.start
        return lambda unit: unit.end <= headline and is_table_row(text[unit.start : unit.end])
    sentences = [
        u
        for u in units.paragraphs
        if len(u.words) >= MIN_SENTENCE_WORDS and u.words != title and _ends_sentence(text[u.start : u.end])
    ]
    paragraphs = [u for u in sentences if len(u.words) >= OPENING_PARAGRAPH_WORDS]
    if not paragraphs:
        return lambda unit: False
    body_start, body_end = sentences[0].start, paragraphs[-1].end

    def furniture(unit: Unit) -> bool:
        if unit.end <= body_start:
            return True
        following = _line_after(text, unit.end)
        return unit.start >= body_end and (_is_entry(following) or MENU_SEPARATOR_RE.search(following) is not None)

    return furniture


def _line_before(text: str, start: int) -> str:
    """The last non-blank line before ``start``."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text[text.rfind("\n", 0, end) + 1 : end]


def _line_after(text: str, end: int) -> str:
    """The first non-blank line after ``end``."""
    start = end
    while start < len(text) and text[start].isspace():
        start += 1
    stop = text.find("\n", start)
    return text[start : stop if stop >= 0 else len(text)]


def _is_entry(line: str) -> bool:
    """An entry of a table of contents or a menu: a name of a few words ("array", "Print this page")."""
    return 0 < len(WORD_RE.findall(line)) < ENTRY_MAX_WORDS and not _ends_sentence(line)


def _ends_sentence(text: str) -> bool:
    return ends_sentence(text) or text.rstrip().endswith(":")  # "The module defines these functions:"


def _glued_titles(doc: Document, title: Unit, lines: list[Unit]) -> list[tuple[int, int]]:
    """Spans of the title pasted at the start of a line, right before a sentence that opens with
    a capital ("Best Robot Vacuums 2024 Instead of emptying the robot ..."). An article's first
    sentence may start with its title, but then a verb or a bracket follows ("Route 93 (NY 93) is")."""
    size = len(title.words)
    spans = []
    for line in lines:
        if len(line.words) <= size or line.words[:size] != title.words or line is title or is_list_item(doc, line):
            continue
        words = doc.words_between(line.start, line.end)
        glued = not doc.text[words[size - 1].end : words[size].start].strip()  # "Title (abbr) is" is a lede
        if glued and words[size].text[:1].isupper():
            spans.append((line.start, words[size - 1].end))
    return spans


__all__ = ["title_copies"]
