"""Align the dataset's gold spin spans with what the spin detector sees.

Gold spans are offsets into a row's raw text (Markdown, plain text or HTML source). For text and
Markdown the analysed text is the raw text; for HTML an offset in the analysed text is mapped back
to the source through the document's source map (line and column), and a span's end is its start
plus its length.
"""

from __future__ import annotations

from seoclean.document import Document, LineIndex


class SourceOffsets:
    """Offsets in a row's analysed text -> offsets in its raw text."""

    def __init__(self, example, doc: Document) -> None:
        self.html = example.format == "html"
        self.doc = doc
        self.lines = LineIndex(example.text) if self.html else None

    def span(self, start: int, end: int) -> tuple[int, int]:
        if not self.html:
            return start, end
        line, column = self.doc.position(start)
        line_start, _ = self.lines.line_span(line)
        return line_start + column - 1, line_start + column - 1 + end - start


def spin_spans(example) -> list:
    return [span for span in example.spans if span.kind == "spin"]


def overlapping(spans: list, start: int, end: int):
    """The first gold span overlapping [start, end), or None."""
    return next((g for g in spans if start < g.end and g.start < end), None)


def restores(gold, start: int, end: int, suggestion: str | None) -> bool:
    """Replacing [start, end) by ``suggestion`` gives back exactly the original wording."""
    same_span = (start, end) == (gold.start, gold.end)
    return same_span and (suggestion or "").lower() == (gold.original or "").lower()
