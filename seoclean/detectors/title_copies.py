"""The page title repeated in the body (SEO405), for ``DuplicationDetector``.

Whole lines or headings that repeat the title are reported, and the title pasted at the start of
a line right before a sentence. A web page's <title> is echoed once by its visible headline (<h1>),
which is not reported; naming the subject inside a sentence ("the Second Battle of Naktong Bulge
began ...") is how articles are written and is not looked at.
"""

from __future__ import annotations

from seoclean.detectors.base import make_finding
from seoclean.detectors.duplicate_units import Unit, Units, is_list_item
from seoclean.document import Document
from seoclean.findings import Finding

GLUED_TITLE_MIN_WORDS = 3  # a title this long pasted before a sentence is a copy, not the sentence's subject


def title_copies(doc: Document, units: Units, min_words: int) -> list[Finding]:
    """SEO405 findings for a title of at least ``min_words`` words."""
    title = units.title
    if title is None or len(title.words) < min_words:
        return []
    copies = sorted(  # a list item naming the title is a table of contents or a breadcrumb
        (u for u in units.headings + units.lines if u.words == title.words and u is not title and not is_list_item(doc, u)),
        key=lambda u: u.start,
    )
    first_line = doc.position(title.start)[0]
    message = f"the page title (line {first_line}) is repeated in the body"
    evidence = {"first_line": first_line, "words": len(title.words)}
    spans = [(copy.start, copy.end) for copy in copies[1 if units.title_echoed else 0 :]]
    spans += _glued_titles(doc, title, units.lines) if len(title.words) >= GLUED_TITLE_MIN_WORDS else []
    return [make_finding(doc, "SEO405", start, end, message, suggestion="", evidence=evidence) for start, end in sorted(spans)]


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
